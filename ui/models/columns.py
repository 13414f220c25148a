"""The flat-table plumbing every table model here shares: ``rows`` under named ``columns``."""

from __future__ import annotations

from typing import Any

from ui.qt import QAbstractTableModel, QModelIndex, Qt


class ColumnTableModel(QAbstractTableModel):
    """A table of ``rows`` whose columns are named by ``columns``; subclasses say a column's
    title in ``header`` and read cells in ``data``."""

    columns: tuple[str, ...] = ()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []

    def header(self, key: str) -> str:
        return key

    def header_tip(self, key: str) -> str | None:
        """What a column means, shown when the pointer rests on its header."""
        return None

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.header(self.columns[section])
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return self.header_tip(self.columns[section])
        return None
