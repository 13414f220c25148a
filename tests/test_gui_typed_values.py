"""A corrected value typed in the figures table is read with the core's numeral parser, shown
before it is saved, and refused when it cannot be read (issue 11, defect 2)."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from tests.test_gui import SAMPLE, _find_figure_row, _proxy_index, errors, make_window  # noqa: E402,F401
from ui import prompts  # noqa: E402
from ui.qt import QApplication, Qt  # noqa: E402


def _type_value(window, qtbot, row: int, text: str) -> str:
    """Type ``text`` into a value cell and press Enter; returns the preview shown meanwhile."""
    view = window.inspector.figures_view
    index = _proxy_index(window, row, "value")
    view.setCurrentIndex(index)
    view.edit(index)
    editor = QApplication.focusWidget()
    editor.selectAll()
    editor.insert(text)  # Chinese arrives from the input method, not as key presses
    editor.textEdited.emit(text)
    preview = window.statusBar().currentMessage()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != view.State.EditingState)
    return preview


def test_typed_money_is_saved_as_a_number_in_yuan_after_a_preview(make_window, qtbot, monkeypatch, errors):  # noqa: F811
    window = make_window()
    window.import_paths([str(SAMPLE)])
    row, figure = _find_figure_row(window, "4826件")
    asked = []
    monkeypatch.setattr(prompts, "confirm", lambda parent, title, text, **_: asked.append(text) or True)
    preview = _type_value(window, qtbot, row, "347.93万元")
    assert "3479300 元" in preview
    assert asked and "3479300 元" in asked[0]
    saved = window.workspace.find_item("figure", figure.review.uuid).figure
    assert (saved.value, saved.unit, saved.kind) == (3479300, "元", "money")
    window.act_undo.trigger()  # value, unit and kind are one step
    saved = window.workspace.find_item("figure", figure.review.uuid).figure
    assert (saved.value, saved.unit, saved.kind) == (4826, "件", "count")
    assert not errors


def test_chinese_numerals_and_percent_are_read(make_window, qtbot, monkeypatch, errors):  # noqa: F811
    window = make_window()
    window.import_paths([str(SAMPLE)])
    monkeypatch.setattr(prompts, "confirm", lambda *a, **k: True)
    row, figure = _find_figure_row(window, "4826件")
    _type_value(window, qtbot, row, "两千")
    assert window.workspace.find_item("figure", figure.review.uuid).figure.value == 2000
    _type_value(window, qtbot, row, "95.6%")
    saved = window.workspace.find_item("figure", figure.review.uuid).figure
    assert (saved.value, saved.unit, saved.kind) == (95.6, "%", "percent")


def test_an_unreadable_value_is_refused_with_a_message(make_window, qtbot, errors):  # noqa: F811
    window = make_window()
    window.import_paths([str(SAMPLE)])
    row, figure = _find_figure_row(window, "4826件")
    steps = window.workspace.undo_stack.count()
    assert _type_value(window, qtbot, row, "约四千多") == "无法识别为数字"
    assert errors and "约四千多" in errors[0]
    assert window.workspace.find_item("figure", figure.review.uuid).figure.value == 4826
    assert window.workspace.undo_stack.count() == steps


def test_declining_the_preview_saves_nothing(make_window, qtbot, monkeypatch, errors):  # noqa: F811
    window = make_window()
    window.import_paths([str(SAMPLE)])
    monkeypatch.setattr(prompts, "confirm", lambda *a, **k: False)
    row, figure = _find_figure_row(window, "4826件")
    _type_value(window, qtbot, row, "347.93万元")
    assert window.workspace.find_item("figure", figure.review.uuid).figure.value == 4826


@pytest.mark.parametrize("default_yes", [True, False])
def test_enter_in_a_confirmation_answers_its_default(qtbot, default_yes):
    """Enter on the "save 347.93万元 as 3479300 元?" question saves the typed value (walk-through:
    a default of No silently threw the correction away); other questions keep No as default."""
    from ui.qt import QTimer

    def press_enter():
        box = QApplication.activeModalWidget()
        assert box is not None
        qtbot.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(50, press_enter)
    assert prompts.confirm(None, "更正数值", "将“347.93万元”保存为 3479300 元?", default_yes=default_yes) is default_yes
