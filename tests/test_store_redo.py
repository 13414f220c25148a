"""Redo brings back exactly what undo took away: the same rows under the same UUIDs, with their
tags, comments and history (issue 11, defect 1) — on a SQLite file and on a PostgreSQL team library."""

from __future__ import annotations

import pytest

from reviewer.messages import ReviewerError
from tests.test_store_support import SMALL_TEXT, make_analysis


@pytest.fixture
def lib(backend_library):
    return backend_library("王律师")


def _state(lib, doc):
    review = lib.load_review(doc)
    return {a.uuid: (a.start, a.end, a.note, sorted(t.uuid for t in a.review.tags),
                     [(c.uuid, c.body) for c in a.review.comments]) for a in review.annotations}


def test_redo_of_an_added_annotation_keeps_its_uuid_tags_and_comments(lib):
    doc = lib.import_analysis(make_analysis(SMALL_TEXT)).doc_uuid
    tag = lib.create_tag("测试标签甲")
    ann = lib.add_annotation(doc, 5, 9, "备注")
    add = lib.last_entry.id
    tagged = lib.tag_item("annotation", ann.uuid, tag.uuid).id
    lib.add_comment("annotation", ann.uuid, "请核实")
    before = _state(lib, doc)
    lib.undo(tagged)
    lib.undo(add)
    assert _state(lib, doc) == {}
    lib.redo(add)
    lib.redo(tagged)
    assert _state(lib, doc) == before
    assert not any(e.undone for e in lib.history(item_uuid=ann.uuid) if e.action in ("add", "tag"))
    lib.undo(add)  # the redone entry can be undone again
    assert _state(lib, doc) == {}


def test_redo_of_a_deleted_comment_deletes_the_same_comment_again(lib):
    doc = lib.import_analysis(make_analysis(SMALL_TEXT)).doc_uuid
    ann = lib.add_annotation(doc, 5, 9)
    comment = lib.add_comment("annotation", ann.uuid, "一")
    lib.edit_comment(comment.uuid, "二")
    edit = lib.last_entry.id
    lib.undo(edit)
    assert _state(lib, doc)[ann.uuid][4] == [(comment.uuid, "一")]
    lib.redo(edit)
    assert _state(lib, doc)[ann.uuid][4] == [(comment.uuid, "二")]


def test_redo_of_a_correction_and_a_verdict_restores_them(lib):
    doc = lib.import_analysis(make_analysis(SMALL_TEXT)).doc_uuid
    review = lib.load_review(doc)
    figure, check = review.figures[0], review.checks[0]
    corrected = lib.correct("figure", figure.review.uuid, "value", 42).id
    verdict = lib.set_verdict(check.review.uuid, "rejected", "合计另有口径").id
    lib.undo(verdict)
    lib.undo(corrected)
    lib.redo(corrected)
    lib.redo(verdict)
    again = lib.load_review(doc)
    assert again.figures[0].figure.value == 42 and again.figures[0].review.status == "corrected"
    assert again.checks[0].review.status == "rejected" and again.checks[0].review.reason == "合计另有口径"


def test_undoing_a_tag_the_item_already_had_keeps_it(lib):
    doc = lib.import_analysis(make_analysis(SMALL_TEXT)).doc_uuid
    tag = lib.create_tag("测试标签甲")
    ann = lib.add_annotation(doc, 5, 9)
    lib.tag_item("annotation", ann.uuid, tag.uuid)
    again = lib.tag_item("annotation", ann.uuid, tag.uuid).id
    lib.undo(again)
    assert _state(lib, doc)[ann.uuid][3] == [tag.uuid]


def test_a_restored_tag_keeps_its_uuid_and_redo_relinks_it(lib):
    doc = lib.import_analysis(make_analysis(SMALL_TEXT)).doc_uuid
    tag = lib.create_tag("测试标签甲", "#aa0000")
    ann = lib.add_annotation(doc, 5, 9)
    tagged = lib.tag_item("annotation", ann.uuid, tag.uuid).id
    lib.undo(tagged)
    lib.delete_tag(tag.uuid)  # the link goes with the tag
    lib.restore_tag(tag)
    lib.redo(tagged)
    assert _state(lib, doc)[ann.uuid][3] == [tag.uuid]


def test_redo_refuses_a_change_that_is_not_undone(lib):
    doc = lib.import_analysis(make_analysis(SMALL_TEXT)).doc_uuid
    lib.add_annotation(doc, 5, 9)
    with pytest.raises(ReviewerError):
        lib.redo(lib.last_entry.id)


def test_redo_of_a_correction_the_field_has_since_moved_on_from_is_refused(lib):
    doc = lib.import_analysis(make_analysis(SMALL_TEXT)).doc_uuid
    uuid = lib.load_review(doc).figures[0].review.uuid
    first = lib.correct("figure", uuid, "value", 1).id
    lib.undo(first)
    lib.correct("figure", uuid, "value", 2)
    with pytest.raises(ReviewerError):
        lib.redo(first)
    assert lib.load_review(doc).figures[0].figure.value == 2 and lib.conflicts(doc) == []
