"""The review library's API: import, reading, every kind of edit, history and undo, search."""

from __future__ import annotations

import sqlite3
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewer.library import schema as store_schema
from reviewer.library.connection import default_tags
from reviewer.library.store import Library
from reviewer.messages import ReviewerError
from tests.test_store_support import SMALL_TEXT, make_analysis, report_text, write_report


@pytest.fixture
def lib(backend_library):
    """The library every API test runs on: a SQLite file and a PostgreSQL team library in turn."""
    return backend_library("alice")


@pytest.fixture
def doc(lib):
    return lib.import_analysis(make_analysis(SMALL_TEXT)).doc_uuid


def test_new_library_uses_wal_foreign_keys_and_current_schema(tmp_path):
    with Library(tmp_path / "new.db") as lib:
        assert lib.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert lib.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert lib.conn.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
        assert lib.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL: survives a power cut
        assert lib.schema_version == store_schema.CURRENT_VERSION
        assert lib.library_uuid


def test_new_library_starts_with_default_tags_from_resources(lib):
    paths = {t.path for t in lib.tags()}
    assert {"需核实", "数据不一致", "亮点", "问题", "缺项"} <= paths
    assert all(t.color.startswith("#") and len(t.color) == 7 for t in lib.tags())
    # default tags get the same uuid in every library, so merges unite them
    assert {t.uuid for t in default_tags()} == {t.uuid for t in lib.tags()}


def test_importing_the_same_file_twice_does_not_duplicate_it(lib, tmp_path):
    path = write_report(tmp_path, "甲区.txt", SMALL_TEXT)
    first = lib.import_file(path)
    second = lib.import_file(path)
    assert first.created and first.error is None
    assert not second.created and second.unchanged and second.doc_uuid == first.doc_uuid
    copy = write_report(tmp_path, "copy.txt", SMALL_TEXT)
    assert lib.import_file(copy).doc_uuid == first.doc_uuid
    assert len(lib.list_documents()) == 1


def test_import_file_reports_a_bad_file_without_raising(lib, tmp_path):
    result = lib.import_file(tmp_path / "missing.txt")
    assert result.error and result.doc_uuid is None
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert lib.import_file(empty).error
    assert lib.list_documents() == []


def test_import_folder_reports_progress_and_errors_without_stopping(lib, tmp_path):
    folder = tmp_path / "reports"
    (folder / "sub").mkdir(parents=True)
    write_report(folder, "a.txt", report_text(seed=1, sections=1))
    write_report(folder / "sub", "b.txt", report_text(seed=2, sections=1))
    (folder / "broken.txt").write_bytes(b"")
    (folder / "notes.xyz").write_text("not a report")
    seen = []
    results = lib.import_folder(folder, progress=lambda done, total, path: seen.append((done, total)))
    assert seen == [(1, 3), (2, 3), (3, 3)]
    assert sum(r.created for r in results) == 2
    assert [r.path.endswith("broken.txt") for r in results if r.error] == [True]
    assert len(lib.list_documents()) == 2


def test_import_folder_stops_when_cancelled(lib, tmp_path):
    for i in range(3):
        write_report(tmp_path, f"r{i}.txt", report_text(seed=10 + i, sections=1))
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 1

    results = lib.import_folder(tmp_path, cancelled=cancelled)
    assert len(results) == 1


def test_import_folder_of_a_missing_folder_is_an_error(lib, tmp_path):
    with pytest.raises(ReviewerError) as err:
        lib.import_folder(tmp_path / "nope")
    assert err.value.code == "folder_missing"


