"""The inspector beside the text: figures, checks, citations, tags and comments, history."""

from __future__ import annotations

from reviewer.analysis.numerals import NumeralError
from reviewer.analysis.typed_values import TypedValue, parse_typed_value
from reviewer.library.review import STATUSES, DocumentReview, HistoryEntry, ItemReview, Tag
from reviewer.messages import render
from reviewer.model import FIGURE_KINDS
from ui import i18n, icons, labels
from ui.models import ItemRole, ItemTypeRole
from ui.models.proxy import ReviewFilterProxy
from ui.models.tables import ChecksModel, CitationsModel, FiguresModel, HistoryModel, format_value
from ui.qt import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QIcon,
    QItemSelection,
    QItemSelectionModel,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QModelIndex,
    QPushButton,
    QStyledItemDelegate,
    Qt,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.views import table_columns
from ui.views.empty_hint import EmptyHint
from ui.views.review_pane import ReviewPane

NOTE = "note"  # the comments list's entry for an annotation's own note


class KindDelegate(QStyledItemDelegate):
    """A combo box of the figure kinds for the Kind column."""

    def createEditor(self, parent, option, index):  # noqa: N802
        combo = QComboBox(parent)
        for code in FIGURE_KINDS:
            combo.addItem(labels.figure_kind(code), code)
        return combo

    def setEditorData(self, editor, index):  # noqa: N802
        code = index.data(Qt.ItemDataRole.EditRole)
        i = editor.findData(code)
        editor.setCurrentIndex(max(0, i))

    def setModelData(self, editor, model, index):  # noqa: N802
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


def describe_typed(typed: TypedValue) -> str:
    """How a parsed entry reads back to the reviewer: "3479300 元(金额)"."""
    text = format_value(typed.value) + (f" {typed.unit}" if typed.unit else "")
    return text + (f"({labels.figure_kind(typed.kind)})" if typed.kind else "")



class ValueDelegate(QStyledItemDelegate):
    """The value cell's editor says, as the reviewer types, how the entry will be read
    (347.93万元 → 3479300 元) or that it cannot be read, before anything is saved."""

    def __init__(self, inspector: Inspector) -> None:
        super().__init__(inspector)
        self.inspector = inspector

    def createEditor(self, parent, option, index):  # noqa: N802
        editor = QLineEdit(parent)
        editor.textEdited.connect(lambda text: self._preview(editor, text))
        return editor

    def _preview(self, editor: QLineEdit, text: str) -> None:
        if not text.strip():
            message = ""
        else:
            try:
                message = self.tr("Will be saved as {0}").format(describe_typed(parse_typed_value(text)))
            except NumeralError:
                message = self.tr("Cannot be read as a number")
        editor.setToolTip(message)
        self.inspector.valuePreview.emit(message)


def _table(model, parent) -> tuple[QTableView, ReviewFilterProxy]:
    proxy = ReviewFilterProxy(parent)
    proxy.set_base_model(model)
    view = QTableView(parent)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.horizontalHeader().setHighlightSections(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                         | QAbstractItemView.EditTrigger.EditKeyPressed
                         | QAbstractItemView.EditTrigger.SelectedClicked)
    return view, proxy


class FilterBar(QWidget):
    """A filter line plus "needs attention only" for one table."""

    def __init__(self, proxy: ReviewFilterProxy, parent=None) -> None:
        super().__init__(parent)
        self.proxy = proxy
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.line = QLineEdit(self)
        self.line.setPlaceholderText(self.tr("Filter…"))
        self.line.setClearButtonEnabled(True)
        self.line.textChanged.connect(proxy.setFilterFixedString)
        self.attention = QCheckBox(self.tr("Needs attention only"), self)
        self.attention.toggled.connect(proxy.set_attention_only)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.attention)


