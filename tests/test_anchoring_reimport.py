"""Re-importing a report whose text changed keeps the reviewer's work on the right items."""

from __future__ import annotations

import pytest

from reviewer.library.store import Library
from tests.test_store_support import make_analysis, report_text, write_report

PATH = "/reports/甲区2023.txt"


@pytest.fixture
def setup(backend_library):
    """A library with one report and review work of every kind on it (SQLite and PostgreSQL)."""
    text = report_text(sections=3, paragraphs=3, sentences=4, seed=31)
    lib = backend_library("alice")
    doc = lib.import_analysis(make_analysis(text, path=PATH)).doc_uuid
    review = lib.load_review(doc)
    late_figure = [f for f in review.figures if f.figure.kind == "count"][-3]  # far from the edits
    lib.correct("figure", late_figure.review.uuid, "value", 999)
    lib.tag_item("section", review.sections[-1].review.uuid, lib.tags()[0].uuid)
    lib.add_comment("citation", review.citations[-1].review.uuid, "文件名称有误")
    lib.set_status("figure", review.figures[-1].review.uuid, "confirmed")
    yield lib, doc, text, review, late_figure
    lib.close()


def _edited(text: str) -> str:
    """A new paragraph near the top and the last sentence of the first body paragraph removed."""
    lines = text.split("\n")
    lines.insert(3, "新增说明:本报告数据截至2023年12月31日。")
    first_body = next(i for i, line in enumerate(lines) if line.count("。") > 3)
    lines[first_body] = "。".join(lines[first_body].split("。")[:-2]) + "。"
    return "\n".join(lines)


def test_reviewed_items_keep_their_corrections_tags_comments_and_status(setup):
    lib, doc, text, before, late = setup
    result = lib.import_analysis(make_analysis(_edited(text), path=PATH))
    assert not result.created and result.doc_uuid == doc and result.anchoring.items_kept > 0
    after = lib.load_review(doc)
    assert after.document.text == _edited(text)
    figure = next(f for f in after.figures if f.review.uuid == late.review.uuid)
    assert figure.figure.value == 999 and figure.review.original == {"value": late.figure.value}
    assert figure.figure.start != late.figure.start  # the text around it changed length
    new_text, (start, end) = after.document.text, (figure.figure.start, figure.figure.end)
    assert new_text[start - 20:end + 20] == text[late.figure.start - 20:late.figure.end + 20]
    section = next(s for s in after.sections if s.review.uuid == before.sections[-1].review.uuid)
    assert [t.uuid for t in section.review.tags] == [lib.tags()[0].uuid]
    citation = next(c for c in after.citations if c.review.uuid == before.citations[-1].review.uuid)
    assert [c.body for c in citation.review.comments] == ["文件名称有误"]
    confirmed = next(f for f in after.figures if f.review.uuid == before.figures[-1].review.uuid)
    assert confirmed.review.status == "confirmed"
    assert lib.history(doc_uuid=doc)[-1].action == "reimport"


def test_a_reviewed_item_whose_words_are_gone_is_kept_as_an_orphan(setup):
    lib, doc, text, before, late = setup
    # review a figure in the sentence that the edit removes
    lines = text.split("\n")
    first_body = next(i for i, line in enumerate(lines) if line.count("。") > 3)
    doomed_sentence = lines[first_body].split("。")[-2]
    doomed = next(f for f in before.figures if f.figure.text in doomed_sentence
                  and text.index(doomed_sentence) <= f.figure.start)
    lib.correct("figure", doomed.review.uuid, "value", 1)
    result = lib.import_analysis(make_analysis(_edited(text), path=PATH))
    assert result.anchoring.items_orphaned >= 1
    after = lib.load_review(doc)
    assert doomed.review.uuid not in {f.review.uuid for f in after.figures}
    kept = lib.conn.execute("SELECT orphaned FROM figures WHERE uuid = ?", (doomed.review.uuid,)).fetchone()
    assert kept == (1,), "the reviewed item must be kept, marked orphaned"
    assert [h.action for h in lib.history(item_uuid=doomed.review.uuid)] == ["correct"]
    [orphan] = after.orphaned_items
    assert orphan.review.uuid == doomed.review.uuid and orphan.figure.value == 1
    ids = [f.figure.id for f in after.figures]
    assert len(ids) == len(set(ids))


def test_a_figure_whose_number_changed_keeps_its_review(setup):
    lib, doc, text, before, late = setup
    figure = late
    new_text = text[:figure.figure.start] + "1" + text[figure.figure.start:]  # 326件 -> 1326件
    lib.import_analysis(make_analysis(new_text, path=PATH))
    after = lib.load_review(doc)
    moved = next(f for f in after.figures if f.review.uuid == figure.review.uuid)
    assert moved.figure.value == 999  # the reviewer's correction still applies
    assert moved.review.original["value"] == int("1" + str(figure.figure.value))