def test_load_review_returns_the_analysis_as_stored(lib):
    analysis = make_analysis(SMALL_TEXT)
    doc = lib.import_analysis(analysis).doc_uuid
    review = lib.load_review(doc)
    assert review.document.text == SMALL_TEXT
    assert [s.section for s in review.sections] == analysis.sections
    assert [f.figure for f in review.figures] == analysis.figures
    assert isinstance(review.figures[0].figure.value, int)
    assert any(isinstance(f.figure.value, float) for f in review.figures)
    assert [c.citation for c in review.citations] == analysis.citations
    assert [c.check for c in review.checks] == analysis.checks
    assert [c.check for c in review.advisories] == analysis.advisories
    assert review.metadata == analysis.metadata
    assert len({x.uuid for x in review.reviewable()}) == len(review.reviewable())
    assert all(x.status == "unreviewed" for x in review.reviewable())


def test_load_review_of_an_unknown_document_is_a_clear_error(lib):
    with pytest.raises(ReviewerError) as err:
        lib.load_review("nope")
    assert err.value.code == "document_missing"


def test_list_documents_counts_items_and_review_progress(lib, doc):
    [summary] = lib.list_documents()
    review = lib.load_review(doc)
    assert summary.items_total == len(review.reviewable())
    assert summary.items_reviewed == 0 and summary.open_checks == 1
    lib.set_status("check", review.checks[0].review.uuid, "confirmed")
    lib.set_status("figure", review.figures[0].review.uuid, "confirmed")
    [summary] = lib.list_documents()
    assert summary.items_reviewed == 2 and summary.open_checks == 0
    assert summary.last_reviewer == "alice" and summary.title.startswith("甲区")


def test_figure_counts_are_counted_without_loading_the_reports(lib, doc):
    other = lib.import_analysis(make_analysis(SMALL_TEXT + "\n另有7件。", path="/r/乙县.txt")).doc_uuid
    expected = {d: len(lib.load_review(d).figures) for d in (doc, other)}
    assert lib.figure_counts() == expected and expected[other] == expected[doc] + 1
    assert lib.figure_counts([other, "nope"]) == {other: expected[other]}


def test_correction_keeps_the_original_and_shows_the_effective_value(lib, doc):
    figure = lib.load_review(doc).figures[0]
    entry = lib.correct("figure", figure.review.uuid, "value", "1,234")
    assert (entry.action, entry.field, entry.old, entry.new) == ("correct", "value", figure.figure.value, 1234)
    after = lib.load_review(doc).figures[0]
    assert after.figure.value == 1234
    assert after.review.original == {"value": figure.figure.value}
    assert after.review.status == "corrected" and after.review.reviewer == "alice"
    stored = lib.conn.execute("SELECT value FROM figures WHERE uuid = ?", (figure.review.uuid,)).fetchone()[0]
    assert stored == str(figure.figure.value)  # the analysed value is never overwritten


def test_a_second_correction_supersedes_the_first(lib, doc):
    section = lib.load_review(doc).sections[0]
    lib.correct("section", section.review.uuid, "title", "第一次")
    second = lib.correct("section", section.review.uuid, "title", "第二次")
    assert second.old == "第一次"
    after = lib.load_review(doc).sections[0]
    assert after.section.title == "第二次" and after.review.original == {"title": section.section.title}
    assert after.review.conflicts == {}


@pytest.mark.parametrize(("item_type", "field", "value"), [
    ("section", "level", 2), ("section", "number", "二"), ("citation", "kind", "doc_number"),
    ("figure", "unit", "万元"), ("figure", "kind", "money"), ("figure", "label", "行政复议"), ("figure", "text", "12件"),
])
def test_every_editable_field_can_be_corrected(lib, doc, item_type, field, value):
    review = lib.load_review(doc)
    item = {"section": review.sections, "citation": review.citations, "figure": review.figures}[item_type][0]
    lib.correct(item_type, item.review.uuid, field, value)
    after = {"section": lambda r: r.sections, "citation": lambda r: r.citations,
             "figure": lambda r: r.figures}[item_type](lib.load_review(doc))
    target = next(x for x in after if x.review.uuid == item.review.uuid)
    assert getattr(getattr(target, item_type), field) == value


