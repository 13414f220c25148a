"""The Excel export, read back with openpyxl: contents, craft, safety and atomic writing."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import tempfile
import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.worksheet._writer import ALL_TEMP_FILES

from reviewer.export import files as export_files
from reviewer.export import sheet_writer
from reviewer.export import sheets as export_sheets
from reviewer.export import workbook as export_xlsx
from reviewer.export.safety import clean_text, needs_quote_prefix
from reviewer.export.sheet_writer import ExportCancelled
from reviewer.export.workbook import build_workbook, write_workbook
from reviewer.messages import ReviewerError
from tests.export_factory import comment, correct, district_a, district_b, district_c, tag


def row_ids(ws) -> dict[int, str]:
    """Row number -> ID of one human sheet, read from the technical sheet (human sheets show no IDs)."""
    wb = ws.parent
    tech = wb["技术信息"] if "技术信息" in wb.sheetnames else wb["Technical"]
    return {row[1]: row[2] for row in tech.iter_rows(min_row=2, values_only=True) if row[0] == ws.title}


def rows_by_id(ws) -> dict[str, dict[str, object]]:
    """Data rows of a sheet as dicts keyed by header, indexed by their ID in the technical sheet."""
    headers = [c.value for c in ws[1]]
    ids = row_ids(ws)
    result = {}
    for number, row in enumerate(ws.iter_rows(min_row=2, values_only=True), start=2):
        if number in ids:
            result[ids[number]] = dict(zip(headers, row))
    return result


def cells_by_id(ws) -> dict[str, dict[str, object]]:
    headers = [c.value for c in ws[1]]
    ids = row_ids(ws)
    return {ids[row[0].row]: dict(zip(headers, row)) for row in ws.iter_rows(min_row=2) if row[0].row in ids}


@pytest.fixture
def reviewed():
    """District A with a correction, tags, comments and a status of every kind."""
    a = district_a()
    fig = a.figures["apply"]
    correct(fig.review, fig.figure, "value", 362)
    fig.review.tags.append(tag("需核实"))
    fig.review.tags.append(tag("数据不一致", parent="问题"))
    comment(fig.review, "与统计年报不一致,已按年报更正")
    comment(fig.review, "同意", reviewer="李审阅", at="2024-03-05T01:00:00Z")
    sec = a.sections["zhifa"]
    correct(sec.review, sec.section, "title", "行政执法与监督")
    comment(sec.review, "标题按正文更正")
    a.figures["growth"].review.status = "confirmed"
    a.figures["closed"].review.status = "rejected"
    a.review.checks[0].review.tags.append(tag("问题"))
    comment(a.review.checks[0].review, "请复核审结数")
    a.review.annotations[0].review.tags.append(tag("亮点"))
    comment(a.review.annotations[0].review, "建议补充编制数")
    return a


def export(tmp_path, reviews, name="out.xlsx", **kwargs):
    path = write_workbook(reviews, tmp_path / name, **kwargs)
    return openpyxl.load_workbook(path)


def test_every_figure_is_in_the_figures_sheet_with_its_value(tmp_path, reviewed):
    b = district_b()
    wb = export(tmp_path, [reviewed.review, b.review])
    rows = rows_by_id(wb["数据"])
    expected = [*reviewed.review.figures, *b.review.figures]
    assert len(rows) == len(expected)
    for item in expected:
        row = rows[item.review.uuid]
        assert row["数值"] == item.figure.value
        assert row["原文数据"] == item.figure.text
        assert row["指标"] == item.figure.label
        assert row["单位"] == item.figure.unit
        assert item.figure.text in row["所在语句"]
    assert rows[reviewed.figures["apply"].review.uuid]["章节"] == "一、主要工作和成效 > (一)行政复议"
    assert rows[reviewed.figures["apply"].review.uuid]["所在语句"] == "全年收到行政复议申请326件,同比增长12.5%。"


def test_values_are_numbers_with_thousands_separators(tmp_path, reviewed):
    reviewed.figures["fines"].figure.low, reviewed.figures["fines"].figure.high = 80.5, 90.0
    wb = export(tmp_path, [reviewed.review])
    assert rows_by_id(wb["数据"])[reviewed.figures["fines"].review.uuid]["范围"] == "80.5–90"
    cells = cells_by_id(wb["数据"])
    checks = cells[reviewed.figures["checks"].review.uuid]["数值"]
    assert checks.data_type == "n" and checks.value == 1250 and checks.number_format == "#,##0"
    rate = cells[reviewed.figures["training"].review.uuid]
    assert rate["数值"].value == 93.75 and rate["数值"].number_format == "#,##0.00"
    assert rate["单位"].value == "%"


def test_corrections_keep_the_original_and_are_highlighted(tmp_path, reviewed):
    wb = export(tmp_path, [reviewed.review])
    figure = cells_by_id(wb["数据"])[reviewed.figures["apply"].review.uuid]
    assert figure["数值"].value == 362
    assert figure["原值"].value == 326
    assert figure["状态"].value == "已更正"
    assert "原为 326" in figure["更正"].value
    assert figure["数值"].fill.fgColor.rgb.endswith("FFF2CC")
    untouched = cells_by_id(wb["数据"])[reviewed.figures["growth"].review.uuid]
    assert untouched["数值"].fill.fill_type is None
    assert untouched["状态"].value == "确认无误"  # the window's word (reviewer.library.vocabulary)
    section = cells_by_id(wb["目录"])[reviewed.sections["zhifa"].review.uuid]
    assert section["标题"].value == "行政执法与监督"
    assert section["原标题"].value == "行政执法"
    assert section["标题"].fill.fgColor.rgb.endswith("FFF2CC")
    legend = [row[0] for row in wb["说明"].iter_rows(min_row=2, values_only=True)]
    assert "已更正" in legend


def test_tags_and_comments_reach_every_sheet(tmp_path, reviewed):
    wb = export(tmp_path, [reviewed.review])
    figure = rows_by_id(wb["数据"])[reviewed.figures["apply"].review.uuid]
    assert figure["标签"] == "需核实; 问题/数据不一致"
    assert figure["意见"] == "王审阅:与统计年报不一致,已按年报更正\n李审阅:同意"
    assert figure["审阅人"] == "王审阅"
    assert isinstance(figure["修改时间"], datetime)
    section = rows_by_id(wb["目录"])[reviewed.sections["zhifa"].review.uuid]
    assert section["意见"] == "王审阅:标题按正文更正"
    check = rows_by_id(wb["核查"])[reviewed.review.checks[0].review.uuid]
    assert check["标签"] == "问题" and "请复核审结数" in check["意见"]
    assert check["涉及数据"] == "行政复议申请:326件; 审结:301件"
    advisory = rows_by_id(wb["核查"])[reviewed.review.advisories[0].review.uuid]
    assert advisory["类别"] == "结构提示" and advisory["问题类型"] == "缺少必备部分"
    notes = rows_by_id(wb["批注"])
    placed, orphan = reviewed.review.annotations
    assert notes[placed.uuid]["引文"] == "基层执法力量"
    assert notes[placed.uuid]["标签"] == "亮点" and "建议补充编制数" in notes[placed.uuid]["意见"]
    assert notes[placed.uuid]["章节"] == "二、存在的问题" and "起" not in notes[placed.uuid]
    assert notes[orphan.uuid]["章节"] == "无法定位"
    tech = {row[2]: row for row in wb["技术信息"].iter_rows(min_row=2, values_only=True)}
    assert tech[placed.uuid][5:8] == (placed.start, placed.end, "精确")
    assert tech[orphan.uuid][5:8] == (None, None, "无法定位")
    citation = next(iter(rows_by_id(wb["引用"]).values()))
    assert citation["引用内容"] == "《中华人民共和国行政复议法》" and citation["类型"] == "文件名称"


def test_summary_has_one_row_per_report_with_counts_and_dates(tmp_path, reviewed):
    wb = export(tmp_path, [reviewed.review, district_b().review])
    rows = rows_by_id(wb["概览"])
    a = rows["doc-a"]
    assert a["报告"] == "甲区2023年法治政府建设情况报告"
    assert a["发布日期"] == datetime(2024, 1, 15)
    assert a["报告年度"] == 2023
    assert (a["章节数"], a["数据数"], a["引用数"], a["核查数"], a["属实"], a["未判定"]) == (4, 6, 1, 2, 0, 2)
    assert a["已审阅比例"] == pytest.approx(reviewed.review.reviewed_share)
    assert a["审阅人"] == "李审阅; 王审阅"
    assert isinstance(a["最后修改"], datetime)
    assert wb["概览"]["M2"].number_format == "0.0%"
    assert wb["概览"]["D2"].is_date
    assert len(rows) == 2


def test_links_sit_on_short_cells_and_lead_to_the_outline_and_the_figures(tmp_path, reviewed):
    """Section cells say where in words (no link: LibreOffice would not wrap a linked cell); the
    Sections count of a report leads to its outline, a check's kind to the figure it disputes."""
    wb = export(tmp_path, [reviewed.review, district_b().review])
    figures, outline = wb["数据"], wb["目录"]
    b_row = next(r for r in figures.iter_rows(min_row=2) if r[3].value == "960次")
    assert b_row[1].value == "一、工作成效 > (二)执法监督" and b_row[1].hyperlink is None
    summary_link = wb["概览"]["F3"].hyperlink
    assert outline[summary_link.location.split("!")[1]].offset(0, 3).value == "工作成效"
    assert outline[summary_link.location.split("!")[1]].offset(0, 0).value == "乙县2023年法治政府建设工作报告"
    check_link = next(wb["核查"].iter_rows(min_row=2))[2].hyperlink
    assert figures[check_link.location.split("!")[1]].offset(0, 3).value == "301件"  # a rate check's last


