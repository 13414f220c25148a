"""Undo and redo in the window never lose work (issue 11, defect 1): tag one passage, comment on
another, click the tagged passage, Ctrl+Z Ctrl+Z Ctrl+Y Ctrl+Y — everything is back under the
same UUIDs with its tags and note, and it is still there after reopening the library."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from reviewer.library.store import Library  # noqa: E402
from tests.test_gui import SAMPLE, errors, make_window  # noqa: E402,F401
from ui import prompts  # noqa: E402
from ui.qt import Qt  # noqa: E402


def _annotations(library_path, doc_uuid):
    with Library(library_path) as lib:
        review = lib.load_review(doc_uuid)
        return {a.uuid: (a.quote, a.note, [t.uuid for t in a.review.tags]) for a in review.annotations}


def test_undo_twice_redo_twice_brings_back_the_same_tagged_and_commented_passages(
        make_window, qtbot, monkeypatch, errors):  # noqa: F811
    window = make_window()
    window.import_paths([str(SAMPLE)])
    view, text = window.document_view, window.document_view.text
    tag = window.workspace.tags()[0]
    first = text.index("三十二项")
    view.tagSelectionRequested.emit(first, first + 4, tag.uuid)
    tagged = window.workspace.current[1]
    second = text.index("法治政府建设", first + 10)
    monkeypatch.setattr(prompts, "ask_text", lambda *a, **k: "表述需核实")
    view.commentSelectionRequested.emit(second, second + 6)
    before = _annotations(window.workspace.library.path, window.workspace.doc_uuid)
    assert len(before) == 2 and before[tagged][2] == [tag.uuid]
    window._activate("annotation", tagged, scroll=False)  # the reviewer clicks the tagged passage
    view.setFocus()
    for key in (Qt.Key.Key_Z, Qt.Key.Key_Z):
        qtbot.keyClick(view, key, Qt.KeyboardModifier.ControlModifier)
    assert window.workspace.review.annotations == []
    for key in (Qt.Key.Key_Y, Qt.Key.Key_Y):
        qtbot.keyClick(view, key, Qt.KeyboardModifier.ControlModifier)
    assert not errors
    after = _annotations(window.workspace.library.path, window.workspace.doc_uuid)
    assert after == before
    # reopen: everything is still there
    path, doc = window.workspace.library.path, window.workspace.doc_uuid
    window.close()
    again = make_window(path)
    again.open_document(doc)
    shown = {a.uuid: (a.quote, a.note, [t.uuid for t in a.review.tags]) for a in again.workspace.review.annotations}
    assert shown == before


def test_undo_never_reaches_into_a_report_that_is_not_on_screen(make_window, qtbot, monkeypatch, errors):  # noqa: F811
    """One undo stack per report, as in Word: a comment made in the first report survives
    Ctrl+Z pressed (more often than there are changes) in the second one."""
    window = make_window()
    window.import_paths([str(SAMPLE)])
    first_doc = window.workspace.doc_uuid
    view, text = window.document_view, window.document_view.text
    at = text.index("法治政府建设")
    monkeypatch.setattr(prompts, "ask_text", lambda *a, **k: "表述需核实")
    view.commentSelectionRequested.emit(at, at + 6)
    kept = _annotations(window.workspace.library.path, first_doc)
    assert len(kept) == 1
    window.import_paths([str(SAMPLE.with_name("sample_zhifa_2022_traditional.txt"))])
    assert window.workspace.doc_uuid != first_doc
    second = window.document_view
    at = second.text.index("執法")
    second.commentSelectionRequested.emit(at, at + 2)
    second.setFocus()
    for _ in range(3):
        qtbot.keyClick(second, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.workspace.review.annotations == []
    assert not errors
    assert _annotations(window.workspace.library.path, first_doc) == kept
    window.open_document(first_doc)  # back in the first report, its own change can be undone
    assert window.workspace.undo_stack.canUndo()
