"""``import_analysis(..., with_review=True)`` hands back exactly what ``load_review`` reads.

The GUI shows a just-imported report from that review instead of reading it back, so any
difference — a value's type, the order of items, a version — would show as a difference between
an import and a reopen.  ``repr`` is compared too: ``1 == 1.0`` would hide a type.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.model import Check, Figure, Section
from tests.test_store_support import SMALL_TEXT, make_analysis, report_text

SAMPLE = Path(__file__).resolve().parents[1] / "resources" / "samples" / "sample_fazhi_2023.txt"


def _edge_analysis():
    """Values whose stored form differs from what the analysis holds: ints in REAL columns, a
    whole float in an INTEGER column, ties in the sort order, a check's detail with int keys."""
    analysis = make_analysis(report_text(sections=3, paragraphs=2, sentences=3, seed=11), path="/r/丙县.txt")
    first = analysis.sections[0]
    analysis.sections.insert(0, Section(id=99, parent=None, level=1, number="", title="", start=first.start,
                                        end=first.end, heading_start=first.heading_start,
                                        heading_end=first.heading_end, confidence=1))
    f = analysis.figures[0]
    analysis.figures += [
        Figure(id=200, text="3至5天", value="三", unit="天", kind="range", label=None, qualifier="约",
               start=f.start, end=f.end, section=None, low=3, high=5.5, label_start=None, label_end=None),
        Figure(id=201.0, text="7件", value=7.0, unit="件", kind="count", label="办理", qualifier=None,
               start=0, end=2, section=1, low=None, high=None, label_start=0, label_end=0)]
    analysis.checks.append(Check(kind="sum_mismatch", severity="error", message="合计不符", figures=(1, 2),
                                 sections=[1], id=0, detail={1: "甲", "b": [1.0, None]}))
    return analysis


def _analyses():
    from reviewer.load.dispatch import load_document
    from reviewer.pipeline import analyze

    yield make_analysis(SMALL_TEXT)
    yield _edge_analysis()
    document = load_document(SAMPLE)
    document.path = str(SAMPLE)
    yield analyze(document)


@pytest.mark.parametrize("which", [0, 1, 2])
def test_the_review_of_a_fresh_import_is_what_load_review_reads(backend_library, which):
    lib = backend_library()
    analysis = list(_analyses())[which]
    result = lib.import_analysis(analysis, with_review=True)
    assert result.created and result.review is not None
    stored = lib.load_review(result.doc_uuid)
    assert result.review == stored
    assert repr(result.review) == repr(stored)


def test_an_edit_right_after_an_import_with_its_review_is_accepted(backend_library):
    lib = backend_library()
    review = lib.import_analysis(make_analysis(SMALL_TEXT), with_review=True).review
    figure = review.figures[1]
    lib.set_status("figure", figure.review.uuid, "confirmed")
    assert lib.load_review(review.doc_uuid).figures[1].review.status == "confirmed"


def test_no_review_unless_asked_or_when_the_report_was_not_created(backend_library):
    lib = backend_library()
    analysis = make_analysis(SMALL_TEXT)
    assert lib.import_analysis(analysis).review is None
    again = lib.import_analysis(make_analysis(SMALL_TEXT), with_review=True)
    assert again.unchanged and again.review is None


def test_uuids_made_in_bulk_are_distinct_version_4_uuids():
    import uuid

    from reviewer.library.rows import new_uuids

    made = list(new_uuids(5000))
    assert len(set(made)) == 5000
    for text in made:
        parsed = uuid.UUID(text)
        assert str(parsed) == text and parsed.version == 4 and parsed.variant == uuid.RFC_4122


def test_dumps_writes_what_json_dumps_writes():
    import json

    from reviewer.library.rows import dumps

    for value in (None, 0, -3, 1.5, 1e300, float("nan"), float("inf"), "甲\"\n", [1, "二"], {"a": [1.0, None]}, True):
        assert dumps(value) == json.dumps(value, ensure_ascii=False)


@pytest.mark.parametrize("which", [0, 1, 2])
def test_rows_made_early_store_the_same_report(backend_library, which):
    """The window makes the outline's and figures' rows while the checks are still being found
    (``early_rows``): the import then stores and hands back what it would have without them."""
    from dataclasses import replace

    from reviewer.library.documents import early_rows

    lib = backend_library()
    plain = lib.import_analysis(list(_analyses())[which], with_review=True).review
    lib.remove_document(plain.doc_uuid)
    analysis = list(_analyses())[which]
    early = early_rows(replace(analysis, citations=[], checks=[], advisories=[]))
    result = lib.import_analysis(analysis, with_review=True, early=early)
    assert result.doc_uuid == early.doc_uuid, "the early rows were not taken"
    stored = lib.load_review(result.doc_uuid)
    assert result.review == stored and repr(result.review) == repr(stored)
    assert [s.review.uuid for s in stored.sections] == [s.review.uuid for s in early.reviewed["sections"]]
    assert [s.section for s in stored.sections] == [s.section for s in plain.sections]
    assert [f.figure for f in stored.figures] == [f.figure for f in plain.figures]
    assert [c.check for c in stored.checks] == [c.check for c in plain.checks]
    assert [c.citation for c in stored.citations] == [c.citation for c in plain.citations]
    assert [c.check for c in stored.advisories] == [c.check for c in plain.advisories]


def test_early_rows_of_other_objects_are_not_taken(backend_library):
    from reviewer.library.documents import early_rows

    lib = backend_library()
    analysis = make_analysis(SMALL_TEXT)
    early = early_rows(make_analysis(SMALL_TEXT))  # equal, but not the same objects
    result = lib.import_analysis(analysis, with_review=True, early=early)
    assert result.created and result.doc_uuid != early.doc_uuid
    assert lib.load_review(result.doc_uuid) == result.review


def test_a_report_is_new_unless_its_text_or_its_path_is_known(backend_library):
    """``is_new_report`` answers what ``import_analysis`` will do: the window makes early rows
    only for a report the import will create."""
    from dataclasses import replace

    lib = backend_library()
    analysis = make_analysis(SMALL_TEXT, path="/r/甲县.txt")
    assert lib.is_new_report(analysis.document)
    assert lib.import_analysis(analysis).created
    assert not lib.is_new_report(analysis.document), "the same text"
    changed = replace(analysis.document, sha256="0" * 64, text=analysis.document.text + "补充。")
    assert not lib.is_new_report(changed), "a new version of the report at the same path"
    elsewhere = replace(changed, path="/r/乙县.txt")
    assert lib.is_new_report(elsewhere)
    pasted = replace(changed, path="<text>")
    assert lib.is_new_report(pasted), "pasted texts share a placeholder, not an identity"
