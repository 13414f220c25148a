"""The figure checks on the five real reports beside the project, against their gold checks.

Skipped where ../shared is absent.  The first test feeds the gold figures (located in the
loaded text) so it pins the checks' logic alone; the second runs the whole pipeline.
"""

from __future__ import annotations

import json

from reviewer.checks.figure_checks import find_figure_checks
from reviewer.load.dispatch import load_document
from reviewer.model import Figure
from reviewer.pipeline import analyze
from tests.conftest import SHARED_GOLD

FIGURE_CHECK_KINDS = ("sum_mismatch", "rate_mismatch", "change_mismatch", "conflicting_repeat")


def _gold(path):
    return json.loads((SHARED_GOLD / (path.stem + ".json")).read_text(encoding="utf-8"))


def _gold_figures(text: str, gold: dict) -> list[Figure]:
    figures, position = [], 0
    for entry in gold["figures"]:
        start = text.find(entry["text"], position)
        if start < 0:
            continue
        figures.append(Figure(id=len(figures) + 1, text=entry["text"], value=entry["value"],
                              unit=entry["unit"], kind=entry["kind"], label=entry.get("label"),
                              qualifier=None, start=start, end=start + len(entry["text"])))
        position = start + len(entry["text"])
    return figures


def _matched(found: list[tuple[str, set[str]]], gold_checks: list[dict]) -> int:
    """Gold checks matched the way ../shared/eval/score.py matches them."""
    used, hits = set(), 0
    for check in gold_checks:
        texts = set(check["figures"])
        for n, (kind, mine) in enumerate(found):
            if n not in used and kind == check["kind"] and len(texts & mine) * 2 >= len(texts):
                used.add(n)
                hits += 1
                break
    return hits


def test_checks_on_gold_figures_match_the_gold_checks(shared_reports):
    for path in shared_reports:
        gold = _gold(path)
        wanted = [c for c in gold["checks"] if c["kind"] in FIGURE_CHECK_KINDS]
        document = load_document(path)
        figures = _gold_figures(document.text, gold)
        texts = {f.id: f.text for f in figures}
        checks = find_figure_checks(document, [], figures)
        found = [(c.kind, {texts[i] for i in c.figures}) for c in checks]
        assert (len(found), _matched(found, wanted)) == (len(wanted), len(wanted)), path.name


def test_pipeline_checks_have_the_gold_kinds(shared_reports):
    for path in shared_reports:
        gold = _gold(path)
        analysis = analyze(load_document(path))
        kinds = sorted(c.kind for c in analysis.checks if c.kind in FIGURE_CHECK_KINDS)
        wanted = sorted(c["kind"] for c in gold["checks"] if c["kind"] in FIGURE_CHECK_KINDS)
        assert kinds == wanted, path.name