def test_outline_is_indented_by_level(tmp_path, reviewed):
    wb = export(tmp_path, [reviewed.review])
    cells = cells_by_id(wb["目录"])
    assert cells[reviewed.sections["one"].review.uuid]["标题"].alignment.indent == 0
    assert cells[reviewed.sections["fuyi"].review.uuid]["标题"].alignment.indent == 1
    assert cells[reviewed.sections["one"].review.uuid]["编号"].value == "一、"
    assert cells[reviewed.sections["fuyi"].review.uuid]["编号"].value == "(一)"


def test_comparison_lines_up_an_indicator_across_reports(tmp_path):
    a, b, c = district_a(), district_b(), district_c()
    wb = export(tmp_path, [a.review, b.review, c.review])
    ws = wb["对比"]
    headers = [cell.value for cell in ws[1]]
    assert headers[3:6] == ["甲区2023年法治政府建设情况报告", "乙县2023年法治政府建设工作报告",
                            "丙市2023年法治政府建设情况的报告"]
    rows = {row[headers.index("归并键")]: dict(zip(headers, row)) for row in ws.iter_rows(min_row=2, values_only=True)}
    apply = rows["行政复议申请"]
    assert (apply["甲区2023年法治政府建设情况报告"], apply["乙县2023年法治政府建设工作报告"],
            apply["丙市2023年法治政府建设情况的报告"]) == (326, 188, 2045)
    assert apply["单位"] == "件" and apply["报告数"] == 3
    assert "出现 2 次" in apply["备注"] and "51件" in apply["备注"]
    suits = rows["行政应诉案件"]
    assert suits["甲区2023年法治政府建设情况报告"] is None and suits["丙市2023年法治政府建设情况的报告"] == 310
    first = next(ws.iter_rows(min_row=2))
    assert first[headers.index("归并键")].value == "行政复议申请"  # stated by most reports: first
    assert first[4].fill.fgColor.rgb.endswith("FCE4D6")  # 乙县 states two different values


