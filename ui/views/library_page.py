"""The start page: the reports in the current library, import, library-wide search."""

from __future__ import annotations

from reviewer.library.review import file_name
from ui import icons, labels
from ui.models import ItemRole, SortRole
from ui.models.library import LibraryModel
from ui.qt import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSortFilterProxyModel,
    QSplitter,
    Qt,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.views.review_pane import ReviewPane


class LibraryPage(QWidget):
    openRequested = Signal(str)  # doc_uuid
    searchRequested = Signal(str)
    hitActivated = Signal(object)  # a SearchHit
    sampleRequested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.model = LibraryModel(self)
        self.proxy = QSortFilterProxyModel(self)  # a few hundred rows: Qt's own sorting is fine
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.proxy.setSortLocaleAware(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.heading.setFont(font)
        layout.addWidget(self.heading)
        self.path_label = QLabel(self)
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.path_label.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(self.path_label)

        buttons = QHBoxLayout()
        self.import_button = QPushButton(icons.icon("import"), self.tr("Import reports…"), self)
        self.import_folder_button = QPushButton(icons.icon("import-folder"), self.tr("Import folder…"), self)
        self.open_button = QPushButton(self.tr("Open"), self)
        self.export_button = QPushButton(icons.icon("export"), self.tr("Export selected…"), self)
        self.remove_button = QPushButton(self.tr("Remove from library"), self)
        for button in (self.import_button, self.import_folder_button, self.open_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        layout.addLayout(buttons)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.table = QTableView(splitter)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 200), (2, 200), (3, 60), (4, 130), (5, 90), (6, 130)):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(lambda index: self.openRequested.emit(index.data(ItemRole)))
        self.open_button.clicked.connect(self._open_selected)

        search_box = QWidget(self)
        search_layout = QVBoxLayout(search_box)
        search_layout.setContentsMargins(0, 6, 0, 0)
        self.search_line = QLineEdit(search_box)
        self.search_line.setPlaceholderText(self.tr("Search all reports: text, figure labels, comments"))
        self.search_line.setClearButtonEnabled(True)
        self.search_line.addAction(icons.icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_line.returnPressed.connect(lambda: self.searchRequested.emit(self.search_line.text()))
        self.results = QListWidget(search_box)
        self.results.itemActivated.connect(lambda item: self.hitActivated.emit(item.data(Qt.ItemDataRole.UserRole)))
        search_layout.addWidget(self.search_line)
        search_layout.addWidget(self.results)
        below = QTabWidget(splitter)
        below.setDocumentMode(True)
        below.addTab(search_box, self.tr("Search"))
        self.work_pane = ReviewPane(below, library=True)
        below.addTab(self.work_pane, self.tr("Review work in all reports"))
        self.below = below
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)
        self.empty_hint = QLabel(self.tr("The library is empty. Import reports with the button above, "
                                         "or drop files or folders onto this window."), self)
        self.empty_hint.setWordWrap(True)
        layout.addWidget(self.empty_hint)
        self.sample_button = QPushButton(self.tr("Try the sample report (in a separate sample library)…"), self)
        self.sample_button.setToolTip(self.tr("An invented report to try the program on. It goes into a library "
                                              "of its own, never into your real work."))
        self.sample_button.clicked.connect(self.sampleRequested)
        row = QHBoxLayout()
        row.addWidget(self.sample_button)
        row.addStretch(1)
        layout.addLayout(row)

    def set_library(self, name: str, path: str) -> None:
        self.heading.setText(name)
        self.path_label.setText(path)

    def set_documents(self, documents) -> None:
        self.model.set_documents(documents)
        self.empty_hint.setVisible(not documents)
        self.sample_button.setVisible(not documents)

    def selected_uuids(self) -> list[str]:
        return [index.data(ItemRole) for index in self.table.selectionModel().selectedRows()]

    def _open_selected(self) -> None:
        uuids = self.selected_uuids()
        if uuids:
            self.openRequested.emit(uuids[0])

    def show_hits(self, hits) -> None:
        self.results.clear()
        for hit in hits:
            where = hit.title or file_name(hit.path)  # (a report's name, not the folders it came from)
            item = QListWidgetItem(f"[{labels.item_type(hit.item_type)}] {where} — {hit.snippet}")
            item.setData(Qt.ItemDataRole.UserRole, hit)
            self.results.addItem(item)
        if not hits:
            self.results.addItem(QListWidgetItem(self.tr("No matches.")))
