"""The five shared reports: figures must stay as good as measured (skipped without ../shared)."""

from __future__ import annotations

import importlib.util
import json

from reviewer.load.dispatch import load_document
from reviewer.pipeline import analyze
from tests.conftest import SHARED, SHARED_GOLD, require_shared


def _scorer():
    path = SHARED / "eval" / "score.py"
    require_shared(path, SHARED_GOLD)
    spec = importlib.util.spec_from_file_location("shared_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_figures_values_and_labels_on_the_shared_reports(shared_reports):
    score = _scorer()
    totals = {"figures": [0, 0, 0], "values": [0, 0], "labels": [0, 0]}
    for path in shared_reports:
        gold_path = SHARED_GOLD / (path.stem + ".json")
        if not gold_path.is_file():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        pred = analyze(load_document(path)).to_json()
        result = score.score_doc(pred, gold)
        for name, acc in totals.items():
            for i, x in enumerate(result[name]):
                acc[i] += x
    tp, npred, ngold = totals["figures"]
    assert ngold > 0
    precision, recall = tp / npred, tp / ngold
    f1 = 2 * precision * recall / (precision + recall)
    assert f1 >= 0.97, totals
    assert totals["values"][0] / totals["values"][1] >= 0.99, totals
    assert totals["labels"][0] / totals["labels"][1] >= 0.85, totals
