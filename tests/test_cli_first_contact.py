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
