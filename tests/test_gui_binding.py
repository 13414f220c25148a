"""The Qt binding itself: overrides of C++ virtuals must not wear ``None`` out (PySide6 6.12 on
Python 3.11 releases a reference to None per call; ``ui.qt`` compensates)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

pytest.importorskip("PySide6")

SCRIPT = textwrap.dedent("""
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    {prelude}
    from PySide6.QtGui import QUndoCommand, QUndoStack
    from PySide6.QtWidgets import QApplication, QWidget
    app = QApplication([])
    class Step(QUndoCommand):
        def redo(self): pass
        def undo(self): pass
    class Box(QWidget):
        def resizeEvent(self, event): super().resizeEvent(event)
    stack = QUndoStack()
    for _ in range(5):
        stack.push(Step("x"))
    for _ in range(4000):
        stack.undo(); stack.redo()
    box = Box()
    for i in range(2000):
        box.resize(100 + i % 50, 100)
    print("done")
""")


def _run(prelude: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", SCRIPT.format(prelude=prelude)], capture_output=True, text=True,
                          timeout=120)


def test_many_undo_steps_and_resizes_do_not_crash_the_process():
    result = _run("import ui.qt")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "done" in result.stdout
