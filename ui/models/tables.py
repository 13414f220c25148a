"""Table models over a report's figures, checks, citations and an item's history.

Each keeps plain rows (the core's dataclasses) and answers roles from them; an edit in a cell is
handed to ``editor(item_type, uuid, field, value)``, which the window wires to a QUndoCommand.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reviewer.library.review import (
    DocumentReview,
    HistoryEntry,
    ReviewedCheck,
    ReviewedCitation,
    ReviewedFigure,
)
from reviewer.model import FIGURE_KINDS
from ui import disposal, icons, labels
from ui.models import AttentionRole, ItemRole, ItemTypeRole, ObjectRole, SortRole, StartRole, StatusRole
from ui.models.columns import ColumnTableModel
from ui.qt import QBrush, QColor, QCoreApplication, QFont, QModelIndex, Qt

Editor = Callable[[str, str, str, Any], bool]
_COLLATOR = None


def _collator():
    """Locale-aware, numeric-aware comparison keys (pinyin order for Chinese)."""
    global _COLLATOR
    if _COLLATOR is None:
        from ui.qt import QCollator, QLocale

        _COLLATOR = QCollator(QLocale())
        _COLLATOR.setNumericMode(True)
    return _COLLATOR


format_value = labels.format_value


def parse_value(text: str) -> Any:
    """What the reviewer typed into a value cell: an int, a float or the text as written."""
    cleaned = str(text).strip().replace(",", "").replace(",", "")
    if not cleaned:
        return None
    try:
        return int(cleaned)
    except ValueError:
        pass
    try:
        return float(cleaned)
    except ValueError:
        return str(text).strip()


class ReviewTableModel(ColumnTableModel):
    """Rows of ``(item, review)`` pairs; subclasses name columns and read cells."""

    item_type = ""
    columns: tuple[str, ...] = ()
    editable: frozenset[str] = frozenset()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.editor: Editor | None = None
        self._row_of: dict[str, int] = {}
        self._sorted_by: tuple[int, Qt.SortOrder] | None = None

    # subclass hooks
    def cell(self, row: Any, key: str) -> Any:
        return None

    def sort_value(self, row: Any, key: str) -> Any:
        return self.cell(row, key)

    def start(self, row: Any) -> int | None:
        return None

    def attention(self, row: Any) -> bool:
        return row.review.status == "unreviewed"

    def set_rows(self, rows: list[Any], row_of: dict[str, int] | None = None) -> None:
        """Replace the rows; in place (selection kept) when they are the same items in the same
        order.  ``row_of`` (uuid -> row) may come prepared by a worker."""
        if row_of is None:
            row_of = {r.review.uuid: i for i, r in enumerate(rows)}
        if self.rows is not rows:  # the rows let go of are freed in slices, not in this turn
            disposal.dispose(self.rows)
        if rows and len(rows) == len(self.rows) and row_of == self._row_of:
            self.rows = rows
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(self.columns) - 1))
            return
        self.beginResetModel()
        self.rows = rows
        self._row_of = row_of
        self.endResetModel()
        if self._sorted_by is not None:  # the reviewer's chosen order survives a reload
            self.sort(*self._sorted_by)

    def row_for_uuid(self, uuid: str) -> int:
        return self._row_of.get(uuid, -1)

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows by a column's ``sort_value`` (numbers as numbers, text by QCollator);
        selections survive through the persistent indexes."""
        if not 0 <= column < len(self.columns) or not self.rows:
            return
        key = self.columns[column]
        collator = _collator()
        self._sorted_by = (column, order)

        def sort_key(row):
            value = self.sort_value(row, key) if key != "tags" else ", ".join(t.name for t in row.review.tags)
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                return (0, value, b"")
            return (1, 0, collator.sortKey(str(value or "")))

        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        old_uuids = [(self.rows[i.row()].review.uuid, i.column()) for i in persistent]
        self.rows = sorted(self.rows, key=sort_key, reverse=order == Qt.SortOrder.DescendingOrder)
        self._row_of = {row.review.uuid: i for i, row in enumerate(self.rows)}
        self.changePersistentIndexList(persistent, [self.index(self._row_of[u], c) for u, c in old_uuids])
        self.layoutChanged.emit()

    # Qt
    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        key = self.columns[index.column()]
        review = row.review
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if key == "tags":
                return ", ".join(t.name for t in review.tags) if role == Qt.ItemDataRole.DisplayRole else None
            value = self.cell(row, key)
            if role == Qt.ItemDataRole.EditRole and key == "kind":
                return value  # the kind delegate works on codes
            return format_value(value)  # edited as text: a line edit, not a 0–99 spin box
        if role == Qt.ItemDataRole.DecorationRole:
            if key == "status":
                return icons.status_icon(review.status)
            if key == "tags" and review.tags:
                return icons.tag_dots(tuple(t.color for t in review.tags))
            return None
        if role == Qt.ItemDataRole.FontRole:
            if review.status == "rejected":
                font = QFont()
                font.setStrikeOut(True)
                return font
            if key in review.original:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role == Qt.ItemDataRole.ForegroundRole and review.status == "rejected":
            return QBrush(QColor("#8a8f98"))
        if role == Qt.ItemDataRole.ToolTipRole:
            if key in review.original:
                return QCoreApplication.translate("ReviewTableModel", "Originally: {0}").format(
                    format_value(review.original[key]))
            text = self.cell(row, key)
            return format_value(text) if text not in (None, "") else None
        if role == ItemRole:
            return review.uuid
        if role == ItemTypeRole:
            return self.item_type
        if role == StatusRole:
            return review.status
        if role == SortRole:
            return self.sort_value(row, key)
        if role == StartRole:
            return self.start(row)
        if role == AttentionRole:
            return self.attention(row)
        if role == ObjectRole:
            return row
        return None

    def flags(self, index: QModelIndex):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.columns[index.column()] in self.editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: QModelIndex, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.editor is None:
            return False
        key = self.columns[index.column()]
        if key not in self.editable:
            return False
        row = self.rows[index.row()]
        new = self.convert(key, value)
        if new == self.cell(row, key):
            return False
        return bool(self.editor(self.item_type, row.review.uuid, key, new))

    def convert(self, key: str, value: Any) -> Any:
        return value


