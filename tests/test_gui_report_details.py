"""Edit → Report details… (Ctrl+I): a report whose analysis found no title or issuing body gets
them from the reviewer, through a dialog driven here as a reviewer drives it — the window title,
the library list and the memo follow, one Ctrl+Z puts back what the analysis found, Ctrl+Y the
correction, and the library keeps it; a value the core refuses is explained and nothing changes."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from reviewer.library.store import Library  # noqa: E402
from tests.test_gui import errors, make_window  # noqa: E402,F401
from ui import prompts  # noqa: E402
from ui.dialogs import ReportDetailsDialog  # noqa: E402
from ui.qt import QApplication, QDialogButtonBox, Qt  # noqa: E402

TITLE = "某市2023年法治政府建设年度报告"
ISSUER = "某市人民政府"
REPORT = "一、总体情况\n2023年,我们完成了三十二项任务,共计100万元。\n二、存在问题\n部分工作有待改进。\n"


@pytest.fixture
def untitled(tmp_path):
    """A report the analysis finds no title and no issuer in (the user test's r01.txt)."""
    path = tmp_path / "r01.txt"
    path.write_text(REPORT, encoding="utf-8")
    return path


def _open_dialog(window, qtbot) -> ReportDetailsDialog:
    window.document_view.setFocus()
    qtbot.keyClick(window.document_view, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    shown = [d for d in window.findChildren(ReportDetailsDialog) if d.isVisible()]
    assert len(shown) == 1, "Ctrl+I opens the report details"
    return shown[0]


def _type(qtbot, edit, text: str) -> None:
    """Select the field's text, delete it, type ``text``: ASCII key by key, Chinese as a pinyin
    input method delivers it (a committed string; QTest cannot press keys outside Latin-1)."""
    from PySide6.QtGui import QInputMethodEvent

    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    ascii_part = text if text.isascii() else ""
    if ascii_part:
        qtbot.keyClicks(edit, ascii_part)
    elif text:
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(edit, event)
    assert edit.text() == text


def _click(qtbot, dialog, button) -> None:
    qtbot.mouseClick(dialog.buttons.button(button), Qt.MouseButton.LeftButton)


def _ok(qtbot, dialog) -> None:
    """OK on a dialog whose values are all valid: it closes (and is deleted soon after)."""
    with qtbot.waitSignal(dialog.finished, timeout=2000):
        _click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)


def _library_row(window) -> tuple[str, str]:
    window.show_library()
    model = window.library_page.model
    return (model.index(0, model.columns.index("title")).data(),
            model.index(0, model.columns.index("issuer")).data())


def _memo_lines(window, path) -> list[str]:
    import docx

    window.export_word("memo", out_path=str(path))
    return [p.text for p in docx.Document(str(path)).paragraphs]


def test_title_and_issuer_set_in_the_dialog_show_everywhere_undo_redo_and_reopen(
        make_window, qtbot, monkeypatch, errors, untitled, tmp_path):  # noqa: F811
    pytest.importorskip("docx")
    monkeypatch.setattr(prompts, "offer_open", lambda parent, text: "")
    window = make_window()
    window.import_paths([str(untitled)])
    doc = window.workspace.doc_uuid
    analysed = window.workspace.review.metadata
    assert (analysed.title, analysed.issuer) == (None, None)
    assert window.windowTitle().startswith("r01.txt")
    before = _memo_lines(window, tmp_path / "before.docx")
    assert before[0] == "关于《r01.txt》的审核意见" and before[1].startswith("报告报送单位")  # the user test's memo
    window.show_review()

    dialog = _open_dialog(window, qtbot)
    assert dialog.windowTitle() == "报告信息"
    assert dialog.edits["title"].text() == "" and dialog.edits["report_year"].text() == "2023"
    _type(qtbot, dialog.edits["title"], TITLE)
    _type(qtbot, dialog.edits["issuer"], ISSUER)
    _ok(qtbot, dialog)
    assert not errors

    metadata = window.workspace.review.metadata
    assert (metadata.title, metadata.issuer, metadata.report_year) == (TITLE, ISSUER, 2023)
    assert window.windowTitle().startswith(TITLE)
    assert window.workspace.undo_stack.count() == 1, "the dialog's changes are one undo step"
    assert window.workspace.undo_stack.undoText() == "修改报告信息"
    assert _library_row(window) == (TITLE, ISSUER)
    memo = _memo_lines(window, tmp_path / "after.docx")
    assert memo[0].startswith(f"关于《{TITLE}》")
    assert memo[1] == f"{ISSUER}:"  # addressed to the issuing body, not to a blank line

    window.show_review()
    window.document_view.setFocus()
    qtbot.keyClick(window.document_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    metadata = window.workspace.review.metadata
    assert (metadata.title, metadata.issuer, metadata.report_year) == (None, None, 2023)
    assert window.workspace.review.metadata_review.original == {}
    assert window.windowTitle().startswith("r01.txt")
    assert _library_row(window)[0] == "r01.txt"

    window.show_review()
    window.document_view.setFocus()
    qtbot.keyClick(window.document_view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    metadata = window.workspace.review.metadata
    assert (metadata.title, metadata.issuer) == (TITLE, ISSUER)
    assert window.windowTitle().startswith(TITLE)
    assert not errors

    path = window.workspace.library.path
    window.close()
    again = make_window(path)
    assert _library_row(again) == (TITLE, ISSUER)
    again.open_document(doc)
    assert (again.workspace.review.metadata.title, again.workspace.review.metadata.issuer) == (TITLE, ISSUER)
    assert again.windowTitle().startswith(TITLE)
    reopened = _open_dialog(again, qtbot)  # what the analysis found is shown beside the correction
    assert reopened.edits["title"].text() == TITLE
    assert "分析所得" in " ".join(label.text() for label in reopened.findChildren(type(reopened.error)))
    reopened.reject()


def test_an_invalid_year_or_date_is_refused_in_chinese_and_nothing_changes(
        make_window, qtbot, errors, untitled):  # noqa: F811
    window = make_window()
    window.import_paths([str(untitled)])
    doc = window.workspace.doc_uuid
    dialog = _open_dialog(window, qtbot)
    _type(qtbot, dialog.edits["title"], TITLE)
    _type(qtbot, dialog.edits["report_year"], "二〇二三年")
    _click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    assert dialog.isVisible(), "the dialog stays open on a refused value"
    assert dialog.error.isVisible()
    assert dialog.error.text() == "“二〇二三年”不是有效的报告年度。请填写 1900 至 2200 之间的年份,例如 2023。"
    assert dialog.focusWidget() is dialog.edits["report_year"]
    _type(qtbot, dialog.edits["report_year"], "2023")
    _type(qtbot, dialog.edits["published"], "2024-13-01")
    _click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    assert dialog.isVisible() and "不是有效的日期" in dialog.error.text()
    with qtbot.waitSignal(dialog.finished, timeout=2000):
        _click(qtbot, dialog, QDialogButtonBox.StandardButton.Cancel)

    assert not errors
    assert window.workspace.undo_stack.count() == 0
    metadata = window.workspace.review.metadata
    assert (metadata.title, metadata.published, metadata.report_year) == (None, None, 2023)
    with Library(window.workspace.library.path) as library:
        assert [e for e in library.history(item_uuid=doc) if e.action == "correct"] == []


def test_unchanged_fields_are_not_recorded_and_a_cleared_year_is_one_correction(
        make_window, qtbot, errors, untitled):  # noqa: F811
    window = make_window()
    window.import_paths([str(untitled)])
    dialog = _open_dialog(window, qtbot)
    _ok(qtbot, dialog)  # OK with nothing changed: no edit
    assert window.workspace.undo_stack.count() == 0
    dialog = _open_dialog(window, qtbot)
    _type(qtbot, dialog.edits["report_year"], "")
    _ok(qtbot, dialog)
    assert window.workspace.review.metadata.report_year is None
    assert window.workspace.review.metadata_review.original == {"report_year": 2023}
    assert window.workspace.undo_stack.count() == 1
    assert not errors


def test_the_report_details_shortcut_is_the_only_action_on_ctrl_i(make_window):  # noqa: F811
    window = make_window()
    owners = [a.text() for a in window.findChildren(type(window.act_report_details))
              if any(k.toString() == "Ctrl+I" for k in a.shortcuts())]
    assert owners == ["报告信息(&I)…"]
    assert window.act_report_details in window.menuBar().actions()[1].menu().actions()
    assert not window.act_report_details.isEnabled(), "no report open: nothing to edit"
