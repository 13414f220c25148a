"""Through the store: import invented reports, review them, export, and read the workbook back
against ``Library.load_review`` — every figure, every correction with its original, tags, comments."""

from __future__ import annotations

import openpyxl
import pytest

from reviewer.cli.main import main as cli_main
from reviewer.export.workbook import export_workbook
from reviewer.library.store import Library
from reviewer.messages import ReviewerError
from tests.export_factory import TEXT_A, TEXT_B, TEXT_C


def table(ws) -> dict[str, dict[str, object]]:
    """A human sheet's rows by ID; the IDs are in the technical sheet, never on the human sheets."""
    wb = ws.parent
    tech = wb["技术信息"] if "技术信息" in wb.sheetnames else wb["Technical"]
    ids = {row[1]: row[2] for row in tech.iter_rows(min_row=2, values_only=True) if row[0] == ws.title}
    headers = [c.value for c in ws[1]]
    rows = enumerate(ws.iter_rows(min_row=2, values_only=True), start=2)
    return {ids[n]: dict(zip(headers, row)) for n, row in rows if n in ids}


@pytest.fixture
def library(tmp_path):
    lib = Library(tmp_path / "library.db", reviewer="王审阅")
    uuids = []
    for name, text in (("jiaqu", TEXT_A), ("yixian", TEXT_B), ("bingshi", TEXT_C)):
        path = tmp_path / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        result = lib.import_file(path)
        assert result.error is None, result.error
        uuids.append(result.doc_uuid)
    yield lib, uuids
    lib.close()


def review_some(lib: Library, doc_uuid: str) -> dict[str, str]:
    """Correct, tag, comment and annotate a few items; returns the uuids touched."""
    review = lib.load_review(doc_uuid)
    assert review.figures and review.sections, "the analysis found nothing to review"
    tags = {t.path or t.name: t for t in lib.tags()}
    figure = review.figures[0]
    lib.correct("figure", figure.review.uuid, "value", 362)
    lib.tag_item("figure", figure.review.uuid, tags["需核实"].uuid)
    lib.add_comment("figure", figure.review.uuid, "=与年报核对后更正")
    second = review.figures[1]
    lib.set_status("figure", second.review.uuid, "confirmed")
    section = review.sections[-1]
    lib.correct("section", section.review.uuid, "title", "存在的问题和不足")
    lib.add_comment("section", section.review.uuid, "标题按正文改")
    lib.correct("metadata", doc_uuid, "issuer", "甲区人民政府")
    start = review.document.text.index("基层执法力量")
    note = lib.add_annotation(doc_uuid, start, start + 6, note="需要具体数字")
    lib.tag_item("annotation", note.uuid, tags["缺项"].uuid)
    lib.add_comment("annotation", note.uuid, "请补充编制数")
    return {"figure": figure.review.uuid, "confirmed": second.review.uuid, "section": section.review.uuid,
            "annotation": note.uuid}


def test_library_export_matches_load_review(tmp_path, library):
    lib, uuids = library
    touched = review_some(lib, uuids[0])
    out = export_workbook(lib, tmp_path / "审阅结果.xlsx")
    wb = openpyxl.load_workbook(out)
    figures, outline, notes, summary = table(wb["数据"]), table(wb["目录"]), table(wb["批注"]), table(wb["概览"])
    reviews = [lib.load_review(u) for u in uuids]

    assert set(summary) == set(uuids)
    assert len(figures) == sum(len(r.figures) for r in reviews)
    for review in reviews:
        assert summary[review.doc_uuid]["数据数"] == len(review.figures)
        for item in review.figures:
            row = figures[item.review.uuid]
            assert row["数值"] == item.figure.value
            assert row["原文数据"] == item.figure.text
            assert row["指标"] == (item.figure.label or None)
            assert row["标签"] == ("; ".join(t.path or t.name for t in item.review.tags) or None)
            original = item.review.original.get("value")
            assert row["原值"] == original
        for item in review.sections:
            assert outline[item.review.uuid]["标题"] == item.section.title

    fixed = figures[touched["figure"]]
    assert fixed["数值"] == 362 and fixed["原值"] == 326 and fixed["状态"] == "已更正"
    assert fixed["标签"] == "需核实"
    assert fixed["意见"] == "王审阅:=与年报核对后更正"
    assert fixed["审阅人"] == "王审阅"
    assert figures[touched["confirmed"]]["状态"] == "确认无误"
    section = outline[touched["section"]]
    assert section["标题"] == "存在的问题和不足" and section["原标题"] == "存在的问题"
    assert section["意见"] == "王审阅:标题按正文改"
    assert summary[uuids[0]]["发布单位"] == "甲区人民政府"
    assert "发布单位" in summary[uuids[0]]["更正"]
    assert summary[uuids[0]]["审阅人"] == "王审阅"
    note = notes[touched["annotation"]]
    assert note["引文"] == "基层执法力量" and note["批注"] == "需要具体数字"
    assert note["标签"] == "缺项" and note["意见"] == "王审阅:请补充编制数"

    comparison = wb["对比"]
    headers = [c.value for c in comparison[1]]
    assert len(headers) == 5 + 3
    key_column = headers.index("归并键")
    row = next(r for r in comparison.iter_rows(min_row=2, values_only=True) if r[key_column] == "行政应诉案件")
    assert row[4:6] == (42, 310)
    assert openpyxl.load_workbook(out).properties.creator == "王审阅"


def test_library_export_of_chosen_reports_in_english(tmp_path, library):
    lib, uuids = library
    out = export_workbook(lib, tmp_path / "one.xlsx", doc_uuids=[uuids[1]], language="en")
    wb = openpyxl.load_workbook(out)
    assert "Comparison" not in wb.sheetnames
    assert list(table(wb["Summary"])) == [uuids[1]]
    assert len(table(wb["Figures"])) == len(lib.load_review(uuids[1]).figures)


def test_command_line_export(tmp_path, library, capsys):
    lib, uuids = library
    db = lib.path
    lib.close()
    out = tmp_path / "cli.xlsx"
    assert cli_main(["export", "--db", str(db), "--xlsx", str(out)]) == 0
    assert set(table(openpyxl.load_workbook(out)["概览"])) == set(uuids)
    assert cli_main(["export", "--db", str(db), "--xlsx", str(tmp_path / "missing" / "x.xlsx")]) == 1
    assert "文件夹不存在" in capsys.readouterr().err


def test_exporting_an_empty_library_says_so(tmp_path):
    with Library(tmp_path / "empty.db", reviewer="王审阅") as lib:
        with pytest.raises(ReviewerError) as info:
            export_workbook(lib, tmp_path / "none.xlsx")
    assert info.value.code == "export_nothing"
    assert not (tmp_path / "none.xlsx").exists()