class FigureRows:
    """The figures table's rows and look-ups, built without Qt (a worker can build them)."""

    __slots__ = ("check_figures", "figures", "row_of", "rows", "section_titles", "sections")

    def __init__(self, review: DocumentReview, made: FigureRows | None = None) -> None:
        self.figures, self.sections = review.figures, review.sections
        self.check_figures = {fid for rc in review.checks if rc.review.status != "rejected"
                              for fid in rc.check.figures}
        if made is not None:  # the same figures and sections: only the checks are new
            self.section_titles, self.rows, self.row_of = made.section_titles, made.rows, made.row_of
            return
        self.section_titles = {rs.section.id: f"{rs.section.number} {rs.section.title}".strip()
                               for rs in review.sections}
        self.rows = sorted(review.figures, key=lambda rf: rf.figure.start)
        self.row_of = {rf.review.uuid: i for i, rf in enumerate(self.rows)}


def prepare_figure_rows(review: DocumentReview, made: FigureRows | None = None) -> FigureRows:
    """The figures table's rows of ``review``; ``made``: those of an earlier state of it, taken
    if built from the same figure and section lists (held by no model yet: they are shared)."""
    if made is not None and (made.figures is not review.figures or made.sections is not review.sections):
        made = None
    return FigureRows(review, made)


