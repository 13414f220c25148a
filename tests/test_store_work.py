"""The reviewers' work across a library in one list (the library page's review list)."""

from __future__ import annotations

from reviewer.library.store import Library
from tests.test_store_support import SMALL_TEXT, make_analysis, report_text


def test_review_work_lists_live_comments_tags_corrections_and_verdicts_of_every_report(tmp_path):
    with Library(tmp_path / "lib.db", reviewer="王律师") as lib:
        first = lib.import_analysis(make_analysis(SMALL_TEXT)).doc_uuid
        second = lib.import_analysis(make_analysis(report_text(seed=3), path="/reports/乙区.txt")).doc_uuid
        review = lib.load_review(first)
        figure, check = review.figures[0], review.checks[0]
        tag = lib.create_tag("工作清单测试")
        lib.tag_item("figure", figure.review.uuid, tag.uuid)
        lib.add_comment("figure", figure.review.uuid, "请核实")
        lib.correct("figure", figure.review.uuid, "value", 42)
        lib.set_verdict(check.review.uuid, "rejected", "口径不同")
        note = lib.add_annotation(second, 3, 8, "乙区的批注")
        gone = lib.add_annotation(second, 10, 14, "撤销的批注")
        lib.undo(lib.last_entry.id)
        work = lib.review_work()
        kinds = sorted((w.kind, w.doc_uuid) for w in work)
        assert kinds == sorted([("tag", first), ("comment", first), ("correction", first), ("verdict", first),
                                ("comment", second)])
        by_kind = {w.kind: w for w in work if w.doc_uuid == first}
        assert by_kind["tag"].text == "工作清单测试" and by_kind["comment"].text == "请核实"
        assert (by_kind["correction"].field, by_kind["correction"].new) == ("value", 42)
        assert by_kind["verdict"].status == "rejected" and by_kind["verdict"].text == "口径不同"
        assert by_kind["tag"].status == "corrected" and by_kind["tag"].reviewer == "王律师"
        assert {w.item_uuid for w in work if w.doc_uuid == second} == {note.uuid}
        assert gone.uuid not in {w.item_uuid for w in work}
        assert [w.kind for w in lib.review_work(second)] == ["comment"]