def test_comparison_leaves_out_rejected_figures_and_single_report_exports(tmp_path):
    a, b = district_a(), district_b()
    b.figures["checks"].review.status = "rejected"
    wb = export(tmp_path, [a.review, b.review])
    keys = [row[-1] for row in wb["对比"].iter_rows(min_row=2, values_only=True)]
    row = next(r for r in wb["对比"].iter_rows(min_row=2, values_only=True) if r[-1] == "行政执法检查")
    assert row[4] is None and row[3] == 1250 and "行政执法检查" in keys
    single = export(tmp_path, [a.review], name="one.xlsx")
    assert "对比" not in single.sheetnames


@pytest.mark.parametrize("text", ["=SUM(A1)", "+86 123", "-1+2", "@cmd", "\t=1", "=1+1\n", "#N/A"])
def test_formula_like_report_text_stays_exact_text(tmp_path, text):
    a = district_a()
    fig = a.figures["apply"]
    fig.figure.label = text
    comment(fig.review, text)
    a.review.annotations[0].note = text
    path = write_workbook([a.review], tmp_path / "safe.xlsx")
    wb = openpyxl.load_workbook(path)
    cell = cells_by_id(wb["数据"])[fig.review.uuid]["指标"]
    assert cell.data_type == "s" and cell.value == text
    if text[0] in "=+-@\t":
        assert cell.quotePrefix
    note = cells_by_id(wb["批注"])[a.review.annotations[0].uuid]["批注"]
    assert note.data_type == "s" and note.value == text
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name)


