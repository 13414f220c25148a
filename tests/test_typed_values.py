"""A reviewer's typed correction is read as a number with the core's numeral parser (issue 11,
defect 2)."""

from __future__ import annotations

import pytest

from reviewer.analysis.numerals import NumeralError
from reviewer.analysis.typed_values import TypedValue, parse_typed_value


@pytest.mark.parametrize("typed, expected", [
    ("347.93万元", TypedValue(3479300, "元", "money")),
    ("两千", TypedValue(2000, None, None)),
    ("95.6%", TypedValue(95.6, "%", "percent")),
    ("百分之三十", TypedValue(30, "%", "percent")),
    ("4806", TypedValue(4806, None, None)),
    ("1,170件", TypedValue(1170, "件", "count")),
    (" 12 件 ", TypedValue(12, "件", "count")),
    ("１２３", TypedValue(123, None, None)),
])
def test_typed_entries_are_read_as_numbers_in_base_units(typed, expected):
    assert parse_typed_value(typed) == expected


@pytest.mark.parametrize("typed", ["", "abc", "347.93万元左右还多", "十二点", "12 件 和 3 次"])
def test_entries_that_are_not_one_number_are_refused(typed):
    with pytest.raises(NumeralError):
        parse_typed_value(typed)
