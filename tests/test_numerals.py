"""Numeral parsing: Chinese, Arabic, mixed magnitudes and fractions."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reviewer.analysis.numerals import (
    NumeralError,
    format_chinese_int,
    parse_arabic,
    parse_chinese_int,
    parse_number,
    tidy,
)


@pytest.mark.parametrize("text, value", [
    ("一", 1), ("十", 10), ("十五", 15), ("二十", 20), ("两千", 2000), ("一百零五", 105),
    ("三万五千", 35000), ("一亿二千万", 120_000_000), ("十万", 100_000), ("两", 2),
    ("壹佰贰拾叁", 123), ("二〇二〇", 2020), ("一千零一", 1001),
])
def test_chinese_integers_are_parsed(text, value):
    assert parse_chinese_int(text) == value


@pytest.mark.parametrize("text, value", [
    ("1,170", 1170), ("347.39", 347.39), ("１２", 12), ("0", 0),
])
def test_arabic_numbers_with_grouping_and_full_width_digits(text, value):
    assert parse_arabic(text) == value


@pytest.mark.parametrize("text, value", [
    ("347.39万", 3_473_900), ("6.8万", 68_000), ("3千", 3000), ("1.2亿", 120_000_000),
    ("五分之一", 0.2), ("十分之一", 0.1), ("三分之二", 0.666667), ("百分之三十", 30),
    ("百分之九十五", 95), ("半", 0.5), ("224319万", 2_243_190_000),
])
def test_mixed_numerals_give_base_units(text, value):
    assert parse_number(text) == value


def test_magnitude_results_are_whole_numbers_not_float_noise():
    assert parse_number("347.39万") == 3_473_900
    assert isinstance(parse_number("347.39万"), int)
    assert tidy(0.1 + 0.2) == 0.3


@pytest.mark.parametrize("text", ["", "abc", "万元", "1.2.3", "二十x"])
def test_non_numerals_raise_a_numeral_error(text):
    with pytest.raises(NumeralError):
        parse_number(text)


@pytest.mark.parametrize("value, text", [
    (0, "零"), (10, "十"), (15, "十五"), (105, "一百零五"), (10005, "一万零五"),
    (100010, "十万零一十"), (100_001_000, "一亿零一千"),
])
def test_integers_are_written_the_usual_chinese_way(value, text):
    assert format_chinese_int(value) == text


@given(st.integers(min_value=0, max_value=10**9))
def test_chinese_numerals_round_trip(value):
    assert parse_chinese_int(format_chinese_int(value)) == value


@given(st.integers(min_value=0, max_value=10**9))
def test_arabic_numbers_round_trip_with_grouping(value):
    assert parse_number(f"{value:,}") == value


@pytest.mark.parametrize("text, value", [
    ("九十九点五", 99.5), ("三点五万", 35_000), ("十四点三", 14.3), ("零点五", 0.5), ("一点二五亿", 125_000_000),
])
def test_chinese_decimals_read_the_digits_after_dian_one_by_one(text, value):
    assert parse_number(text) == value
