"""Markers of some styles are looked for only where they may begin (outline._starts: line starts
and sentence ends, brackets and circled numbers): the candidates must be the ones a scan of the
whole text gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewer.analysis import outline
from reviewer.load.dispatch import document_from_text

ROOT = Path(__file__).resolve().parents[1]
PIECES = ["一、", "二 ", "三，", "十一、", "(一)", "1.", "2、", "3 .", "１．", "12)", "3）", "4 ", "⒈",
          "(1)", "（ 2 ）", "⑴", "⒉", "(", "。", "！", "?", "”", "\"", "\n", "\n\n", " ", "\u3000", "\u00a0", "\u200b",
          "工作", "加强", "1.5万元", "3、4月", "一是", "第一章"]


def _full_scan(text: str) -> list[outline.Candidate]:
    saved = outline._TRIED_AT
    outline._TRIED_AT = {}
    try:
        return outline._candidates(text, text)
    finally:
        outline._TRIED_AT = saved


def test_heads_are_line_starts_and_sentence_ends_before_a_numeral():
    text = "  1. 总则\n\u3000二 工作\n加强。 3)监督！”四，其他\n五、"
    assert [text[h] for h in outline._starts(text)["heads"]] == ["1", "二", "3", "四", "五"]
    assert outline._starts("工作1.")["heads"] == []


def test_openers_are_brackets_and_circled_numbers():
    text = "（一）工作(1)加强⑴⒈（"
    assert [text[h] for h in outline._starts(text)["openers"]] == ["（", "(", "⑴", "⒈", "（"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=60).map("".join))
def test_candidates_at_heads_are_those_of_a_full_scan(text):
    assert outline._candidates(text, text) == _full_scan(text)


@pytest.mark.parametrize("path", sorted((ROOT / "resources" / "samples").glob("*.txt"))
                         + sorted((ROOT / "tests" / "fixtures" / "outline").glob("*.txt")),
                         ids=lambda p: p.name)
def test_candidates_of_samples_are_those_of_a_full_scan(path):
    text = document_from_text(path.read_text(encoding="utf-8")).analysis_text
    assert outline._candidates(text, text) == _full_scan(text)
