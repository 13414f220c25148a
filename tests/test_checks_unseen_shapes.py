"""Shapes of check that a blind corpus (heldout6) showed the rules missing, each pinned on
invented sentences, on other phrasings of the same shape, and on near-misses that must stay
silent: a rule must catch the shape, not one report's wording."""

from __future__ import annotations

import pytest

from reviewer.load.dispatch import document_from_text
from reviewer.pipeline import analyze


def checks(text: str, kind: str | None = None):
    analysis = analyze(document_from_text(text))
    texts = {f.id: f.text for f in analysis.figures}
    return [(c.kind, [texts.get(x, x) for x in c.figures]) for c in analysis.checks
            if kind is None or c.kind == kind]


def messages(text: str, kind: str | None = None) -> list[str]:
    return [c.message for c in analyze(document_from_text(text)).checks
            if kind is None or c.kind == kind]


# --- one mis-numbered heading in a run: (二)(二)(四) ------------------------------------------

def _outline(numbers: list[str]) -> str:
    body = "".join(f"({n})第{i}项工作\n本项开展检查{i + 3}次。\n" for i, n in enumerate(numbers))
    return "某县2020年法治政府建设情况报告\n一、主要工作\n" + body + "二、下一步打算\n继续推进。\n"


def test_a_repeated_number_followed_by_the_one_after_the_missing_one_is_one_slip():
    """(一)(二)(二)(四) is one problem, not two: a reviewer reads the third heading as (三)
    written (二) — one heading to renumber — so it is one numbering_gap naming that heading,
    not a "repeated" check plus a "skipped" check about the same slip."""
    found = messages(_outline(["一", "二", "二", "四"]), "numbering_gap")
    assert len(found) == 1
    assert "第二个“二”应为“三”" in found[0]


@pytest.mark.parametrize("numbers, count", [
    (["一", "二", "二", "三"], 1),        # a repeat alone: the run goes on from it
    (["一", "二", "四"], 1),              # a skip alone
    (["一", "二", "二", "五"], 2),        # a repeat and then a real gap of two: two slips
    (["一", "二", "三", "四"], 0),
])
def test_repeats_and_gaps_that_are_not_one_slip_stay_separate(numbers, count):
    assert len(messages(_outline(numbers), "numbering_gap")) == count
