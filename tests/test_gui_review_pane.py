"""The review pane (issue 11): every comment, tag, correction and verdict of the report in one
list, filtered by tag, reviewer and status; clicking an entry jumps to the text."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from tests.test_gui import SAMPLE, _find_figure_row, errors, make_window  # noqa: E402,F401
from ui import prompts  # noqa: E402
from ui.qt import Qt  # noqa: E402


def _kinds(pane) -> list[str]:
    model = pane.model
    return [model.rows[r].kind for r in range(model.rowCount())]


def test_the_review_pane_lists_all_work_filters_it_and_jumps_to_the_text(  # noqa: F811
        make_window, qtbot, monkeypatch, errors):  # noqa: F811
    window = make_window()
    window.import_paths([str(SAMPLE)])
    view = window.document_view
    tags = window.workspace.tags()
    start = view.text.index("三十二项")
    view.tagSelectionRequested.emit(start, start + 4, tags[0].uuid)
    monkeypatch.setattr(prompts, "ask_text", lambda *a, **k: "口径待核实")
    view.commentSelectionRequested.emit(start + 10, start + 14)
    _row, figure = _find_figure_row(window, "4826件")
    window.correct_item("figure", figure.review.uuid, "value", 4806)
    view.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F9)
    window.inspector.verdict_reason.setText("合计确有出入")
    window.inspector.verdict_buttons["confirmed"].click()

    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    pane = window.inspector.review_pane
    assert window.inspector.currentWidget() is pane
    assert sorted(_kinds(pane)) == ["comment", "correction", "tag", "verdict"]
    texts = [pane.model.index(r, 2).data() for r in range(pane.model.rowCount())]
    assert "口径待核实" in texts and "属实:合计确有出入" in texts and tags[0].path in texts
    # filters: by tag, by status, by reviewer
    pane.tag_combo.setCurrentIndex(pane.tag_combo.findData(tags[0].uuid))
    assert _kinds(pane) == ["tag"]
    pane.tag_combo.setCurrentIndex(0)
    pane.status_combo.setCurrentIndex(pane.status_combo.findData("corrected"))
    assert _kinds(pane) == ["correction"]
    pane.status_combo.setCurrentIndex(0)
    assert pane.reviewer_combo.findData("测试员") > 0
    pane.reviewer_combo.setCurrentIndex(pane.reviewer_combo.findData("测试员"))
    assert len(_kinds(pane)) == 4
    # clicking the comment jumps to its passage
    view.jump_to(len(view.text) - 1)
    row = _kinds(pane).index("comment")
    index = pane.model.index(row, 2)
    rect = pane.view.visualRect(index)
    qtbot.mouseClick(pane.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    entry = pane.model.rows[row]
    assert window.workspace.current == ("annotation", entry.uuid)
    top, bottom = view.visible_range()
    assert top <= start + 10 < bottom
    assert not errors


def test_the_library_page_lists_the_work_in_every_report_and_opens_it(make_window, qtbot, monkeypatch,  # noqa: F811
                                                                       errors):  # noqa: F811
    from tests.test_gui_app import SAMPLES

    window = make_window()
    window.import_paths([str(SAMPLE), str(SAMPLES / "sample_zhifa_2022_traditional.txt")])
    docs = window.workspace.documents()
    first = next(d for d in docs if "fazhi" in d.path)
    window.open_document(first.doc_uuid)
    view = window.document_view
    start = view.text.index("三十二项")
    monkeypatch.setattr(prompts, "ask_text", lambda *a, **k: "库内批注")
    view.commentSelectionRequested.emit(start, start + 4)
    window.show_library()
    pane = window.library_page.work_pane
    assert [e.kind for e in pane.model.rows] == ["comment"]
    assert pane.model.index(0, pane.model.columns.index("doc")).data()
    # open it from another report
    other = next(d for d in docs if d.doc_uuid != first.doc_uuid)
    window.open_document(other.doc_uuid)
    window.show_library()
    index = pane.model.index(0, pane.model.columns.index("text"))
    pane.view.activated.emit(index)
    assert window.workspace.doc_uuid == first.doc_uuid
    assert window.workspace.current[0] == "annotation"
    assert window.stack.currentWidget() is window.splitter
    assert not errors