def test_metadata_corrections_show_in_the_review_and_the_list(lib, doc):
    lib.correct("metadata", doc, "title", "更正后的标题")
    lib.correct("metadata", doc, "report_year", "2022")
    review = lib.load_review(doc)
    assert review.metadata.title == "更正后的标题" and review.metadata.report_year == 2022
    assert review.metadata_review.original["report_year"] == 2023
    assert lib.list_documents()[0].title == "更正后的标题"


@pytest.mark.parametrize(("item_type", "field", "value", "code"), [
    ("figure", "colour", 1, "bad_field"), ("figure", "kind", "weird", "bad_value"),
    ("section", "level", 0, "bad_value"), ("section", "title", "  ", "bad_value"),
    ("metadata", "published", "15/01/2024", "bad_value"), ("metadata", "report_year", "soon", "bad_value"),
    ("widget", "x", 1, "bad_item_type"), ("check", "message", "x", "bad_item_type"),
])
def test_bad_corrections_are_refused_and_change_nothing(lib, doc, item_type, field, value, code):
    review = lib.load_review(doc)
    uuid = {"figure": review.figures[0].review.uuid, "section": review.sections[0].review.uuid}.get(item_type, doc)
    with pytest.raises(ReviewerError) as err:
        lib.correct(item_type, uuid, field, value)
    assert err.value.code == code
    assert err.value.message("en") and err.value.message("zh")
    assert [h.action for h in lib.history(doc_uuid=doc)] == ["import"]


def test_correcting_an_unknown_item_is_a_clear_error(lib, doc):
    with pytest.raises(ReviewerError) as err:
        lib.correct("figure", "no-such-uuid", "value", 1)
    assert err.value.code == "item_missing"


def test_set_status_records_who_and_when_and_rejects_a_false_heading(lib, doc):
    section = lib.load_review(doc).sections[1]
    entry = lib.set_status("section", section.review.uuid, "rejected")
    assert (entry.old, entry.new) == ("unreviewed", "rejected")
    after = next(s for s in lib.load_review(doc).sections if s.review.uuid == section.review.uuid)
    assert after.review.status == "rejected" and after.review.reviewer == "alice" and after.review.changed_at
    with pytest.raises(ReviewerError):
        lib.set_status("section", section.review.uuid, "done")
    lib.set_status("metadata", doc, "confirmed")
    assert lib.load_review(doc).metadata_review.status == "confirmed"


def test_added_section_and_figure_are_marked_user_added(lib, doc):
    text = lib.load_review(doc).document.text
    start = text.index("2023年,")
    section_uuid = lib.add_section(doc, 1, "零", "前言", start, start + 5)
    figure_start = text.index("2023")
    figure_uuid = lib.add_figure(doc, figure_start, figure_start + 5, 2023, "年", "date", "年度")
    review = lib.load_review(doc)
    added = next(s for s in review.sections if s.review.uuid == section_uuid)
    assert added.review.user_added and added.section.title == "前言" and added.section.end > start
    figure = next(f for f in review.figures if f.review.uuid == figure_uuid)
    assert figure.review.user_added and figure.figure.text == text[figure_start:figure_start + 5]
    with pytest.raises(ReviewerError) as err:
        lib.add_figure(doc, 10, 5, 1, None, "count", None)
    assert err.value.code == "bad_span"


def test_annotation_remembers_quote_prefix_and_suffix(lib, doc):
    text = lib.load_review(doc).document.text
    start = text.index("现将")
    note = lib.add_annotation(doc, start, start + 6, "请核实")
    assert note.quote == text[start:start + 6] and note.prefix == text[start - 32:start]
    assert note.suffix == text[start + 6:start + 38] and note.reviewer == "alice"
    [stored] = lib.load_review(doc).annotations
    assert (stored.uuid, stored.start, stored.quote, stored.note, stored.anchor_state) == (
        note.uuid, start, note.quote, "请核实", "exact")
    lib.correct("annotation", note.uuid, "note", "已核实")
    assert lib.load_review(doc).annotations[0].note == "已核实"