class Inspector(QTabWidget):
    itemSelected = Signal(str, str)  # item_type, uuid
    checkActivated = Signal(str)  # check uuid
    tagToggled = Signal(str, bool)  # tag uuid, on
    addCommentRequested = Signal()
    editCommentRequested = Signal(str)
    deleteCommentRequested = Signal(str)
    manageTagsRequested = Signal()
    verdictRequested = Signal(str)  # confirmed / rejected / pending / unreviewed
    valuePreview = Signal(str)  # how the value being typed will be read

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setDocumentMode(True)
        self.figures_model = FiguresModel(self)
        self.checks_model = ChecksModel(self)
        self.citations_model = CitationsModel(self)
        self.history_model = HistoryModel(self)
        self._syncing = False

        # Figures
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(6, 6, 6, 6)
        self.figures_view, self.figures_proxy = _table(self.figures_model, page)
        self.figures_view.setItemDelegateForColumn(FiguresModel.columns.index("kind"), KindDelegate(self))
        self.value_delegate = ValueDelegate(self)
        self.figures_view.setItemDelegateForColumn(FiguresModel.columns.index("value"), self.value_delegate)
        self.figures_filter = FilterBar(self.figures_proxy, page)
        layout.addWidget(self.figures_filter)
        layout.addWidget(self.figures_view)
        self._fit_figures()
        self.addTab(page, self.tr("Figures"))

        # Checks
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(6, 6, 6, 6)
        self.checks_view, self.checks_proxy = _table(self.checks_model, page)
        self.checks_view.setWordWrap(True)
        # three lines per check message (its arithmetic reads whole at 1280×720); sizing every row
        # to its contents would ask for all of them
        self.checks_view.verticalHeader().setDefaultSectionSize(self.checks_view.fontMetrics().lineSpacing() * 3 + 10)
        self._fit_checks()
        self.checks_filter = FilterBar(self.checks_proxy, page)
        layout.addWidget(self.checks_filter)
        layout.addWidget(self.checks_view)
        self.checks_hint = EmptyHint(self.checks_view, render("ui_hint_no_checks", i18n.core_language()))
        layout.addWidget(self._verdict_bar(page))
        self.addTab(page, self.tr("Checks"))

        # Citations
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(6, 6, 6, 6)
        self.citations_view, self.citations_proxy = _table(self.citations_model, page)
        self.citations_view.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # 《…》 and 〔2023〕12号 both stay
        self._fit_citations()
        self.citations_filter = FilterBar(self.citations_proxy, page)
        layout.addWidget(self.citations_filter)
        layout.addWidget(self.citations_view)
        self.addTab(page, self.tr("Citations"))

        # Tags & comments of the selected item
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(6, 6, 6, 6)
        self.item_label = QLabel(self.tr("Select a heading, figure, check or citation."), page)
        self.item_label.setWordWrap(True)
        self.item_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.item_label)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Tags"), page))
        row.addStretch(1)
        self.manage_tags_button = QPushButton(self.tr("Manage tags…"), page)
        self.manage_tags_button.clicked.connect(self.manageTagsRequested)
        row.addWidget(self.manage_tags_button)
        layout.addLayout(row)
        self.tags_list = QListWidget(page)
        self.tags_list.itemChanged.connect(self._tag_item_changed)
        layout.addWidget(self.tags_list, 2)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Comments"), page))
        row.addStretch(1)
        self.add_comment_button = QPushButton(self.tr("Add…"), page)
        self.edit_comment_button = QPushButton(self.tr("Edit…"), page)
        self.delete_comment_button = QPushButton(self.tr("Delete"), page)
        self.add_comment_button.clicked.connect(self.addCommentRequested)
        self.edit_comment_button.clicked.connect(self._edit_comment)
        self.delete_comment_button.clicked.connect(self._delete_comment)
        for button in (self.add_comment_button, self.edit_comment_button, self.delete_comment_button):
            row.addWidget(button)
        layout.addLayout(row)
        self.comments_list = QListWidget(page)
        self.comments_list.setWordWrap(True)
        self.comments_list.itemDoubleClicked.connect(lambda _item: self._edit_comment())
        layout.addWidget(self.comments_list, 3)
        self.notes_page = page
        self.addTab(page, self.tr("Tags && comments"))

        # History
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(6, 6, 6, 6)
        self.history_view = QTableView(page)
        self.history_view.setModel(self.history_model)
        self.history_view.verticalHeader().setVisible(False)
        self.history_view.horizontalHeader().setStretchLastSection(True)
        self.history_view.setColumnWidth(0, 140)
        self.history_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        layout.addWidget(self.history_view)
        self.history_hint = EmptyHint(self.history_view, render("ui_hint_history", i18n.core_language()))
        self.addTab(page, self.tr("History"))

        # The review pane: all the work on the report in one list
        self.review_pane = ReviewPane(self)
        self.addTab(self.review_pane, self.tr("Review"))
        self.setTabToolTip(self.indexOf(self.review_pane),
                           self.tr("Every comment, tag, correction and verdict in this report (Ctrl+Shift+R)"))

        for view in (self.figures_view, self.checks_view, self.citations_view):
            view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.checks_view.clicked.connect(self._check_clicked)
        self._set_notes_enabled(False)

    def tables(self) -> list[tuple[str, QTableView, tuple[str, ...], str]]:
        """(name, view, columns, descriptive column) of each table whose layout is remembered."""
        return [("figures", self.figures_view, FiguresModel.columns, "label"),
                ("checks", self.checks_view, ChecksModel.columns, "message"),
                ("citations", self.citations_view, CitationsModel.columns, "text")]

    def _fit_figures(self) -> None:
        """What the figure measures stretches; where it stands is in the outline already, and
        the tags show as stripes in the text: those two columns start hidden."""
        view, columns = self.figures_view, FiguresModel.columns

        def fit(key: str, samples, icon: bool = False) -> int:
            return table_columns.fit_width(view, columns.index(key), samples, icon)
        table_columns.lay_out(view, columns, "label", {
            "text": fit("text", ["8,888.88万元"]), "value": fit("value", ["88888888"]),
            "unit": fit("unit", ["万元"]), "kind": fit("kind", [labels.figure_kind(c) for c in FIGURE_KINDS]),
            "section": fit("section", ["(一)依法全面履行"]), "status": self._status_width(view, "figure"),
            "tags": fit("tags", ["亮点"], icon=True)}, hidden=("section", "tags"))

    def _fit_checks(self) -> None:
        """The message stretches (two lines a row); the reason is in the verdict bar in full."""
        view, columns = self.checks_view, ChecksModel.columns

        def fit(key: str, samples, max_chars: int | None = None) -> int:
            return table_columns.fit_width(view, columns.index(key), samples, max_chars=max_chars)
        table_columns.lay_out(view, columns, "message", {
            "severity": fit("severity", [labels.severity(c) for c in labels.SEVERITY_CODES]),
            "kind": fit("kind", [labels.check_kind(c) for c in labels.CHECK_KIND_CODES], max_chars=6),
            "status": self._status_width(view, "check"), "reason": fit("reason", ["已与起草处室"])})

    def _fit_citations(self) -> None:
        view, columns = self.citations_view, CitationsModel.columns

        def fit(key: str, samples, icon: bool = False) -> int:
            return table_columns.fit_width(view, columns.index(key), samples, icon)
        table_columns.lay_out(view, columns, "text", {
            "kind": fit("kind", [labels.citation_kind(c) for c in labels.CITATION_KIND_CODES]),
            "status": self._status_width(view, "citation"), "tags": fit("tags", ["亮点"], icon=True)})

    @staticmethod
    def _status_width(view, item_type: str) -> int:
        """Wide enough for the longest status word of the language, with its icon."""
        metrics = view.fontMetrics()
        return max(metrics.horizontalAdvance(labels.status(code, item_type)) for code in STATUSES) + 34

    def _verdict_bar(self, parent) -> QWidget:
        """属实 / 误报 / 待核实 for the selected check, with the reviewer's reason beside it."""
        bar = QWidget(parent)
        layout = QVBoxLayout(bar)
        layout.setContentsMargins(0, 0, 0, 0)
        # the selected check's whole message (the table shows three lines of it), its arithmetic
        # and conclusion readable before a verdict; a word about corrected figures beneath
        self.check_message = QLabel(bar)
        self.check_message.setWordWrap(True)
        self.check_message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.check_message.setVisible(False)
        layout.addWidget(self.check_message)
        self.verdict_reason = QLineEdit(bar)
        self.verdict_reason.setPlaceholderText(self.tr("Reason for the verdict (goes to the workbook's 意见 column)"))
        self.verdict_reason.setClearButtonEnabled(True)
        layout.addWidget(self.verdict_reason)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Verdict:"), bar))
        self.verdict_buttons: dict[str, QPushButton] = {}
        tips = {"confirmed": self.tr("The report really has this problem (Ctrl+1)"),
                "rejected": self.tr("The tool was wrong: no problem in the report (Ctrl+2)"),
                "pending": self.tr("Still to be verified, e.g. with the drafting office (Ctrl+3)"),
                "unreviewed": self.tr("Take the verdict back: the check is open again (Ctrl+0)")}
        for code in ("confirmed", "rejected", "pending", "unreviewed"):
            text = labels.verdict(code) if code != "unreviewed" else self.tr("Reopen")
            button = QPushButton(text, bar)
            button.setToolTip(tips[code])
            button.clicked.connect(lambda _=False, c=code: self.verdictRequested.emit(c))
            row.addWidget(button)
            self.verdict_buttons[code] = button
        row.addStretch(1)
        layout.addLayout(row)
        return bar

    def show_verdict(self, reason: str | None, message: str = "", corrected: list[str] | None = None) -> None:
        """The selected check's reason in the verdict bar (None: no check selected), its whole
        ``message``, and the texts of its figures a reviewer has ``corrected`` since."""
        language = i18n.core_language()
        lines = [message] if message else []
        if corrected:
            lines.append(render("ui_check_figures_corrected", language, figures="、".join(corrected)))
        self.check_message.setText("\n".join(lines))
        self.check_message.setVisible(reason is not None and bool(lines))
        self.verdict_reason.setText(reason or "")
        for button in self.verdict_buttons.values():
            button.setEnabled(reason is not None)

    # ------------------------------------------------------------------ content
    def set_review(self, review: DocumentReview | None, figures=None, entries=None) -> None:
        """Show ``review``; ``figures`` rows and the review pane's ``entries`` may come prepared
        by a worker (``ui.presentation``)."""
        for step in self.review_steps(review, figures, entries):
            step()

    def review_steps(self, review: DocumentReview | None, figures=None, entries=None) -> list:
        """``set_review`` as steps (figures, checks, citations, review pane) that a caller may run
        in separate turns of the event loop: for a big report each costs tens of milliseconds."""
        def synced(fn):
            def step() -> None:
                self._syncing = True
                try:
                    fn()
                finally:
                    self._syncing = False
            return step

        def pane() -> None:
            if entries is not None:
                self.review_pane.set_entries(entries)
            else:
                self.review_pane.set_review(review)

        return [synced(lambda: self.figures_model.set_review(review, figures)),
                synced(lambda: self.checks_model.set_review(review)),
                synced(lambda: self.citations_model.set_review(review)),
                synced(pane), synced(lambda: self.set_tab_counts(review))]

    def set_tab_counts(self, review: DocumentReview | None) -> None:
        """Tab titles with their counts; the window calls it with every status-bar update, so the
        Checks tab and the status bar never disagree (a big report's verdict only patches a row)."""
        if review is not None:
            self.setTabText(0, self.tr("Figures ({0})").format(len(review.figures)))
            open_checks, advisories = labels.open_check_counts(review)
            self.setTabText(1, self.tr("Checks ({0})").format(open_checks) if open_checks
                            else self.tr("Checks"))
            self.setTabToolTip(1, render("ui_checks_tab_tip", i18n.core_language(), count=open_checks,
                                         advisories=advisories))
            self.setTabText(2, self.tr("Citations ({0})").format(len(review.citations)))

    def show_item(self, description: str, review: ItemReview | None, tags: list[Tag],
                  history: list[HistoryEntry], note: str = "") -> None:
        """Tags, comments and history of the selected item."""
        self._syncing = True
        try:
            self.item_label.setText(description or self.tr("Select a heading, figure, check or citation."))
            self.tags_list.clear()
            on = {t.uuid for t in review.tags} if review else set()
            for tag in tags:
                item = QListWidgetItem(tag.path or tag.name)
                item.setData(Qt.ItemDataRole.UserRole, tag.uuid)
                item.setIcon(QIcon(icons.tag_dots((tag.color,), 14)))
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if tag.uuid in on else Qt.CheckState.Unchecked)
                if tag.description:
                    item.setToolTip(tag.description)
                self.tags_list.addItem(item)
            self.comments_list.clear()
            if note:  # a commented passage: its note is the first comment
                item = QListWidgetItem(note)
                item.setData(Qt.ItemDataRole.UserRole, NOTE)
                item.setToolTip(self.tr("The note written with the passage"))
                self.comments_list.addItem(item)
            for comment in (review.comments if review else []):
                when = comment.created_at.replace("T", " ")[:16]
                item = QListWidgetItem(f"{comment.body}\n— {comment.reviewer}, {when}")
                item.setData(Qt.ItemDataRole.UserRole, comment.uuid)
                self.comments_list.addItem(item)
            self.history_model.set_entries(history)
            self._set_notes_enabled(review is not None)
        finally:
            self._syncing = False

    def _set_notes_enabled(self, enabled: bool) -> None:
        for widget in (self.tags_list, self.add_comment_button, self.edit_comment_button,
                       self.delete_comment_button, self.comments_list):
            widget.setEnabled(enabled)

    # ------------------------------------------------------------------ selection
    def select_item(self, item_type: str, uuid: str) -> None:
        """Show ``uuid`` selected in its table (without emitting itemSelected)."""
        views = {"figure": (self.figures_view, self.figures_model, self.figures_proxy),
                 "check": (self.checks_view, self.checks_model, self.checks_proxy),
                 "citation": (self.citations_view, self.citations_model, self.citations_proxy)}
        if item_type not in views:
            return
        view, model, proxy = views[item_type]
        row = model.row_for_uuid(uuid)
        if row < 0:
            return
        index = proxy.from_base(model.index(row, 0))
        if not index.isValid():
            return
        self._syncing = True
        try:
            view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        finally:
            self._syncing = False

    def select_figures(self, uuids: list[str]) -> None:
        """Select several figures (those a check involves) and show the Figures tab."""
        selection = QItemSelection()
        first = QModelIndex()
        for uuid in uuids:
            row = self.figures_model.row_for_uuid(uuid)
            if row < 0:
                continue
            index = self.figures_proxy.from_base(self.figures_model.index(row, 0))
            if index.isValid():
                selection.select(index, index.siblingAtColumn(self.figures_model.columnCount() - 1))
                if not first.isValid():
                    first = index
        self._syncing = True
        try:
            model = self.figures_view.selectionModel()
            model.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            if first.isValid():
                self.figures_view.scrollTo(first)
        finally:
            self._syncing = False

    def refresh_item(self, item_type: str, uuid: str) -> None:
        """Repaint one row whose item changed in memory."""
        model = {"figure": self.figures_model, "check": self.checks_model,
                 "citation": self.citations_model}.get(item_type)
        row = model.row_for_uuid(uuid) if model is not None else -1
        if row >= 0:
            model.dataChanged.emit(model.index(row, 0), model.index(row, model.columnCount() - 1))

    def selected_figure_uuids(self) -> list[str]:
        rows = self.figures_view.selectionModel().selectedRows()
        return [index.data(ItemRole) for index in rows]

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing or not current.isValid():
            return
        self.itemSelected.emit(current.data(ItemTypeRole), current.data(ItemRole))

    def _check_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.checkActivated.emit(index.data(ItemRole))

    # ------------------------------------------------------------------ tags and comments
    def _tag_item_changed(self, item: QListWidgetItem) -> None:
        if self._syncing:
            return
        self.tagToggled.emit(item.data(Qt.ItemDataRole.UserRole), item.checkState() == Qt.CheckState.Checked)

    def _selected_comment(self) -> str | None:
        item = self.comments_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _edit_comment(self) -> None:
        uuid = self._selected_comment()
        if uuid:
            self.editCommentRequested.emit(uuid)

    def _delete_comment(self) -> None:
        uuid = self._selected_comment()
        if uuid:
            self.deleteCommentRequested.emit(uuid)
