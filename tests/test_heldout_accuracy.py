"""The held-out corpus (tests/fixtures/heldout: sixteen invented reports the finders were not
written against, gold annotated by hand) scored as ../shared/eval/score.py scores it.  The floors
sit a little below what the analyser reaches, so a change that loses ground on unseen layouts
fails here even when the five shared reports still pass.  Skipped without ../shared/eval."""

from __future__ import annotations

import functools
import importlib.util
import json
from pathlib import Path

import pytest

from reviewer.analysis import analyze
from reviewer.loading import load_document
from tests.conftest import SHARED

HELDOUT = Path(__file__).parent / "fixtures" / "heldout"

# F1 for the matched categories, accuracy over matched items for the others.
FLOORS = {"sections": 0.98, "figures": 0.98, "citations": 0.98, "checks": 0.93,
          "titles": 0.97, "values": 0.98, "labels": 0.97, "metadata": 0.95}


@functools.lru_cache(maxsize=1)
def _scored():
    """(the score module, summed counts per category over the held-out corpus)."""
    path = SHARED / "eval" / "score.py"
    if not path.is_file():
        pytest.skip("../shared/eval/score.py is not present")
    spec = importlib.util.spec_from_file_location("shared_score", path)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    totals: dict[str, tuple[int, ...]] = {}
    for gold_path in sorted((HELDOUT / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        pred = analyze(load_document(HELDOUT / "reports" / gold["doc"])).to_json()
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
def test_heldout_accuracy_stays_above_its_floor(name):
    assert _measure(name) >= FLOORS[name], f"{name} on the held-out corpus: {_measure(name):.3f}"