class FiguresModel(ReviewTableModel):
    item_type = "figure"
    columns = ("label", "text", "value", "unit", "kind", "section", "status", "tags")
    editable = frozenset({"label", "value", "unit", "kind"})

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._section_titles: dict[int, str] = {}
        self.check_figures: set[int] = set()
        # (figure uuid, typed text) -> saved?  The window reads the entry with the core's numeral
        # parser, previews it and may refuse it; without one, the cell is read as a plain number.
        self.value_editor: Callable[[str, str], bool] | None = None

    def setData(self, index: QModelIndex, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role == Qt.ItemDataRole.EditRole and index.isValid() and self.columns[index.column()] == "value" \
                and self.value_editor is not None:
            row = self.rows[index.row()]
            if str(value).strip() == format_value(row.figure.value):
                return False
            return bool(self.value_editor(row.review.uuid, str(value)))
        return super().setData(index, value, role)

    def set_review(self, review: DocumentReview | None, prepared: FigureRows | None = None) -> None:
        if review is None:
            self._section_titles = {}
            self.check_figures = set()
            self.set_rows([])
            return
        if prepared is None or prepared.figures is not review.figures:
            prepared = prepare_figure_rows(review)
        self._section_titles = prepared.section_titles
        self.check_figures = prepared.check_figures
        self.set_rows(prepared.rows, prepared.row_of)

    def header(self, key: str) -> str:
        return {
            "label": QCoreApplication.translate("FiguresModel", "Label"),
            "text": QCoreApplication.translate("FiguresModel", "As written"),
            "value": QCoreApplication.translate("FiguresModel", "Value"),
            "unit": QCoreApplication.translate("FiguresModel", "Unit"),
            "kind": QCoreApplication.translate("FiguresModel", "Kind"),
            "section": QCoreApplication.translate("FiguresModel", "Section"),
            "status": QCoreApplication.translate("FiguresModel", "Status"),
            "tags": QCoreApplication.translate("FiguresModel", "Tags"),
        }[key]

    def header_tip(self, key: str) -> str | None:
        t = QCoreApplication.translate
        return {
            "label": t("FiguresModel", "What the figure measures, as the report names it"),
            "text": t("FiguresModel", "The figure exactly as the report writes it"),
            "value": t("FiguresModel", "The number it stands for, in base units (347.93万元 is 3479300 元); "
                                       "double-click to correct it"),
            "unit": t("FiguresModel", "The unit of the value (件, 元, %…)"),
            "kind": t("FiguresModel", "Count, money, percent, duration…"),
            "section": t("FiguresModel", "The heading under which the figure stands"),
            "status": t("FiguresModel", "Your review of this figure"),
            "tags": t("FiguresModel", "Your tags on this figure"),
        }.get(key)

    def cell(self, row: ReviewedFigure, key: str) -> Any:
        fig = row.figure
        if key == "kind":
            return fig.kind
        if key == "section":
            return self._section_titles.get(fig.section, "") if fig.section is not None else ""
        if key == "status":
            return labels.status(row.review.status)
        return getattr(fig, key, None)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if index.isValid() and role == Qt.ItemDataRole.DisplayRole and self.columns[index.column()] == "kind":
            return labels.figure_kind(self.rows[index.row()].figure.kind)
        if index.isValid() and role == Qt.ItemDataRole.BackgroundRole \
                and self.rows[index.row()].figure.id in self.check_figures:
            return QBrush(QColor("#fde2e1"))
        return super().data(index, role)

    def sort_value(self, row: ReviewedFigure, key: str) -> Any:
        if key == "value":
            value = row.figure.value
            return value if isinstance(value, (int, float)) else format_value(value)
        if key in ("text", "section"):
            return row.figure.start
        return format_value(self.cell(row, key))

    def start(self, row: ReviewedFigure) -> int:
        return row.figure.start

    def attention(self, row: ReviewedFigure) -> bool:
        return row.review.status == "unreviewed" or row.figure.id in self.check_figures

    def convert(self, key: str, value: Any) -> Any:
        if key == "value":
            return parse_value(value)
        text = str(value).strip() if value is not None else ""
        if key == "kind" and text not in FIGURE_KINDS:
            for code in FIGURE_KINDS:  # accept the translated name too
                if labels.figure_kind(code) == text:
                    return code
        return text or None


class ChecksModel(ReviewTableModel):
    item_type = "check"
    columns = ("severity", "kind", "message", "status", "reason")

    def set_review(self, review: DocumentReview | None) -> None:
        rows = [*review.checks, *review.advisories] if review else []
        self.set_rows(rows)
        self._advisory = {rc.review.uuid for rc in (review.advisories if review else [])}

    def header(self, key: str) -> str:
        return {
            "severity": QCoreApplication.translate("ChecksModel", "Severity"),
            "kind": QCoreApplication.translate("ChecksModel", "Check"),
            "message": QCoreApplication.translate("ChecksModel", "Message"),
            "status": QCoreApplication.translate("ChecksModel", "Verdict"),
            "reason": QCoreApplication.translate("ChecksModel", "Reason"),
        }[key]

    def header_tip(self, key: str) -> str | None:
        t = QCoreApplication.translate
        return {
            "severity": t("ChecksModel", "How serious the inconsistency is"),
            "kind": t("ChecksModel", "What was checked: sums, rates, repeated figures, numbering"),
            "message": t("ChecksModel", "What the tool found, with its arithmetic"),
            "status": t("ChecksModel", "Your verdict: 属实 the report has this problem, 误报 the tool was wrong, "
                                       "待核实 still to verify, 未判定 open"),
            "reason": t("ChecksModel", "The reason you gave with the verdict"),
        }.get(key)

    def cell(self, row: ReviewedCheck, key: str) -> Any:
        check = row.check
        if key == "severity":
            return labels.severity(check.severity)
        if key == "kind":
            return labels.check_kind(check.kind)
        if key == "message":
            return check.message
        if key == "reason":
            return row.review.reason
        return labels.status(row.review.status, "check")

    def sort_value(self, row: ReviewedCheck, key: str) -> Any:
        if key == "severity":
            return {"error": 0, "warning": 1}.get(row.check.severity, 2)
        return format_value(self.cell(row, key))

    def is_advisory(self, row: ReviewedCheck) -> bool:
        return row.review.uuid in getattr(self, "_advisory", set())


class CitationsModel(ReviewTableModel):
    item_type = "citation"
    columns = ("text", "kind", "status", "tags")

    def set_review(self, review: DocumentReview | None) -> None:
        self.set_rows(sorted(review.citations, key=lambda rc: rc.citation.start) if review else [])

    def header(self, key: str) -> str:
        return {
            "text": QCoreApplication.translate("CitationsModel", "Citation"),
            "kind": QCoreApplication.translate("CitationsModel", "Kind"),
            "status": QCoreApplication.translate("CitationsModel", "Status"),
            "tags": QCoreApplication.translate("CitationsModel", "Tags"),
        }[key]

    def cell(self, row: ReviewedCitation, key: str) -> Any:
        if key == "text":
            return row.citation.text
        if key == "kind":
            return labels.citation_kind(row.citation.kind)
        return labels.status(row.review.status)

    def sort_value(self, row: ReviewedCitation, key: str) -> Any:
        return row.citation.start if key == "text" else format_value(self.cell(row, key))

    def start(self, row: ReviewedCitation) -> int:
        return row.citation.start


class HistoryModel(ColumnTableModel):
    """The change history of one item (newest first)."""

    columns = ("at", "reviewer", "action", "field", "old", "new")

    def set_entries(self, entries: list[HistoryEntry]) -> None:
        self.beginResetModel()
        self.rows = sorted(entries, key=lambda e: (e.at, e.id), reverse=True)
        self.endResetModel()

    def header(self, key: str) -> str:
        return {
            "at": QCoreApplication.translate("HistoryModel", "When"),
            "reviewer": QCoreApplication.translate("HistoryModel", "Reviewer"),
            "action": QCoreApplication.translate("HistoryModel", "Change"),
            "field": QCoreApplication.translate("HistoryModel", "Field"),
            "old": QCoreApplication.translate("HistoryModel", "Before"),
            "new": QCoreApplication.translate("HistoryModel", "After"),
        }[key]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry = self.rows[index.row()]
        key = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "at":
                return entry.at.replace("T", " ")[:19]
            if key == "action":
                return labels.action(entry.action)
            if key == "field":
                return labels.field(entry.field)
            if key in ("old", "new"):
                return labels.history_value(entry, getattr(entry, key))
            return getattr(entry, key)
        if role == Qt.ItemDataRole.FontRole and entry.undone:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == ItemRole:
            return entry.uuid
        return None