def test_tag_vocabulary_can_be_created_nested_renamed_and_deleted(lib):
    parent = lib.create_tag("程序问题", "#123456")
    child = lib.create_tag("超期", parent=parent.uuid)
    assert child.path == "程序问题/超期" and parent.color == "#123456"
    with pytest.raises(ReviewerError) as err:
        lib.create_tag("超期", parent=parent.uuid)
    assert err.value.code == "tag_exists"
    renamed = lib.update_tag(parent.uuid, name="程序", color="#abcdef")
    assert renamed.name == "程序" and renamed.color == "#ABCDEF"
    assert next(t for t in lib.tags() if t.uuid == child.uuid).path == "程序/超期"
    with pytest.raises(ReviewerError):
        lib.update_tag(parent.uuid, parent=child.uuid)  # a cycle
    with pytest.raises(ReviewerError):
        lib.create_tag("x", color="red")
    lib.delete_tag(parent.uuid)
    assert next(t for t in lib.tags() if t.uuid == child.uuid).path == "超期"


def test_tagging_and_untagging_an_item(lib, doc):
    figure = lib.load_review(doc).figures[0]
    tag = next(t for t in lib.tags() if t.name == "需核实")
    entry = lib.tag_item("figure", figure.review.uuid, tag.uuid)
    assert entry.action == "tag" and entry.new == "需核实"
    assert [t.name for t in lib.load_review(doc).figures[0].review.tags] == ["需核实"]
    lib.untag_item("figure", figure.review.uuid, tag.uuid)
    assert lib.load_review(doc).figures[0].review.tags == []
    with pytest.raises(ReviewerError) as err:
        lib.untag_item("figure", figure.review.uuid, tag.uuid)
    assert err.value.code == "not_tagged"
    lib.tag_item("figure", figure.review.uuid, tag.uuid)  # again after removal: one link, active
    assert lib.conn.execute("SELECT COUNT(*) FROM tag_links").fetchone()[0] == 1
    lib.delete_tag(tag.uuid)
    assert lib.load_review(doc).figures[0].review.tags == []


def test_comments_can_be_added_edited_and_deleted(lib, doc):
    figure = lib.load_review(doc).figures[0]
    comment = lib.add_comment("figure", figure.review.uuid, "与上年数据不符")
    assert comment.reviewer == "alice" and comment.created_at
    edited = lib.edit_comment(comment.uuid, "与上年数据不符,请核实")
    assert edited.body.endswith("请核实") and edited.updated_at
    assert [c.body for c in lib.load_review(doc).figures[0].review.comments] == [edited.body]
    lib.delete_comment(comment.uuid)
    assert lib.load_review(doc).figures[0].review.comments == []
    with pytest.raises(ReviewerError):
        lib.edit_comment(comment.uuid, "x")
    with pytest.raises(ReviewerError):
        lib.add_comment("figure", figure.review.uuid, "  ")
    lib.add_comment("document", doc, "整体较好")
    assert lib.conn.execute("SELECT COUNT(*) FROM comments WHERE item_type = 'document'").fetchone()[0] == 1


def test_history_lists_every_change_of_an_item_and_of_a_document(lib, doc):
    figure = lib.load_review(doc).figures[0].review.uuid
    lib.correct("figure", figure, "value", 5)
    lib.set_status("figure", figure, "confirmed")
    lib.add_comment("figure", figure, "ok")
    lib.set_status("metadata", doc, "confirmed")
    assert [h.action for h in lib.history(item_uuid=figure)] == ["correct", "status", "comment"]
    assert [h.action for h in lib.history(doc_uuid=doc)] == ["import", "correct", "status", "comment", "status"]
    assert all(h.reviewer == "alice" for h in lib.history())
    ids = [h.id for h in lib.history()]
    assert ids == sorted(ids)