def test_illegal_control_characters_are_removed(tmp_path):
    a = district_a()
    a.figures["apply"].figure.label = "行政\x07复议\x00申\udc80请"
    wb = export(tmp_path, [a.review])
    assert rows_by_id(wb["数据"])[a.figures["apply"].review.uuid]["指标"] == "行政复议申请"


def test_english_headers(tmp_path, reviewed):
    wb = export(tmp_path, [reviewed.review, district_b().review], language="en")
    assert wb.sheetnames == ["Summary", "Review", "Outline", "Figures", "Citations", "Checks", "Annotations",
                             "Comparison", "Legend", "Technical"]
    headers = [c.value for c in wb["Figures"][1]]
    assert headers[:6] == ["Report", "Section", "Indicator", "As written", "Value", "Unit"]
    row = rows_by_id(wb["Figures"])
    first = row[reviewed.figures["apply"].review.uuid]
    assert first["Status"] == "Corrected" and first["Kind"] == "Count"
    link = wb["Summary"]["F2"].hyperlink
    assert link.location.startswith("'Outline'!A")


def test_sheets_have_frozen_headers_filters_and_widths(tmp_path, reviewed):
    wb = export(tmp_path, [reviewed.review, district_b().review])
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2", ws.title
        assert ws.auto_filter.ref == f"A1:{ws.cell(1, ws.max_column).column_letter}{ws.max_row}", ws.title
        assert ws["A1"].font.b
    figures = wb["数据"]
    widths = {c.value: figures.column_dimensions[c.column_letter].width for c in figures[1]}
    assert widths["所在语句"] > widths["单位"]
    assert "ID" not in widths
    sentence = cells_by_id(figures)[reviewed.figures["apply"].review.uuid]["所在语句"]
    assert sentence.alignment.wrap_text


def test_document_properties_name_the_reports_and_reviewer(tmp_path, reviewed):
    path = write_workbook([reviewed.review], tmp_path / "p.xlsx", reviewer="王审阅")
    props = openpyxl.load_workbook(path).properties
    assert props.creator == "王审阅"
    assert "甲区2023年法治政府建设情况报告" in props.title


def test_progress_reaches_the_total(tmp_path, reviewed):
    seen = []
    write_workbook([reviewed.review, district_b().review], tmp_path / "p.xlsx",
                   progress=lambda done, total: seen.append((done, total)))
    assert seen[0][0] == 0
    assert seen[-1][0] == seen[-1][1] > 0
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def old_workbook(tmp_path):
    target = tmp_path / "report.xlsx"
    write_workbook([district_c().review], target)
    return target, target.read_bytes()


def no_temp_files(folder) -> bool:
    """Neither a temporary workbook beside the target nor a streamed rows file is left behind."""
    rows_files = list(Path(tempfile.gettempdir()).glob("reviewer-rows-*"))
    return sorted(p.name for p in folder.iterdir()) == ["report.xlsx"] and not rows_files


