"""The workbook as people read it: no internals on the human sheets, sections with their heading
text, the window's status words, a per-report block, A4 landscape printing, an ordinary file mode."""

from __future__ import annotations

import os
import re

import openpyxl
import pytest

from reviewer.export.safety import FORMULA_TRIGGERS
from reviewer.export.workbook import write_workbook
from reviewer.library.vocabulary import status_word
from tests.export_factory import comment, correct, district_a, district_b

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
HUMAN = ("概览", "审阅意见", "目录", "数据", "引用", "核查", "批注", "对比", "说明")


@pytest.fixture
def judged():
    a = district_a()
    check = a.review.checks[0]
    check.review.status = "confirmed"
    check.review.reason = "审结率应为 92.3%,报告写错"
    check.review.reviewer = "王审阅"
    a.review.advisories[0].review.status = "rejected"
    fig = a.figures["apply"]
    correct(fig.review, fig.figure, "value", 362)
    comment(fig.review, "=与统计年报核对")
    return a


def _ids(review) -> set[str]:
    items = [*review.reviewable(), *(x.review for x in review.advisories)]
    return {review.doc_uuid, *(i.uuid for i in items), *(a.uuid for a in review.annotations)}


def test_human_sheets_show_no_ids_paths_or_offsets(tmp_path, judged):
    b = district_b()
    wb = openpyxl.load_workbook(write_workbook([judged.review, b.review], tmp_path / "w.xlsx"))
    assert wb.sheetnames[-1] == "技术信息" and set(HUMAN) <= set(wb.sheetnames)
    secret = _ids(judged.review) | _ids(b.review) | {judged.review.document.path, b.review.document.path}
    for name in HUMAN:
        ws = wb[name]
        headers = [c.value for c in ws[1]]
        assert not {"ID", "报告ID", "起", "止", "定位", "文件"} & set(headers), name
        for row in ws.iter_rows(values_only=True):
            for value in row:
                if isinstance(value, str):
                    assert value not in secret and not UUID.search(value), (name, value)
    tech = list(wb["技术信息"].iter_rows(min_row=2, values_only=True))
    assert {row[2] for row in tech} >= _ids(judged.review) - {"ann-review"}


def test_sections_read_with_their_heading_text(tmp_path, judged):
    wb = openpyxl.load_workbook(write_workbook([judged.review], tmp_path / "w.xlsx"))
    sections = {row[1] for row in wb["数据"].iter_rows(min_row=2, values_only=True)}
    assert "一、主要工作和成效 > (二)行政执法" in sections


def test_status_words_are_the_windows_and_the_opinion_holds_verdict_and_reason(tmp_path, judged):
    wb = openpyxl.load_workbook(write_workbook([judged.review], tmp_path / "w.xlsx"))
    checks = wb["核查"]
    headers = [c.value for c in checks[1]]
    rows = [dict(zip(headers, r)) for r in checks.iter_rows(min_row=2, values_only=True)]
    assert rows[0]["状态"] == status_word("confirmed", "check", "zh") == "属实"
    assert rows[0]["意见"] == "属实:审结率应为 92.3%,报告写错"
    assert rows[1]["状态"] == "误报"
    legend = {row[0] for row in wb["说明"].iter_rows(min_row=2, values_only=True)}
    assert {"属实", "误报", "待核实", "未判定", "确认无误", "已更正", "已否决", "未审阅"} <= legend
    assert "已确认" not in legend and "已驳回" not in legend  # the old second vocabulary is gone


def test_summary_block_reads_top_to_bottom(tmp_path, judged):
    wb = openpyxl.load_workbook(write_workbook([judged.review, district_b().review], tmp_path / "w.xlsx"))
    block = [(a, b) for a, b in wb["审阅意见"].iter_rows(min_row=2, values_only=True)]
    first = block[:block.index((None, None))]
    items = dict(first)
    assert block[0] == ("报告", "甲区2023年法治政府建设情况报告")
    assert items["标题"] == "甲区2023年法治政府建设情况报告" and items["发布单位"] == "甲区人民政府"
    assert "属实 1" in items["审阅进度"] and "误报 1" in items["审阅进度"]
    assert "审结率与所列数字不符" in items["问题 1"] and "核实意见:审结率应为 92.3%" in items["问题 1"]
    assert "【一、主要工作和成效 > (一)行政复议】" in items["问题 1"]
    assert "326件 → 362件" in items["更正 1"]
    assert ("报告", "乙县2023年法治政府建设工作报告") in block


def test_every_sheet_prints_on_a4_landscape_with_names_and_page_numbers(tmp_path, judged):
    wb = openpyxl.load_workbook(write_workbook([judged.review], tmp_path / "w.xlsx"))
    for ws in wb.worksheets:
        assert ws.page_setup.orientation == "landscape" and str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4
        assert ws.print_title_rows in ("1:1", "$1:$1")
        assert "甲区2023年法治政府建设情况报告" in ws.oddHeader.center.text
        assert "&P" in ws.oddFooter.center.text and "&N" in ws.oddFooter.center.text
        widths = [ws.column_dimensions[c.column_letter].width for c in ws[1]]
        assert sum(widths) <= 200, ws.title  # one page wide at a readable scale
    text = wb["数据"]["J2"]
    assert text.alignment.wrap_text


def test_every_text_cell_that_looks_like_a_formula_stays_text(tmp_path, judged):
    judged.figures["fines"].figure.label = "=HYPERLINK(\"http://x\")"
    judged.review.annotations[0].note = "+86 10 1234"
    wb = openpyxl.load_workbook(write_workbook([judged.review], tmp_path / "w.xlsx"))
    seen = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate)
                if isinstance(cell.value, str) and cell.value.startswith(FORMULA_TRIGGERS):
                    assert cell.quotePrefix, (ws.title, cell.coordinate, cell.value)
                    seen += 1
    assert seen >= 3


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_the_file_gets_the_users_umask_not_a_private_mode(tmp_path, judged):
    old = os.umask(0o022)
    try:
        path = write_workbook([judged.review], tmp_path / "w.xlsx")
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o644
