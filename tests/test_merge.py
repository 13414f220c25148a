"""Merging another reviewer's library: united work, conflicts kept and listed, idempotent.

The receiving library ``a`` is, by the ``backend_library`` fixture, a SQLite file or a PostgreSQL
team library (then ``a.merge_from(file)`` is ``team push``, and the other direction — a file
receiving the team's work — is ``team pull``).  The other library is always a file: that is what
a reviewer brings.  Tests that build two files side by side stay SQLite-only where it says so.
"""

from __future__ import annotations

import hashlib
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewer.library.store import Library
from reviewer.messages import ReviewerError
from tests.test_store_support import SMALL_TEXT, make_analysis, report_text

OTHER_TEXT = report_text(sections=2, paragraphs=2, sentences=3, seed=99)
TABLES = ("documents", "sections", "figures", "citations", "checks", "corrections", "annotations", "tags",
          "tag_links", "comments", "history")


def snapshot(lib: Library) -> dict[str, list]:
    """Every row of every table except the autoincrement history id."""
    result = {}
    for table in TABLES:
        rows = lib.conn.execute(f"SELECT * FROM {table}").fetchall()
        if table == "history":
            rows = [r[1:] for r in rows]
        result[table] = sorted(map(repr, rows))
    return result


def effective(lib: Library, doc: str) -> list:
    """What a reviewer sees of one report: effective values and review state of every item."""
    review = lib.load_review(doc)
    rows = []
    for kind, items in (("section", review.sections), ("figure", review.figures),
                        ("citation", review.citations), ("check", review.checks)):
        for x in items:
            r = x.review
            rows.append((kind, repr(getattr(x, kind)), r.status, sorted(t.path for t in r.tags),
                         sorted(c.body for c in r.comments), sorted(r.conflicts.items())))
    rows.sort()
    rows.append(sorted((a.uuid, a.start, a.note) for a in review.annotations))
    rows.append(repr(review.metadata))
    return rows


def merge_into_file(b: Library, a: Library):
    """The other direction, file ``b`` receiving ``a``'s work: a plain merge, or ``team pull``."""
    if a.conn.__class__.__name__ == "PgConnection":
        from reviewer.library.team_sync import pull

        return pull(a, b)
    return b.merge_from(a.path)


@pytest.fixture
def pair(tmp_path, backend_library):
    """Two libraries that share one report with the same uuids: a copied file, or on
    PostgreSQL a team library and a file pulled from it (what a reviewer takes offline)."""
    b_path = tmp_path / "bob.db"
    if backend_library.backend == "sqlite":
        a_path = tmp_path / "alice.db"
        with Library(a_path, reviewer="alice") as a:
            doc = a.import_analysis(make_analysis(SMALL_TEXT)).doc_uuid
        shutil.copy(a_path, b_path)
        a = Library(a_path, reviewer="alice")
    else:
        a = backend_library("alice")
        doc = a.import_analysis(make_analysis(SMALL_TEXT)).doc_uuid
        with Library(b_path, reviewer="bob") as b:
            merge_into_file(b, a)
    b = Library(b_path, reviewer="bob")
    yield a, b, doc
    a.close()
    b.close()


def test_merge_brings_new_reports_with_all_their_review_work(pair):
    a, b, _ = pair
    doc = b.import_analysis(make_analysis(OTHER_TEXT, path="/reports/乙县.txt")).doc_uuid
    review = b.load_review(doc)
    custom = b.create_tag("执法程序", "#336699")
    child = b.create_tag("超期", parent=custom.uuid)
    b.correct("figure", review.figures[0].review.uuid, "value", 5)
    b.set_status("figure", review.figures[1].review.uuid, "confirmed")
    b.tag_item("figure", review.figures[1].review.uuid, child.uuid)
    b.add_comment("section", review.sections[0].review.uuid, "标题不规范")
    b.add_annotation(doc, 3, 9, "乙的标注")
    b.correct("metadata", doc, "doc_number", "乙府发〔2024〕1号")
    report = a.merge_from(b.path)
    assert report.documents_added == 1 and report.documents_matched == 1
    assert report.corrections_added == 2 and report.annotations_added == 1 and report.comments_added == 1
    assert report.tags_added == 2 and report.tag_links_added == 1 and report.conflicts == []
    assert effective(a, doc) == effective(b, doc)
    assert {t.path for t in a.tags()} >= {"执法程序", "执法程序/超期"}
    assert {h.uuid for h in b.history()} <= {h.uuid for h in a.history()}
    assert any(h.reviewer == "bob" for h in a.history(doc_uuid=doc))


