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


@pytest.mark.parametrize("which", [0, 1, 2])
def test_the_versions_of_a_fresh_import_are_those_of_its_review(backend_library, which):
    """``import_analysis`` hands the review's versions along (every item at 0), so the window
    does not walk 100,000 items again for them: they must be what ``review_versions`` finds."""
    from reviewer.library.versions import review_versions

    lib = backend_library()
    result = lib.import_analysis(list(_analyses())[which], with_review=True)
    assert result.versions == review_versions(result.review) == review_versions(lib.load_review(result.doc_uuid))


def test_sections_and_figures_that_read_back_as_they_are_are_taken_as_they_are(backend_library):
    """The review of a fresh import holds the analysis's own Section and Figure objects when
    the store gives back every value unchanged, and equal ones made from the rows when not."""
    lib = backend_library()
    analysis = list(_analyses())[2]
    review = lib.import_analysis(analysis, with_review=True).review
    assert {id(s.section) for s in review.sections} == {id(s) for s in analysis.sections}
    assert {id(f.figure) for f in review.figures} == {id(f) for f in analysis.figures}
    odd = _edge_analysis()  # an int in a REAL column: its figures are made from their rows
    review = lib.import_analysis(odd, with_review=True).review
    assert not {id(f.figure) for f in review.figures} & {id(f) for f in odd.figures}
    assert review == lib.load_review(review.doc_uuid)


@pytest.mark.parametrize("change", ["low", "value", "confidence", "number"])
def test_one_odd_value_among_plain_ones_is_read_back_as_stored(backend_library, change):
    """A single value the store would give back otherwise (an int in a REAL column, a value
    JSON turns into another type, a NULL read as "" or 1.0) makes its
    table's review items from the rows, so the review still equals what ``load_review`` reads."""
    lib = backend_library()
    analysis = make_analysis(report_text(sections=3, paragraphs=2, sentences=3, seed=5))
    section, figure = analysis.sections[-1], analysis.figures[-1]
    if change == "low":
        figure.low, figure.high = 2, 4
    elif change == "value":
        figure.value = (1, 2)
    elif change == "confidence":
        section.confidence = None
    else:
        section.number = None
    result = lib.import_analysis(analysis, with_review=True)
    stored = lib.load_review(result.doc_uuid)
    assert result.review == stored and repr(result.review) == repr(stored)


def _stored_rows(lib, doc_uuid):
    """Every item row of a report, without its uuids (fresh ones each import), in order."""
    out = {}
    for table in ("sections", "figures", "citations", "checks"):
        rows = lib._rows(f"SELECT * FROM {table} WHERE doc_uuid = ? ORDER BY ordinal", (doc_uuid,))
        out[table] = [{k: v for k, v in r.items() if k not in ("uuid", "doc_uuid")} for r in rows]
    document = lib._row("SELECT * FROM documents WHERE uuid = ?", (doc_uuid,))
    out["documents"] = {k: v for k, v in document.items() if k not in ("uuid", "imported_at")}
    return out


@pytest.mark.parametrize("which", [0, 1, 2])
def test_a_staged_import_stores_what_a_plain_one_stores(backend_library, which):
    """The window writes a new report's outline and figures while its checks are found
    (``staged_import``), and the import completes that transaction: the same rows as an import
    in one go, and a review equal to what ``load_review`` reads."""
    from dataclasses import replace

    from reviewer.library.documents import early_rows

    lib = backend_library()
    plain = lib.import_analysis(list(_analyses())[which]).doc_uuid
    expected = _stored_rows(lib, plain)
    lib.remove_document(plain)
    analysis = list(_analyses())[which]
    partial = replace(analysis, citations=[], checks=[], advisories=[])
    early = early_rows(partial)
    with lib.staged_import(early, partial) as written:
        assert written
        result = lib.import_analysis(analysis, with_review=True, early=early)
    assert result.created and result.doc_uuid == early.doc_uuid
    stored = lib.load_review(result.doc_uuid)
    assert result.review == stored and repr(result.review) == repr(stored)
    assert _stored_rows(lib, result.doc_uuid) == expected
    assert [h.action for h in lib.history(doc_uuid=result.doc_uuid)] == ["import"]


