"""The window's dialogs: settings, tag manager, a new figure, the report's details, keyboard shortcuts."""

from __future__ import annotations

import html
import re

from reviewer.library.fields import EDITABLE_FIELDS
from reviewer.library.review import Tag
from reviewer.model import FIGURE_KINDS
from ui import i18n, icons, labels, prompts
from ui.qt import (
    QCheckBox,
    QColor,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QIcon,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    Qt,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.settings import Settings


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.settings = settings
        form = QFormLayout()
        self.reviewer = QLineEdit(settings.reviewer, self)
        self.reviewer.setPlaceholderText(self.tr("Your name, recorded with every change"))
        form.addRow(self.tr("Reviewer name:"), self.reviewer)
        self.language = QComboBox(self)
        self.language.addItem(self.tr("Follow the system"), "")
        self.language.addItem("中文(简体)", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        form.addRow(self.tr("Interface language:"), self.language)
        row = QHBoxLayout()
        self.library = QLineEdit(settings.library_path, self)
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        team = QPushButton(self.tr("Team library…"), self)
        team.setToolTip(self.tr("Connect to a team library on a PostgreSQL server"))
        team.clicked.connect(self._connect_team)
        row.addWidget(self.library, 1)
        row.addWidget(browse)
        row.addWidget(team)
        holder = QWidget(self)
        holder.setLayout(row)
        row.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Default library:"), holder)
        self.font_size = QSpinBox(self)
        self.font_size.setRange(0, 32)
        self.font_size.setSpecialValueText(self.tr("Default"))
        self.font_size.setValue(settings.font_size)
        self.font_size.setSuffix(" pt")
        form.addRow(self.tr("Report font size:"), self.font_size)
        note = QLabel(self.tr("A new interface language applies to the window at once."), self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def _browse(self) -> None:
        dialog = prompts.file_dialog(self, self.tr("Default library"), self.library.text(),
                                     self.tr("Review libraries (*.db);;All files (*)"), save=True)
        dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, True)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.selectedFiles():
            self.library.setText(dialog.selectedFiles()[0])

    def _connect_team(self) -> None:
        dialog = TeamLibraryDialog(self.library.text(), self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.url:
            self.library.setText(dialog.url)

    def apply(self) -> dict:
        """Save the values; returns which of them changed."""
        changed = {}
        values = {"reviewer": self.reviewer.text().strip(), "language": self.language.currentData(),
                  "library_path": self.library.text().strip(), "font_size": self.font_size.value()}
        for key, value in values.items():
            if getattr(self.settings, key) != value and (value or key in ("language", "font_size")):
                setattr(self.settings, key, value)
                changed[key] = value
        self.settings.sync()
        return changed


class TeamLibraryDialog(QDialog):
    """Connect to a team library: server, database, login.  The password is checked by logging in
    once and then kept by the OS keyring or a pgpass file (reviewer.library.credentials); the URL
    the settings keep has none."""

    def __init__(self, current: str = "", parent=None) -> None:
        from urllib.parse import parse_qs, unquote, urlsplit

        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect to a team library"))
        self.url = ""
        parts = urlsplit(current) if current.startswith("postgres") else None
        host = (parts.hostname or (parse_qs(parts.query).get("host") or [""])[0]) if parts else ""
        form = QFormLayout()
        self.host = QLineEdit(host or "localhost", self)
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue((parts.port if parts else None) or 5432)
        self.database = QLineEdit(unquote(parts.path.lstrip("/")) if parts else "", self)
        self.user = QLineEdit(unquote(parts.username or "") if parts else "", self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Leave empty if it is already kept"))
        self.remember = QCheckBox(self.tr("Keep the password in the system keyring or pgpass file"), self)
        self.remember.setChecked(True)
        form.addRow(self.tr("Server:"), self.host)
        form.addRow(self.tr("Port:"), self.port)
        form.addRow(self.tr("Database:"), self.database)
        form.addRow(self.tr("User:"), self.user)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow("", self.remember)
        self.status = QLabel("", self)
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._try)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

    def _try(self) -> None:
        from reviewer.library.credentials import remember
        from reviewer.library.pgsql import check_login, make_url
        from reviewer.messages import ReviewerError

        url = make_url(self.host.text(), self.port.value(), self.database.text(), self.user.text())
        password = self.password.text() or None
        try:
            check_login(url, password)
            if password and self.remember.isChecked():
                remember(url, password)
        except ReviewerError as exc:
            self.status.setText(exc.message(i18n.core_language()))
            return
        self.url = url
        self.accept()


class FigureDialog(QDialog):
    """A figure the analysis missed: value, unit, kind and label for a selected span."""

    def __init__(self, text: str, value, unit: str, label: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Mark as figure"))
        form = QFormLayout(self)
        shown = QLabel(text, self)
        shown.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(self.tr("As written:"), shown)
        self.value = QLineEdit("" if value is None else str(value), self)
        self.unit = QLineEdit(unit or "", self)
        self.kind = QComboBox(self)
        for code in FIGURE_KINDS:
            self.kind.addItem(labels.figure_kind(code), code)
        self.label = QLineEdit(label or "", self)
        form.addRow(self.tr("Value:"), self.value)
        form.addRow(self.tr("Unit:"), self.unit)
        form.addRow(self.tr("Kind:"), self.kind)
        form.addRow(self.tr("Label:"), self.label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict:
        from ui.models.tables import parse_value

        return {"value": parse_value(self.value.text()), "unit": self.unit.text().strip() or None,
                "kind": self.kind.currentData(), "label": self.label.text().strip() or None}


def ask_figure(parent, text: str, value, unit: str, label: str) -> dict | None:
    dialog = FigureDialog(text, value, unit, label, parent)
    return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None


# the report's details a reviewer may correct, in the order the dialog lists them
REPORT_FIELDS = ("title", "issuer", "published", "report_year", "doc_number")


class ReportDetailsDialog(QDialog):
    """The report's title, issuing body, date, year and document number — as the analysis found
    them or as corrected.  Each typed value is read with the core's own field parser
    (``EDITABLE_FIELDS["metadata"]``): a value it refuses is explained here and the dialog stays
    open, so nothing is saved until every field is valid.  ``changes()`` names what differs."""

    def __init__(self, metadata, file_name: str, original: dict | None = None, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Report details"))
        self.setObjectName("reportDetailsDialog")
        self._current = {name: getattr(metadata, name) for name in REPORT_FIELDS}
        self._changes: list[tuple[str, object]] = []
        names = {"title": self.tr("Report title:"), "issuer": self.tr("Issuing body:"),
                 "published": self.tr("Published:"), "report_year": self.tr("Report year:"),
                 "doc_number": self.tr("Document number:")}
        missing = self.tr("Not found in the report — type it here")
        hints = {"title": missing, "issuer": missing,
                 "published": self.tr("year-month-day, e.g. 2024-03-31"),
                 "report_year": self.tr("e.g. 2023"),
                 "doc_number": self.tr("e.g. 京政发〔2024〕3号")}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        shown = QLabel(file_name or "-", self)
        shown.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(self.tr("File:"), shown)
        self.edits: dict[str, QLineEdit] = {}
        original = original or {}
        for name in REPORT_FIELDS:
            value = self._current[name]
            edit = QLineEdit("" if value is None else str(value), self)
            edit.setObjectName(f"{name}Edit")
            edit.setPlaceholderText(hints[name])
            edit.setClearButtonEnabled(True)
            self.edits[name] = edit
            form.addRow(names[name], edit)
            if name in original:  # corrected before: what the analysis found stays in sight
                before = original[name]
                found = QLabel(self.tr("Analysis found: {0}").format(
                    self.tr("(nothing)") if before in (None, "") else before), self)
                found.setTextFormat(Qt.TextFormat.PlainText)
                found.setStyleSheet("color: #667085;")
                form.addRow("", found)
        self.edits["title"].setMinimumWidth(420)
        note = QLabel(self.tr("The values the analysis found stay in the library; what you change here is "
                              "saved as a correction and undone with Ctrl+Z."), self)
        note.setWordWrap(True)
        self.error = QLabel("", self)
        self.error.setObjectName("reportDetailsError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b42318;")
        self.error.setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _refusal(self, name: str, text: str) -> str:
        if name == "published":
            return self.tr("“{0}” is not a date. Write it as year-month-day, e.g. 2024-03-31.").format(text)
        if name == "report_year":
            return self.tr("“{0}” is not a report year. Type a year between 1900 and 2200, e.g. 2023.").format(text)
        return self.tr("“{0}” cannot be saved as {1}.").format(text, labels.field(name))

    def validate(self) -> bool:
        """Read every field with the core's parser; on the first refusal show why and stay."""
        parsers = EDITABLE_FIELDS["metadata"]
        changes = []
        for name in REPORT_FIELDS:
            edit = self.edits[name]
            text = edit.text()
            try:
                value = parsers[name](text)
            except (ValueError, TypeError):
                self.error.setText(self._refusal(name, text.strip()))
                self.error.setVisible(True)
                edit.setFocus()
                edit.selectAll()
                self._changes = []
                return False
            if value != self._current[name]:
                changes.append((name, value))
        self.error.setVisible(False)
        self._changes = changes
        return True

    def accept(self) -> None:
        if self.validate():
            super().accept()

    def changes(self) -> list[tuple[str, object]]:
        """(field, value) for each field that differs from the report's, values as the core reads them."""
        return list(self._changes)


class TagManagerDialog(QDialog):
    """The tag vocabulary as a tree: add, rename, recolour, move under another tag."""

    createRequested = Signal(str, str, object)  # name, colour, parent uuid
    updateRequested = Signal(str, dict)  # uuid, fields
    deleteRequested = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Manage tags"))
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("Tag"), self.tr("Description")])
        self.tree.setColumnWidth(0, 240)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("New tag…"), self)
        self.add_child_button = QPushButton(self.tr("New sub-tag…"), self)
        self.rename_button = QPushButton(self.tr("Rename…"), self)
        self.color_button = QPushButton(self.tr("Colour…"), self)
        self.move_button = QPushButton(self.tr("Move under…"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        for button in (self.add_button, self.add_child_button, self.rename_button, self.color_button,
                       self.move_button, self.delete_button):
            buttons.addWidget(button)
        self.add_button.clicked.connect(lambda: self._add(None))
        self.add_child_button.clicked.connect(lambda: self._add(self.selected()))
        self.rename_button.clicked.connect(self._rename)
        self.color_button.clicked.connect(self._recolour)
        self.move_button.clicked.connect(self._move)
        self.delete_button.clicked.connect(self._delete)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.resize(640, 420)
        self._tags: list[Tag] = []

    def set_tags(self, tags: list[Tag]) -> None:
        selected = self.selected()
        self._tags = list(tags)
        self.tree.clear()
        items: dict[str, QTreeWidgetItem] = {}
        pending = list(tags)
        while pending:
            progressed = False
            for tag in list(pending):
                if tag.parent and tag.parent not in items and any(t.uuid == tag.parent for t in tags):
                    continue
                parent = items.get(tag.parent) if tag.parent else None
                item = QTreeWidgetItem([tag.name, tag.description])
                item.setIcon(0, QIcon(icons.tag_dots((tag.color,), 14)))
                item.setData(0, Qt.ItemDataRole.UserRole, tag.uuid)
                (parent.addChild(item) if parent else self.tree.addTopLevelItem(item))
                items[tag.uuid] = item
                pending.remove(tag)
                progressed = True
            if not progressed:  # a cycle the store would refuse anyway
                break
        self.tree.expandAll()
        if selected in items:
            self.tree.setCurrentItem(items[selected])

    def selected(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item else None

    def _tag(self, uuid: str | None) -> Tag | None:
        return next((t for t in self._tags if t.uuid == uuid), None)

    def _add(self, parent: str | None) -> None:
        from ui import prompts

        name = prompts.ask_text(self, self.tr("New tag"), self.tr("Name:"))
        if name:
            parent_tag = self._tag(parent)
            colour = parent_tag.color if parent_tag else "#3b82f6"
            self.createRequested.emit(name, colour, parent)

    def _rename(self) -> None:
        from ui import prompts

        tag = self._tag(self.selected())
        if tag:
            name = prompts.ask_text(self, self.tr("Rename tag"), self.tr("Name:"), tag.name)
            if name and name != tag.name:
                self.updateRequested.emit(tag.uuid, {"name": name})

    def _recolour(self) -> None:
        tag = self._tag(self.selected())
        if tag:
            colour = QColorDialog.getColor(QColor(tag.color), self, self.tr("Tag colour"))
            if colour.isValid():
                self.updateRequested.emit(tag.uuid, {"color": colour.name()})

    def _move(self) -> None:
        from ui import prompts

        tag = self._tag(self.selected())
        if not tag:
            return
        choices = [t for t in self._tags if t.uuid != tag.uuid and not (t.path or "").startswith(f"{tag.path}/")]
        names = [self.tr("(top level)")] + [t.path or t.name for t in choices]
        index = prompts.ask_item(self, self.tr("Move tag"), self.tr("Put “{0}” under:").format(tag.name), names)
        if index is not None:
            parent = None if index == 0 else choices[index - 1].uuid
            if parent != tag.parent:
                self.updateRequested.emit(tag.uuid, {"parent": parent})

    def _delete(self) -> None:
        from ui import prompts

        tag = self._tag(self.selected())
        if tag and prompts.confirm(self, self.tr("Delete tag"),
                                   self.tr("Delete the tag “{0}” and remove it from every item? "
                                           "This cannot be undone.").format(tag.path or tag.name)):
            self.deleteRequested.emit(tag.uuid)


def shortcuts_html(actions) -> str:
    """A table of every action that has a keyboard shortcut."""
    rows = []
    for action in actions:
        keys = list(dict.fromkeys(k.toString(k.SequenceFormat.NativeText) for k in action.shortcuts()
                                  if not k.isEmpty()))
        if keys:
            label = re.sub(r"\(&\w\)", "", action.text()).replace("&&", "\0").replace("&", "").replace("\0", "&")
            rows.append(f"<tr><td style='padding:2px 16px 2px 0'><b>{html.escape(' / '.join(keys))}</b></td>"
                        f"<td>{html.escape(label)}</td></tr>")
    return "<table>" + "".join(rows) + "</table>"


class ShortcutsDialog(QDialog):
    def __init__(self, actions, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        browser = QTextBrowser(self)
        browser.setHtml(shortcuts_html(actions))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(browser)
        layout.addWidget(close)
        self.resize(460, 560)


def language_name() -> str:
    return "中文" if i18n.current() == "zh_CN" else "English"