def test_merging_the_same_library_twice_changes_nothing(pair):
    a, b, doc = pair
    review = b.load_review(doc)
    b.correct("figure", review.figures[0].review.uuid, "value", 5)
    b.add_comment("figure", review.figures[0].review.uuid, "再看看")
    b.add_annotation(doc, 0, 4)
    first = a.merge_from(b.path)
    assert first.changed
    before = snapshot(a)
    second = a.merge_from(b.path)
    assert not second.changed
    assert snapshot(a) == before
    assert "没有新内容" in second.format("zh") and "Nothing new" in second.format("en")


def test_separately_imported_copies_of_a_report_are_matched_by_sha256(tmp_path, backend_library):
    with backend_library("alice") as a, Library(tmp_path / "b.db", reviewer="bob") as b:
        doc_a = a.import_analysis(make_analysis(SMALL_TEXT)).doc_uuid
        doc_b = b.import_analysis(make_analysis(SMALL_TEXT)).doc_uuid
        assert doc_a != doc_b
        figure_b = b.load_review(doc_b).figures[2]
        b.correct("figure", figure_b.review.uuid, "value", 12345)
        b.tag_item("figure", figure_b.review.uuid, b.tags()[0].uuid)  # a default tag: same uuid in both
        report = a.merge_from(b.path)
        assert (report.documents_added, report.documents_matched, report.items_added) == (0, 1, 0)
        [summary] = a.list_documents()
        figure_a = next(f for f in a.load_review(doc_a).figures if f.figure.start == figure_b.figure.start)
        assert figure_a.figure.value == 12345 and [t.name for t in figure_a.review.tags] == [b.tags()[0].name]
        assert not a.merge_from(b.path).changed


def test_the_same_field_corrected_differently_is_a_listed_conflict_not_an_overwrite(pair):
    a, b, doc = pair
    figure = a.load_review(doc).figures[0].review.uuid
    a.correct("figure", figure, "value", 10)
    b.correct("figure", figure, "value", 20)
    report = a.merge_from(b.path)
    [conflict] = report.conflicts
    assert conflict.item_uuid == figure and conflict.field == "value"
    assert sorted((who, value) for who, value, _ in conflict.values) == [("alice", 10), ("bob", 20)]
    assert "alice: 10" in report.format("en") and "bob: 20" in report.format("en")
    merged = next(f for f in a.load_review(doc).figures if f.review.uuid == figure)
    assert sorted(merged.review.conflicts["value"]) == [("alice", 10), ("bob", 20)]
    assert a.conn.execute("SELECT COUNT(*) FROM corrections WHERE item_uuid = ?", (figure,)).fetchone()[0] == 2
    # resolving: a new correction supersedes both
    a.correct("figure", figure, "value", 15)
    assert a.conflicts() == []
    resolved = next(f for f in a.load_review(doc).figures if f.review.uuid == figure)
    assert resolved.figure.value == 15 and resolved.review.conflicts == {}
    # and merging bob's library again does not bring the conflict back
    assert a.merge_from(b.path).conflicts == [] and a.conflicts() == []


def test_the_same_correction_made_by_both_is_no_conflict(pair):
    a, b, doc = pair
    figure = a.load_review(doc).figures[0].review.uuid
    a.correct("figure", figure, "unit", "万元")
    b.correct("figure", figure, "unit", "万元")
    assert a.merge_from(b.path).conflicts == []


def test_different_statuses_are_listed_and_the_later_one_shown(pair):
    a, b, doc = pair
    section = a.load_review(doc).sections[0].review.uuid
    a.set_status("section", section, "confirmed")
    b.set_status("section", section, "rejected")  # later
    report = a.merge_from(b.path)
    [conflict] = report.status_conflicts
    assert conflict.ours[0] == "confirmed" and conflict.theirs == ("rejected", "bob")
    assert next(s for s in a.load_review(doc).sections if s.review.uuid == section).review.status == "rejected"


def test_later_comment_edits_untags_and_undos_come_across(pair):
    a, b, doc = pair
    figure = a.load_review(doc).figures[0].review.uuid
    comment = a.add_comment("figure", figure, "初稿")
    a.tag_item("figure", figure, a.tags()[0].uuid)
    correction = a.correct("figure", figure, "value", 7)
    merge_into_file(b, a)
    b.edit_comment(comment.uuid, "改稿")
    b.untag_item("figure", figure, a.tags()[0].uuid)
    b.undo(next(h.id for h in b.history() if h.uuid == correction.uuid))
    report = a.merge_from(b.path)
    assert (report.comments_updated, report.tag_links_updated, report.corrections_undone) == (1, 1, 1)
    merged = next(f for f in a.load_review(doc).figures if f.review.uuid == figure)
    assert [c.body for c in merged.review.comments] == ["改稿"] and merged.review.tags == []
    assert merged.review.original == {}


