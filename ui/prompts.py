"""Small modal questions and messages.  Everything that would block on a user goes through here,
so tests replace these functions instead of clicking real dialogs."""

from __future__ import annotations

from pathlib import Path

from ui.qt import (
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QEvent,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    Qt,
    QVBoxLayout,
    QWidget,
)


def _back_to(parent: QWidget | None) -> None:
    """Give the window back its activation after a modal question, so its shortcuts (Ctrl+Z …)
    work at once — a window manager usually does this, but not every one (nor Xvfb)."""
    if parent is not None:
        parent.window().activateWindow()


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "", multiline: bool = False,
             quote: str = "") -> str | None:
    """A line of text, or (``multiline``) a comment in the comment dialog beside its ``quote``."""
    if multiline:
        dialog = CommentDialog(parent, title, label, text, quote)
        ok = dialog.exec() == CommentDialog.DialogCode.Accepted
        value = dialog.text()
    else:
        value, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
    _back_to(parent)
    value = (value or "").strip()
    return value if ok and value else None


def ask_item(parent: QWidget | None, title: str, label: str, items: list[str], current: int = 0) -> int | None:
    value, ok = QInputDialog.getItem(parent, title, label, items, current, False)
    _back_to(parent)
    return items.index(value) if ok and value in items else None


def ask_int(parent: QWidget | None, title: str, label: str, value: int, low: int, high: int) -> int | None:
    result, ok = QInputDialog.getInt(parent, title, label, value, low, high)
    return result if ok else None


def confirm(parent: QWidget | None, title: str, text: str, default_yes: bool = False) -> bool:
    """Yes or No; Enter answers ``default_yes`` (No unless the question confirms what the
    reviewer has just typed, where Enter must not throw the typing away)."""
    yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
    answer = QMessageBox.question(parent, title, text, yes | no, yes if default_yes else no)
    return answer == QMessageBox.StandardButton.Yes


def show_error(parent: QWidget | None, text: str, title: str | None = None) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title or QCoreApplication.translate("Prompts", "Report Reviewer"), text,
                      QMessageBox.StandardButton.Ok, parent)
    box.exec()


def show_info(parent: QWidget | None, text: str, title: str | None = None) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, title or QCoreApplication.translate("Prompts", "Report Reviewer"), text,
                      QMessageBox.StandardButton.Ok, parent)
    box.exec()


def offer_open(parent: QWidget | None, text: str) -> str:
    """After an export: "file", "folder" or "" (close)."""
    box = QMessageBox(QMessageBox.Icon.Information, QCoreApplication.translate("Prompts", "Export finished"), text, QMessageBox.StandardButton.NoButton,
                      parent)
    open_file = box.addButton(QCoreApplication.translate("Prompts", "Open file"), QMessageBox.ButtonRole.AcceptRole)
    open_folder = box.addButton(QCoreApplication.translate("Prompts", "Open folder"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    clicked = box.clickedButton()
    return "file" if clicked is open_file else "folder" if clicked is open_folder else ""


def file_dialog(parent: QWidget | None, title: str, folder: str, filters: str = "", *, directory: bool = False,
                many: bool = False, save: bool = False, existing: bool = True):
    """Qt's file dialog, in the interface language throughout: Qt's own Chinese catalogue
    misses the labels with accelerators ("&Look in:", "Files of &type:"), so they are named
    here.  A native dialog (Windows) speaks the system's language and is left as it is."""
    from ui.qt import QFileDialog, QLabel

    dialog = QFileDialog(parent, title, folder, filters)
    if directory:
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    elif save:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    else:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles if many else QFileDialog.FileMode.ExistingFile)
    words = {
        "lookInLabel": QCoreApplication.translate("FileDialog", "&Look in:"),
        "fileNameLabel": QCoreApplication.translate("FileDialog", "File &name:"),
        "fileTypeLabel": QCoreApplication.translate("FileDialog", "Files of &type:"),
    }
    for label in dialog.findChildren(QLabel):
        if label.objectName() in words:
            label.setText(words[label.objectName()])
    return dialog


def _chosen(dialog) -> list[str]:
    from ui.qt import QDialog

    return list(dialog.selectedFiles()) if dialog.exec() == QDialog.DialogCode.Accepted else []


def ask_open_files(parent: QWidget | None, title: str, folder: str = "") -> list[str]:
    filters = QCoreApplication.translate("Prompts", "Reports (*.txt *.docx *.pdf *.html *.htm);;All files (*)")
    return _chosen(file_dialog(parent, title, folder, filters, many=True))


def ask_folder(parent: QWidget | None, title: str, folder: str = "") -> str | None:
    chosen = _chosen(file_dialog(parent, title, folder, directory=True))
    return chosen[0] if chosen else None


def ask_save_path(parent: QWidget | None, title: str, suggested: str, filters: str) -> str | None:
    dialog = file_dialog(parent, title, str(Path(suggested).parent) if suggested else "", filters, save=True)
    if suggested:
        dialog.selectFile(suggested)
    chosen = _chosen(dialog)
    return chosen[0] if chosen else None


def ask_library_path(parent: QWidget | None, title: str, folder: str, create: bool) -> str | None:
    filters = QCoreApplication.translate("Prompts", "Review libraries (*.db *.sqlite);;All files (*)")
    chosen = _chosen(file_dialog(parent, title, folder, filters, save=create))
    return chosen[0] if chosen else None


class CommentDialog(QDialog):
    """A comment worth writing: the passage it is about, a roomy box that wraps, and
    Ctrl+Enter to save (Esc cancels)."""

    def __init__(self, parent, title: str, label: str, text: str = "", quote: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        if quote:
            shown = quote if len(quote) <= 300 else quote[:300] + "…"
            self.quote = QLabel(f"“{shown}”", self)
            self.quote.setWordWrap(True)
            self.quote.setTextFormat(Qt.TextFormat.PlainText)
            self.quote.setStyleSheet("QLabel { background: #fff7d6; border-left: 3px solid #f2b705; padding: 6px; }")
            layout.addWidget(self.quote)
        layout.addWidget(QLabel(label, self))
        self.editor = QPlainTextEdit(self)
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.editor.setPlainText(text)
        self.editor.setTabChangesFocus(True)
        layout.addWidget(self.editor, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        hint = QLabel(self.tr("Ctrl+Enter saves, Esc cancels"), self)
        hint.setStyleSheet("color: palette(placeholder-text);")
        row = QHBoxLayout()
        row.addWidget(hint, 1)
        row.addWidget(buttons)
        layout.addLayout(row)
        self.editor.installEventFilter(self)  # Ctrl+Enter reaches the editor first
        self.resize(560, 320)
        self.editor.setFocus()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if watched is self.editor and event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if event.type() == QEvent.Type.KeyPress:
                self.accept()
            event.accept()
            return True
        return super().eventFilter(watched, event)

    def text(self) -> str:
        return self.editor.toPlainText().strip()
