"""The real report excerpts of ../shared/real (published pages as found: web junk, tables as
text, flattened lines, Traditional copies), scored as ../shared/eval/score.py scores them.  The
floors sit a little below what the analyser reaches, so a change that loses ground on real text
fails here.  Skipped without ../shared/real."""

from __future__ import annotations

import functools
import importlib.util
import json

import pytest

from reviewer.load.dispatch import load_document
from reviewer.pipeline import analyze
from tests.conftest import SHARED

REAL = SHARED / "real"

# F1 for the matched categories, accuracy over matched items for the others.
FLOORS = {"sections": 0.98, "figures": 0.98, "citations": 0.97, "checks": 0.95,
          "titles": 0.95, "values": 0.98, "labels": 0.93, "metadata": 0.97}


@functools.cache
def _scored():
    """(the score module, summed counts per category over the real excerpts)."""
    path = SHARED / "eval" / "score.py"
    if not path.is_file() or not (REAL / "gold").is_dir():
        pytest.skip("../shared/eval/score.py or ../shared/real is not present")
    spec = importlib.util.spec_from_file_location("shared_score", path)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    totals: dict[str, tuple[int, ...]] = {}
    for gold_path in sorted((REAL / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        pred = analyze(load_document(REAL / "docs" / gold["doc"])).to_json()
        for name, counts in score.score_doc(pred, gold).items():
            totals[name] = tuple(a + b for a, b in zip(totals.get(name, (0,) * len(counts)), counts))
    return score, totals


def _measure(name: str) -> float:
    score, totals = _scored()
    counts = totals[name]
    if name in ("sections", "figures", "citations", "checks"):
        return score.prf(*counts)[2]
    return counts[0] / counts[1] if counts[1] else 1.0


@pytest.mark.parametrize("name", list(FLOORS))
def test_real_accuracy_stays_above_its_floor(name):
    measured = _measure(name)
    assert measured >= FLOORS[name], f"{name} on ../shared/real: {measured:.3f}"
