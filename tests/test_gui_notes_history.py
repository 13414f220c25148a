"""The Tags & comments tab lists a commented passage's note, and the History tab speaks words,
not Python dicts or English field names (issue 11, defect 5)."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from tests.test_gui import SAMPLE, errors, make_window  # noqa: E402,F401
from ui import prompts  # noqa: E402
from ui.qt import Qt  # noqa: E402


def _history_cells(window) -> list[str]:
    model = window.inspector.history_model
    return [str(model.index(r, c).data() or "") for r in range(model.rowCount()) for c in range(model.columnCount())]


def test_a_commented_passage_shows_its_note_in_the_comment_list(make_window, monkeypatch, errors):  # noqa: F811
    window = make_window()
    window.import_paths([str(SAMPLE)])
    view = window.document_view
    start = view.text.index("三十二项")
    monkeypatch.setattr(prompts, "ask_text", lambda *a, **k: "表述需核实")
    view.commentSelectionRequested.emit(start, start + 4)
    comments = window.inspector.comments_list
    assert comments.count() == 1 and comments.item(0).text() == "表述需核实"
    # editing it changes the note, one undo step
    comments.setCurrentRow(0)
    monkeypatch.setattr(prompts, "ask_text", lambda *a, **k: "表述已核实")
    window.inspector.edit_comment_button.click()
    assert window.workspace.review.annotations[0].note == "表述已核实"
    assert comments.item(0).text() == "表述已核实"
    cells = _history_cells(window)
    assert not any("{" in c or "'" in c for c in cells)
    assert "“三十二项” — 表述需核实" in cells
    assert "备注" in cells and "note" not in cells
    assert not errors


def test_history_of_a_tag_and_a_verdict_is_in_words(make_window, qtbot, errors):  # noqa: F811
    window = make_window()
    window.import_paths([str(SAMPLE)])
    window.document_view.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F9)
    window.inspector.verdict_reason.setText("合计少20件")
    window.inspector.verdict_buttons["confirmed"].click()
    tag = window.workspace.tags()[0]
    window.tag_current(tag.uuid)
    cells = _history_cells(window)
    assert "属实:合计少20件" in cells and "未判定" in cells
    assert "标签" in cells and tag.path in cells
    assert not any("{" in c or "status" in c or "tags" in c for c in cells)
    assert not errors
