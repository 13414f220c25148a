"""The review memo (审核意见书), read back with python-docx: its paragraphs, their fonts (with
w:eastAsia set), the page (A4, GB/T 9704-2012 margins), and one part per report in a batch."""

from __future__ import annotations

import os
from datetime import date

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt

from reviewer.export.memo import write_memo
from reviewer.messages import ReviewerError
from tests.export_factory import comment, correct, district_a, district_b

DAY = date(2024, 3, 8)


@pytest.fixture
def judged():
    a = district_a()
    check = a.review.checks[0]
    check.review.status, check.review.reason, check.review.reviewer = "confirmed", "审结率应为 92.3%", "王审阅"
    a.review.advisories[0].review.status = "rejected"
    fig = a.figures["apply"]
    correct(fig.review, fig.figure, "value", 362)
    comment(fig.review, "与统计年报不一致")
    return a


def east_asia(paragraph) -> set[str]:
    return {run._element.rPr.rFonts.get(qn("w:eastAsia")) for run in paragraph.runs if run.text}


def texts(path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs]


def test_memo_says_what_was_found_to_the_issuer(tmp_path, judged):
    path = write_memo([judged.review], tmp_path / "memo.docx", reviewer="王审阅", today=DAY)
    lines = texts(path)
    assert lines[0] == "关于《甲区2023年法治政府建设情况报告》的审核意见"
    assert lines[1] == "甲区人民政府:"
    body = "\n".join(lines)
    assert "属实 1,误报 1,待核实 0,未判定 0" in body
    assert "(一)比率不符" in lines
    assert "位置:一、主要工作和成效 > (一)行政复议" in lines
    assert "原文:“依据《中华人民共和国行政复议法》审结301件。”" in lines  # the figure the check disputes
    assert "问题:审结率与所列数字不符" in lines and "核实意见:审结率应为 92.3%" in lines
    assert "1. 【一、主要工作和成效 > (一)行政复议】数值:原文“326件”,更正为“362件”。" in lines
    assert "【一、主要工作和成效 > (一)行政复议】与统计年报不一致" in body
    assert "【二、存在的问题】需要具体数字" in body
    assert lines[-2:] == ["审核人:王审阅", "2024年3月8日"]


def test_memo_is_typeset_as_an_official_document(tmp_path, judged):
    document = docx.Document(str(write_memo([judged.review], tmp_path / "memo.docx", today=DAY)))
    section = document.sections[0]
    measured = [round(length.mm) for length in (section.page_width, section.page_height, section.top_margin,
                                                section.left_margin, section.bottom_margin, section.right_margin)]
    assert measured == [210, 297, 37, 28, 35, 26]  # stored in twips: to the millimetre
    paragraphs = {p.text: p for p in document.paragraphs}
    title = document.paragraphs[0]
    assert east_asia(title) == {"方正小标宋简体"} and title.runs[0].font.size == Pt(22)
    body = paragraphs["问题:审结率与所列数字不符"]
    assert east_asia(body) == {"仿宋_GB2312"} and body.runs[0].font.size == Pt(16)
    assert body.paragraph_format.first_line_indent == Pt(32)
    assert east_asia(paragraphs["二、发现的问题"]) == {"黑体"}
    assert east_asia(paragraphs["(一)比率不符"]) == {"楷体_GB2312"}
    font_table = next(r.target_part for r in document.part.rels.values() if r.reltype.endswith("/fontTable"))
    xml = font_table.blob.decode("utf-8")
    assert 'w:name="方正小标宋简体"' in xml and 'w:val="黑体"' in xml and 'w:val="仿宋"' in xml
    assert "PAGE" in document.sections[0].footer._element.xml


def test_a_batch_memo_has_a_part_per_report_on_its_own_page(tmp_path, judged):
    document = docx.Document(str(write_memo([judged.review, district_b().review], tmp_path / "m.docx", today=DAY)))
    titles = [p for p in document.paragraphs if p.text.startswith("关于《")]
    assert [p.text for p in titles] == ["关于《甲区2023年法治政府建设情况报告》的审核意见",
                                        "关于《乙县2023年法治政府建设工作报告》的审核意见"]
    assert titles[1].paragraph_format.page_break_before
    assert "经审核,未发现需要更正的数据问题。" not in [p.text for p in document.paragraphs][:5]
    assert "自动核查提示的疑点中,未发现经核实属实的问题。" in [p.text for p in document.paragraphs]


def test_memo_in_english(tmp_path, judged):
    lines = texts(write_memo([judged.review], tmp_path / "en.docx", language="en", today=DAY))
    assert lines[0] == "Review of \"甲区2023年法治政府建设情况报告\"" and "Problem: 审结率与所列数字不符" in lines


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_memo_is_written_atomically_with_the_users_umask(tmp_path, judged, monkeypatch):
    target = tmp_path / "memo.docx"
    target.write_bytes(b"old")
    import docx.document

    def broken(self, path):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(docx.document.Document, "save", broken)
    with pytest.raises(ReviewerError) as info:
        write_memo([judged.review], target)
    assert info.value.code == "export_failed" and target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["memo.docx"]
    monkeypatch.undo()
    old = os.umask(0o022)
    try:
        write_memo([judged.review], target)
    finally:
        os.umask(old)
    assert target.stat().st_mode & 0o777 == 0o644


def test_no_reports_no_memo(tmp_path):
    with pytest.raises(ReviewerError):
        write_memo([], tmp_path / "none.docx")
    assert not (tmp_path / "none.docx").exists()


def test_a_corrected_issuer_is_listed_among_the_corrections(tmp_path, judged):
    review = judged.review
    correct(review.metadata_review, review.metadata, "issuer", "甲区司法局")
    lines = texts(write_memo([review], tmp_path / "memo.docx", today=DAY))
    assert lines[1] == "甲区司法局:"
    assert any(line.endswith("发布单位:原文“甲区人民政府”,更正为“甲区司法局”。") for line in lines)


def test_a_detail_the_reviewer_supplied_is_no_correction_of_the_report(tmp_path):
    """Filling in a 文号 the analysis did not find is the reviewer's addition, not the report's
    error; changing a title the report has is a correction, and the memo says so."""
    built = district_a()
    meta = built.review.metadata
    meta.doc_number = None
    correct(built.review.metadata_review, meta, "doc_number", "甲府发〔2024〕3号")
    correct(built.review.metadata_review, meta, "title", "甲区2023年度法治政府建设情况报告")
    lines = texts(write_memo([built.review], tmp_path / "memo.docx", reviewer="王审阅", today=DAY))
    corrections = [line for line in lines if "更正为" in line]
    assert len(corrections) == 1 and "2023年度" in corrections[0], corrections
    assert any("甲府发〔2024〕3号" in line for line in lines), "the supplied 文号 is used in the memo"
