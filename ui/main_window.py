"""The main window: the library start page and the split review view (outline | text | inspector).

It wires views to the workspace; every edit goes through a QUndoCommand (``ui.commands``), every
long task through a worker (``ui.workers``), every question through ``ui.prompts``.
"""

from __future__ import annotations

import logging
from pathlib import Path

import reviewer
from reviewer import paths
from reviewer.library.pgsql import is_team_url
from reviewer.messages import ReviewerError, render
from ui import dialogs, i18n, icons, labels, presentation, prompts, window_geometry
from ui.background_tasks import BackgroundTasks
from ui.editing import Editing
from ui.models import ItemRole
from ui.models.outline import OutlineModel
from ui.models.review_pane import library_entries
from ui.navigation import Navigation
from ui.previewing import Previewing
from ui.qt import (
    QAbstractItemView,
    QAction,
    QApplication,
    QFont,
    QKeySequence,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QProgressDialog,
    QSplitter,
    QStackedWidget,
    Qt,
    QThreadPool,
    QTimer,
    QToolBar,
    QTreeView,
    QWidget,
    Signal,
)
from ui.settings import Settings
from ui.views import table_columns
from ui.views.document_view import STYLES, DocumentView
from ui.views.inspector import Inspector
from ui.views.library_page import LibraryPage
from ui.views.outline_rows import WrappedHeadingDelegate
from ui.workers import Job
from ui.workspace import Workspace

log = logging.getLogger(__name__)
#: the inspector's widest share: on a 1920-pixel screen it takes 720 (a check's message reads in two
#: lines), and the text keeps ~870 pixels, about 45 characters a line, as a printed page has
INSPECTOR_MAX_WIDTH = 720
#: above this many headings the outline keeps one line per heading (elided; the tooltip has it all)
OUTLINE_WRAP_LIMIT = 1500



