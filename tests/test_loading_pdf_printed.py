"""A report printed to PDF by a real layout engine (Qt, as WPS and Word print): wrapped lines,
Kangxi radical code points from the CJK font, page numbers.  Loading gives back the paragraphs.

Skipped where Qt or a Chinese font is missing (the text would print as empty boxes).
"""

from __future__ import annotations

import html
import os
import subprocess
import sys

import pytest

from reviewer.load.dispatch import load_document

C, P, COLON = "\uff0c", "\u3002", "\uff1a"
LP, RP = "\uff08", "\uff09"

PARAGRAPHS = [
    "某市生态环境局2023年法治政府建设情况报告",
    f"2023年{C}我局坚持以习近平法治思想为指导{C}认真贯彻落实《法治政府建设实施纲要（2021－2025年）》{C}"
    f"全面推进生态环境领域依法行政{C}各项工作取得积极成效{P}现将有关情况报告如下{COLON}",
    "一、主要举措和成效",
    f"{LP}一{RP}深化行政执法改革",
    f"全年共办理环境行政处罚案件186件{C}罚没款1234.56万元{C}同比下降8.2%{P}"
    f"开展“双随机、一公开”抽查检查412次{C}发现问题企业57家{C}已全部督促整改到位{P}"
    f"组织执法人员参加业务培训16期{C}累计培训1200余人次{C}执法人员持证率达到100%{P}" * 3,
    f"{LP}二{RP}健全依法决策机制",
    f"严格落实重大行政决策程序规定{C}全年审查规范性文件23件{C}提出修改意见41条{P}" * 4,
    "二、存在的不足和原因",
    f"基层执法力量仍显不足{C}执法装备和信息化水平有待提高{P}" * 5,
    "某市生态环境局",
    "2024年1月15日",
]


def _print_pdf(path) -> bool:
    """Print PARAGRAPHS to ``path`` with Qt in a process of its own (a QApplication that other
    tests left behind changes how Qt embeds the font); False when no Chinese font is installed."""
    pytest.importorskip("PySide6.QtGui")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, __file__, str(path)], env=env, capture_output=True, text=True)
    if proc.returncode == 3:
        return False
    assert proc.returncode == 0, proc.stderr
    return True


def _print_pdf_here(path) -> bool:
    from PySide6 import QtCore as qt_core
    from PySide6 import QtGui as qt_gui

    app = qt_gui.QGuiApplication.instance() or qt_gui.QGuiApplication([])
    families = [f for f in qt_gui.QFontDatabase.families() if "CJK" in f or "Hei" in f or "Song" in f]
    if not families:
        return False
    document = qt_gui.QTextDocument()
    document.setDefaultFont(qt_gui.QFont(families[0], 12))
    body = "".join(
        f"<p align='{'center' if i == 0 else 'left'}' style='margin:0; text-indent:{0 if i == 0 else 24}px'>"
        f"{html.escape(text)}</p>" for i, text in enumerate(PARAGRAPHS))
    document.setHtml(body)
    writer = qt_gui.QPdfWriter(str(path))
    writer.setPageSize(qt_gui.QPageSize(qt_gui.QPageSize.PageSizeId.A5))
    writer.setPageMargins(qt_core.QMarginsF(15, 15, 15, 15))
    document.print_(writer)
    del app
    return True


def test_printed_report_reads_back_as_its_paragraphs(tmp_path):
    path = tmp_path / "printed.pdf"
    if not _print_pdf(path):
        pytest.skip("no Chinese font installed")
    doc = load_document(path)
    lines = doc.text.split("\n")
    assert "\u2f00" not in doc.text and "\u2f47" not in doc.text  # Kangxi 一 and 日 mapped back
    for heading in ("一、主要举措和成效", f"{LP}一{RP}深化行政执法改革", f"{LP}二{RP}健全依法决策机制",
                    "二、存在的不足和原因"):
        assert heading in lines, heading
    assert lines[-2:] == ["某市生态环境局", "2024年1月15日"]
    for figure in ("186件", "1234.56万元", "8.2%", "1200余人次", "100%"):
        assert figure in doc.text, figure
    # Wrapped lines are joined back: the figures of one sentence share one line.
    assert any("186件" in line and "1234.56万元" in line for line in lines)


if __name__ == "__main__":
    raise SystemExit(0 if _print_pdf_here(sys.argv[1]) else 3)
