"""Outline rows as high as their wrapped heading.

A tree view measures a row without knowing its column's width, so a long heading stays on one
line and is cut.  This delegate measures column 0 at the width the heading really has (the
column less the indentation of its level), and the view lays its rows out again when that width
changes: at 1280×720 a long heading reads on two lines instead of losing its end.
"""

from __future__ import annotations

from ui.qt import QModelIndex, QRect, QStyledItemDelegate, QTimer, QTreeView


def _depth(index: QModelIndex) -> int:
    depth, parent = 0, index.parent()
    while parent.isValid():
        depth, parent = depth + 1, parent.parent()
    return depth


class WrappedHeadingDelegate(QStyledItemDelegate):
    """Column 0 measured wrapped, at its real width; other columns as usual."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self.view = view
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(0)
        self._relayout.timeout.connect(view.doItemsLayout)
        view.header().sectionResized.connect(self._column_resized)

    def _column_resized(self, column: int, _old: int, _new: int) -> None:
        if column == 0 and self.view.wordWrap():
            self._relayout.start()  # one new layout after a splitter drag, not one per pixel

    def sizeHint(self, option, index):  # noqa: N802
        if index.column() != 0 or not self.view.wordWrap():
            return super().sizeHint(option, index)
        levels = _depth(index) + (1 if self.view.rootIsDecorated() else 0)
        width = max(40, self.view.columnWidth(0) - self.view.indentation() * levels)
        option.rect = QRect(0, 0, width, option.rect.height() or 1)
        return super().sizeHint(option, index)
