"""``reviewer export --memo`` and ``--annotated`` through a real library: files written, clear
messages, and the rules (one report for the annotated copy, something to export)."""

from __future__ import annotations

import docx
import pytest

from reviewer.cli.main import main as cli_main
from reviewer.library.store import Library
from tests.export_factory import TEXT_A


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "library.db"
    source = tmp_path / "jiaqu.txt"
    source.write_text(TEXT_A, encoding="utf-8")
    with Library(path, reviewer="王审阅") as lib:
        doc = lib.import_file(source).doc_uuid
        review = lib.load_review(doc)
        lib.add_comment("figure", review.figures[0].review.uuid, "请与统计年报核对")
        lib.correct("figure", review.figures[0].review.uuid, "value", 362)
        start = review.document.text.index("基层执法力量")
        lib.add_annotation(doc, start, start + 6, note="需要具体数字")
        for check in review.checks[:1]:
            lib.set_verdict(check.review.uuid, "confirmed", "分项之和不符")
    return path


def test_memo_and_annotated_copy_from_the_command_line(tmp_path, db, capsys):
    memo, annotated = tmp_path / "意见书.docx", tmp_path / "批注版.docx"
    assert cli_main(["export", "--db", str(db), "--memo", str(memo), "--annotated", str(annotated),
                     "--doc", "1"]) == 0
    out = capsys.readouterr().out
    assert f"已导出审核意见书:{memo}" in out and f"已导出批注版报告:{annotated}" in out
    assert "新 Word 文档" in out  # a txt source: a new document of the cleaned text
    lines = [p.text for p in docx.Document(str(memo)).paragraphs]
    assert lines[0].startswith("关于《") and lines[0].endswith("》的审核意见")
    assert any("请与统计年报核对" in line for line in lines)
    assert "审核人:王审阅" in lines  # signed by who did the review, not by whoever runs the export
    document = docx.Document(str(annotated))
    texts = {c.text for c in document.comments}
    assert "请与统计年报核对" in texts and "需要具体数字" in texts
    assert any(t.startswith("原文 ") and "→ 更正为 362" in t for t in texts)


def test_the_annotated_copy_needs_exactly_one_report(tmp_path, db, capsys):
    assert cli_main(["export", "--db", str(db), "--annotated", str(tmp_path / "a.docx")]) == 1
    assert "--doc" in capsys.readouterr().err
    assert not (tmp_path / "a.docx").exists()


def test_export_needs_an_output(tmp_path, db, capsys):
    assert cli_main(["export", "--db", str(db)]) == 1
    assert "--memo" in capsys.readouterr().err


def test_a_missing_folder_is_a_message_not_a_traceback(tmp_path, db, capsys):
    assert cli_main(["export", "--db", str(db), "--memo", str(tmp_path / "nope" / "m.docx")]) == 1
    assert "文件夹不存在" in capsys.readouterr().err
