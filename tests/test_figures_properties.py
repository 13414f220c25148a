"""Hypothesis: figures never crash and every span (figure and label) is valid, for any text."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewer.analysis import figures
from reviewer.analysis.figure_spans import anchored_matches
from reviewer.analysis.figures import find_figures
from reviewer.load.dispatch import document_from_text
from reviewer.model import FIGURE_KINDS, Metadata
from reviewer.pipeline import analyze

# Pieces that exercise the rules: numerals, magnitudes, units, qualifiers, dates, quotes,
# brackets, traditional characters, punctuation and line breaks.
PIECES = st.sampled_from([
    "1", "2", "0", "9", ".", ",", "一", "两", "十", "百", "千", "万", "亿", "〇", "半", "分之", "百分之",
    "件", "户", "人次", "个工作日", "元", "萬元", "%", "个百分点", "年", "月", "日", "天", "岁", "分",
    "余", "多", "以上", "约", "不少于", "-", "至", "第", "“", "”", "《", "》", "〔", "〕", "号", "(", ")",
    "(", ")", "、", ",", "。", ";", ":", "\n", " ", "立案", "罚没款", "企业", "其中", "共", "达到", "的",
    "為", "戶", "個", "项", "是", "统一", "一次性", "发布日期", "2020", "2021-01-08", "17:00", "12345",
])
TEXTS = st.one_of(st.lists(PIECES, max_size=60).map("".join), st.text(max_size=200))


def check_figures(text: str, figures) -> None:
    last = -1
    for f in figures:
        assert text[f.start:f.end] == f.text
        assert f.start >= last
        last = f.start
        assert f.kind in FIGURE_KINDS
        if f.kind == "date":
            assert isinstance(f.value, str) and f.unit is None
        else:
            assert isinstance(f.value, (int, float))
        if f.label_start is not None:
            assert text[f.label_start:f.label_end] == f.label


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_find_figures_never_crashes_and_spans_are_valid(text):
    doc = document_from_text(text)
    check_figures(doc.text, find_figures(doc, [], [], Metadata()))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_full_analysis_keeps_figure_spans_valid(text):
    doc = document_from_text(text)
    result = analyze(doc)
    check_figures(doc.text, result.figures)


ANCHORED = [(figures._DATE_MONTH_DAY, "月", 2, False), (figures._HALF, "一半", 0, False),
            (figures._TENTHS, "成", 1, False), (figures._ARABIC_FRACTION, "/", 2, False),
            (figures._DATE_FULL, "年", 4, True), (figures._YEAR, "年", 4, True)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["1", "12", "3", "19", "20", "2021", "二〇二〇", "一", "十", "九", ".", "/", ":",
                                 "-", "月", "日", "号", "年", "成", "为", "第", "半", "一半", "另", "的", " ",
                                 "\u3000", "\n"]), max_size=30).map("".join))
def test_anchored_matches_are_finditers_matches(text):
    """The figure finder tries its lookbehind patterns only near their literal: same matches."""
    for pattern, anchor, back, spaced in ANCHORED:
        assert [m.span() for m in anchored_matches(pattern, text, anchor, back, spaced)] == \
            [m.span() for m in pattern.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.integers(min_value=0, max_value=40))
def test_next_number_is_the_numbers_search(text, pos):
    """The quantity finder looks for a number's first character before trying ``_NUMBER``."""
    found = figures._next_number(text, pos)
    expected = figures._NUMBER.search(text, pos)
    assert (found.span() if found else None) == (expected.span() if expected else None)


# The anchored scans that also pass over an anchor with no numeral before it (``before``).
ANCHORED_BEFORE = [(figures._DATE_FULL, "年", 4, True, "0〇零○一二三四五六七八九"),
                   (figures._YEAR, "年", 4, True, "0"),
                   (figures._DATE_MONTH_DAY, "月", 2, False, "0一二三四五六七八九十")]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["1", "12", "3", "19", "20", "2021", "二〇二〇", "○", "一", "十", "九", "٣",
                                 "月", "日", "号", "年", "每", " ", "\u3000", "\n", "的"]), max_size=30).map("".join))
def test_anchored_matches_passing_over_anchors_are_finditers_matches(text):
    """An anchor with none of ``before`` before it (and its white space) holds no match."""
    for pattern, anchor, back, spaced, before in ANCHORED_BEFORE:
        assert [m.span() for m in anchored_matches(pattern, text, anchor, back, spaced, before)] == \
            [m.span() for m in pattern.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["三", "十", "百", "一", "〇", "两", "分之", "分", "之", "的", "第", "五分之一"]),
                max_size=30).map("".join))
def test_fractions_are_the_fraction_patterns_matches(text):
    """The fractions are found from each 分之: the same matches as the pattern's own scan."""
    assert [m.span() for m in figures._fractions(text)] == [m.span() for m in figures._FRACTION.finditer(text)]


_TWO_ALTERNATIVES = r"\d+(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"  # how _AR was first written


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["1", "23", "456", ",", ",789", ",12", ".", ".5", "%", "-", " ", "至",
                                  "万", "件", "百分之", "三"]), max_size=15).map("".join))
def test_arabic_numbers_match_as_with_two_alternatives(text):
    for pattern in (figures._NUMBER, figures._PERCENT_WORDS):
        reference = re.compile(pattern.pattern.replace(figures._AR, _TWO_ALTERNATIVES))
        assert reference.pattern != pattern.pattern
        for pos in range(len(text)):
            ours, theirs = pattern.match(text, pos), reference.match(text, pos)
            assert (ours and (ours.span(), ours.groups())) == (theirs and (theirs.span(), theirs.groups()))
