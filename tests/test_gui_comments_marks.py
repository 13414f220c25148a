"""The comment dialog, the text's context menu and margin marks (issue 11, defect 9 and the
missing features: marks beside tagged and commented passages, a new tag from the menu)."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from tests.test_gui import SAMPLE, errors, make_window  # noqa: E402,F401
from ui import prompts  # noqa: E402
from ui.qt import QApplication, QContextMenuEvent, QPoint, Qt, QTimer  # noqa: E402


def test_the_comment_dialog_wraps_shows_the_passage_and_saves_on_ctrl_enter(qtbot):
    dialog = prompts.CommentDialog(None, "批注", "对所选文字的批注:", quote="全年办理行政复议案件4826件")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.width() >= 500 and dialog.height() >= 300
    assert "4826件" in dialog.quote.text()
    assert dialog.editor.lineWrapMode() == dialog.editor.LineWrapMode.WidgetWidth
    dialog.editor.insertPlainText("合计与分项不符")
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        qtbot.keyClick(dialog.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.text() == "合计与分项不符"


def _menu_texts(window, start: int, end: int) -> list[str]:
    view = window.document_view
    view.select_cp(start, end)
    texts: list[str] = []

    def read_and_close() -> None:
        menu = view.last_menu
        for action in menu.actions():
            texts.append(action.text())
            if action.menu() is not None:
                texts.extend(a.text() for a in action.menu().actions())
        menu.close()

    QTimer.singleShot(50, read_and_close)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(20, 20), view.mapToGlobal(QPoint(20, 20)))
    QApplication.sendEvent(view.viewport(), event)
    return texts


def test_the_context_menu_shows_shortcuts_and_makes_a_new_tag(make_window, monkeypatch, errors):  # noqa: F811
    window = make_window()
    window.import_paths([str(SAMPLE)])
    text = window.document_view.text
    start = text.index("三十二项")
    texts = _menu_texts(window, start, start + 4)
    assert any("Ctrl+T" in t for t in texts) and any("Ctrl+M" in t for t in texts)
    assert "新建标签…" in texts
    monkeypatch.setattr(prompts, "ask_text", lambda *a, **k: "口径不一")
    steps = window.workspace.undo_stack.count()
    window.document_view.newTagSelectionRequested.emit(start, start + 4)
    assert window.workspace.undo_stack.count() == steps + 1  # one undo step
    tag = next(t for t in window.workspace.tags() if t.name == "口径不一")
    annotation = window.workspace.review.annotations[-1]
    assert annotation.quote == "三十二项" and [t.uuid for t in annotation.review.tags] == [tag.uuid]
    window.act_undo.trigger()
    assert all(t.name != "口径不一" for t in window.workspace.tags()) and not window.workspace.review.annotations
    window.act_redo.trigger()
    annotation = window.workspace.review.annotations[-1]
    assert [t.uuid for t in annotation.review.tags] == [tag.uuid]  # the same tag, the same passage
    assert not errors


def test_tagged_and_commented_passages_get_margin_marks(make_window, monkeypatch, errors):  # noqa: F811
    window = make_window()
    window.import_paths([str(SAMPLE)])
    view = window.document_view
    start = view.text.index("三十二项")
    view.jump_to(start)
    assert view.margin_marks() == []
    tag = window.workspace.tags()[0]
    view.tagSelectionRequested.emit(start, start + 4, tag.uuid)
    monkeypatch.setattr(prompts, "ask_text", lambda *a, **k: "核实口径")
    view.commentSelectionRequested.emit(start + 10, start + 14)
    marks = view.margin_marks()
    colours = {colour for _top, _bottom, colour, _x in marks}
    assert tag.color in colours and "#f2b705" in colours
    assert all(0 <= top <= bottom <= view.viewport().height() for top, bottom, _c, _x in marks)
    assert view.marks.isVisible() and view.marks.width() > 0