def test_merging_both_ways_gives_the_same_view(pair):
    a, b, doc = pair
    fa, fb = (x.review.uuid for x in a.load_review(doc).figures[:2])
    a.correct("figure", fa, "label", "甲标签")
    b.add_comment("figure", fb, "乙批注")
    b.add_annotation(doc, 5, 9, "乙")
    a.merge_from(b.path)
    merge_into_file(b, a)
    assert effective(a, doc) == effective(b, doc)


def test_merge_leaves_the_other_library_unchanged(pair):
    a, b, doc = pair
    b.add_comment("metadata", doc, "整体意见")
    b.close()
    digest = hashlib.sha256(b.path.read_bytes()).hexdigest()
    a.merge_from(b.path)
    assert hashlib.sha256(b.path.read_bytes()).hexdigest() == digest


def test_merge_refuses_itself_and_files_that_are_not_libraries(pair, tmp_path, backend_library):
    a, _, _ = pair
    with pytest.raises(ReviewerError) as err:
        a.merge_from(a.path)
    # a team library's own URL is no file at all: refused as missing, nothing merged
    assert err.value.code == ("merge_same_library" if backend_library.backend == "sqlite" else "file_missing")
    junk = tmp_path / "junk.db"
    junk.write_text("not a database")
    with pytest.raises(ReviewerError) as err:
        a.merge_from(junk)
    assert err.value.code == "library_not_sqlite"
    with pytest.raises(ReviewerError) as err:
        a.merge_from(tmp_path / "missing.db")
    assert err.value.code == "file_missing"


def test_work_on_a_report_re_imported_in_the_other_library_is_carried_onto_our_text(tmp_path, backend_library):
    """Alice re-imported a revised report; Bob kept reviewing the old text.  Merging Bob's
    library puts his work on Alice's revised text, as a re-import would have."""
    path = "/reports/甲区.txt"
    old_text = report_text(sections=2, paragraphs=2, sentences=4, seed=61)
    a = backend_library("alice")
    doc = a.import_analysis(make_analysis(old_text, path=path)).doc_uuid
    with Library(tmp_path / "bob.db", reviewer="bob") as b:
        merge_into_file(b, a)  # Bob's copy of the old text, with the same uuids
    first_body = next(line for line in old_text.splitlines() if line.count("。") > 3)
    doomed = first_body.split("。")[1] + "。"  # a sentence the revision deletes
    new_text = "修订说明:本版补充了第四季度数据。\n" + old_text.replace("现将有关情况报告如下。", "现报告如下。") \
        .replace(doomed, "")
    with a, Library(tmp_path / "bob.db", reviewer="bob") as b:
        assert a.import_analysis(make_analysis(new_text, path=path)).anchoring is not None
        old = b.load_review(doc)
        figure = [f for f in old.figures if f.figure.kind == "count"][-1]
        doomed_figure = next(f for f in old.figures if f.figure.start > old_text.index(doomed))
        b.set_status("figure", doomed_figure.review.uuid, "confirmed")
        b.correct("figure", figure.review.uuid, "value", 4242)
        b.tag_item("citation", old.citations[0].review.uuid, b.tags()[0].uuid)
        b.add_comment("section", old.sections[-1].review.uuid, "乙的意见")
        start = old_text.index(figure.figure.text, figure.figure.start)
        note = b.add_annotation(doc, start - 4, start + 4, "乙的标注")
        gone = b.add_annotation(doc, old_text.index("现将"), old_text.index("现将") + 6, "这句改了")
        report = a.merge_from(b.path)
        assert report.documents_reanchored == [path] and report.documents_matched == 0
        assert (report.anchoring.exact, report.anchoring.orphaned) == (1, 1)
        merged = a.load_review(doc)
        assert merged.document.text == new_text  # our text stays
        moved_figure = next(f for f in merged.figures if f.review.uuid == figure.review.uuid)
        assert moved_figure.figure.value == 4242
        assert new_text[moved_figure.figure.start:moved_figure.figure.end] == figure.figure.text
        assert moved_figure.figure.start == figure.figure.start + len(new_text) - len(old_text)
        assert [t.uuid for c in merged.citations for t in c.review.tags] == [b.tags()[0].uuid]
        [orphan] = merged.orphaned_items  # Bob's confirmed figure: its sentence is gone, his work is not
        assert orphan.review.uuid == doomed_figure.review.uuid and orphan.review.status == "confirmed"
        assert [c.body for s in merged.sections for c in s.review.comments] == ["乙的意见"]
        annotations = {x.uuid: x for x in merged.annotations}
        assert new_text[annotations[note.uuid].start:annotations[note.uuid].end] == note.quote
        assert annotations[gone.uuid].start is None and annotations[gone.uuid].anchor_state == "orphan"
        assert "re-anchored" in report.format("en")
        before = snapshot(a)
        assert not a.merge_from(b.path).changed and snapshot(a) == before