def test_failure_while_saving_leaves_the_old_workbook(tmp_path, monkeypatch):
    target, before = old_workbook(tmp_path)
    temp_sheets = len(ALL_TEMP_FILES)

    def broken_save(self, filename):
        with open(filename, "wb") as handle:
            handle.write(b"PK\x03\x04 half a zip")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(openpyxl.Workbook, "save", broken_save)
    with pytest.raises(ReviewerError) as info:
        write_workbook([district_a().review], target)
    assert info.value.code == "export_failed"
    assert "No space left on device" in info.value.message("en")
    assert "原有文件未改动" in info.value.message("zh")
    assert target.read_bytes() == before
    assert no_temp_files(tmp_path)
    assert len(ALL_TEMP_FILES) == temp_sheets


def test_unexpected_error_while_building_leaves_no_trace(tmp_path, monkeypatch):
    target, before = old_workbook(tmp_path)
    temp_sheets = len(ALL_TEMP_FILES)

    def broken_rows(self):
        yield ["a row"]
        raise RuntimeError("a bug in a sheet")

    monkeypatch.setattr(export_sheets.WorkbookBuilder, "check_rows", broken_rows)
    with pytest.raises(RuntimeError):
        write_workbook([district_a().review], target)
    assert target.read_bytes() == before
    assert no_temp_files(tmp_path)
    assert len(ALL_TEMP_FILES) == temp_sheets


