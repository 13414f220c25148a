"""The report with the reviewer's comments as Word comments, read back: how many comments, the
exact words each one is anchored on, and — for a Word source — every original paragraph, style
and run format kept."""

from __future__ import annotations

import hashlib

import docx
import pytest
from docx.oxml.ns import qn

from reviewer.export.annotated_docx import write_annotated
from tests.export_factory import TEXT_A, comment, correct, district_a

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def anchored(document) -> dict[str, str]:
    """comment id -> the text between its commentRangeStart and commentRangeEnd, in body order."""
    open_ids: list[str] = []
    texts: dict[str, str] = {}
    for element in document.element.body.iter():
        if element.tag == f"{W}commentRangeStart":
            open_ids.append(element.get(qn("w:id")))
            texts[open_ids[-1]] = ""
        elif element.tag == f"{W}commentRangeEnd":
            open_ids.remove(element.get(qn("w:id")))
        elif element.tag == f"{W}t":
            for cid in open_ids:
                texts[cid] += element.text or ""
    return texts


def comments(document) -> dict[str, str]:
    return {str(c.comment_id): c.text for c in document.comments}


@pytest.fixture
def judged():
    a = district_a()
    check = a.review.checks[0]
    check.review.status, check.review.reason, check.review.reviewer = "confirmed", "审结率应为 92.3%", "王审阅"
    fines = a.figures["fines"]
    correct(fines.review, fines.figure, "value", 846000)
    comment(a.figures["apply"].review, "与统计年报不一致")
    return a


def word_report(tmp_path, review):
    """A Word file of TEXT_A as a department writes it: styles, and runs split mid-figure."""
    document = docx.Document()
    lines = [line for line in TEXT_A.split("\n") if line]
    document.add_paragraph(lines[0], style="Title")
    for line in lines[1:]:
        if line.startswith(("一、", "二、")):
            document.add_paragraph(line, style="Heading 1")
        elif line.startswith("("):
            document.add_paragraph(line, style="Heading 2")
        elif "326件" in line:
            p = document.add_paragraph()
            head, tail = line.split("326件", 1)
            p.add_run(head)
            p.add_run("32").bold = True
            p.add_run("6件" + tail[:5])
            p.add_run(tail[5:]).italic = True
        else:
            document.add_paragraph(line)
    path = tmp_path / "甲区报告.docx"
    document.save(str(path))
    review.document.path = str(path)
    review.document.format = "docx"
    review.document.sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
    return path


def test_a_word_source_gets_comments_on_exactly_their_words(tmp_path, judged):
    source = word_report(tmp_path, judged.review)
    result = write_annotated(judged.review, tmp_path / "annotated.docx", reviewer="王审阅")
    assert result.from_source and result.placed == 4 and result.unplaced == []
    document = docx.Document(str(result.path))
    notes, spans = comments(document), anchored(document)
    assert len(document.comments) == 5
    by_text = {notes[cid]: spans[cid] for cid in notes}
    # a rate check stands at its last figure, the one it disputes (findings.disputed_figure)
    assert by_text["【属实】比率不符:审结率与所列数字不符\n核实意见:审结率应为 92.3%"] == "301件"
    assert by_text["原文 86.4万元 → 更正为 846000元(数值)"] == "86.4万元"
    assert by_text["与统计年报不一致"] == "326件"
    assert by_text["需要具体数字"] == "基层执法力量"
    assert by_text["原文已改"] == "甲区2023年法治政府建设情况报告"  # no words to anchor on: the first paragraph
    original = docx.Document(str(source))
    assert [(p.text, p.style.name) for p in document.paragraphs] == \
        [(p.text, p.style.name) for p in original.paragraphs]
    for kind in ("bold", "italic"):
        assert [r.text for p in document.paragraphs for r in p.runs if getattr(r, kind)] != []
        assert "".join(r.text for p in document.paragraphs for r in p.runs if getattr(r, kind)) == \
            "".join(r.text for p in original.paragraphs for r in p.runs if getattr(r, kind))


def test_a_changed_word_file_falls_back_to_the_cleaned_text(tmp_path, judged):
    source = word_report(tmp_path, judged.review)
    source.write_bytes(source.read_bytes() + b"\0")  # no longer the file imported
    result = write_annotated(judged.review, tmp_path / "annotated.docx")
    assert not result.from_source


def test_a_text_source_becomes_a_document_with_headings_and_comments(tmp_path, judged):
    result = write_annotated(judged.review, tmp_path / "annotated.docx", reviewer="王审阅")
    assert not result.from_source and result.placed == 4
    document = docx.Document(str(result.path))
    styles = {p.text: p.style.name for p in document.paragraphs}
    assert styles["甲区2023年法治政府建设情况报告"] == "Title"
    assert styles["一、主要工作和成效"] == "Heading 1" and styles["(一)行政复议"] == "Heading 2"
    assert styles["基层执法力量仍然不足。"] == "Normal"
    assert "\n".join(p.text for p in document.paragraphs) == TEXT_A.strip("\n")
    notes, spans = comments(document), anchored(document)
    assert sorted(spans[cid] for cid in notes) == sorted(
        ["301件", "86.4万元", "326件", "基层执法力量", "甲区2023年法治政府建设情况报告"])
    authors = {c.author for c in document.comments}
    assert authors <= {"王审阅", "李审阅"}
    east_asia = document.styles["Normal"].element.rPr.rFonts.get(qn("w:eastAsia"))
    assert east_asia == "仿宋_GB2312"


def test_english_comment_wording(tmp_path, judged):
    result = write_annotated(judged.review, tmp_path / "en.docx", language="en")
    texts = {c.text for c in docx.Document(str(result.path)).comments}
    assert "Original 86.4万元 → corrected to 846000元 (value)" in texts


def test_a_heading_numbered_by_word_is_found_by_its_words(tmp_path, judged):
    """Word's automatic numbering ("一、") is in the cleaned text but not in the runs."""
    word_report(tmp_path, judged.review)
    source = docx.Document(judged.review.document.path)
    heading = next(p for p in source.paragraphs if p.text == "一、主要工作和成效")
    heading.runs[0].text = "主要工作和成效"
    source.save(judged.review.document.path)
    judged.review.document.sha256 = hashlib.sha256(open(judged.review.document.path, "rb").read()).hexdigest()
    one = judged.sections["one"]
    correct(one.review, one.section, "title", "主要工作成效")
    result = write_annotated(judged.review, tmp_path / "numbered.docx")
    assert result.unplaced == []
    document = docx.Document(str(result.path))
    notes, spans = comments(document), anchored(document)
    assert {spans[cid] for cid, text in notes.items() if text.endswith("(标题)")} == {"主要工作和成效"}