def test_a_merged_tag_can_be_undone_where_both_had_tagged_the_item(tmp_path, backend_library):
    with backend_library("alice") as a, Library(tmp_path / "b.db", reviewer="bob") as b:
        doc_a = a.import_analysis(make_analysis(SMALL_TEXT)).doc_uuid
        doc_b = b.import_analysis(make_analysis(SMALL_TEXT)).doc_uuid
        tag = a.tags()[0].uuid
        a.tag_item("figure", a.load_review(doc_a).figures[0].review.uuid, tag)
        b.tag_item("figure", b.load_review(doc_b).figures[0].review.uuid, tag)
        b.untag_item("figure", b.load_review(doc_b).figures[0].review.uuid, tag)
        a.merge_from(b.path)
        bobs_untag = next(h for h in a.history() if h.action == "untag" and h.reviewer == "bob")
        a.undo(bobs_untag.id)
        assert [t.uuid for t in a.load_review(doc_a).figures[0].review.tags] == [tag]


REVIEW_EDITS = st.lists(st.tuples(st.sampled_from(["correct", "status", "tag", "untag", "comment", "annotate", "undo"]),
                                  st.integers(0, 4), st.integers(0, 3)), max_size=8)


def _apply(lib: Library, doc: str, edits) -> None:
    figures = [f.review.uuid for f in lib.load_review(doc).figures]
    tags = [t.uuid for t in lib.tags()]
    for kind, i, j in edits:
        figure, tag = figures[i % len(figures)], tags[j % len(tags)]
        try:
            if kind == "correct":
                lib.correct("figure", figure, "value", i * 10 + j)
            elif kind == "status":
                lib.set_status("figure", figure, ("confirmed", "rejected", "unreviewed", "corrected")[j])
            elif kind == "tag":
                lib.tag_item("figure", figure, tag)
            elif kind == "untag":
                lib.untag_item("figure", figure, tag)
            elif kind == "comment":
                lib.add_comment("figure", figure, f"{lib.reviewer}{i}{j}")
            elif kind == "annotate":
                lib.add_annotation(doc, i, i + j + 1, lib.reviewer)
            else:
                open_entries = [h for h in lib.history(doc_uuid=doc) if h.action not in ("import", "undo")
                                and not h.undone]
                if open_entries:
                    lib.undo(open_entries[-1].id)
        except ReviewerError as exc:
            assert exc.code == "not_tagged"


# SQLite only: two files copied from one; push and pull between a team library and a file are
# covered above by the ``pair`` tests, and a new team database per example would be slow.
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(alice_edits=REVIEW_EDITS, bob_edits=REVIEW_EDITS)
def test_any_two_reviews_merge_idempotently_and_keep_everyones_work(tmp_path_factory, alice_edits, bob_edits):
    folder = tmp_path_factory.mktemp("merge")
    with Library(folder / "a.db", reviewer="alice") as a:
        doc = a.import_analysis(make_analysis(SMALL_TEXT)).doc_uuid
    shutil.copy(folder / "a.db", folder / "b.db")
    with Library(folder / "a.db", reviewer="alice") as a, Library(folder / "b.db", reviewer="bob") as b:
        _apply(a, doc, alice_edits)
        _apply(b, doc, bob_edits)
        theirs = {h.uuid for h in b.history()}
        their_comments = {c.uuid for f in b.load_review(doc).figures for c in f.review.comments}
        a.merge_from(b.path)
        once = snapshot(a)
        assert not a.merge_from(b.path).changed and snapshot(a) == once
        assert theirs <= {h.uuid for h in a.history()}
        assert their_comments <= {c.uuid for f in a.load_review(doc).figures for c in f.review.comments}
        b.merge_from(a.path)
        assert effective(a, doc) == effective(b, doc)
