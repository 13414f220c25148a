"""Where the exports place a confirmed check: at the figure it disputes — the one whose stated value
it says is wrong — not at its first figure in reading order.  A share whose base is stated in an
earlier section is the case a user test found: the memo quoted, the annotated copy anchored and the
workbook filed the problem under the base's section, a sentence without the disputed share.

The reports and sentences are invented for these tests."""

from __future__ import annotations

import re

import docx
import openpyxl
import pytest

from reviewer.export.annotated_docx import export_annotated
from reviewer.export.findings import disputed_figure
from reviewer.export.memo import export_memo
from reviewer.export.workbook import export_workbook
from reviewer.library.store import Library
from reviewer.load.dispatch import document_from_text
from reviewer.model import Check, Figure
from reviewer.pipeline import analyze
from tests.test_export_annotated import anchored, comments

# The base (200件) in 一, the part and its stated share (37.4%, should be 37.5%) in 二.
REPORT = """甲区2024年行政复议工作情况报告
一、案件受理情况
2024年全区共新受理行政复议案件200件,同比增长8.1%。
二、案件类型分布
从案件类型看,行政处罚类案件75件,占新受理案件的37.4%;行政强制类案件40件,占20%。
三、下一步工作
继续加强行政复议规范化建设。
"""
SHARE_SENTENCE = "从案件类型看,行政处罚类案件75件,占新受理案件的37.4%;"


@pytest.fixture
def confirmed(tmp_path):
    """The report imported into a library, its share check judged 属实; (library, doc uuid)."""
    path = tmp_path / "jiaqu.txt"
    path.write_text(REPORT, encoding="utf-8")
    lib = Library(tmp_path / "library.db", reviewer="王审阅")
    result = lib.import_file(path)
    assert result.error is None, result.error
    review = lib.load_review(result.doc_uuid)
    [item] = [i for i in review.checks if "37.4%" in i.check.message]
    figures = {f.figure.id: f.figure for f in review.figures}
    # the analysis this test stands on: operands first, base in 一, the stated share last, in 二
    assert [figures[i].text for i in item.check.figures] == ["200件", "75件", "37.4%"]
    assert [figures[i].section for i in item.check.figures] == [1, 2, 2]
    lib.set_verdict(item.review.uuid, "confirmed", "应为37.5%")
    yield lib, result.doc_uuid
    lib.close()


def test_the_memo_locates_and_quotes_the_stated_share(tmp_path, confirmed):
    lib, _ = confirmed
    lines = [p.text for p in docx.Document(str(export_memo(lib, tmp_path / "memo.docx"))).paragraphs]
    head = lines.index("(一)比率不符")
    assert lines[head + 1] == "位置:二、案件类型分布"
    assert lines[head + 2] == f"原文:“{SHARE_SENTENCE}”"
    assert "200件" not in lines[head + 2]


def test_the_annotated_copy_anchors_the_comment_on_the_stated_share(tmp_path, confirmed):
    lib, doc_uuid = confirmed
    result = export_annotated(lib, doc_uuid, tmp_path / "annotated.docx")
    assert result.placed == 1 and result.unplaced == []
    document = docx.Document(str(result.path))
    notes, spans = comments(document), anchored(document)
    [cid] = [c for c, text in notes.items() if text.startswith("【属实】比率不符")]
    assert spans[cid] == "37.4%"


def test_the_workbook_files_the_problem_under_the_stated_shares_section(tmp_path, confirmed):
    lib, _ = confirmed
    wb = openpyxl.load_workbook(str(export_workbook(lib, tmp_path / "review.xlsx")))
    [problem] = [row[1] for row in wb["审阅意见"].iter_rows(values_only=True)
                 if isinstance(row[1], str) and "37.4%" in row[1]]
    assert problem.startswith("【二、案件类型分布】比率不符:")
    # the check's kind on the 核查 sheet links to the disputed figure's row of 数据
    [kind] = [row[2] for row in wb["核查"].iter_rows(min_row=2) if "37.4%" in str(row[4].value)]
    target = wb["数据"][kind.hyperlink.location.split("!")[1]]
    assert target.offset(0, 3).value == "37.4%"


# -- the rule, against what each check kind lists ---------------------------------------------------
# Each sentence makes one check; its message names the stated figure it disputes (所述…), which
# must be the figure disputed_figure picks (a rate's base is also 所述, as 基数为前文所述…, so the
# stated figure is the one the message says does not agree or was truncated).
@pytest.mark.parametrize("text, kind, stated", [
    ("全年新受理复议案件300件,其中行政处罚类120件,占41%。", "rate_mismatch", "41%"),
    ("全年审结复议案件160件,其中纠错(含变更)36件,纠错率约20.9%。", "rate_mismatch", "约20.9%"),
    ("受理举报线索330条,比上年的300条增幅达12%。", "change_mismatch", "12%"),
    ("办理复议案件68件,比上年(50件)增加15件。", "change_mismatch", "15件"),
    ("全年开展执法检查共计90次,其中专项检查30次、日常检查40次、联合检查30次。", "sum_mismatch", "90次"),
])
def test_the_disputed_figure_is_the_one_the_check_says_is_wrong(text, kind, stated):
    analysis = analyze(document_from_text("某县2024年法治政府建设情况报告\n一、主要工作\n" + text + "\n"))
    [check] = [c for c in analysis.checks if c.kind == kind]
    figures = {f.id: f for f in analysis.figures}
    disputed = disputed_figure(check, figures)
    assert disputed is not None and disputed.text == stated
    assert re.search(rf"所述\D{{0,4}}{re.escape(stated)}(?:不符|是截断)", check.message), check.message


def _figure(number: int, text: str) -> Figure:
    return Figure(id=number, text=text, value=number, unit="件", kind="count", label=None, qualifier=None,
                  start=number * 10, end=number * 10 + len(text), section=number)


def test_without_a_stated_figure_a_check_stands_at_its_first_figure():
    figures = {n: _figure(n, f"{n}件") for n in (1, 2, 3)}
    repeat = Check(kind="conflicting_repeat", severity="warning", message="先写…后写…", figures=[2, 1])
    assert disputed_figure(repeat, figures).id == 2
    # a rate whose stated figure the review no longer holds: its first figure that is still there
    rate = Check(kind="rate_mismatch", severity="error", message="…", figures=[4, 3, 9])
    assert disputed_figure(rate, figures).id == 3
    assert disputed_figure(Check(kind="missing_part", severity="info", message="…"), figures) is None