class MainWindow(Navigation, Editing, BackgroundTasks, Previewing, QMainWindow):
    #: a background job ended (tests and the benchmark wait on it)
    jobFinished = Signal(str)

    def __init__(self, settings: Settings | None = None, pool=None, library_path: str | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.pool = pool if pool is not None else QThreadPool.globalInstance()
        self.workspace = Workspace(self.settings.reviewer, self, pool=self.pool)
        self._jobs: set[Job] = set()
        self._syncing = False
        self._progress: QProgressDialog | None = None
        self.setWindowIcon(icons.app_icon())
        self.setAcceptDrops(True)
        self.setMinimumSize(900, 600)

        self._build_views()
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_statusbar()
        self._connect()
        self.apply_font_size()
        self._restore_layout()
        self.retranslate_title()
        path = library_path or self.settings.library_path
        self.open_library(path)

    # ================================================================== construction
    def _build_views(self) -> None:
        self.stack = QStackedWidget(self)
        self.library_page = LibraryPage(self.stack)
        self.stack.addWidget(self.library_page)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self.stack)
        self.splitter.setObjectName("reviewSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.outline_model = OutlineModel(self)
        self.outline_model.editor = self.correct_item
        self.outline_view = QTreeView(self.splitter)
        self.outline_view.setObjectName("outlineView")
        self.outline_view.setModel(self.outline_model)
        # Headings wrap onto a second line rather than lose their ends at 1280×720; a huge
        # outline keeps uniform rows (``_fit_outline``), where measuring each would cost.
        self.outline_view.setWordWrap(True)
        self.outline_view.setUniformRowHeights(False)
        self.outline_view.setIndentation(14)
        self.outline_view.setItemDelegate(WrappedHeadingDelegate(self.outline_view))
        self.outline_view.setHeaderHidden(False)
        self.outline_view.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.outline_view.header().setStretchLastSection(False)
        self.outline_view.header().setSectionResizeMode(0, self.outline_view.header().ResizeMode.Stretch)
        self.outline_view.setColumnWidth(1, self.outline_view.header().fontMetrics().horizontalAdvance(
            str(self.outline_model.headerData(1, Qt.Orientation.Horizontal) or "")) + 24)
        self.outline_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.document_view = DocumentView(self.splitter)
        self.inspector = Inspector(self.splitter)
        self.splitter.addWidget(self.outline_view)
        self.splitter.addWidget(self.document_view)
        self.splitter.addWidget(self.inspector)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes([330, 600, 470])
        self.stack.addWidget(self.splitter)
        self.setCentralWidget(self.stack)

    def _action(self, text: str, slot, shortcut=None, icon: str | None = None, tip: str = "",
                context: Qt.ShortcutContext | None = None) -> QAction:
        action = QAction(text, self)
        if icon:
            action.setIcon(icons.icon(icon))
        if shortcut:
            keys = shortcut if isinstance(shortcut, (list, tuple)) else [shortcut]
            action.setShortcuts([QKeySequence(k) for k in keys])
        if context is not None:
            action.setShortcutContext(context)
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        a = self._action
        K = QKeySequence.StandardKey  # noqa: N806
        self.act_import = a(self.tr("&Import reports…"), self.import_files_dialog, K.Open, "import",
                            self.tr("Import report files into the library"))
        self.act_import_folder = a(self.tr("Import &folder…"), self.import_folder_dialog, "Ctrl+Shift+O",
                                   "import-folder", self.tr("Import every report in a folder"))
        self.act_open_library = a(self.tr("&Open library…"), self.open_library_dialog)
        self.act_new_library = a(self.tr("&New library…"), self.new_library_dialog)
        self.act_export_report = a(self.tr("&Export this report to Excel…"), self.export_current, "Ctrl+E",
                                   "export", self.tr("Export the open report to an Excel workbook"))
        self.act_export_selected = a(self.tr("Export &selected reports…"), self.export_selected)
        self.act_export_library = a(self.tr("Export the &whole library…"), self.export_library, "Ctrl+Shift+E")
        # Word documents (issue 12): wording from the core's catalogue, in the window's language.
        self.act_export_memo = a(render("ui_export_memo", i18n.core_language()), self.export_memo)
        self.act_export_annotated = a(render("ui_export_annotated", i18n.core_language()), self.export_annotated)
        self.act_settings = a(self.tr("&Settings…"), self.show_settings, "Ctrl+,", "settings")
        self.act_quit = a(self.tr("&Quit"), self.close, "Ctrl+Q")

        stack = self.workspace.undo_group  # the active stack is the report on screen's
        self.act_undo = stack.createUndoAction(self, self.tr("&Undo"))
        self.act_undo.setShortcuts([QKeySequence(K.Undo)])
        self.act_undo.setIcon(icons.icon("undo"))
        self.act_redo = stack.createRedoAction(self, self.tr("&Redo"))
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.act_redo.setIcon(icons.icon("redo"))
        self.addAction(self.act_undo)
        self.addAction(self.act_redo)

        widget_only = Qt.ShortcutContext.WidgetShortcut
        self.act_confirm = a(self.tr("&Confirm and go to next"), lambda: self.set_status_and_next("confirmed"),
                             ["Return", "Enter"], "confirm", self.tr("Confirm the selected item (Enter)"),
                             widget_only)
        self.act_reject = a(self.tr("&Reject"), lambda: self.set_status_and_next("rejected"), "Del", "reject",
                            self.tr("Reject the selected item: a false heading, figure or check (Del)"),
                            widget_only)
        verdict_tips = {"confirmed": self.tr("The report really has this problem"),
                        "rejected": self.tr("The tool was wrong: no problem in the report"),
                        "pending": self.tr("Still to be verified"),
                        "unreviewed": self.tr("Take the verdict back: the check is open again")}
        self.verdict_actions = {
            code: a(labels.verdict(code) if code != "unreviewed" else self.tr("Reopen check"),
                    lambda c=code: self.set_verdict(c), key, tip=verdict_tips[code])
            for code, key in (("confirmed", "Ctrl+1"), ("rejected", "Ctrl+2"), ("pending", "Ctrl+3"),
                              ("unreviewed", "Ctrl+0"))}
        self.act_reset = a(self.tr("Mark as &unreviewed"), lambda: self.set_status("unreviewed"), "Ctrl+U")
        self.act_rename = a(self.tr("Re&name heading…"), self.rename_heading, "F2", context=widget_only)
        self.act_promote = a(self.tr("&Promote heading"), lambda: self.change_level(-1), "Ctrl+Left",
                             context=widget_only)
        self.act_demote = a(self.tr("&Demote heading"), lambda: self.change_level(+1), "Ctrl+Right",
                            context=widget_only)
        self.act_merge = a(self.tr("&Merge with the next heading"), self.merge_with_next, "Ctrl+J",
                           context=widget_only)
        self.act_comment = a(self.tr("Add &comment…"), self.add_comment, "Ctrl+M", "comment")
        self.act_tag = a(self.tr("&Tag…"), self.tag_dialog, "Ctrl+T", "tag")
        self.act_manage_tags = a(self.tr("&Manage tags…"), self.manage_tags)
        self.act_report_details = a(self.tr("Report deta&ils…"), self.edit_report_details, "Ctrl+I",
                                     tip=self.tr("The report's title, issuing body, date, year and document number "
                                                 "(Ctrl+I)"))
        self.act_find = a(self.tr("&Find in report…"), self.focus_find, K.Find, "search")
        self.act_find_next = a(self.tr("Find &next"), lambda: self.find_in_report(False), K.FindNext)
        self.act_find_previous = a(self.tr("Find pre&vious"), lambda: self.find_in_report(True), K.FindPrevious)
        self.act_search_library = a(self.tr("&Search the library…"), self.focus_library_search, "Ctrl+Shift+F")

        self.act_show_library = a(self.tr("&Library"), self.show_library, "Ctrl+L", "library",
                                  self.tr("Show the reports in this library"))
        self.act_show_review = a(self.tr("&Review view"), self.show_review, "Ctrl+R")
        self.act_review_pane = a(self.tr("Review &pane"), self.show_review_pane, "Ctrl+Shift+R",
                                 tip=self.tr("Every comment, tag, correction and verdict in this report"))
        self.act_attention = a(self.tr("Show only what needs &attention"), self.toggle_attention, "Ctrl+Shift+A")
        self.act_attention.setCheckable(True)
        self.act_next_unreviewed = a(self.tr("Next &unreviewed"), lambda: self.go_next(unreviewed=True), "F8",
                                     "next-unreviewed", self.tr("Go to the next unreviewed item (F8)"))
        self.act_prev_unreviewed = a(self.tr("Previous unreviewed"), lambda: self.go_next(unreviewed=True,
                                                                                          backwards=True), "Shift+F8")
        self.act_next_check = a(self.tr("Next open &check"), lambda: self.go_next(kinds=("check",), unreviewed=True),
                                "F9", "next-check", self.tr("Go to the next check without a verdict (F9)"))
        self.act_prev_check = a(self.tr("Previous open check"), lambda: self.go_next(kinds=("check",), unreviewed=True,
                                                                                     backwards=True), "Shift+F9")
        self.act_zoom_in = a(self.tr("Larger text"), lambda: self.zoom(+1), K.ZoomIn)
        self.act_zoom_out = a(self.tr("Smaller text"), lambda: self.zoom(-1), K.ZoomOut)
        self.act_shortcuts = a(self.tr("&Keyboard shortcuts"), self.show_shortcuts, K.HelpContents)
        self.act_about = a(self.tr("&About Report Reviewer"), self.show_about)

        # Enter/Del act on the item views only (not in text fields and cell editors).
        for widget in (self.outline_view, self.document_view, self.inspector.figures_view,
                       self.inspector.checks_view, self.inspector.citations_view):
            widget.addAction(self.act_confirm)
            widget.addAction(self.act_reject)
        for widget in (self.outline_view,):
            for action in (self.act_rename, self.act_promote, self.act_demote, self.act_merge):
                widget.addAction(action)
        self.review_actions = [*self.verdict_actions.values(),
                               self.act_export_report, self.act_confirm, self.act_reject, self.act_reset,
                               self.act_rename, self.act_promote, self.act_demote, self.act_merge,
                               self.act_comment, self.act_tag, self.act_report_details,
                               self.act_find, self.act_find_next, self.act_find_previous, self.act_show_review,
                               self.act_review_pane,
                               self.act_next_unreviewed, self.act_prev_unreviewed, self.act_next_check,
                               self.act_prev_check]

    def _build_menus(self) -> None:
        bar = self.menuBar()
        m = bar.addMenu(self.tr("&File"))
        m.addActions([self.act_import, self.act_import_folder])
        m.addSeparator()
        m.addActions([self.act_open_library, self.act_new_library])
        self.recent_menu = m.addMenu(self.tr("&Recent libraries"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        m.addSeparator()
        m.addActions([self.act_export_report, self.act_export_selected, self.act_export_library,
                      self.act_export_memo, self.act_export_annotated])
        m.addSeparator()
        m.addActions([self.act_settings, self.act_quit])
        m = bar.addMenu(self.tr("&Edit"))
        m.addActions([self.act_undo, self.act_redo])
        m.addSeparator()
        m.addActions([self.act_confirm, self.act_reject, self.act_reset])
        verdicts = m.addMenu(self.tr("&Verdict on the check"))
        verdicts.addActions(list(self.verdict_actions.values()))
        m.addSeparator()
        m.addActions([self.act_rename, self.act_promote, self.act_demote, self.act_merge])
        m.addSeparator()
        m.addActions([self.act_tag, self.act_comment, self.act_manage_tags])
        m.addSeparator()
        m.addAction(self.act_report_details)
        m.addSeparator()
        m.addActions([self.act_find, self.act_find_next, self.act_find_previous, self.act_search_library])
        m = bar.addMenu(self.tr("&View"))
        m.addActions([self.act_show_library, self.act_show_review, self.act_review_pane])
        m.addSeparator()
        m.addActions([self.act_next_unreviewed, self.act_prev_unreviewed, self.act_next_check, self.act_prev_check])
        m.addSeparator()
        m.addAction(self.act_attention)
        m.addSeparator()
        m.addActions([self.act_zoom_in, self.act_zoom_out])
        m = bar.addMenu(self.tr("&Help"))
        m.addActions([self.act_shortcuts, self.act_about])

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Main toolbar"), self)
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.setIconSize(bar.iconSize().scaled(20, 20, Qt.AspectRatioMode.KeepAspectRatio))
        self.act_undo.setIconText(self.tr("Undo"))
        self.act_redo.setIconText(self.tr("Redo"))
        self.act_show_library.setIconText(self.tr("Library"))
        self.act_import.setIconText(self.tr("Import"))
        self.act_export_report.setIconText(self.tr("Export"))
        self.act_confirm.setIconText(self.tr("Confirm"))
        self.act_reject.setIconText(self.tr("Reject"))
        self.act_next_unreviewed.setIconText(self.tr("Next"))
        self.act_next_check.setIconText(self.tr("Next check"))
        bar.addActions([self.act_show_library, self.act_import, self.act_export_report])
        bar.addSeparator()
        bar.addActions([self.act_undo, self.act_redo])
        bar.addSeparator()
        bar.addActions([self.act_confirm, self.act_reject, self.act_next_unreviewed, self.act_next_check])
        spacer = QWidget(bar)
        spacer.setSizePolicy(spacer.sizePolicy().Policy.Expanding, spacer.sizePolicy().Policy.Preferred)
        bar.addWidget(spacer)
        self.find_line = QLineEdit(bar)
        self.find_line.setObjectName("findLine")
        self.find_line.setPlaceholderText(self.tr("Find in report (Ctrl+F)"))
        self.find_line.setClearButtonEnabled(True)
        self.find_line.setFixedWidth(240)
        self.find_line.addAction(icons.icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.find_line.returnPressed.connect(lambda: self.find_in_report(
            bool(QApplication.keyboardModifiers() & Qt.KeyboardModifier.ShiftModifier)))
        bar.addWidget(self.find_line)
        self.addToolBar(bar)
        self.toolbar = bar

    def _build_statusbar(self) -> None:
        status = self.statusBar()
        self.stats_label = QLabel(status)
        self.progress_bar = QProgressBar(status)
        self.progress_bar.setFixedWidth(160)
        self.progress_bar.setFormat(self.tr("Reviewed %p%"))
        self.progress_bar.setTextVisible(True)
        self.reviewer_label = QLabel(status)
        self.legend = QLabel(status)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setToolTip(self.tr("Colours in the report text"))
        legend = [(STYLES["heading"], self.tr("Heading")), (STYLES["figure"], self.tr("Figure")),
                  (STYLES["check"], self.tr("In a check")), (STYLES["citation"], self.tr("Citation")),
                  (STYLES["annotation"], self.tr("Annotation")), (STYLES["current"], self.tr("Selected"))]
        self.legend.setText("&nbsp;".join(
            f"<span style='background:{style.get('bg', 'transparent')};color:{style.get('fg', '#111111')};"
            f"{'font-weight:bold;' if style.get('bold') else ''}'>&nbsp;{name}&nbsp;</span>"
            for style, name in legend))
        status.addWidget(self.stats_label, 1)
        status.addPermanentWidget(self.legend)
        status.addPermanentWidget(self.progress_bar)
        status.addPermanentWidget(self.reviewer_label)

    def _connect(self) -> None:
        ws = self.workspace
        ws.documentsChanged.connect(self.refresh_documents)
        ws.reviewLoaded.connect(self._review_loaded)
        ws.reviewUpdated.connect(self._review_updated)
        ws.itemPatched.connect(self._item_patched)
        ws.currentItemChanged.connect(self._current_item_changed)
        ws.tagsChanged.connect(self._tags_changed)
        ws.error.connect(self.show_error)
        ws.libraryOpened.connect(self._library_opened)

        page = self.library_page
        page.openRequested.connect(self.open_document)
        page.import_button.clicked.connect(self.import_files_dialog)
        page.import_folder_button.clicked.connect(self.import_folder_dialog)
        page.export_button.clicked.connect(self.export_selected)
        page.remove_button.clicked.connect(self.remove_selected)
        page.searchRequested.connect(self.search_library)
        page.hitActivated.connect(self.open_hit)
        page.sampleRequested.connect(self.open_sample)
        page.work_pane.workActivated.connect(self.open_work)

        self.outline_view.selectionModel().currentChanged.connect(self._outline_current_changed)
        self.outline_view.clicked.connect(self._outline_clicked)
        self.document_view.itemActivated.connect(self._document_item_activated)
        self.document_view.topPositionChanged.connect(self._follow_scroll)
        self.document_view.tagSelectionRequested.connect(self.tag_selection)
        self.document_view.commentSelectionRequested.connect(self.comment_selection)
        self.document_view.newTagSelectionRequested.connect(self.new_tag_for_selection)
        self.document_view.headingSelectionRequested.connect(self.heading_from_selection)
        self.document_view.figureSelectionRequested.connect(self.figure_from_selection)
        self.document_view.selectionChanged.connect(self._selection_stats)

        ins = self.inspector
        ins.figures_model.editor = self.correct_item
        ins.figures_model.value_editor = self.correct_figure_value
        ins.valuePreview.connect(lambda text: self.statusBar().showMessage(text, 6000))
        ins.citations_model.editor = self.correct_item
        ins.itemSelected.connect(self._inspector_item_selected)
        ins.checkActivated.connect(self._check_activated)
        ins.tagToggled.connect(self._tag_toggled)
        ins.addCommentRequested.connect(self.add_comment)
        ins.editCommentRequested.connect(self.edit_comment)
        ins.deleteCommentRequested.connect(self.delete_comment)
        ins.manageTagsRequested.connect(self.manage_tags)
        ins.verdictRequested.connect(self.set_verdict)
        ins.review_pane.entryActivated.connect(self._review_entry_activated)
        self.outline_view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for action in (self.act_confirm, self.act_reject, self.act_reset, self.act_rename, self.act_promote,
                       self.act_demote, self.act_merge, self.act_tag, self.act_comment):
            self.outline_view.addAction(action)

    # ================================================================== layout and look
    def _restore_layout(self) -> None:
        self._restore_geometry()
        splitter = self.settings.layout_bytes("splitter")
        restored = splitter is not None and self.splitter.restoreState(splitter)
        self._auto_layout = not restored  # proportional until the reviewer drags a splitter
        for name, view, columns, stretch in self.inspector.tables():
            table_columns.restore_state(view, columns, stretch, self.settings.layout_value(f"{name}Columns"))
        self.splitter.splitterMoved.connect(lambda *_: setattr(self, "_auto_layout", False))
        self.balance_panes()

    def _restore_geometry(self) -> None:
        """The size and place the reviewer left the window at, if that still fits a screen of
        this machine; otherwise (and on the first start) a good size for the screen, centred."""
        screens = window_geometry.available_screens()
        saved = window_geometry.decode(self.settings.layout_value("window"))
        minimum = (self.minimumWidth(), self.minimumHeight())
        if saved is not None and window_geometry.fits(saved, screens, minimum):
            self.setGeometry(saved)
            if window_geometry.flag(self.settings.layout_value("maximized")):
                self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
        else:
            self.setGeometry(window_geometry.first_start(screens[0] if screens else None))

    def balance_panes(self) -> None:
        """Give the text at least 40 % of the width (the reviewer reads there): at 1280×720 the
        tables beside it must not squeeze it to a few characters.  Layouts that already leave the
        text enough room are kept as the reviewer made them."""
        sizes = self.splitter.sizes()
        total = sum(sizes)
        if total <= 0 or not self.splitter.isVisible():
            return
        if sizes[1] >= 0.4 * total and not getattr(self, "_auto_layout", True):
            return  # the reviewer's own layout (a dragged splitter), roomy enough
        outline = max(160, min(330, round(total * 0.2)))
        # the tables get what the text leaves beyond its 42 % (at 1280×720 every column of theirs
        # needs it), up to a width where more would only stretch their descriptive column
        wanted = round(total * 0.58) - outline
        inspector = max(self.inspector.minimumSizeHint().width(), min(INSPECTOR_MAX_WIDTH, wanted))
        self.splitter.setSizes([outline, max(0, total - outline - inspector), inspector])

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        QTimer.singleShot(0, self.balance_panes)  # after the splitter took its new width

    def save_layout(self) -> None:
        maximized = self.isMaximized() or self.isFullScreen()
        rect = self.normalGeometry() if maximized and self.normalGeometry().isValid() else self.geometry()
        self.settings.set_layout_value("window", window_geometry.encode(rect))
        self.settings.set_layout_value("maximized", maximized)
        for name, view, columns, _stretch in self.inspector.tables():
            self.settings.set_layout_value(f"{name}Columns", table_columns.save_state(view, columns))
        self.settings.set_layout_value("splitter", self.splitter.saveState())
        self.settings.sync()

    def apply_font_size(self) -> None:
        font = QFont(self.document_view.font())
        font.setFamilies(["Microsoft YaHei UI", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC",
                          "PingFang SC", "WenQuanYi Micro Hei", font.family()])
        size = self.settings.font_size or max(11, QApplication.font().pointSize() + 2)
        font.setPointSize(size)
        self.document_view.setFont(font)

    def zoom(self, step: int) -> None:
        size = max(8, min(32, self.document_view.font().pointSize() + step))
        self.settings.font_size = size
        self.apply_font_size()

    def retranslate_title(self) -> None:
        title = self.tr("Report Reviewer")
        review = self.workspace.review
        if review is not None:
            name = review.display_name
            self.setWindowTitle(f"{name} — {title}")
        else:
            self.setWindowTitle(title)

    # ================================================================== library
    def open_library(self, path: str) -> bool:
        try:
            if not is_team_url(path):
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            self.workspace.open_library(path)
        except ReviewerError as exc:
            self.show_error(exc.message(i18n.core_language()))
            return False
        except OSError as exc:
            self.show_error(self.tr("Cannot open the library {0}: {1}").format(path, exc))
            return False
        self.settings.add_recent_library(str(path))
        return True

    def _library_opened(self, path: str) -> None:
        name = path if is_team_url(path) else Path(path).stem
        self.library_page.set_library(self.tr("Library: {0}").format(name), path)
        self.show_library()
        self._update_status()

    def open_library_dialog(self) -> None:
        path = prompts.ask_library_path(self, self.tr("Open library"), str(paths.data_dir()), create=False)
        if path:
            self.open_library(path)

    def new_library_dialog(self) -> None:
        path = prompts.ask_library_path(self, self.tr("New library"), str(paths.data_dir()), create=True)
        if path:
            self.open_library(path)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.settings.recent_libraries:
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _=False, p=path: self.open_library(p))
        if not self.settings.recent_libraries:
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    def refresh_documents(self) -> None:
        """The library list follows edits (progress, open checks) — read when it is on screen,
        otherwise when it is next shown (counting a big library's items takes a moment)."""
        if self.stack.currentWidget() is self.library_page or not self.library_page.model.rows:
            self.library_page.set_documents(self.workspace.documents())
            self._documents_stale = False
            self.refresh_work()
            if self.workspace.review is None:
                self._update_status()  # "n reports in the library" counts what is listed
        else:
            self._documents_stale = True

    def refresh_work(self) -> None:
        """The library page's list of everyone's work across the reports."""
        library = self.workspace.library
        work = self.workspace.guarded(library.review_work) if library is not None else None
        self.library_page.work_pane.set_tags(self.workspace.tags())
        self.library_page.work_pane.set_entries(library_entries(work or [], self.workspace.tags()))

    def open_sample(self) -> None:
        """The bundled, invented sample report, in a library of its own: offered, never mixed
        into the reviewer's real library."""
        samples = sorted(paths.resource("samples").glob("*.txt"))
        sample = next((p for p in samples if p.name.startswith("sample_fazhi")), samples[0] if samples else None)
        if sample is None or not self.open_library(str(paths.data_dir() / "sample-library.db")):
            return
        if not self.workspace.documents():
            self.import_paths([str(sample)])
        else:
            self.open_document(self.workspace.documents()[0].doc_uuid)
        self.statusBar().showMessage(self.tr("This is the separate sample library. Your own library is under "
                                             "File → Recent libraries."), 10000)

    def show_library(self) -> None:
        self.stack.setCurrentWidget(self.library_page)
        self.legend.setVisible(False)
        if getattr(self, "_documents_stale", False):
            self.refresh_documents()
        self._update_actions()

    def show_review(self) -> None:
        if self.workspace.review is not None:
            self.stack.setCurrentWidget(self.splitter)
            self.legend.setVisible(True)
            QTimer.singleShot(0, self.balance_panes)  # the splitter had no width while hidden
        self._update_actions()

    def _update_actions(self) -> None:
        has_review = self.workspace.review is not None
        for action in self.review_actions:
            action.setEnabled(has_review)

    def remove_selected(self) -> None:
        uuids = self.library_page.selected_uuids()
        if not uuids or not prompts.confirm(
                self, self.tr("Remove reports"),
                self.tr("Remove {0} report(s) and their review from this library? "
                        "This cannot be undone.").format(len(uuids))):
            return
        for uuid in uuids:
            if self.workspace.doc_uuid == uuid:
                self.workspace.set_review(None)
            self.workspace.guarded(lambda u=uuid: self.workspace.library.remove_document(u))
        self.workspace.clear_undo()  # commands on removed items cannot be replayed
        self.refresh_documents()

    # ================================================================== opening a report
    def open_document(self, doc_uuid: str) -> None:
        if self.workspace.library is None or not doc_uuid:
            return
        workspace = self.workspace

        def work(progress, cancelled):
            return workspace.load_prepared(doc_uuid)

        self.run_job(work, self.tr("Opening the report…"), self._set_prepared, "open", cancellable=False,
                     pause_gc=True)

    def _set_prepared(self, prepared) -> None:
        self.workspace.set_review(prepared.review, prepared)

    def _show(self, review, then=None) -> None:
        """Hand the review (and what a worker prepared for it) to the views.  For a big report
        the three panes are filled in three turns of the event loop, so none of them holds it up
        for long; ``then`` runs after the last."""
        prepared = self.workspace.prepared if self.workspace.prepared is not None \
            and self.workspace.prepared.review is review else None
        steps = []
        if prepared is not None:
            document, prepared.document = prepared.document, None  # the view owns it now
            steps.append(lambda: self.document_view.set_review(review, prepared.spans, document, prepared.offsets))
            steps.append(lambda: self.outline_model.set_review(review, prepared.outline))
            steps += self.inspector.review_steps(review, prepared.figures, prepared.entries)
        else:
            steps.append(lambda: self.document_view.set_review(review))
            steps.append(lambda: self.outline_model.set_review(review))
            steps.append(lambda: self.inspector.set_review(review))
        if then is not None:
            steps.append(then)
        if not presentation.is_big(review):
            for step in steps:
                step()
            return
        generation = self.workspace.review

        def run(remaining) -> None:
            if self.workspace.review is not generation:  # another report or reload came meanwhile
                return
            remaining[0]()
            if len(remaining) > 1:
                QTimer.singleShot(0, lambda: run(remaining[1:]))
        QTimer.singleShot(0, lambda: run(steps))  # not in the turn that adopted the review either

    def _fit_outline(self, review) -> None:
        """The tags column only when a heading has a tag; wrapped rows unless the outline is huge."""
        sections = review.sections if review is not None else []
        self.outline_view.setColumnHidden(1, not any(rs.review.tags for rs in sections))
        uniform = len(sections) > OUTLINE_WRAP_LIMIT
        if self.outline_view.uniformRowHeights() != uniform:
            self.outline_view.setUniformRowHeights(uniform)
            self.outline_view.setWordWrap(not uniform)

    def _review_loaded(self, review) -> None:
        self.document_view.set_tags(self.workspace.tags())
        self._fit_outline(review)

        def finish() -> None:
            if self.outline_model.top_level_count() <= 60:  # a huge outline opens folded
                self.outline_view.expandToDepth(0)
            self._update_status()
        self._show(review, finish)
        self.inspector.show_item("", None, [], [])
        self.retranslate_title()
        if review is not None:
            self.show_review()
            self.document_view.setFocus()
        else:
            self.show_library()
        self._update_actions()

    def _review_updated(self, review) -> None:
        expanded = self._expanded_uuids()

        def after() -> None:
            self._fit_outline(review)
            self._restore_expanded(expanded)
            self._show_current_item()
            self._update_status()
        self._show(review, after)
        self.retranslate_title()

    def _item_patched(self, item_type: str, uuid: str) -> None:
        """A big report's item changed in memory; its reload follows from a worker."""
        if item_type == "section":
            self.outline_model.refresh_item(uuid)
            self._fit_outline(self.workspace.review)  # its first tag shows the tags column
        else:
            self.inspector.refresh_item(item_type, uuid)
        review = self.workspace.item_review(item_type, uuid)
        if review is not None:
            self.document_view.refresh_item(item_type, uuid, review.status)
        self._show_current_item()
        self._update_status()

    def _expanded_uuids(self) -> set[str]:
        found = set()
        model = self.outline_model

        def walk(parent):
            for row in range(model.rowCount(parent)):
                index = model.index(row, 0, parent)
                if self.outline_view.isExpanded(index):
                    found.add(index.data(ItemRole))
                    walk(index)
        walk(self.outline_view.rootIndex())
        return found

    def _restore_expanded(self, uuids: set[str]) -> None:
        for uuid in uuids:
            index = self.outline_model.index_for_uuid(uuid)
            if index.isValid():
                self.outline_view.setExpanded(index, True)
        item_type, uuid = self.workspace.current
        if item_type == "section":
            self._select_in_outline(uuid)

    def _update_status(self) -> None:
        review = self.workspace.review
        name = self.workspace.reviewer or self.tr("(no name)")
        self.reviewer_label.setText(self.tr("Reviewer: {0}").format(name))
        self.legend.setVisible(review is not None and self.stack.currentWidget() is self.splitter)
        if review is None:
            self._share_cache = None  # it would keep the closed report alive
            count = len(self.library_page.model.rows)
            self.stats_label.setText(self.tr("{0} report(s) in the library").format(count))
            self.stats_label.setToolTip("")
            self.progress_bar.setVisible(False)
            return
        open_checks, advisories = labels.open_check_counts(review)
        self.inspector.set_tab_counts(review)
        self.stats_label.setText(self.tr("{0} characters · {1} headings · {2} figures · {3} citations · "
                                         "{4} open checks").format(
            len(review.document.text), len(review.sections), len(review.figures), len(review.citations),
            open_checks) + labels.open_advisories_note(advisories))
        self.stats_label.setToolTip(self.stats_label.text())  # the legend may leave it too little room
        self.progress_bar.setVisible(True)
        self.progress_bar.setValue(round(self._reviewed_share(review) * 100))

    def _reviewed_share(self, review) -> float:
        """The review's progress, counted once per loaded review (an edit reloads it)."""
        cached = getattr(self, "_share_cache", None)
        if cached is None or cached[0] is not review or cached[2] != self.workspace.undo_stack.index():
            cached = (review, review.reviewed_share, self.workspace.undo_stack.index())
            self._share_cache = cached
        return cached[1]

    def _selection_stats(self) -> None:
        selection = self.document_view.selection_cp()
        if selection:
            self.statusBar().showMessage(self.tr("{0} characters selected").format(selection[1] - selection[0]),
                                         3000)

    # ================================================================== dialogs
    def show_error(self, message: str) -> None:
        prompts.show_error(self, message)

    def show_settings(self) -> None:
        dialog = dialogs.SettingsDialog(self.settings, self)
        if dialog.exec() != dialogs.QDialog.DialogCode.Accepted:
            return
        self.apply_settings(dialog.apply())

    def apply_settings(self, changed: dict) -> None:
        from ui.hub import hub

        if "reviewer" in changed:
            self.workspace.set_reviewer(changed["reviewer"])
        if "font_size" in changed:
            self.apply_font_size()
        if "library_path" in changed and self.workspace.library is not None \
                and Path(changed["library_path"]) != self.workspace.library.path:
            self.open_library(changed["library_path"])
        self._update_status()
        hub().settingsChanged.emit()
        if "language" in changed:
            language = i18n.install(i18n.resolve(changed["language"]))
            hub().languageChanged.emit(language)
            self.rebuild()

    def rebuild(self) -> MainWindow:
        """Open a fresh window in the new language on the same library and report, and close this
        one (every string is set where the widget is built).  The undo history starts afresh;
        the work itself is all in the library."""
        library = str(self.workspace.library.path) if self.workspace.library else None
        doc_uuid = self.workspace.doc_uuid
        self.save_layout()
        window = MainWindow(self.settings, pool=self.pool, library_path=library)
        window.setGeometry(self.geometry())
        if doc_uuid:
            window.open_document(doc_uuid)
        window.show()
        self.replaced_by = window
        self.close()
        return window

    def show_shortcuts(self) -> None:
        dialog = dialogs.ShortcutsDialog(self.actions(), self)
        dialog.open()

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About Report Reviewer"), self.tr(
            "<h3>Report Reviewer {0}</h3><p>Review Chinese government reports: outline, figures, citations "
            "and consistency checks, with every correction, tag and comment kept in a review library and "
            "exported to Excel.</p><p>Library: {1}<br>Data folder: {2}</p>").format(
            reviewer.__version__, self.workspace.library.path if self.workspace.library else "-",
            paths.data_dir()))

    # ================================================================== closing
    def closeEvent(self, event) -> None:  # noqa: N802
        if self._jobs:
            for job in list(self._jobs):
                job.cancel()
            self.pool.waitForDone(5000)
        self.save_layout()
        self.workspace.close_library()
        super().closeEvent(event)


__all__ = ["MainWindow"]