def test_unwritable_folder_gives_a_clear_message(tmp_path, monkeypatch):
    def refused(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(export_xlsx.tempfile, "mkstemp", refused)
    with pytest.raises(ReviewerError) as info:
        write_workbook([district_a().review], tmp_path / "x.xlsx")
    assert info.value.code == "export_folder_unwritable"
    assert str(tmp_path) in info.value.message("zh")


def test_replace_is_retried_when_the_new_file_is_briefly_held(tmp_path, monkeypatch):
    target, _ = old_workbook(tmp_path)
    real_replace = os.replace
    calls = []

    def held_once(src, dst):
        calls.append(src)
        if len(calls) == 1:
            raise PermissionError(13, "held by a virus scanner")
        return real_replace(src, dst)

    monkeypatch.setattr(export_files, "REPLACE_DELAY_S", 0)
    monkeypatch.setattr(export_xlsx.os, "replace", held_once)
    write_workbook([district_a().review], target)
    assert len(calls) == 2
    assert "对比" not in openpyxl.load_workbook(target).sheetnames
    assert rows_by_id(openpyxl.load_workbook(target)["概览"])["doc-a"]


def test_cancelled_export_leaves_the_old_workbook(tmp_path):
    target, before = old_workbook(tmp_path)
    temp_sheets = len(ALL_TEMP_FILES)
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(ExportCancelled) as info:
        write_workbook([district_a().review], target, cancelled=cancelled)
    assert info.value.message("zh") == "导出已取消,原有文件未改动。"
    assert target.read_bytes() == before
    assert no_temp_files(tmp_path)
    assert len(ALL_TEMP_FILES) == temp_sheets  # openpyxl's streamed sheet files are gone too


def test_target_opened_exclusively_is_refused_before_any_work(tmp_path, monkeypatch):
    """Windows: Excel holds the file open, so opening it for writing fails with PermissionError."""
    target, before = old_workbook(tmp_path)
    real_open = open
    built = []

    def sharing_violation(path, *args, **kwargs):
        if os.fspath(path) == os.fspath(target):
            raise PermissionError(13, "sharing violation")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(export_files, "open", sharing_violation, raising=False)
    monkeypatch.setattr(export_xlsx, "build_workbook", lambda *a, **k: built.append(1))
    with pytest.raises(ReviewerError) as info:
        write_workbook([district_a().review], target)
    assert info.value.code == "export_locked"
    assert not built
    assert target.read_bytes() == before


def test_target_locked_by_excel_gives_a_clear_message(tmp_path, monkeypatch):
    target, before = old_workbook(tmp_path)

    def locked(src, dst):
        raise PermissionError(13, "The process cannot access the file because it is being used")

    monkeypatch.setattr(export_files, "REPLACE_DELAY_S", 0)
    monkeypatch.setattr(export_xlsx.os, "replace", locked)
    with pytest.raises(ReviewerError) as info:
        write_workbook([district_a().review], target)
    assert info.value.code == "export_locked"
    assert "文件被其他程序(如 Excel)占用,请关闭后重试" in info.value.message("zh")
    assert "in use by another program (such as Excel)" in info.value.message("en")
    assert str(target) in info.value.message("zh")
    assert target.read_bytes() == before
    assert no_temp_files(tmp_path)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root may write read-only files")
def test_read_only_target_is_refused_before_any_work(tmp_path):
    target, before = old_workbook(tmp_path)
    target.chmod(0o444)
    try:
        with pytest.raises(ReviewerError) as info:
            write_workbook([district_a().review], target)
        assert info.value.code == "export_locked"
        assert target.read_bytes() == before
    finally:
        target.chmod(0o644)


def test_missing_folder_gives_a_clear_message(tmp_path):
    with pytest.raises(ReviewerError) as info:
        write_workbook([district_a().review], tmp_path / "no" / "such" / "out.xlsx")
    assert info.value.code == "export_folder_missing"
    assert "文件夹不存在" in info.value.message("zh")
    assert "does not exist" in info.value.message("en")
    assert not (tmp_path / "no").exists()


def test_build_workbook_returns_a_workbook_to_save(tmp_path, reviewed):
    wb = build_workbook([reviewed.review], language="en")
    wb.save(tmp_path / "built.xlsx")
    assert openpyxl.load_workbook(tmp_path / "built.xlsx")["Figures"]["A2"].value == reviewed.review.metadata.title


def test_dates_that_are_not_iso_stay_text(tmp_path):
    a = district_a()
    a.review.metadata.published = "二〇二四年一月"
    wb = export(tmp_path, [a.review])
    assert rows_by_id(wb["概览"])["doc-a"]["发布日期"] == "二〇二四年一月"


def sheet_snapshot(path):
    wb = openpyxl.load_workbook(path)
    snapshot = {}
    for ws in wb.worksheets:
        cells = []
        for row in ws.iter_rows():
            for c in row:
                if c.value is None and not c.has_style:
                    continue
                if ws.title == "说明" and isinstance(c.value, datetime):
                    continue  # the export time differs between the two exports
                link = c.hyperlink.location if c.hyperlink else None
                cells.append((c.coordinate, c.value, c.data_type, c.number_format, c.fill.fgColor.rgb,
                              c.quotePrefix, c.alignment.wrap_text, c.alignment.indent, c.font.b, link))
        widths = {k: d.width for k, d in ws.column_dimensions.items()}
        snapshot[ws.title] = (cells, widths, ws.freeze_panes, ws.auto_filter.ref)
    return snapshot


def test_fast_row_path_writes_what_openpyxl_cells_would(tmp_path, reviewed, monkeypatch):
    reviews = [reviewed.review, district_b().review]
    reviewed.figures["apply"].figure.label = "=SUM(A1) "
    fast = write_workbook(reviews, tmp_path / "fast.xlsx")
    monkeypatch.setattr(sheet_writer, "FAST_ROWS", False)
    portable = write_workbook(reviews, tmp_path / "portable.xlsx")
    assert sheet_snapshot(fast) == sheet_snapshot(portable)


@pytest.mark.parametrize("text", ["甲\r\n乙 & <丙> \"丁\"", "  前后空格  ", "&amp; 不是实体", "第1项\t第2项"])
def test_report_text_survives_exactly(tmp_path, text):
    a = district_a()
    fig = a.figures["apply"]
    fig.figure.qualifier = text
    wb = export(tmp_path, [a.review])
    assert rows_by_id(wb["数据"])[fig.review.uuid]["限定"] == text


def test_disputed_corrections_and_reviewer_additions_are_marked(tmp_path):
    a = district_a()
    fig = a.figures["apply"]
    correct(fig.review, fig.figure, "value", 362)
    fig.review.conflicts["value"] = [("王审阅", 362), ("李审阅", 360)]
    a.figures["checks"].review.user_added = True
    wb = export(tmp_path, [a.review])
    rows = rows_by_id(wb["数据"])
    assert "数值 存在分歧:王审阅=362, 李审阅=360" in rows[fig.review.uuid]["更正"]
    assert rows[a.figures["checks"].review.uuid]["更正"] == "审阅人添加"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(min_size=1, max_size=40))
