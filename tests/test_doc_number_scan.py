"""The document-number scan found from bracketed years gives exactly ``DOC_NUMBER.finditer``."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.analysis.citations import DOC_NUMBER, _doc_number_matches

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
