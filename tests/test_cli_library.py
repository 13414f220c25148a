"""The library command line: import, list, show, export, merge, with --db; clear messages and
non-zero exit codes on bad input, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reviewer.cli.main import main
from reviewer.library.store import Library
from reviewer.messages import set_language
from tests.test_store_support import make_analysis, report_text, write_report

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _chinese_by_default():
    """``--lang`` sets the process-wide language; each test starts from the default."""
    set_language("zh")
    yield
    set_language("zh")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def reports(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    write_report(folder, "甲区.txt", report_text(sections=2, paragraphs=2, sentences=3, seed=1))
    write_report(folder, "乙县.txt", report_text(sections=2, paragraphs=2, sentences=3, seed=2))
    return folder


def test_import_a_folder_then_list_and_show(capsys, tmp_path, reports):
    db = str(tmp_path / "lib.db")
    code, out, err = run(capsys, "import", str(reports), "--db", db, "--reviewer", "alice")
    assert code == 0, err
    assert out.count("+ ") == 2 and "[2/2]" in err
    code, out, _ = run(capsys, "import", str(reports / "甲区.txt"), "--db", db)
    assert code == 0 and out.startswith("= ")
    code, out, _ = run(capsys, "list", "--db", db)
    assert code == 0 and len(out.strip().splitlines()) == 3
    code, out, _ = run(capsys, "list", "--db", db, "--format", "json")
    listed = json.loads(out)
    assert [d["number"] for d in listed] == [1, 2]
    code, out, err = run(capsys, "show", "1", "--db", db)
    assert code == 0, err
    assert listed[0]["doc_uuid"] in out and "甲区" in out
    code, out2, _ = run(capsys, "show", listed[0]["doc_uuid"][:8], "--db", db)
    assert out2 == out


def test_show_marks_corrections_tags_comments_and_annotations(capsys, tmp_path):
    db = tmp_path / "lib.db"
    text = report_text(sections=1, paragraphs=2, sentences=2, seed=5)
    with Library(db, reviewer="alice") as lib:
        doc = lib.import_analysis(make_analysis(text)).doc_uuid
        review = lib.load_review(doc)
        figure = review.figures[0]
        lib.correct("figure", figure.review.uuid, "value", 4321)
        lib.tag_item("figure", figure.review.uuid, next(t.uuid for t in lib.tags() if t.name == "需核实"))
        lib.add_comment("figure", figure.review.uuid, "与附表不符")
        lib.set_status("section", review.sections[0].review.uuid, "rejected")
        lib.add_annotation(doc, 0, 4, "标题")
    code, out, _ = run(capsys, "--lang", "en", "show", doc, "--db", str(db))
    assert code == 0
    line = next(x for x in out.splitlines() if figure.review.uuid[:8] in x)
    assert "= 4321" in line and "✎" in line and f"was: value={figure.figure.value}" in line
    assert "#需核实" in line and "«alice: 与附表不符»" in line
    assert any("✗" in x and review.sections[0].review.uuid[:8] in x for x in out.splitlines())
    assert "@ " in out and "“" + text[:4] + "”" in out


def test_import_of_a_missing_file_fails_with_a_message(capsys, tmp_path):
    code, out, err = run(capsys, "import", str(tmp_path / "nope.txt"), "--db", str(tmp_path / "lib.db"))
    assert code == 1 and "nope.txt" in err and "Traceback" not in err


def test_import_of_an_unsupported_file_fails_with_a_message(capsys, tmp_path):
    other = tmp_path / "data.xyz"
    other.write_text("x")
    code, _, err = run(capsys, "--lang", "en", "import", str(other), "--db", str(tmp_path / "lib.db"))
    assert code == 1 and "Unsupported file type" in err


def test_an_empty_folder_is_reported(capsys, tmp_path):
    (tmp_path / "empty").mkdir()
    code, _, err = run(capsys, "--lang", "en", "import", str(tmp_path / "empty"), "--db", str(tmp_path / "lib.db"))
    assert code == 1 and "No report files" in err


@pytest.mark.parametrize("content", [b"not a database at all", b"SQLite format 3\x00" + b"\x00" * 50])
def test_a_bad_library_file_gives_a_message_and_exit_code_1(capsys, tmp_path, content):
    db = tmp_path / "bad.db"
    db.write_bytes(content)
    for argv in (["list"], ["show", "1"], ["import", str(tmp_path)], ["merge", str(db)],
                 ["export", "--xlsx", str(tmp_path / "x.xlsx")]):
        code, _, err = run(capsys, *argv, "--db", str(db))
        assert code == 1 and err.strip() and "Traceback" not in err, argv
    assert db.read_bytes() == content


def test_show_of_an_unknown_report_fails_with_a_message(capsys, tmp_path):
    Library(tmp_path / "lib.db").close()  # an empty library: `show` creates none
    code, _, err = run(capsys, "--lang", "en", "show", "deadbeef", "--db", str(tmp_path / "lib.db"))
    assert code == 1 and "No such report" in err


def test_merge_prints_a_report(capsys, tmp_path, reports):
    a, b = str(tmp_path / "a.db"), str(tmp_path / "b.db")
    run(capsys, "import", str(reports / "甲区.txt"), "--db", a)
    run(capsys, "import", str(reports / "乙县.txt"), "--db", b)
    code, out, err = run(capsys, "--lang", "en", "merge", b, "--db", a, "--reviewer", "alice")
    assert code == 0, err
    assert "documents added: 1" in out
    code, out, _ = run(capsys, "--lang", "en", "merge", b, "--db", a)
    assert "Nothing new" in out
    code, _, err = run(capsys, "--lang", "en", "merge", str(tmp_path / "missing.db"), "--db", a)
    assert code == 1 and "missing.db" in err


def test_export_calls_the_workbook_exporter_with_the_chosen_reports(capsys, tmp_path, reports, monkeypatch):
    import reviewer.export.workbook as export_xlsx

    calls = []

    def fake_export(library, out_path, doc_uuids=None, language="zh"):
        calls.append((library.path, Path(out_path), doc_uuids, language))
        return out_path

    monkeypatch.setattr(export_xlsx, "export_workbook", fake_export)
    db = str(tmp_path / "lib.db")
    run(capsys, "import", str(reports), "--db", db)
    code, out, err = run(capsys, "export", "--xlsx", str(tmp_path / "out.xlsx"), "--doc", "2", "--db", db)
    assert code == 0, err
    [(library_path, out_path, doc_uuids, language)] = calls
    with Library(db) as lib:
        assert doc_uuids == [lib.list_documents()[1].doc_uuid]
    assert out_path == tmp_path / "out.xlsx" and language == "zh"


def test_the_default_library_is_in_the_data_directory(capsys, tmp_path, reports, monkeypatch):
    monkeypatch.setenv("REVIEWER_DATA_DIR", str(tmp_path / "data"))
    code, _, _ = run(capsys, "import", str(reports / "甲区.txt"))
    assert code == 0 and (tmp_path / "data" / "library.db").exists()


@pytest.mark.parametrize("command", ["import", "reanalyse", "list", "show", "export", "merge"])
def test_every_command_has_help(capsys, command):
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    assert "--db" in capsys.readouterr().out


def test_a_real_process_prints_no_traceback_on_a_bad_library(tmp_path):
    db = tmp_path / "bad.db"
    db.write_text("garbage")
    env = dict(os.environ, PYTHONPATH=str(ROOT), REVIEWER_LANG="en")
    done = subprocess.run([sys.executable, "-m", "reviewer", "list", "--db", str(db)], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=120)
    assert done.returncode == 1
    assert "not a review library" in done.stderr and "Traceback" not in done.stderr


def test_reanalyse_runs_over_every_report_or_the_ones_named(capsys, tmp_path, reports):
    db = str(tmp_path / "lib.db")
    run(capsys, "import", str(reports), "--db", db)
    code, out, err = run(capsys, "--lang", "en", "reanalyse", "--db", db)
    assert code == 0, err
    assert out.count("re-analysed") == 2
    code, out, _ = run(capsys, "--lang", "en", "reanalyse", "2", "--db", db)
    assert code == 0 and out.count("re-analysed") == 1
