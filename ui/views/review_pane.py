"""The review pane: the report's comments, tags, corrections and verdicts in one list, filtered
by tag, reviewer and status; activating an entry jumps to its place in the text."""

from __future__ import annotations

from reviewer.library.review import STATUSES, DocumentReview, Tag
from reviewer.messages import render
from ui import i18n, labels
from ui.models import ItemRole, ItemTypeRole
from ui.models.review_pane import ReviewPaneModel
from ui.qt import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QModelIndex,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.views.empty_hint import EmptyHint


class ReviewPane(QWidget):
    entryActivated = Signal(str, str)  # item_type, uuid
    workActivated = Signal(str, str, str)  # doc_uuid, item_type, uuid (the library page's list)

    def __init__(self, parent=None, library: bool = False) -> None:
        super().__init__(parent)
        self.model = ReviewPaneModel(self, library=library)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        row = QHBoxLayout()
        self.tag_combo = QComboBox(self)
        self.reviewer_combo = QComboBox(self)
        self.status_combo = QComboBox(self)
        for label, combo in ((self.tr("Tag"), self.tag_combo), (self.tr("Reviewer"), self.reviewer_combo),
                             (self.tr("Status"), self.status_combo)):
            row.addWidget(QLabel(label, self))
            row.addWidget(combo, 1)
            combo.currentIndexChanged.connect(self._filter_changed)
        layout.addLayout(row)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setObjectName("reviewPaneView")
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(self.model.columns.index("text"), QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        widths = {"doc": 220, "kind": 52, "item": 140, "reviewer": 64, "status": 64, "at": 120}
        for key, width in widths.items():
            if key in self.model.columns:
                self.view.setColumnWidth(self.model.columns.index(key), width)
        self.view.clicked.connect(self._activated)
        self.view.activated.connect(self._activated)
        layout.addWidget(self.view)
        self.empty_hint = EmptyHint(self.view, render("ui_hint_library_work" if library else "ui_hint_review_pane",
                                                      i18n.core_language()))
        self._filling = False
        self.set_tags([])

    def set_review(self, review: DocumentReview | None) -> None:
        self.model.set_review(review)
        self._fill_reviewers()

    def set_entries(self, entries) -> None:
        self.model.set_entries(entries)
        self._fill_reviewers()

    def set_tags(self, tags: list[Tag]) -> None:
        self._filling = True
        try:
            current = self.tag_combo.currentData()
            self.tag_combo.clear()
            self.tag_combo.addItem(self.tr("All tags"), "")
            for tag in tags:
                self.tag_combo.addItem(tag.path or tag.name, tag.uuid)
            self.tag_combo.setCurrentIndex(max(0, self.tag_combo.findData(current)))
            if self.status_combo.count() == 0:
                self.status_combo.addItem(self.tr("Any status"), "")
                for status in STATUSES:
                    self.status_combo.addItem(labels.status(status), status)
        finally:
            self._filling = False

    def _fill_reviewers(self) -> None:
        self._filling = True
        try:
            current = self.reviewer_combo.currentData()
            self.reviewer_combo.clear()
            self.reviewer_combo.addItem(self.tr("All reviewers"), "")
            for name in self.model.reviewers():
                self.reviewer_combo.addItem(name, name)
            self.reviewer_combo.setCurrentIndex(max(0, self.reviewer_combo.findData(current)))
        finally:
            self._filling = False
        self._filter_changed()

    def _filter_changed(self, *_args) -> None:
        if self._filling:
            return
        self.model.set_filter(self.tag_combo.currentData() or "", self.reviewer_combo.currentData() or "",
                              self.status_combo.currentData() or "")

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.entryActivated.emit(index.data(ItemTypeRole), index.data(ItemRole))
            self.workActivated.emit(self.model.rows[index.row()].doc_uuid, index.data(ItemTypeRole),
                                    index.data(ItemRole))