def test_a_staged_import_left_unfinished_stores_nothing(backend_library):
    """Cancelled or failed between the figures and the end: nothing of the report remains."""
    from dataclasses import replace

    from reviewer.library.documents import early_rows

    lib = backend_library()
    analysis = make_analysis(SMALL_TEXT)
    partial = replace(analysis, citations=[], checks=[], advisories=[])
    early = early_rows(partial)
    with lib.staged_import(early, partial) as written:
        assert written
    assert lib.list_documents() == []
    with pytest.raises(RuntimeError), lib.staged_import(early, partial):
        raise RuntimeError("the analysis failed")
    assert lib.list_documents() == []
    result = lib.import_analysis(analysis, with_review=True, early=early)  # and it imports after all
    assert result.created and lib.load_review(result.doc_uuid) == result.review


def test_a_staged_import_of_an_analysis_made_again_or_with_other_metadata(backend_library):
    """The analysis was made again after the rows were written (the process failed: other
    objects), or its metadata changed after the figures: the import stores the final analysis."""
    from dataclasses import replace

    from reviewer.library.documents import early_rows

    lib = backend_library()
    analysis = make_analysis(SMALL_TEXT, path="/r/甲县.txt")
    partial = replace(analysis, citations=[], checks=[], advisories=[])
    early = early_rows(partial)
    again = make_analysis(SMALL_TEXT, path="/r/甲县.txt")
    with lib.staged_import(early, partial):
        result = lib.import_analysis(again, with_review=True, early=early)
    assert result.created and result.doc_uuid != early.doc_uuid
    assert [d.doc_uuid for d in lib.list_documents()] == [result.doc_uuid]
    assert lib.load_review(result.doc_uuid) == result.review

    other = make_analysis(SMALL_TEXT + "另一份。", path="/r/乙县.txt")
    partial = replace(other, metadata=replace(other.metadata, title="早先的标题"), citations=[], checks=[],
                      advisories=[])
    early = early_rows(partial)
    with lib.staged_import(early, partial):
        result = lib.import_analysis(other, with_review=True, early=early)
    assert result.doc_uuid == early.doc_uuid
    stored = lib.load_review(result.doc_uuid)
    assert stored == result.review and stored.metadata == other.metadata


def test_a_staged_import_of_a_report_stored_meanwhile_writes_nothing(backend_library):
    from dataclasses import replace

    from reviewer.library.documents import early_rows

    lib = backend_library()
    analysis = make_analysis(SMALL_TEXT)
    first = lib.import_analysis(make_analysis(SMALL_TEXT))
    partial = replace(analysis, citations=[], checks=[], advisories=[])
    early = early_rows(partial)
    with lib.staged_import(early, partial) as written:
        assert not written
        result = lib.import_analysis(analysis, with_review=True, early=early)
    assert result.unchanged and result.doc_uuid == first.doc_uuid
    assert len(lib.list_documents()) == 1


def test_items_without_a_position_come_first_on_both_backends(backend_library):
    """SQLite sorts NULL before any number and PostgreSQL after: ``load_review`` says where
    they go, so a report reads back in the same order from either (and as its fresh review)."""
    from dataclasses import replace

    lib = backend_library()
    analysis = make_analysis(report_text(sections=3, paragraphs=2, sentences=3, seed=7))
    analysis.sections.append(replace(analysis.sections[-1], id=98, heading_start=None))
    analysis.figures.append(replace(analysis.figures[-1], id=198, start=None))
    result = lib.import_analysis(analysis, with_review=True)
    stored = lib.load_review(result.doc_uuid)
    assert stored.sections[0].section.heading_start is None
    assert stored.figures[0].figure.start is None
    assert result.review == stored and repr(result.review) == repr(stored)


def test_a_corrected_date_is_stored_in_one_form(backend_library):
    lib = backend_library()
    doc = lib.import_analysis(make_analysis(SMALL_TEXT)).doc_uuid
    lib.correct("metadata", doc, "published", "2024-3-5")
    assert lib.load_review(doc).metadata.published == "2024-03-05"
