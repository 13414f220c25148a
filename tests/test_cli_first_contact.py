"""What a new user meets first on the command line (issue 14): heading numbers, closed pipes,
options after the subcommand, Ctrl-C during an import, skipped files, missing libraries, one
language per screen and one name per report."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from reviewer.cli.main import main
from reviewer.library.store import Library
from reviewer.messages import set_language
from tests.conftest import ROOT
from tests.test_store_support import make_analysis, report_text, write_report

SAMPLE = ROOT / "resources" / "samples" / "sample_fazhi_2023.txt"


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


# 1 -------------------------------------------------------------------------------------------
def test_text_analysis_prints_each_heading_with_its_own_number(capsys):
    code, out, err = run(capsys, "analyze", "--format", "text", str(SAMPLE))
    assert code == 0, err
    top = [line.split()[0] for line in out.splitlines() if re.match(r"[一二三四五六七八九十]+、", line)]
    assert top == ["一、", "二、", "三、", "四、"]
    second = [line.split()[0] for line in out.splitlines() if line.startswith("  (")]
    assert second[:3] == ["(一)", "(二)", "(三)"]


# 2 -------------------------------------------------------------------------------------------
def run_into_closed_pipe(*args: str, env: dict | None = None) -> tuple[int, str]:
    """Run the command line with its stdout a pipe the reader has already closed (``| head -0``)."""
    proc = subprocess.Popen([sys.executable, "-m", "reviewer", *args], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env={**os.environ, **(env or {})})
    proc.stdout.close()
    err = proc.stderr.read().decode("utf-8", "replace")
    return proc.wait(timeout=120), err


@pytest.fixture
def small_library(tmp_path) -> Path:
    db = tmp_path / "lib.db"
    with Library(db, reviewer="alice") as lib:
        lib.import_file(SAMPLE)
    return db


@pytest.mark.parametrize("command", [["analyze", "--format", "text", str(SAMPLE)],
                                     ["list"], ["show", "1"], ["--self-test"]])
def test_a_closed_pipe_ends_the_command_quietly(command, small_library):
    argv = command if command[0] in ("analyze", "--self-test") else [*command, "--db", str(small_library)]
    code, err = run_into_closed_pipe(*argv)
    assert code == 0, err
    assert err == ""


# 3 -------------------------------------------------------------------------------------------
def test_lang_is_accepted_after_the_subcommand(capsys, small_library):
    code, out, err = run(capsys, "list", "--db", str(small_library), "--lang", "en")
    assert code == 0, err
    assert out.startswith(" #  id")


def test_export_takes_lang_after_the_subcommand_as_the_readme_writes_it(capsys, tmp_path, small_library):
    out_path = tmp_path / "out.xlsx"
    code, out, err = run(capsys, "export", "--xlsx", str(out_path), "--lang", "en", "--db", str(small_library))
    assert code == 0, err
    assert out.startswith("Exported: ") and out_path.is_file()


def test_db_is_accepted_before_the_subcommand(capsys, small_library):
    code, out, err = run(capsys, "--db", str(small_library), "list", "--format", "json")
    assert code == 0, err
    assert '"doc_uuid"' in out


def test_db_before_a_command_without_a_library_is_a_usage_error(capsys, small_library):
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", str(small_library), "analyze", str(SAMPLE)])
    assert exit_info.value.code == 2
    assert "--db" in capsys.readouterr().err


@pytest.mark.parametrize("spelling", ["zh", "zh_CN", "en"])
def test_the_command_line_and_the_window_take_the_same_language_codes(capsys, small_library, spelling):
    from ui.app import parse_args

    assert parse_args(["--lang", spelling]).lang == spelling
    code, out, err = run(capsys, "--lang", spelling, "list", "--db", str(small_library))
    assert code == 0, err
    assert out.startswith(" #  id" if spelling == "en" else "序号")


def test_the_installed_cli_runs_the_self_test(tmp_path):
    script = Path(sys.executable).with_name("report-reviewer-cli")
    if not script.is_file():
        pytest.skip("report-reviewer-cli is not installed beside this Python (pip install -e .)")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", REVIEWER_DATA_DIR=str(tmp_path / "data"))
    proc = subprocess.run([str(script), "--self-test"], capture_output=True, text=True, encoding="utf-8",
                          timeout=300, env=env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "FAIL" not in proc.stdout and "ok  export" in proc.stdout
    assert "ok  main window" in proc.stdout  # the full self-test, as the frozen console program runs it
    assert "ok  analysis process" in proc.stdout


def test_the_console_entry_point_is_the_one_the_frozen_console_program_uses():
    import tomllib

    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts["report-reviewer-cli"] == "ui.console:main"
    assert "from ui.console import main" in (ROOT / "packaging" / "entry_cli.py").read_text(encoding="utf-8")


def test_the_console_self_test_runs_the_window_steps_where_pyside6_is_installed(monkeypatch, capsys):
    import ui.selftest
    from ui import console

    ran = []
    monkeypatch.setattr(ui.selftest, "run_self_test", lambda: ran.append("full") or 0)
    assert console.main(["--self-test"]) == 0 and ran == ["full"]
    assert console.main(["--lang", "en", "--self-test"]) == 0 and ran == ["full", "full"]


def test_the_console_self_test_without_pyside6_runs_the_core_steps_and_says_why(monkeypatch, capsys):
    import reviewer.cli.selftest
    from ui import console

    set_language("en")
    monkeypatch.setitem(sys.modules, "PySide6", None)  # import PySide6 -> ImportError
    monkeypatch.setattr(reviewer.cli.selftest, "main", lambda: print("ok  core") or 0)
    assert console.main(["--self-test"]) == 0
    out = capsys.readouterr().out
    assert "PySide6 is not installed" in out and "ok  core" in out


# 4 -------------------------------------------------------------------------------------------
@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process is a POSIX test")
def test_ctrl_c_during_an_import_reports_what_was_done_and_a_rerun_completes_the_rest(tmp_path):
    # Enough reports that the import cannot finish between the third line and the signal even on a
    # busy machine (60 once did, with the analysis faster and other test runs on both cores).
    count = 240
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(count):
        write_report(folder, f"{i:03d}.txt", report_text(sections=2, paragraphs=2, sentences=3, seed=100 + i))
    db = tmp_path / "lib.db"
    proc = subprocess.Popen([sys.executable, "-m", "reviewer", "import", str(folder), "--db", str(db)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
    printed = [proc.stdout.readline() for _ in range(3)]  # three reports are in: interrupt the rest
    proc.send_signal(signal.SIGINT)
    rest, err = proc.communicate(timeout=120)
    printed += rest.splitlines()
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    done = [line for line in printed if line.startswith("+ ")]
    assert 3 <= len(done) < count
    assert f"已中断:已导入 {len(done)} 份,其余未导入" in err
    with Library(db) as lib:
        assert lib.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = {Path(d.path).name for d in lib.list_documents()}
    assert {Path(line.split()[2]).name for line in done} <= stored
    # A report whose commit landed as Ctrl-C arrived is stored without its line: at most one.
    assert len(stored) - len(done) <= 1

    again = subprocess.run([sys.executable, "-m", "reviewer", "import", str(folder), "--db", str(db)],
                           cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=600)
    assert again.returncode == 0, again.stderr
    lines = again.stdout.splitlines()
    assert sum(line.startswith("= ") for line in lines) == len(stored)
    assert sum(line.startswith("+ ") for line in lines) == count - len(stored)
    with Library(db) as lib:
        assert len(lib.list_documents()) == count


# 5 -------------------------------------------------------------------------------------------
def test_a_folder_import_lists_the_files_it_skips_with_the_reason(capsys, tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    write_report(folder, "甲区.txt", report_text(sections=2, paragraphs=2, sentences=3, seed=1))
    for name in ("旧稿.doc", "统计.xlsx", "照片.png", "说明.md"):
        (folder / name).write_bytes(b"x" * 10)
    (folder / "~$甲区.docx").write_bytes(b"lock")  # Word's lock file: not a report, not worth a line
    code, out, err = run(capsys, "import", str(folder), "--db", str(tmp_path / "lib.db"))
    assert code == 0, err
    assert "[1/1]" in err and out.count("+ ") == 1
    skipped = [line for line in err.splitlines() if line.startswith("跳过:")]
    assert len(skipped) == 4
    assert any("旧稿.doc" in line and "另存为 .docx 后重试" in line for line in skipped)
    for name in ("统计.xlsx", "照片.png", "说明.md"):
        assert any(name in line and "不支持的文件类型" in line for line in skipped)
    assert "~$" not in err


def test_importing_a_doc_file_gives_the_save_as_docx_advice(capsys, tmp_path):
    doc = tmp_path / "旧稿.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    code, _, err = run(capsys, "import", str(doc), "--db", str(tmp_path / "lib.db"))
    assert code == 1
    assert "另存为 .docx 后重试" in err
    code, _, err2 = run(capsys, "analyze", str(doc))
    assert "另存为 .docx 后重试" in err2


# 6 -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("command", [["list"], ["show", "1"], ["export", "--xlsx", "{tmp}/out.xlsx"],
                                     ["reanalyse"]])
def test_a_command_that_reads_refuses_a_missing_library_and_creates_nothing(capsys, tmp_path, command):
    typo = tmp_path / "typo.db"
    argv = [part.replace("{tmp}", str(tmp_path)) for part in command]
    code, out, err = run(capsys, *argv, "--db", str(typo))
    assert code == 1
    assert f"找不到审阅库:{typo}" in err
    assert sorted(tmp_path.iterdir()) == []


def test_import_and_merge_say_when_they_create_a_library(capsys, tmp_path, small_library):
    new = tmp_path / "new.db"
    code, _, err = run(capsys, "import", str(SAMPLE), "--db", str(new))
    assert code == 0, err
    assert f"新建审阅库:{new}" in err
    code, _, err = run(capsys, "import", str(SAMPLE), "--db", str(new))
    assert "新建审阅库" not in err
    merged = tmp_path / "merged.db"
    code, _, err = run(capsys, "merge", str(small_library), "--db", str(merged))
    assert code == 0, err
    assert f"新建审阅库:{merged}" in err and merged.is_file()


# 7 -------------------------------------------------------------------------------------------
TRADITIONAL = ROOT / "resources" / "samples" / "sample_zhifa_2022_traditional.txt"


@pytest.mark.parametrize("command", [[], ["import"], ["export"], ["analyze"]])
def test_help_is_chinese_by_default(capsys, command):
    with pytest.raises(SystemExit) as exit_info:
        main([*command, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("用法:") and "显示本帮助并退出" in out
    assert not re.search(r"\b(usage|options|show this help|report files|library file)\b", out)


def test_help_follows_lang_wherever_it_is_given(capsys):
    for argv in (["--lang", "en", "export", "--help"], ["export", "--help", "--lang=en"]):
        with pytest.raises(SystemExit):
            main(argv)
        out = capsys.readouterr().out
        assert out.startswith("usage: ") and "workbook to write" in out and "用法" not in out


def test_help_follows_reviewer_lang():
    proc = subprocess.run([sys.executable, "-m", "reviewer", "list", "--help"], cwd=ROOT, capture_output=True,
                          text=True, encoding="utf-8", env={**os.environ, "REVIEWER_LANG": "en"}, timeout=120)
    assert proc.returncode == 0 and proc.stdout.startswith("usage: ")


def test_usage_errors_are_in_the_users_language(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["show"])
    assert exit_info.value.code == 2
    assert "缺少必需的参数" in capsys.readouterr().err


def test_show_speaks_one_language_legend_kinds_and_script(capsys, small_library):
    code, out, err = run(capsys, "show", "1", "--db", str(small_library))
    assert code == 0, err
    assert "· 未审阅  ✓ 确认无误  ✎ 已更正  ✗ 已否决  … 待核实" in out  # vocabulary.py's words
    assert "[数量]" in out
    assert not re.search(r"\[(count|money|percent|date)\]|unreviewed|confirmed", out)
    code, out, err = run(capsys, "--lang", "en", "show", "1", "--db", str(small_library))
    assert "· Unreviewed  ✓ Confirmed" in out and "[count]" in out
    assert not re.search(r"[标题发布单位已审阅]", out.split("\n", 3)[2])


def test_text_analysis_names_the_script_and_kinds_in_the_users_language(capsys):
    code, out, err = run(capsys, "analyze", "--format", "text", str(TRADITIONAL))
    assert code == 0, err
    assert out.splitlines()[1].endswith("| 繁体")
    assert "[数量]" in out and "[count]" not in out and "traditional" not in out.splitlines()[1]


def test_a_traditional_report_shows_its_units_as_written(capsys, tmp_path):
    db = tmp_path / "lib.db"
    run(capsys, "import", str(TRADITIONAL), "--db", str(db))
    code, out, err = run(capsys, "show", "1", "--db", str(db))
    assert code == 0, err
    figures = [line for line in out.splitlines() if "個" in line.split(" = ")[0]]
    assert figures
    for line in figures:
        written, shown = line.split(" = ", 1)
        assert "个" not in shown.split(" [")[0], line


# 8 -------------------------------------------------------------------------------------------
def test_one_rule_names_a_report_title_else_issuer_and_year_else_file_name():
    from reviewer.library.review import display_name

    assert display_name("甲区2023年法治政府建设情况报告", "甲区人民政府", 2023, "/r/002_x.txt") \
        == "甲区2023年法治政府建设情况报告"
    assert display_name(None, "广安市广安区市场监督管理局", 2023, "/r/002_x.txt") == "广安市广安区市场监督管理局 2023"
    assert display_name("", "广安市广安区市场监督管理局", None, "/r/002_x.txt") == "广安市广安区市场监督管理局"
    assert display_name(None, None, 2023, "/r/002_716db0379daf11b6.txt") == "002_716db0379daf11b6.txt"
    assert display_name(None, None, None, "<text>", "0123456789ab") == "01234567"


@pytest.fixture
def three_names(tmp_path) -> Path:
    """Three reports: one with a title, one with only an issuer and year, one with neither."""
    from reviewer.model import Metadata

    db = tmp_path / "names.db"
    with Library(db) as lib:
        for i, meta in enumerate([Metadata(title="甲区2023年法治政府建设情况报告", issuer="甲区人民政府", report_year=2023),
                                  Metadata(title=None, issuer="乙县市场监督管理局", report_year=2022),
                                  Metadata(title=None, issuer=None, report_year=None)]):
            text = report_text(sections=2, paragraphs=2, sentences=3, seed=40 + i)
            analysis = make_analysis(text, path=f"/reports/00{i}_716db0379daf11b{i}.txt")
            analysis.metadata = meta
            lib.import_analysis(analysis)
    return db


NAMES = ["甲区2023年法治政府建设情况报告", "乙县市场监督管理局 2022", "002_716db0379daf11b2.txt"]


def test_list_and_show_use_the_one_name_with_the_file_name_beside_it(capsys, three_names):
    code, out, err = run(capsys, "list", "--db", str(three_names))
    assert code == 0, err
    rows = out.splitlines()[1:]
    for i, (row, name) in enumerate(zip(rows, NAMES)):
        assert row.endswith(f"  {name}  00{i}_716db0379daf11b{i}.txt")
    code, out, _ = run(capsys, "list", "--db", str(three_names), "--format", "json")
    listed = json.loads(out)
    assert [d["name"] for d in listed] == NAMES
    assert [d["file_name"] for d in listed] == [f"00{i}_716db0379daf11b{i}.txt" for i in range(3)]
    for number, name in enumerate(NAMES, start=1):
        code, out, _ = run(capsys, "show", str(number), "--db", str(three_names))
        assert out.startswith(f"== {name}  [")


def test_the_export_names_reports_by_the_same_rule_on_every_sheet(capsys, tmp_path, three_names):
    openpyxl = pytest.importorskip("openpyxl")
    out_path = tmp_path / "names.xlsx"
    code, _, err = run(capsys, "export", "--xlsx", str(out_path), "--db", str(three_names))
    assert code == 0, err
    workbook = openpyxl.load_workbook(out_path, read_only=True)
    try:
        summary = list(workbook["概览"].iter_rows(values_only=True))
        comparison_header = next(workbook["对比"].iter_rows(values_only=True))
    finally:
        workbook.close()
    assert [row[0] for row in summary[1:]] == NAMES
    assert [name for name in NAMES if name in comparison_header] == NAMES
    assert "文件名" in summary[0]


def test_the_windows_library_list_uses_the_same_name(qtbot, three_names):
    from ui.models.library import LibraryModel
    from ui.qt import Qt

    model = LibraryModel()
    with Library(three_names) as lib:
        model.set_documents(lib.list_documents())
    column = model.columns.index("title")
    assert [model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole) for row in range(3)] == NAMES


# 9 -------------------------------------------------------------------------------------------
def test_without_the_shared_data_its_tests_skip_saying_what_is_missing_and_where_it_comes_from(tmp_path):
    absent = tmp_path / "no-shared-here"
    node_ids = ["tests/test_figure_checks_shared.py", "tests/test_figures_shared.py",
                "tests/test_heldout_accuracy.py", "tests/test_outline_shared_reports.py",
                "tests/test_loading.py::test_shared_reports_load_without_furniture",
                "tests/test_loading.py::test_shared_reports_keep_their_publication_date_lines"]
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", *node_ids],
                          cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=600,
                          env={**os.environ, "REVIEWER_SHARED_DIR": str(absent)})
    assert proc.returncode == 0, proc.stdout[-3000:]
    reasons = [line for line in proc.stdout.splitlines() if line.startswith("SKIPPED")]
    assert reasons and "passed" not in proc.stdout.splitlines()[-1]
    for line in reasons:
        assert str(absent) in line and "README, 'Shared reports'" in line, line
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "## Shared reports" in readme and "REVIEWER_SHARED_DIR" in readme


def test_import_or_merge_of_nothing_creates_no_library(capsys, tmp_path):
    new = tmp_path / "new.db"
    code, _, err = run(capsys, "import", str(tmp_path / "typo.txt"), "--db", str(new))
    assert code == 1 and "typo.txt" in err
    code, _, err = run(capsys, "merge", str(tmp_path / "typo.db"), "--db", str(new))
    assert code == 1 and "typo.db" in err
    assert not new.exists() and sorted(tmp_path.iterdir()) == []


def test_show_prints_a_checks_verdict_and_reason_in_the_core_vocabulary(capsys, small_library):
    from reviewer.library.store import Library

    with Library(small_library) as lib:
        doc = lib.list_documents()[0].doc_uuid
        checks = lib.load_review(doc).checks
        if not checks:
            pytest.skip("the small library's report has no check")
        lib.set_verdict(checks[0].review.uuid, "confirmed", "合计确实不符")
    code, out, err = run(capsys, "show", "1", "--db", str(small_library))
    assert code == 0, err
    assert "[属实 (合计确实不符)]" in out


def test_the_readme_lists_every_benchmark():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for bench in sorted((ROOT / "tests" / "bench").glob("bench_*.py")):
        assert f"python tests/bench/{bench.name}" in readme, bench.name


def test_a_list_number_past_the_end_is_refused_not_matched_against_an_id(capsys, small_library):
    """`show 9` in a library of fewer reports says there is no report 9; it never takes the
    report whose id happens to start with 9 (walk-through: `show 9` showed report 2)."""
    from reviewer.library.store import Library

    with Library(small_library) as lib:
        count = len(lib.list_documents())
    for number in range(count + 1, count + 11):
        code, out, err = run(capsys, "show", str(number), "--db", str(small_library))
        assert code == 1 and not out.strip(), (number, out)
