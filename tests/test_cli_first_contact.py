"""What a new user meets first on the command line (issue 14): heading numbers, closed pipes,
options after the subcommand, Ctrl-C during an import, skipped files, missing libraries, one
language per screen and one name per report."""

from __future__ import annotations

import re

import pytest

from reviewer.cli.main import main
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
