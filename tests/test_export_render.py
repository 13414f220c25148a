"""What people will see: LibreOffice opens the memo, the annotated copy and the workbook and
prints them to PDF with the Chinese text intact (skipped where LibreOffice or poppler is missing;
.ci/run installs both).  docs/make_export_previews.py makes the PNGs in docs/ the same way."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from reviewer.export.annotated_docx import write_annotated
from reviewer.export.memo import write_memo
from reviewer.export.workbook import write_workbook
from tests.export_factory import district_a

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                                 reason="LibreOffice or poppler-utils is not installed")]


def pdf_text(path, tmp_path) -> str:
    env = {**os.environ, "HOME": str(tmp_path)}
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                   env=env, check=True, capture_output=True, timeout=240)
    pdf = tmp_path / (path.stem + ".pdf")
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout


def test_libreoffice_prints_the_three_outputs_with_their_chinese_text(tmp_path):
    a = district_a()
    check = a.review.checks[0]
    check.review.status, check.review.reason = "confirmed", "审结率应为 92.3%"
    memo = pdf_text(write_memo([a.review], tmp_path / "memo.docx"), tmp_path)
    assert "审核意见" in memo and "甲区人民政府" in memo and "审结率与所列数字不符" in memo
    annotated = pdf_text(write_annotated(a.review, tmp_path / "annotated.docx").path, tmp_path)
    assert "基层执法力量仍然不足" in annotated
    workbook = pdf_text(write_workbook([a.review], tmp_path / "book.xlsx"), tmp_path)
    assert "甲区2023年法治政府建设情况报告" in workbook and "第 1 页" in workbook
