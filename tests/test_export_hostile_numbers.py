"""Any number a figure can carry exports: 1e-05, inf, nan, huge ints and Decimals never break a
workbook (``number_format_for`` counts decimals without repr)."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from reviewer.export.sheet_writer import excel_number, number_format_for
from reviewer.export.workbook import write_workbook
from reviewer.library.store import Library
from tests.test_store_support import SMALL_TEXT, make_analysis


@pytest.mark.parametrize(("value", "expected"), [
    (1e-05, "#,##0.0000"), (0.5, "#,##0.0"), (1.25, "#,##0.00"), (12, "#,##0"), (2.0, "#,##0"),
    (float("inf"), "General"), (float("nan"), "General"), (10**400, "General"),
    (Decimal("1.50"), "#,##0.0"), (Decimal("1E+3"), "#,##0"), (Decimal("NaN"), "General"),
    (Decimal("sNaN"), "General"), (Decimal("1E-9999"), "#,##0.0000"), (True, "General"), ("1.5", "General"),
])
def test_number_format_never_uses_repr(value, expected):
    assert number_format_for(value) == expected


@pytest.fixture(scope="module")
def review(tmp_path_factory):
    db = tmp_path_factory.mktemp("numbers") / "lib.db"
    with Library(db) as lib:
        doc = lib.import_analysis(make_analysis(SMALL_TEXT)).doc_uuid
        return lib.load_review(doc)


NUMBERS = st.one_of(st.floats(), st.decimals(), st.integers(min_value=-(10**330), max_value=10**330))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=st.lists(NUMBERS, min_size=1, max_size=6))
def test_any_float_or_decimal_figure_exports(tmp_path, review, values):
    for item, value in zip(review.figures, values):
        item.figure.value = value
    out = write_workbook([review], tmp_path / "numbers.xlsx")
    book = load_workbook(out, read_only=True)
    written = [row for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)]
    book.close()
    numbers = [v for row in written for v in row if isinstance(v, (int, float)) and not isinstance(v, bool)]
    for value in values:
        if excel_number(value):
            assert any(math.isclose(float(value), n, rel_tol=1e-14, abs_tol=1e-300) for n in numbers), value
