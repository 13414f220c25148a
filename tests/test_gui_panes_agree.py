"""The panes agree on the current item (issue 11, defect 4): a clicked heading stays selected,
the text does not jump after a tag or comment, and the reading position survives the splitter."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from tests.test_gui import SAMPLE, _click_outline, _outline_index, errors, make_window  # noqa: E402,F401
from ui import prompts  # noqa: E402
from ui.models import ItemRole  # noqa: E402
from ui.qt import QPoint  # noqa: E402


@pytest.fixture
def window(make_window):  # noqa: F811
    window = make_window()
    window.import_paths([str(SAMPLE)])
    return window


def test_a_clicked_heading_stays_the_selected_one_after_the_text_scrolls(window, qtbot):
    index = _outline_index(window, "依法化解矛盾纠纷")
    _click_outline(qtbot, window, index)
    uuid = index.data(ItemRole)
    qtbot.wait(200)  # the scroll-follow timer fires
    assert window.outline_view.currentIndex().data(ItemRole) == uuid
    assert window.workspace.current == ("section", uuid)


def test_tagging_and_commenting_do_not_move_the_text(window, qtbot, monkeypatch):
    view = window.document_view
    text = view.text
    start = text.index("三十二项")
    view.jump_to(start)
    qtbot.wait(100)
    bar = view.verticalScrollBar().value()
    view.tagSelectionRequested.emit(start, start + 4, window.workspace.tags()[0].uuid)
    assert view.verticalScrollBar().value() == bar
    monkeypatch.setattr(prompts, "ask_text", lambda *a, **k: "核实口径")
    view.commentSelectionRequested.emit(start + 5, start + 9)
    assert view.verticalScrollBar().value() == bar
    assert window.workspace.current[0] == "annotation"


def _top(view) -> int:
    return view.offsets.to_cp(view.cursorForPosition(QPoint(4, 4)).position())


def test_dragging_the_splitter_keeps_the_reading_position(make_window, qtbot, tmp_path):  # noqa: F811
    report = tmp_path / "长段落.txt"
    sentences = "".join(f"第{i}句,全年办理行政复议案件{i * 7}件,依法纠正{i}件。" for i in range(1, 120))
    report.write_text(f"甲区2023年法治政府建设情况报告\n一、总体情况\n{sentences}\n二、下一步\n{sentences}\n",
                      encoding="utf-8")
    window = make_window()
    window.import_paths([str(report)])
    view = window.document_view
    reading = view.text.index("第60句")  # the middle of a long paragraph
    view.scroll_to_top(view.offsets.to_utf16(reading))
    qtbot.wait(50)
    top = _top(view)
    assert abs(top - reading) <= 40
    sizes = window.splitter.sizes()
    window.splitter.setSizes([sizes[0] + 250, sizes[1] - 250, sizes[2]])
    qtbot.wait(50)
    assert abs(_top(view) - top) <= 40
