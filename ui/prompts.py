"""Small modal questions and messages.  Everything that would block on a user goes through here,
so tests replace these functions instead of clicking real dialogs."""

from __future__ import annotations

from ui.qt import QCoreApplication, QInputDialog, QLineEdit, QMessageBox, QWidget


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "", multiline: bool = False) -> str | None:
    if multiline:
        value, ok = QInputDialog.getMultiLineText(parent, title, label, text)
    else:
        value, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
    value = (value or "").strip()
    return value if ok and value else None


def ask_item(parent: QWidget | None, title: str, label: str, items: list[str], current: int = 0) -> int | None:
    value, ok = QInputDialog.getItem(parent, title, label, items, current, False)
    return items.index(value) if ok and value in items else None


def ask_int(parent: QWidget | None, title: str, label: str, value: int, low: int, high: int) -> int | None:
    result, ok = QInputDialog.getInt(parent, title, label, value, low, high)
    return result if ok else None


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
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


def ask_open_files(parent: QWidget | None, title: str, folder: str = "") -> list[str]:
    from ui.qt import QFileDialog

    files, _ = QFileDialog.getOpenFileNames(
        parent, title, folder,
        QCoreApplication.translate("Prompts", "Reports (*.txt *.docx *.pdf *.html *.htm);;All files (*)"))
    return list(files)


def ask_folder(parent: QWidget | None, title: str, folder: str = "") -> str | None:
    from ui.qt import QFileDialog

    return QFileDialog.getExistingDirectory(parent, title, folder) or None


def ask_save_path(parent: QWidget | None, title: str, suggested: str, filters: str) -> str | None:
    from ui.qt import QFileDialog

    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return path or None


def ask_library_path(parent: QWidget | None, title: str, folder: str, create: bool) -> str | None:
    from ui.qt import QFileDialog

    filters = QCoreApplication.translate("Prompts", "Review libraries (*.db *.sqlite);;All files (*)")
    if create:
        path, _ = QFileDialog.getSaveFileName(parent, title, folder, filters)
    else:
        path, _ = QFileDialog.getOpenFileName(parent, title, folder, filters)
    return path or None
