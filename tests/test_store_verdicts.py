"""A reviewer's verdict on a check (属实 / 误报 / 待核实) with its reason: one edit, undoable,
and the same words everywhere (reviewer.library.vocabulary)."""

from __future__ import annotations

import pytest

from reviewer.library.store import Library
from reviewer.library.vocabulary import is_open_check, status_word
from reviewer.messages import ReviewerError
from tests.test_store_support import SMALL_TEXT, make_analysis


@pytest.fixture
def lib(backend_library):
    return backend_library("王律师")  # a SQLite file and a PostgreSQL team library in turn


def _check(lib, doc_uuid):
    return lib.load_review(doc_uuid).checks[0]


def test_a_verdict_and_its_reason_are_stored_and_reopen_with_the_library(tmp_path):
    path = tmp_path / "lib.db"
    with Library(path, reviewer="王律师") as lib:
        doc = lib.import_analysis(make_analysis(SMALL_TEXT)).doc_uuid
        check = _check(lib, doc)
        entry = lib.set_verdict(check.review.uuid, "confirmed", "  分项之和确实少 4 件 ")
        assert entry.action == "verdict" and entry.reviewer == "王律师"
    with Library(path) as lib:
        again = _check(lib, doc)
        assert again.review.status == "confirmed"
        assert again.review.reason == "分项之和确实少 4 件"
        assert not is_open_check(again.review.status)


def test_undoing_a_verdict_restores_the_previous_verdict_and_reason(lib):
    doc = lib.import_analysis(make_analysis(SMALL_TEXT)).doc_uuid
    uuid = _check(lib, doc).review.uuid
    lib.set_verdict(uuid, "pending", "待向统计科核实")
    second = lib.set_verdict(uuid, "rejected", "合计含上年结转,不是错误")
    lib.undo(second.id)
    review = _check(lib, doc).review
    assert (review.status, review.reason) == ("pending", "待向统计科核实")


def test_an_unknown_verdict_is_refused_and_changes_nothing(lib):
    doc = lib.import_analysis(make_analysis(SMALL_TEXT)).doc_uuid
    uuid = _check(lib, doc).review.uuid
    with pytest.raises(ReviewerError):
        lib.set_verdict(uuid, "maybe", "")
    assert _check(lib, doc).review.status == "unreviewed"


def test_a_check_status_reads_as_a_verdict_and_other_items_as_statuses():
    assert status_word("confirmed", "check", "zh") == "属实"
    assert status_word("rejected", "check", "zh") == "误报"
    assert status_word("pending", "check", "zh") == "待核实"
    assert status_word("confirmed", "figure", "zh") == "确认无误"
    assert status_word("rejected", "figure", "en") == "Rejected"


def test_a_verdict_and_its_reason_travel_with_a_merge(tmp_path):
    with Library(tmp_path / "a.db", reviewer="王律师") as a:
        doc = a.import_analysis(make_analysis(SMALL_TEXT)).doc_uuid
        a.set_verdict(_check(a, doc).review.uuid, "confirmed", "合计少 4 件")
    with Library(tmp_path / "b.db", reviewer="李科长") as b:
        b.merge_from(tmp_path / "a.db")
        review = _check(b, doc).review
        assert (review.status, review.reason) == ("confirmed", "合计少 4 件")