def _undo_case(lib, doc, kind):
    """Make one change of ``kind``; return (history entry, a function reading the state)."""
    review = lib.load_review(doc)
    figure = review.figures[0].review.uuid
    tag = lib.tags()[0].uuid

    def figure_state():
        f = next(x for x in lib.load_review(doc).figures if x.review.uuid == figure)
        return (f.figure.value, f.review.status, [t.uuid for t in f.review.tags], [c.body for c in f.review.comments])

    if kind == "correct":
        return lib.correct("figure", figure, "value", 42), figure_state
    if kind == "status":
        return lib.set_status("figure", figure, "rejected"), figure_state
    if kind == "tag":
        return lib.tag_item("figure", figure, tag), figure_state
    if kind == "untag":
        lib.tag_item("figure", figure, tag)
        return lib.untag_item("figure", figure, tag), figure_state
    if kind == "comment":
        lib.add_comment("figure", figure, "甲")
        return lib.history()[-1], figure_state
    if kind == "comment_edit":
        c = lib.add_comment("figure", figure, "甲")
        lib.edit_comment(c.uuid, "乙")
        return lib.history()[-1], figure_state
    if kind == "comment_delete":
        c = lib.add_comment("figure", figure, "甲")
        lib.delete_comment(c.uuid)
        return lib.history()[-1], figure_state
    if kind == "add":
        lib.add_annotation(doc, 3, 8)
        return lib.history()[-1], lambda: [a.uuid for a in lib.load_review(doc).annotations]
    raise AssertionError(kind)


@pytest.mark.parametrize("kind", ["correct", "status", "tag", "untag", "comment", "comment_edit",
                                  "comment_delete", "add"])
def test_undo_reverts_each_kind_of_change_and_records_it(lib, doc, kind):
    entry, state = _undo_case(lib, doc, kind)
    # state before the change: replay by undoing and comparing with a fresh library's view
    after_change = state()
    undo = lib.undo(entry.id)
    assert undo.action == "undo" and undo.reviewer == "alice"
    reverted = state()
    assert reverted != after_change
    history = {h.id: h for h in lib.history()}
    assert history[entry.id].undone and history[undo.id].action == "undo"
    with pytest.raises(ReviewerError) as err:
        lib.undo(entry.id)
    assert err.value.code == "already_undone"


def test_undo_of_a_correction_restores_the_earlier_correction_and_status(lib, doc):
    figure = lib.load_review(doc).figures[0]
    lib.set_status("figure", figure.review.uuid, "confirmed")
    first = lib.correct("figure", figure.review.uuid, "value", 1)
    second = lib.correct("figure", figure.review.uuid, "value", 2)
    lib.undo(second.id)
    after = lib.load_review(doc).figures[0]
    assert after.figure.value == 1 and after.review.status == "corrected"
    lib.undo(first.id)
    after = lib.load_review(doc).figures[0]
    assert after.figure.value == figure.figure.value and after.review.status == "confirmed"
    assert after.review.original == {}


def test_undo_of_a_correction_after_a_status_brings_that_status_back(lib, doc):
    """Found by the undo/redo machine on a team library (the same on a file): a status set
    between two corrections is what undoing the second one must show again."""
    figure = lib.load_review(doc).figures[0].review.uuid
    first = lib.correct("figure", figure, "value", 1)
    lib.set_status("figure", figure, "confirmed")
    second = lib.correct("figure", figure, "value", 3)
    lib.undo(second.id)
    after = lib.load_review(doc).figures[0]
    assert after.figure.value == 1 and after.review.status == "confirmed"
    other = lib.correct("figure", figure, "value", 5)  # undoing an older one keeps the newer's status
    lib.undo(first.id)
    after = lib.load_review(doc).figures[0]
    assert after.figure.value == 5 and after.review.status == "corrected"
    assert other.id > first.id


def test_undo_of_an_import_is_refused(lib, doc):
    with pytest.raises(ReviewerError) as err:
        lib.undo(lib.history()[0].id)
    assert err.value.code == "cannot_undo"
    with pytest.raises(ReviewerError):
        lib.undo(99999)


