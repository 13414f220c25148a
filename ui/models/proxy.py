"""Filtering and sorting for the review tables, without Python in Qt's per-row loops.

A report of 5 MB has 70,000 figures: a Python ``filterAcceptsRow`` or ``lessThan`` would be
called hundreds of thousands of times on the GUI thread.  So "needs attention" is a second
proxy filtering on ``AttentionRole`` in C++, the text filter is Qt's own, and sorting is done
once in Python by the source model (``sort``), with ``QCollator`` keys so Chinese sorts by
pinyin and "第10" after "第9".
"""

from __future__ import annotations

from ui.models import AttentionRole
from ui.qt import QModelIndex, QSortFilterProxyModel, Qt


class ReviewFilterProxy(QSortFilterProxyModel):
    """Text filter over all columns, on top of an attention filter, over the base model."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._attention = QSortFilterProxyModel(self)
        self._attention.setFilterRole(AttentionRole)
        self._attention.setFilterKeyColumn(0)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
        self.setDynamicSortFilter(False)
        self._base = None

    def set_base_model(self, model) -> None:
        self._base = model
        self._attention.setSourceModel(model)
        self.setSourceModel(self._attention)

    def base_model(self):
        return self._base

    def set_attention_only(self, enabled: bool) -> None:
        self._attention.setFilterFixedString("true" if enabled else "")

    @property
    def attention_only(self) -> bool:
        return bool(self._attention.filterRegularExpression().pattern())

    def from_base(self, index: QModelIndex) -> QModelIndex:
        return self.mapFromSource(self._attention.mapFromSource(index))

    def to_base(self, index: QModelIndex) -> QModelIndex:
        return self._attention.mapToSource(self.mapToSource(index))

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Sorting happens once, in the base model (see the module docstring)."""
        if self._base is not None and column >= 0:
            self._base.sort(column, order)
