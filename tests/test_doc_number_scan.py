"""The document- and decree-number scans, found from where a number's tail begins, give exactly
what ``finditer`` gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.analysis.citations import DECREE_NUMBER, DOC_NUMBER, _decree_number_matches, _doc_number_matches

# The characters the pattern cares about, and a few it does not.
ALPHABET = list("国办发政府令和的印〔〕[]【】()（）2019200 第号fā,。\n") + ["(fā)", "2018", "2023"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(ALPHABET), max_size=80).map("".join))
def test_same_matches_as_finditer(text: str) -> None:
    expected = [(m.start(), m.end()) for m in DOC_NUMBER.finditer(text)]
    assert [(m.start(), m.end()) for m in _doc_number_matches(text)] == expected


def test_a_long_prefix_and_glosses() -> None:
    text = "根据" + "内黨發(fā)" * 8 + "〔2022〕4号和国办发〔2018〕118号、〔2019〕5号"
    expected = [(m.start(), m.end()) for m in DOC_NUMBER.finditer(text)]
    assert [(m.start(), m.end()) for m in _doc_number_matches(text)] == expected


DECREE_ALPHABET = list("国务院省政府令第号號和的 1237\n") + ["令第", "第3号令", "令第711号", "人民政府"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(DECREE_ALPHABET), max_size=60).map("".join))
def test_decree_numbers_as_finditer(text: str) -> None:
    expected = [(m.start(), m.end()) for m in DECREE_NUMBER.finditer(text)]
    assert [(m.start(), m.end()) for m in _decree_number_matches(text)] == expected


def test_decree_numbers_in_a_sentence() -> None:
    text = "根据国务院令第711号和省人民政府第3号令令第5号令,以及某某某某某某某某某某某某某令第9号"
    expected = [(m.start(), m.end()) for m in DECREE_NUMBER.finditer(text)]
    assert expected and [(m.start(), m.end()) for m in _decree_number_matches(text)] == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 20)), max_size=8),
       st.lists(st.tuples(st.integers(0, 80), st.integers(1, 10)), max_size=8))
def test_a_number_inside_a_title_as_comparing_every_pair(titles, numbers) -> None:
    """The bisection over titles finds what comparing each number with every title found."""
    from reviewer.analysis.citations import _inside_a_title, _title_reach
    from reviewer.model import Citation

    cited = [Citation("《》", "title", a, a + n) for a, n in titles]
    starts, reach = _title_reach(cited)
    for a, n in numbers:
        number = Citation("号", "doc_number", a, a + n)
        expected = any(t.start < number.start and number.end < t.end for t in cited)
        assert _inside_a_title(number, starts, reach) == expected