def test_search_finds_text_in_either_script_figure_labels_and_comments(lib, doc):
    text = lib.load_review(doc).document.text
    hits = lib.search("现将有关情况")
    assert hits and hits[0].item_type == "document" and text[hits[0].start:hits[0].end] == "现将有关情况"
    assert "现将有关情况" in hits[0].snippet
    assert lib.search("現將有關情況")  # Traditional query, Simplified text
    figure = lib.load_review(doc).figures[0]
    assert any(h.item_type == "figure" and h.item_uuid == figure.review.uuid for h in lib.search(figure.figure.label))
    lib.add_comment("figure", figure.review.uuid, "口径不一致")
    assert [h.item_type for h in lib.search("口径不一致")] == ["comment"]
    assert lib.search("   ") == []
    wildcard = lib.search("%")  # a LIKE wildcard is searched for literally
    assert wildcard and all(h.item_type == "document" and "%" in h.snippet for h in wildcard)


def test_remove_document_removes_its_items_and_review_layer(lib, doc):
    figure = lib.load_review(doc).figures[0].review.uuid
    lib.correct("figure", figure, "value", 3)
    lib.add_comment("figure", figure, "x")
    lib.tag_item("figure", figure, lib.tags()[0].uuid)
    lib.add_annotation(doc, 0, 3)
    lib.remove_document(doc)
    assert lib.list_documents() == []
    for table in ("figures", "sections", "annotations", "corrections", "comments", "tag_links"):
        assert lib.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0
    assert lib.history()[-1].action == "remove"
    with pytest.raises(ReviewerError):
        lib.remove_document(doc)


def test_every_edit_is_committed_before_the_method_returns(tmp_path):
    lib = Library(tmp_path / "lib.db", reviewer="alice")
    doc = lib.import_analysis(make_analysis(SMALL_TEXT)).doc_uuid
    figure = lib.load_review(doc).figures[0].review.uuid
    lib.correct("figure", figure, "value", 77)
    # a separate connection sees it at once, while the first library is still open
    other = sqlite3.connect(tmp_path / "lib.db")
    assert other.execute("SELECT new_value FROM corrections").fetchone()[0] == "77"
    other.close()
    lib.close()
    with Library(tmp_path / "lib.db") as again:
        assert again.load_review(doc).figures[0].figure.value == 77


def test_rows_a_person_made_carry_the_reviewer(lib, doc):
    lib.reviewer = "bob"  # a team library keeps its login instead (tests/test_team.py)
    who = "bob" if lib.reviewer == "bob" else "alice"
    figure = lib.load_review(doc).figures[0].review.uuid
    lib.correct("figure", figure, "value", 3)
    lib.add_comment("figure", figure, "x")
    lib.tag_item("figure", figure, lib.tags()[0].uuid)
    lib.add_annotation(doc, 0, 3)
    for table in ("corrections", "comments", "tag_links", "annotations"):
        assert lib.conn.execute(f"SELECT reviewer FROM {table}").fetchone()[0] == who
    assert lib.history()[-1].reviewer == who


def test_read_only_library_can_be_read_but_refuses_edits(tmp_path):
    with Library(tmp_path / "lib.db", reviewer="alice") as lib:
        doc = lib.import_analysis(make_analysis(SMALL_TEXT)).doc_uuid
    before = (tmp_path / "lib.db").read_bytes()
    with Library(tmp_path / "lib.db", read_only=True) as lib:
        assert lib.read_only
        review = lib.load_review(doc)
        with pytest.raises(ReviewerError) as err:
            lib.correct("figure", review.figures[0].review.uuid, "value", 1)
        assert err.value.code == "library_read_only"
        assert lib.list_documents()
    assert (tmp_path / "lib.db").read_bytes() == before


