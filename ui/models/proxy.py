"""Sorting and filtering for every table: locale-aware, numeric-aware sorting with QCollator
(Chinese titles and tags sort the way a Chinese reader expects) and a "needs attention" filter."""

from __future__ import annotations

from ui.models import AttentionRole, SortRole
from ui.qt import QCollator, QLocale, QModelIndex, QSortFilterProxyModel, Qt


class ReviewFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._collator = QCollator(QLocale())
        self._collator.setNumericMode(True)
        self._attention_only = False
        self.setSortRole(SortRole)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
        self.setRecursiveFilteringEnabled(True)

    def set_attention_only(self, enabled: bool) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt ≥ 6.9
            self.beginFilterChange()
            self._attention_only = bool(enabled)
            self.endFilterChange()
        else:
            self._attention_only = bool(enabled)
            self.invalidateFilter()

    @property
    def attention_only(self) -> bool:
        return self._attention_only

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:  # noqa: N802
        if self._attention_only:
            index = self.sourceModel().index(row, 0, parent)
            if not index.data(AttentionRole):
                return False
        return super().filterAcceptsRow(row, parent)

    def lessThan(self, left: QModelIndex, right: QModelIndex) -> bool:  # noqa: N802
        a, b = left.data(SortRole), right.data(SortRole)
        if a is None:
            a = left.data(Qt.ItemDataRole.DisplayRole)
        if b is None:
            b = right.data(Qt.ItemDataRole.DisplayRole)
        if isinstance(a, (int, float)) and isinstance(b, (int, float)):
            return a < b
        if isinstance(a, (int, float)) != isinstance(b, (int, float)):
            return isinstance(a, (int, float))  # numbers before text
        return self._collator.compare(str(a or ""), str(b or "")) < 0
