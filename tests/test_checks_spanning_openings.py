"""Where a list opens after its total, found from the text's clause ends indexed once, agrees
with the plain walk over every clause end after the total (the reading before the index)."""

from __future__ import annotations

import random
import re
from collections import Counter
from pathlib import Path

import pytest

from reviewer.checks import spanning
from reviewer.checks.sums import BREAKDOWN_OPENER

ALPHABET = list("。;,:\n 案件12") + ["其中", "具体来看", "按类型分", "从来源看", "分地区看", "分", "按", "从"]
_CLAUSE_START = re.compile(r"[。;,:]")


def _walk(text: str, total_end: int, end: int) -> int | None:
    for match in _CLAUSE_START.finditer(text, total_end, end):
        if "\n" in text[total_end:match.start()]:
            return None
        if BREAKDOWN_OPENER.match(text[match.end():match.end() + 40].lstrip()):
            return match.end()
        if match.group() == "。":
            return None
    return None


class _At:
    def __init__(self, end: int):
        self.end = end


def test_the_indexed_opening_is_the_walked_one():
    rng = random.Random(5)
    for _ in range(4000):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 50)))
        openers = spanning.list_openers(text)
        total_end = rng.randint(0, len(text))
        end = rng.randint(total_end, len(text) + 3)
        assert spanning._opened_after(text, _At(total_end), end, openers) == _walk(text, total_end, end), \
            (text, total_end, end)


@pytest.mark.parametrize("window", [spanning.SENTENCE_WINDOW, 12])
def test_the_openings_from_the_openers_are_those_asked_figure_by_figure(monkeypatch, window):
    monkeypatch.setattr(spanning, "SENTENCE_WINDOW", window)  # (a short one, to be reached)
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 60)))
        openers = spanning.list_openers(text)
        ends = sorted(rng.sample(range(len(text) + 1), rng.randint(0, min(8, len(text) + 1))))
        if rng.random() < 0.1:
            ends.reverse()  # not in order: each figure asked, as before
        asked = [(k, at) for k, end in enumerate(ends)
                 if (at := spanning._opened_after(text, _At(end), end + spanning.SENTENCE_WINDOW, openers)) is not None]
        assert spanning.list_openings(text, ends, openers) == asked, (text, ends)


SAMPLE = Path(__file__).resolve().parents[1] / "resources" / "samples" / "sample_fazhi_2023.txt"


@pytest.mark.skipif(not SAMPLE.is_file(), reason="the bundled sample is missing")
def test_the_totals_beside_a_figure_are_those_counted_over_the_report():
    from reviewer.checks.context import fold_punctuation, own_label, place_figures
    from reviewer.load.dispatch import document_from_text
    from reviewer.pipeline import analyze

    document = document_from_text(SAMPLE.read_text(encoding="utf-8"))
    text = fold_punctuation(document.analysis_text)
    placed = place_figures(text, analyze(document).figures)
    outer = [p for p in placed if p.key[0] in ("count", "money", "measure") and not p.in_parens]
    labels = [own_label(text, p, outer[k - 1].end if k else 0) for k, p in enumerate(outer)]
    counted = Counter((p.sentence, p.key) for p, label in zip(outer, labels)
                      if not spanning._other_period_or_change(label))
    assert any(n > 1 for n in counted.values())
    for k, p in enumerate(outer):
        assert spanning._totals_beside(outer, labels, k) == counted[(p.sentence, p.key)]