def test_any_report_text_comes_back_as_the_same_text(tmp_path, text):
    """Whatever a report says, the cell holds exactly that text (less XML-illegal characters)."""
    a = district_a()
    fig = a.figures["apply"]
    fig.figure.label = text
    path = write_workbook([a.review], tmp_path / "any.xlsx")
    cell = cells_by_id(openpyxl.load_workbook(path)["数据"])[fig.review.uuid]["指标"]
    expected = clean_text(text)
    assert (cell.value or "") == expected
    if expected:
        assert cell.data_type == "s"
        assert bool(cell.quotePrefix) == needs_quote_prefix(expected)


def test_date_figures_are_real_dates(tmp_path):
    a = district_a()
    fig = a.figures["growth"].figure
    fig.kind, fig.value, fig.unit = "date", "2023-12-31", None
    a.figures["closed"].figure.kind, a.figures["closed"].figure.value = "date", "2023年"
    wb = export(tmp_path, [a.review])
    cells = cells_by_id(wb["数据"])
    assert cells[a.figures["growth"].review.uuid]["数值"].is_date
    assert cells[a.figures["growth"].review.uuid]["数值"].value == datetime(2023, 12, 31)
    assert cells[a.figures["closed"].review.uuid]["数值"].value == "2023年"


def test_sheets_print_landscape_one_page_wide_with_the_header_on_every_page(tmp_path, reviewed):
    wb = export(tmp_path, [reviewed.review])
    ws = wb["数据"]
    assert ws.print_title_rows in ("1:1", "$1:$1")
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage


def test_more_rows_than_excel_holds_is_refused_with_a_message(tmp_path, monkeypatch):
    target, before = old_workbook(tmp_path)
    monkeypatch.setattr(sheet_writer, "EXCEL_MAX_ROWS", 5)
    with pytest.raises(ReviewerError) as info:
        write_workbook([district_a().review], target)
    assert info.value.code == "export_too_many_rows"
    assert "行数上限" in info.value.message("zh") and "5" in info.value.message("en")
    assert target.read_bytes() == before
    assert no_temp_files(tmp_path)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_reads_the_workbook_as_written(tmp_path):
    """A real spreadsheet program, not only openpyxl, reads the streamed sheets: text stays text."""
    a, b = district_a(), district_b()
    a.figures["apply"].figure.label = "=SUM(A1)"
    a.figures["closed"].figure.qualifier = "甲 & <乙>"
    path = write_workbook([a.review, b.review], tmp_path / "lo.xlsx")
    env = {**os.environ, "HOME": str(tmp_path)}
    subprocess.run(["soffice", "--headless", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                    str(path), "--outdir", str(tmp_path)], env=env, check=True, capture_output=True,
                   timeout=240)
    with open(tmp_path / "lo-技术信息.csv", encoding="utf-8", newline="") as handle:
        ids = {int(row[1]): row[2] for row in csv.reader(handle) if row[0] == "数据"}
    with open(tmp_path / "lo-数据.csv", encoding="utf-8", newline="") as handle:
        rows = {ids.get(number, ""): row for number, row in enumerate(csv.reader(handle), start=1)}
    first = rows[a.figures["apply"].review.uuid]
    assert first[2] == "=SUM(A1)" and first[4] == "326"
    assert rows[a.figures["closed"].review.uuid][7] == "甲 & <乙>"
    with open(tmp_path / "lo-对比.csv", encoding="utf-8", newline="") as handle:
        comparison = {row[-1]: row for row in csv.reader(handle)}
    assert comparison["行政执法检查"][3:5] == ["1250", "960"]