def test_load_review_of_a_large_report_takes_a_few_milliseconds(lib, capsys):
    analysis = make_analysis(report_text(sections=6, paragraphs=5, sentences=6))
    doc = lib.import_analysis(analysis).doc_uuid
    review = lib.load_review(doc)
    for f in review.figures[:40]:
        lib.set_status("figure", f.review.uuid, "confirmed")
    for f in review.figures[40:60]:
        lib.correct("figure", f.review.uuid, "value", 1)
    lib.load_review(doc)
    timings = []
    for _ in range(5):
        t = time.perf_counter()
        lib.load_review(doc)
        timings.append(time.perf_counter() - t)
    best = min(timings)
    with capsys.disabled():
        print(f"\nload_review: {len(analysis.document.text.encode())} bytes, {len(analysis.figures)} figures, "
              f"{len(analysis.sections)} sections: best {best * 1000:.1f} ms")
    assert best < 0.1


def test_search_finds_annotation_notes_including_corrected_ones(lib, doc):
    note = lib.add_annotation(doc, 0, 4, "标题中的年份")
    assert [(h.item_type, h.item_uuid) for h in lib.search("年份")] == [("annotation", note.uuid)]
    lib.correct("annotation", note.uuid, "note", "改为发文日期")
    assert [h.item_uuid for h in lib.search("发文日期")] == [note.uuid]


EDITS = st.lists(st.tuples(st.sampled_from(["correct", "status", "tag", "untag", "comment", "annotate", "label"]),
                           st.integers(0, 5), st.integers(0, 3)), min_size=1, max_size=12)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=EDITS)
def test_undoing_every_change_newest_first_restores_the_review(tmp_path_factory, edits):
    path = tmp_path_factory.mktemp("undo") / "lib.db"
    with Library(path, reviewer="alice") as lib:
        doc = lib.import_analysis(make_analysis(SMALL_TEXT)).doc_uuid
        start = lib.load_review(doc)
        figures = [f.review.uuid for f in start.figures]
        tags = [t.uuid for t in lib.tags()]
        for kind, i, j in edits:
            figure, tag = figures[i % len(figures)], tags[j % len(tags)]
            try:
                if kind == "correct":
                    lib.correct("figure", figure, "value", i * 10 + j)
                elif kind == "label":
                    lib.correct("figure", figure, "label", f"标签{j}")
                elif kind == "status":
                    lib.set_status("figure", figure, ("confirmed", "rejected", "unreviewed", "corrected")[j])
                elif kind == "tag":
                    lib.tag_item("figure", figure, tag)
                elif kind == "untag":
                    lib.untag_item("figure", figure, tag)
                elif kind == "comment":
                    lib.add_comment("figure", figure, f"批注{i}{j}")
                else:
                    lib.add_annotation(doc, i, i + j + 1)
            except ReviewerError as exc:
                assert exc.code == "not_tagged"
        for entry in reversed(lib.history(doc_uuid=doc)):
            if entry.action not in ("import", "undo") and not entry.undone:
                lib.undo(entry.id)
        end = lib.load_review(doc)

        def view(review):
            return ([(f.figure, f.review.status, f.review.tags, f.review.comments, f.review.original)
                     for f in review.figures], review.annotations)

        assert view(end) == view(start)


def test_last_entry_names_the_history_entry_of_the_latest_change(lib, doc):
    figure = lib.load_review(doc).figures[0].review.uuid
    comment = lib.add_comment("figure", figure, "甲")
    assert lib.last_entry.action == "comment" and lib.last_entry.item_uuid == figure
    lib.undo(lib.last_entry.id)
    assert lib.last_entry.action == "undo"
    assert comment.uuid not in {c.uuid for f in lib.load_review(doc).figures for c in f.review.comments}


def test_pasted_texts_are_separate_reports_not_versions_of_one(lib):
    first = lib.import_analysis(make_analysis(SMALL_TEXT, path="<text>"))
    second = lib.import_analysis(make_analysis(report_text(sections=1, seed=77), path="<text>"))
    assert first.created and second.created and first.doc_uuid != second.doc_uuid
