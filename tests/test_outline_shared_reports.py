"""The outline, citations and metadata on the five real reports, measured the way
../shared/eval/score.py measures them (skipped where ../shared is absent)."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter

import pytest

from reviewer.analysis.citations import find_citations
from reviewer.analysis.metadata import find_metadata
from reviewer.analysis.outline import find_sections
from reviewer.checks.outline_checks import find_outline_checks
from reviewer.load.dispatch import load_document
from reviewer.load.script import to_simplified
from tests.conftest import SHARED_GOLD, require_shared

PUNCT = re.compile(r"[\s\u3000\xa0\u2002\u2003,,、。.;;::!!??“”\"'‘’()()《》〈〉【】\[\]·•\-—_]+")


def norm(value) -> str:
    """Close to the scorer's normalisation (NFKC, punctuation dropped)."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFKC", str(value))
    return PUNCT.sub("", to_simplified(text))  # the scorer maps a few traditional characters


def f1(tp: int, npred: int, ngold: int) -> float:
    if not npred and not ngold:
        return 1.0
    precision = tp / npred if npred else 0.0
    recall = tp / ngold if ngold else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def lcs(pred: list, gold: list, same) -> int:
    rows = [[0] * (len(gold) + 1) for _ in range(len(pred) + 1)]
    for i in range(len(pred) - 1, -1, -1):
        for j in range(len(gold) - 1, -1, -1):
            rows[i][j] = rows[i + 1][j + 1] + 1 if same(pred[i], gold[j]) else \
                max(rows[i + 1][j], rows[i][j + 1])
    return rows[0][0]


def section_same(pred, gold) -> bool:
    a, b = norm(pred.title), norm(gold["title"])
    k = min(8, len(a), len(b))
    return pred.level == gold["level"] and k > 0 and a[:k] == b[:k]


@pytest.fixture
def analysed(shared_reports):
    out = []
    for path in shared_reports:
        gold_path = SHARED_GOLD / (path.stem + ".json")
        if not gold_path.is_file():
            continue
        document = load_document(path)
        sections = find_sections(document)
        out.append((json.loads(gold_path.read_text(encoding="utf-8")), document, sections))
    if not out:
        require_shared(SHARED_GOLD / (shared_reports[0].stem + ".json") if shared_reports else SHARED_GOLD)
        pytest.skip(f"no gold annotations in {SHARED_GOLD} for the shared reports")
    return out


def test_sections_f1_and_titles_stay_high_on_the_shared_reports(analysed):
    tp = npred = ngold = exact = 0
    for gold, _, sections in analysed:
        tp += lcs(sections, gold["sections"], section_same)
        npred += len(sections)
        ngold += len(gold["sections"])
        gold_titles = Counter(norm(s["title"]) for s in gold["sections"])
        exact += sum(min(n, gold_titles[t]) for t, n in Counter(norm(s.title) for s in sections).items())
    assert f1(tp, npred, ngold) >= 0.97
    assert exact / max(1, ngold) >= 0.95


def test_citations_f1_stays_high_on_the_shared_reports(analysed):
    tp = npred = ngold = 0
    for gold, document, _ in analysed:
        predicted = Counter(norm(c.text) for c in find_citations(document))
        expected = Counter(norm(c["text"]) for c in gold["citations"])
        tp += sum((predicted & expected).values())
        npred += sum(predicted.values())
        ngold += sum(expected.values())
    assert f1(tp, npred, ngold) >= 0.97


def test_metadata_fields_match_most_gold_fields(analysed):
    right = total = 0
    for gold, document, sections in analysed:
        found = find_metadata(document, sections)
        for field, value in gold["metadata"].items():
            total += 1
            right += norm(getattr(found, field)) == norm(value)
    assert right / total >= 0.9


def test_no_numbering_checks_on_reports_whose_gold_has_none(analysed):
    for gold, document, sections in analysed:
        if any(c["kind"] == "numbering_gap" for c in gold.get("checks", [])):
            continue
        checks, _ = find_outline_checks(document, find_metadata(document, sections), sections)
        assert checks == [], document.path


def test_every_span_is_valid_on_the_shared_reports(analysed):
    for _, document, sections in analysed:
        text = document.text
        for section in sections:
            assert 0 <= section.heading_start < section.heading_end <= section.end <= len(text)
        for citation in find_citations(document):
            assert text[citation.start:citation.end] == citation.text
