"""Word reports: paragraphs and tables in order, Word's own list numbering rendered into the text,
hidden and deleted text left out, damaged files refused clearly."""

from __future__ import annotations

import io
import zipfile

import pytest
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from reviewer.load.dispatch import load_document
from reviewer.load.docx_text import chinese_counting, format_number
from reviewer.messages import ReviewerError

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
C, P = "\uff0c", "\u3002"
LP, RP = "\uff08", "\uff09"


def add_outline_numbering(document, num_id: int = 90) -> None:
    """A three-level GB/T 9704 list: 一、 / （一） / 1. (what a 公文 template defines)."""
    numbering = document.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum {W_NS} w:abstractNumId="{num_id}">'
        '<w:multiLevelType w:val="multilevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="%1、"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        f'<w:lvlText w:val="{LP}%2{RP}"/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%3."/></w:lvl>'
        '<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedParen"/>'
        '<w:lvlText w:val="%4"/></w:lvl>'
        '</w:abstractNum>')
    numbering.find(qn("w:num")).addprevious(abstract)  # abstractNum precede num elements
    numbering.append(parse_xml(f'<w:num {W_NS} w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/></w:num>'))


def numbered(document, text: str, level: int, num_id: int = 90):
    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {W_NS}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    return paragraph


def docx_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def sample_report() -> Document:
    document = Document()
    add_outline_numbering(document)
    document.add_paragraph("某区应急管理局2023年法治政府建设情况报告")
    document.add_paragraph(f"2023年{C}我局坚持依法行政{C}全年开展执法检查526次{P}")
    numbered(document, "主要举措和成效", 0)
    numbered(document, "强化组织领导", 1)
    numbered(document, "健全工作机制", 2)
    numbered(document, "落实学法制度", 3)
    numbered(document, "完善考核办法", 3)
    numbered(document, "严格执法监督", 2)
    numbered(document, "推进依法决策", 1)
    numbered(document, "落实合法性审查", 2)
    numbered(document, "存在的不足和原因", 0)
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate([("执法类别", "检查次数", "处罚金额"), ("安全生产", "312次", "86.5万元"),
                             ("消防", "214次", "")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    paragraph = document.add_paragraph("下一步")
    hidden = paragraph.add_run("（内部批注）")
    hidden.font.hidden = True
    paragraph.add_run(f"我局将继续加强执法队伍建设{P}")
    document.add_paragraph("")
    document.add_paragraph("某区应急管理局")
    document.add_paragraph("2024年1月20日")
    return document


def test_word_numbering_is_rendered_into_the_text(tmp_path):
    path = tmp_path / "report.docx"
    path.write_bytes(docx_bytes(sample_report()))
    doc = load_document(path)
    lines = doc.text.split("\n")
    assert doc.format == "docx"
    assert lines[0] == "某区应急管理局2023年法治政府建设情况报告"
    assert lines[2:10] == [
        "一、主要举措和成效",
        f"{LP}一{RP}强化组织领导",
        "1.健全工作机制",
        "⑴落实学法制度",
        "⑵完善考核办法",
        "2.严格执法监督",
        f"{LP}二{RP}推进依法决策",
        "1.落实合法性审查",  # a deeper level restarts under a new parent
    ]
    assert lines[10] == "二、存在的不足和原因"


def test_tables_become_rows_of_text_in_document_order(tmp_path):
    path = tmp_path / "report.docx"
    path.write_bytes(docx_bytes(sample_report()))
    lines = load_document(path).text.split("\n")
    row = lines.index("执法类别\uff5c检查次数\uff5c处罚金额")
    assert lines[row + 1] == "安全生产\uff5c312次\uff5c86.5万元"
    assert lines[row + 2] == "消防\uff5c214次"
    assert lines[row - 1] == "二、存在的不足和原因"


def test_hidden_text_is_left_out_and_signature_lines_stay(tmp_path):
    path = tmp_path / "report.docx"
    path.write_bytes(docx_bytes(sample_report()))
    lines = load_document(path).text.split("\n")
    assert f"下一步我局将继续加强执法队伍建设{P}" in lines
    assert lines[-2:] == ["某区应急管理局", "2024年1月20日"]


def test_numbering_defined_by_a_paragraph_style(tmp_path):
    document = Document()
    add_outline_numbering(document, num_id=91)
    styles = document.styles.element
    style = parse_xml(
        f'<w:style {W_NS} w:type="paragraph" w:styleId="Level1Heading"><w:name w:val="Level1Heading"/>'
        '<w:pPr><w:numPr><w:numId w:val="91"/></w:numPr></w:pPr></w:style>')
    styles.append(style)
    for title in ("基本情况", "主要问题"):
        paragraph = document.add_paragraph(title)
        paragraph._p.get_or_add_pPr().append(parse_xml(f'<w:pStyle {W_NS} w:val="Level1Heading"/>'))
    path = tmp_path / "styled.docx"
    path.write_bytes(docx_bytes(document))
    assert load_document(path).text.split("\n") == ["一、基本情况", "二、主要问题"]


def test_docx_with_plain_paragraphs_only(tmp_path):
    document = Document()
    document.add_paragraph("一、工作情况")
    document.add_paragraph(f"全年受理投诉举报1,203件{P}")
    path = tmp_path / "plain.docx"
    path.write_bytes(docx_bytes(document))
    assert load_document(path).text == f"一、工作情况\n全年受理投诉举报1,203件{P}"


@pytest.mark.parametrize("n, fmt, expected", [
    (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (12, "chineseCounting", "十二"),
    (20, "chineseCountingThousand", "二十"), (105, "chineseCounting", "一百零五"),
    (3, "decimal", "3"), (3, "decimalEnclosedCircle", "③"), (3, "decimalEnclosedParen", "⑶"),
    (3, "lowerLetter", "c"), (4, "upperRoman", "IV"), (2, "ideographTraditional", "乙"),
    (12, "chineseLegalSimplified", "壹拾贰"), (5, "decimalZero", "05"), (7, "unknownFormat", "7"),
])
def test_number_formats(n, fmt, expected):
    assert format_number(n, fmt) == expected


def test_chinese_counting_has_no_leading_one_for_teens():
    assert [chinese_counting(n) for n in (11, 19, 110, 1001)] == ["十一", "十九", "一百一十", "一千零一"]


def error_code(path) -> str:
    with pytest.raises(ReviewerError) as excinfo:
        load_document(path)
    return excinfo.value.code


def test_truncated_docx_is_reported(tmp_path):
    data = docx_bytes(sample_report())
    path = tmp_path / "truncated.docx"
    path.write_bytes(data[: len(data) // 2])
    assert error_code(path) == "bad_docx"


def test_zip_without_a_word_document_is_reported(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")
    path = tmp_path / "not_word.docx"
    path.write_bytes(buffer.getvalue())
    assert error_code(path) == "bad_docx"


def test_docx_extension_on_a_text_file_is_reported(tmp_path):
    path = tmp_path / "renamed.docx"
    path.write_bytes("一、工作情况".encode())
    assert error_code(path) == "bad_docx"


def test_word_file_saved_with_a_txt_extension_is_still_read_as_word(tmp_path):
    path = tmp_path / "mislabelled.txt"
    path.write_bytes(docx_bytes(sample_report()))
    doc = load_document(path)
    assert doc.format == "docx" and "一、主要举措和成效" in doc.text


def test_other_zip_archive_given_as_text_is_unsupported(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("data.bin", bytes(range(256)))
    path = tmp_path / "archive.txt"
    path.write_bytes(buffer.getvalue())
    assert error_code(path) in ("unsupported_format", "binary_file")


def test_list_defined_through_a_numbering_style(tmp_path):
    """Word's multilevel lists: the list's abstractNum only names a numbering style; the levels
    live in the abstractNum that the style links to."""
    document = Document()
    numbering = document.part.numbering_part.element
    first_num = numbering.find(qn("w:num"))
    first_num.addprevious(parse_xml(
        f'<w:abstractNum {W_NS} w:abstractNumId="70"><w:styleLink w:val="ReportOutline"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>'))
    first_num.addprevious(parse_xml(
        f'<w:abstractNum {W_NS} w:abstractNumId="71"><w:numStyleLink w:val="ReportOutline"/></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {W_NS} w:numId="71"><w:abstractNumId w:val="71"/></w:num>'))
    numbered(document, "工作情况", 0, num_id=71)
    numbered(document, "存在问题", 0, num_id=71)
    path = tmp_path / "style_linked.docx"
    path.write_bytes(docx_bytes(document))
    assert load_document(path).text.split("\n") == ["一、工作情况", "二、存在问题"]


def test_text_box_becomes_its_own_line_once(tmp_path):
    """A letterhead in a text box, stored twice by Word (DrawingML and its VML fallback)."""
    document = Document()
    paragraph = document.add_paragraph("各科室：")
    box = ('<w:txbxContent><w:p><w:r><w:t>某市市场监督管理局文件</w:t></w:r></w:p></w:txbxContent>')
    paragraph._p.insert(0, parse_xml(
        f'<w:r {W_NS} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent>'
        f'<mc:Choice Requires="wps"><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Choice>'
        f'<mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback>'
        '</mc:AlternateContent></w:r>'))
    document.add_paragraph("现将有关事项通知如下。")
    path = tmp_path / "letterhead.docx"
    path.write_bytes(docx_bytes(document))
    assert load_document(path).text.split("\n") == ["某市市场监督管理局文件", "各科室：", "现将有关事项通知如下。"]


def test_text_laid_out_in_a_one_cell_table_keeps_its_paragraphs(tmp_path):
    document = Document()
    cell = document.add_table(rows=1, cols=1).cell(0, 0)
    cell.text = "一、工作情况"
    cell.add_paragraph("全年办理案件12件。")
    cell.add_paragraph("二、存在问题")
    path = tmp_path / "layout.docx"
    path.write_bytes(docx_bytes(document))
    assert load_document(path).text.split("\n") == ["一、工作情况", "全年办理案件12件。", "二、存在问题"]