def test_user_added_items_and_annotations_follow_their_words(setup):
    lib, doc, text, _, _ = setup
    start = text.index("现将有关情况")
    section_uuid = lib.add_section(doc, 1, "零", "前言", start, start + 6)
    figure_uuid = lib.add_figure(doc, start, start + 2, 1, None, "count", "现将")
    note = lib.add_annotation(doc, start, start + 10, "这里")
    lib.import_analysis(make_analysis("补充一行。\n" + text, path=PATH))
    after = lib.load_review(doc)
    shift = len("补充一行。\n")
    section = next(s for s in after.sections if s.review.uuid == section_uuid)
    assert (section.section.heading_start, section.review.user_added) == (start + shift, True)
    figure = next(f for f in after.figures if f.review.uuid == figure_uuid)
    assert figure.figure.start == start + shift
    [annotation] = after.annotations
    assert (annotation.uuid, annotation.start, annotation.anchor_state) == (note.uuid, start + shift, "exact")
    assert len({s.section.id for s in after.sections}) == len(after.sections)


def test_an_annotation_whose_words_are_gone_stays_visible_as_an_orphan(setup):
    lib, doc, text, _, _ = setup
    start = text.index("现将有关情况")
    lib.add_annotation(doc, start, start + 9, "这句删掉了吗")
    new_text = text.replace("现将有关情况报告如下。", "")
    result = lib.import_analysis(make_analysis(new_text, path=PATH))
    assert (result.anchoring.orphaned, result.anchoring.orphans) == (1, ["现将有关情况报告如"])
    [annotation] = lib.load_review(doc).annotations
    assert (annotation.start, annotation.end, annotation.anchor_state) == (None, None, "orphan")
    assert annotation.quote == "现将有关情况报告如" and annotation.note == "这句删掉了吗"


def test_reimporting_a_changed_file_from_disk_re_anchors(tmp_path):
    """Through import_file and the real loader and analysis (whatever the finders find)."""
    text = report_text(sections=2, paragraphs=2, sentences=3, seed=41)
    path = write_report(tmp_path, "甲区.txt", text)
    with Library(tmp_path / "lib.db") as lib:
        first = lib.import_file(path)
        assert first.created, first.error
        start = text.index("现将")
        lib.add_annotation(first.doc_uuid, start, start + 8)
        path.write_text("前言一句。\n" + text, encoding="utf-8")
        second = lib.import_file(path)
        assert second.error is None and not second.created and second.doc_uuid == first.doc_uuid
        assert (second.anchoring.exact, second.anchoring.orphaned) == (1, 0)
        assert len(lib.list_documents()) == 1


def test_a_deleted_figure_does_not_hand_its_review_to_a_far_away_twin(tmp_path):
    filler = "".join(f"第{i}项工作按计划推进,各项任务均已完成。" for i in range(40))
    text = (f"一、复议\n全年收到行政复议申请12件,均已办结。\n{filler}\n"
            f"二、应诉\n{filler}\n本年度行政应诉案件12件,同比持平。\n")
    path = "/reports/twin.txt"
    with Library(tmp_path / "lib.db", reviewer="alice") as lib:
        doc = lib.import_analysis(make_analysis(text, path=path)).doc_uuid
        first, second = [f for f in lib.load_review(doc).figures if f.figure.text == "12件"]
        lib.correct("figure", first.review.uuid, "value", 13)
        result = lib.import_analysis(make_analysis(text.replace("全年收到行政复议申请12件,均已办结。", ""), path=path))
        assert result.anchoring.items_orphaned == 1
        review = lib.load_review(doc)
        twin = next(f for f in review.figures if f.review.uuid == second.review.uuid)
        assert twin.figure.value == 12 and twin.review.original == {}
        assert [x.review.uuid for x in review.orphaned_items] == [first.review.uuid]


def test_reanalysing_a_stored_report_keeps_the_review_work(setup):
    lib, doc, text, before, late = setup
    improved = make_analysis(text, path=PATH)
    improved.figures = improved.figures[1:]  # a newer analysis that finds a little less
    note = lib.add_annotation(doc, 5, 12, "标注")
    report = lib.reanalyse(doc, improved)
    assert report.items_kept > 0 and report.exact == 1
    after = lib.load_review(doc)
    figure = next(f for f in after.figures if f.review.uuid == late.review.uuid)
    assert figure.figure.value == 999
    assert len(after.figures) == len(before.figures) - 1
    assert [a.uuid for a in after.annotations] == [note.uuid]
    assert lib.history(doc_uuid=doc)[-1].action == "reanalyse"


def test_reanalysing_with_the_real_analysis_runs_it_over_the_stored_text(tmp_path):
    text = report_text(sections=1, paragraphs=2, sentences=2, seed=43)
    with Library(tmp_path / "lib.db") as lib:
        doc = lib.import_analysis(make_analysis(text, path=PATH)).doc_uuid
        lib.set_status("metadata", doc, "confirmed")
        lib.reanalyse(doc)
        review = lib.load_review(doc)
        assert review.document.text == text and review.metadata_review.status == "confirmed"
