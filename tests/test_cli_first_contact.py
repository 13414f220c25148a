"""What a new user meets first on the command line (issue 14): heading numbers, closed pipes,
options after the subcommand, Ctrl-C during an import, skipped files, missing libraries, one
language per screen and one name per report."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from reviewer.cli.main import main
from reviewer.library.store import Library
from reviewer.messages import set_language
from tests.conftest import ROOT

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
                                     ["list"], ["show", "1"]])
def test_a_closed_pipe_ends_the_command_quietly(command, small_library):
    argv = command if command[0] == "analyze" else [*command, "--db", str(small_library)]
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


def test_the_installed_cli_runs_the_self_test():
    script = Path(sys.executable).with_name("report-reviewer-cli")
    if not script.is_file():
        pytest.skip("report-reviewer-cli is not installed beside this Python (pip install -e .)")
    proc = subprocess.run([str(script), "--self-test"], capture_output=True, text=True, encoding="utf-8",
                          timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "FAIL" not in proc.stdout and "ok  export" in proc.stdout
