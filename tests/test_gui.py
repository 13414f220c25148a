"""The main window driven as a reviewer would: import, jump, correct, tag, comment, undo/redo,
reopen, export.  Headless (offscreen), private data and settings, background work synchronous."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from reviewer.library.store import Library  # noqa: E402
from ui import prompts  # noqa: E402
from ui.models import ItemRole  # noqa: E402
from ui.qt import QApplication, QMimeData, QModelIndex, QPoint, Qt, QUrl  # noqa: E402
from ui.workers import SyncPool  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "samples" / "sample_fazhi_2023.txt"


@pytest.fixture
def errors(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(prompts, "show_error", lambda parent, text, title=None: shown.append(text))
    monkeypatch.setattr(prompts, "show_info", lambda parent, text, title=None: None)
    monkeypatch.setattr(prompts, "offer_open", lambda parent, text: "")
    return shown


@pytest.fixture
def make_window(qtbot, tmp_path, monkeypatch, errors):
    monkeypatch.setenv("REVIEWER_SETTINGS_DIR", str(tmp_path / "settings"))
    from ui import i18n
    from ui.main_window import MainWindow
    from ui.settings import Settings

    i18n.install("zh_CN")
    windows = []

    def make(library: Path | None = None):
        settings = Settings()
        settings.reviewer = "测试员"
        window = MainWindow(settings, pool=SyncPool(), library_path=str(library or tmp_path / "library.db"))
        qtbot.addWidget(window)
        window.resize(1400, 900)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)  # shortcuts need an active window with focus
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()


def _find_figure_row(window, text: str):
    model = window.inspector.figures_model
    for row, rf in enumerate(model.rows):
        if rf.figure.text == text:
            return row, rf
    raise AssertionError(f"no figure {text}")


def _proxy_index(window, row: int, column_key: str):
    model = window.inspector.figures_model
    return window.inspector.figures_proxy.from_base(model.index(row, model.columns.index(column_key)))


def _outline_index(window, title_part: str) -> QModelIndex:
    model = window.outline_model

    def walk(parent):
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            if title_part in (index.data() or ""):
                return index
            found = walk(index)
            if found is not None:
                return found
        return None

    found = walk(QModelIndex())
    assert found is not None, title_part
    return found


def _click_outline(qtbot, window, index: QModelIndex) -> None:
    view = window.outline_view
    view.scrollTo(index)
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_import_review_undo_reopen_and_export(make_window, qtbot, tmp_path, monkeypatch, errors):
    window = make_window()
    # -- import a report: File > Import reports… (Ctrl+O), the file chosen in the dialog
    monkeypatch.setattr(prompts, "ask_open_files", lambda *a, **k: [str(SAMPLE)])
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    review = window.workspace.review
    assert review is not None and window.stack.currentWidget() is window.splitter
    assert window.library_page.model.rowCount() == 1
    assert window.outline_model.rowCount() >= 4
    assert "法治政府建设" in window.windowTitle()

    # -- jump via the outline: clicking a heading moves the text to it
    index = _outline_index(window, "依法化解矛盾纠纷")
    _click_outline(qtbot, window, index)
    section = window.workspace.find_item("section", index.data(ItemRole))
    cursor = window.document_view.textCursor().position()
    assert window.document_view.offsets.to_cp(cursor) == section.section.heading_start
    assert window.workspace.current == ("section", section.review.uuid)
    top, bottom = window.document_view.visible_range()
    assert top <= section.section.heading_start < bottom

    # -- correct the heading: rename (F2 in the outline) and demote
    monkeypatch.setattr(prompts, "ask_text", lambda *a, **k: "依法化解矛盾纠纷(已核)")
    window.outline_view.setFocus()
    qtbot.keyClick(window.outline_view, Qt.Key.Key_F2)
    assert "依法化解矛盾纠纷(已核)" in _outline_index(window, "已核").data()
    window.act_demote.trigger()
    renamed = window.workspace.find_item("section", section.review.uuid)
    assert renamed.section.level == section.section.level + 1
    assert renamed.review.status == "corrected"
    # the outline re-nests it under the heading before it, one level up
    assert "严格规范公正文明执法" in _outline_index(window, "已核").parent().data()

    # -- correct a figure in the table's cell editor
    row, figure = _find_figure_row(window, "4826件")
    view = window.inspector.figures_view
    value_index = _proxy_index(window, row, "value")
    view.setCurrentIndex(value_index)
    view.edit(value_index)
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "4806")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != view.State.EditingState)  # the delegate commits queued
    corrected = window.workspace.find_item("figure", figure.review.uuid)
    assert corrected.figure.value == 4806
    assert corrected.review.original == {"value": 4826}
    assert _proxy_index(window, row, "value").data() == "4806"

    # -- tag it from the palette and comment on it
    window.inspector.setCurrentWidget(window.inspector.notes_page)
    tags = window.workspace.tags()
    assert tags, "the library comes with default tags"
    first = window.inspector.tags_list.item(0)
    first.setCheckState(Qt.CheckState.Checked)
    monkeypatch.setattr(prompts, "ask_text", lambda *a, **k: "合计与分项不符,已联系起草单位")
    window.act_comment.trigger()
    item = window.workspace.find_item("figure", figure.review.uuid)
    assert [t.uuid for t in item.review.tags] == [tags[0].uuid]
    assert [c.body for c in item.review.comments] == ["合计与分项不符,已联系起草单位"]
    assert window.inspector.comments_list.count() == 1
    assert window.inspector.history_model.rowCount() >= 3  # correct, tag, comment

    # -- Enter confirms the selected item and moves to the next unreviewed one
    window.inspector.setCurrentIndex(0)
    view.setFocus()
    before = window.workspace.current
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.workspace.find_item("figure", figure.review.uuid).review.status == "corrected"  # kept
    assert window.workspace.current != before
    next_item = window.workspace.current
    assert window.workspace.item_review(*next_item).status == "unreviewed"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert window.workspace.item_review(*next_item).status == "confirmed"
    assert window.workspace.current != next_item

    # -- undo everything in order, then redo it
    stack = window.workspace.undo_stack
    steps = stack.count()
    assert steps >= 6
    for _ in range(steps):
        window.act_undo.trigger()
    plain = window.workspace.find_item("figure", figure.review.uuid)
    assert plain.figure.value == 4826 and plain.review.tags == [] and plain.review.comments == []
    assert window.workspace.find_item("section", section.review.uuid).section.title == section.section.title
    for _ in range(steps):
        window.act_redo.trigger()
    again = window.workspace.find_item("figure", figure.review.uuid)
    assert again.figure.value == 4806 and len(again.review.tags) == 1 and len(again.review.comments) == 1
    assert not errors

    # -- reopen the library in a new window: everything is there
    library_path = window.workspace.library.path
    doc_uuid = window.workspace.doc_uuid
    window.close()
    second = make_window(library_path)
    assert second.library_page.model.rowCount() == 1
    second.open_document(doc_uuid)
    item = second.workspace.find_item("figure", figure.review.uuid)
    assert item.figure.value == 4806 and item.review.tags[0].uuid == tags[0].uuid
    assert item.review.comments[0].body == "合计与分项不符,已联系起草单位"
    heading = second.workspace.find_item("section", section.review.uuid)
    assert heading.section.title == "依法化解矛盾纠纷(已核)"
    assert heading.section.level == section.section.level + 1

    # -- export the report and read the workbook back
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "export.xlsx"
    monkeypatch.setattr(prompts, "ask_save_path", lambda *a, **k: str(out))
    qtbot.keyClick(second, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # File > Export this report
    assert out.exists() and second.last_export == out
    workbook = openpyxl.load_workbook(out, read_only=True)
    cells = [str(c) for ws in workbook.worksheets for r in ws.iter_rows(values_only=True) for c in r
             if c is not None]
    workbook.close()
    assert any("4806" in c for c in cells)
    assert any("合计与分项不符" in c for c in cells)
    assert not errors


def test_delete_rejects_a_false_heading_and_f8_finds_the_next_unreviewed(make_window, qtbot, errors):
    window = make_window()
    window.import_paths([str(SAMPLE)])
    index = _outline_index(window, "依法全面履行职能")
    _click_outline(qtbot, window, index)
    uuid = index.data(ItemRole)
    window.outline_view.setFocus()
    qtbot.keyClick(window.outline_view, Qt.Key.Key_Delete)
    assert window.workspace.find_item("section", uuid).review.status == "rejected"
    assert window.workspace.current[1] != uuid  # moved on
    # F8 from the start goes to the first unreviewed item in reading order
    window.workspace.set_current("", "")
    window.document_view.jump_to(0)
    window.document_view.setFocus()  # from the text, F8 walks the document (issue 11, defect 3)
    qtbot.keyClick(window, Qt.Key.Key_F8)
    first = next(t for t in window.workspace.ordered_items() if t[3] == "unreviewed")
    assert window.workspace.current == (first[1], first[2])
    # F9 goes to a check and selects the figures it involves
    qtbot.keyClick(window, Qt.Key.Key_F9)
    item_type, check_uuid = window.workspace.current
    assert item_type == "check"
    check = window.workspace.find_item("check", check_uuid)
    selected = set(window.inspector.selected_figure_uuids())
    involved = {rf.review.uuid for rf in window.workspace.review.figures if rf.figure.id in check.check.figures}
    assert selected == involved and involved
    assert not errors


def test_check_figures_are_highlighted_apart_from_other_figures(make_window):
    window = make_window()
    window.import_paths([str(SAMPLE)])
    view = window.document_view
    start = view.text.index("4826件")
    view.jump_to(start)
    kinds = {s.kind for s in view.highlighted_spans()}
    assert {"figure", "check", "heading"} <= kinds
    drawn = {(sel.cursor.selectionStart(), sel.cursor.selectionEnd()): sel.format.background().color().name()
             for sel in view.extraSelections()}
    assert drawn[(start, start + len("4826件"))] in ("#fde2e1", "#fbbf24")
    # only the visible part (and a margin) is highlighted, not the whole report
    assert len(view.extraSelections()) <= len(view._spans) + 2
    tip = view.tooltip_at(start + 1)
    assert "4826" in tip and "件" in tip


def test_highlights_stay_on_their_figures_after_characters_outside_the_bmp(make_window, tmp_path):
    text = ("某某县2023年工作报告\n一、基本情况\n𠀀村😀合作社全年受理投诉举报4826件,其中食品类1532件、其他类3294件。"
            "按期办结4615件,按期办结率95.63%。\n")
    report = tmp_path / "astral.txt"
    report.write_text(text, encoding="utf-8")
    window = make_window()
    window.import_paths([str(report)])
    view = window.document_view
    review = window.workspace.review
    assert review.figures, "the analysis finds the figures"
    view.jump_to(0)
    by_span = {(sel.cursor.selectionStart(), sel.cursor.selectionEnd()): sel.cursor.selectedText()
               for sel in view.extraSelections()}
    for rf in review.figures:
        u_start, u_end = view.offsets.span_to_utf16(rf.figure.start, rf.figure.end)
        assert by_span[(u_start, u_end)] == rf.figure.text
    # a selection made in Qt comes back as the core's code points
    start = text.index("1532件")
    view.select_cp(start, start + 5)
    assert view.selection_cp() == (start, start + 5)
    assert view.textCursor().selectedText() == "1532件"


def test_selection_becomes_a_heading_a_figure_and_a_tagged_comment(make_window, monkeypatch, errors):
    window = make_window()
    window.import_paths([str(SAMPLE)])
    view = window.document_view
    text = view.text
    # mark a figure the analysis missed
    start = text.index("三十二项")
    monkeypatch.setattr("ui.dialogs.ask_figure", lambda *a, **k: {"value": 32, "unit": "项", "kind": "count",
                                                                 "label": "普法任务"})
    view.figureSelectionRequested.emit(start, start + 4)
    item_type, uuid = window.workspace.current
    assert item_type == "figure"
    added = window.workspace.find_item("figure", uuid)
    assert (added.figure.value, added.figure.unit, added.figure.label) == (32, "项", "普法任务")
    # mark a heading
    heading = text.index("现将有关情况报告如下")
    monkeypatch.setattr(prompts, "ask_item", lambda *a, **k: 0)
    view.headingSelectionRequested.emit(heading, heading + len("现将有关情况报告如下"))
    item_type, uuid = window.workspace.current
    assert item_type == "section"
    assert window.outline_model.index_for_uuid(uuid).isValid()
    # tag a span of text: one undo step for annotation + tag
    before = window.workspace.undo_stack.count()
    tag = window.workspace.tags()[0]
    view.tagSelectionRequested.emit(start, start + 4, tag.uuid)
    assert window.workspace.undo_stack.count() == before + 1
    annotation = window.workspace.review.annotations[-1]
    assert annotation.quote == "三十二项" and annotation.review.tags[0].uuid == tag.uuid
    assert any(s.kind == "annotation" for s in view.highlighted_spans())
    window.act_undo.trigger()
    assert window.workspace.review.annotations == []
    assert not errors


def test_find_in_report_and_library_search(make_window, qtbot):
    window = make_window()
    window.import_paths([str(SAMPLE)])
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_line.hasFocus()
    window.find_line.insert("按期办结率")  # Chinese arrives from the input method, not as key presses
    qtbot.keyClick(window.find_line, Qt.Key.Key_Return)
    cursor = window.document_view.textCursor()
    assert cursor.selectedText() == "按期办结率"
    hits = window.search_library("投诉举报")
    assert hits and hits[0].doc_uuid == window.workspace.doc_uuid
    assert window.library_page.results.count() == len(hits)
    window.library_page.hitActivated.emit(hits[0])
    assert window.document_view.textCursor().selectedText() == "投诉举报"


def test_dropping_files_imports_them_and_bad_files_are_explained(make_window, tmp_path, errors):
    window = make_window()
    empty = tmp_path / "空报告.txt"
    empty.write_bytes(b"")
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder)), QUrl.fromLocalFile(str(empty))])
    from ui.qt import QDropEvent

    event = QDropEvent(QPoint(10, 10).toPointF(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert window.library_page.model.rowCount() == 1
    assert errors and "空" in errors[0] and "文件是空的" in errors[0]


def test_unexpected_exception_is_logged_and_shown_politely(qapp, monkeypatch, tmp_path):
    from reviewer import paths
    from ui import errors as error_hook
    from ui.qt import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text: shown.append(text)))
    error_hook.setup_logging()
    try:
        raise RuntimeError("boom in a slot")
    except RuntimeError as exc:
        error_hook.handle_exception(type(exc), exc, exc.__traceback__)
    qapp.processEvents()
    assert shown and "boom in a slot" in shown[0] and "Traceback" not in shown[0]
    import logging
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "Traceback" in paths.log_path().read_text(encoding="utf-8")


def test_layout_is_remembered(make_window, tmp_path):
    window = make_window()
    window.splitter.setSizes([200, 700, 500])
    sizes = window.splitter.sizes()
    window.close()
    again = make_window()
    assert again.splitter.sizes() == sizes


def test_library_reopened_from_disk_shows_progress(make_window, tmp_path):
    window = make_window()
    window.import_paths([str(SAMPLE)])
    window.act_next_unreviewed.trigger()
    window.set_status_and_next("confirmed")
    path = window.workspace.library.path
    window.close()
    with Library(path) as library:
        summary = library.list_documents()[0]
    assert summary.items_reviewed == 1
    again = make_window(path)
    assert "(1/" in again.library_page.model.index(0, again.library_page.model.columns.index("progress")).data()


def test_big_reports_show_an_edit_at_once_and_read_it_back_in_the_background(make_window, qtbot, monkeypatch):
    from ui import presentation

    monkeypatch.setattr(presentation, "BIG_TEXT", 100)  # the sample counts as big here
    window = make_window()
    window.import_paths([str(SAMPLE)])
    assert presentation.is_big(window.workspace.review)
    qtbot.waitUntil(lambda: window.inspector.figures_model.rowCount() > 0)  # panes fill in turns
    row, figure = _find_figure_row(window, "4826件")
    loads = []
    window.workspace.reviewUpdated.connect(lambda review: loads.append(review))
    window.correct_item("figure", figure.review.uuid, "value", 4806)
    # patched in memory at once: the table shows it before any reload
    assert _proxy_index(window, row, "value").data() == "4806"
    assert loads == []
    qtbot.waitUntil(lambda: len(loads) == 1, timeout=5000)  # then read back from the store on the worker

    def shown():  # the panes take the read-back review in turns of the event loop
        return window.inspector.figures_model.rows[row] is window.workspace.find_item("figure", figure.review.uuid)
    qtbot.waitUntil(shown)
    assert window.workspace.find_item("figure", figure.review.uuid).figure.value == 4806
    assert window.workspace.find_item("figure", figure.review.uuid).review.original == {"value": 4826}
    window.act_undo.trigger()
    assert _proxy_index(window, row, "value").data() == "4826"  # at once, before the reload
    assert len(loads) == 1
    qtbot.waitUntil(lambda: len(loads) == 2, timeout=5000)
    qtbot.waitUntil(shown)
    assert window.workspace.find_item("figure", figure.review.uuid).figure.value == 4826
    assert _proxy_index(window, row, "value").data() == "4826"


def test_merging_a_broken_heading_with_the_next_is_one_undo_step(make_window, qtbot):
    window = make_window()
    window.import_paths([str(SAMPLE)])
    sections = window.outline_model.sections()
    first, second = sections[1], sections[2]
    window.workspace.set_current("section", first.review.uuid)
    before = window.workspace.undo_stack.count()
    window.act_merge.trigger()
    merged = window.workspace.find_item("section", first.review.uuid)
    assert merged.section.title.startswith(first.section.title)
    assert merged.section.title.endswith(second.section.title)
    assert window.workspace.find_item("section", second.review.uuid).review.status == "rejected"
    assert window.workspace.undo_stack.count() == before + 1
    window.act_undo.trigger()
    assert window.workspace.find_item("section", first.review.uuid).section.title == first.section.title
    assert window.workspace.find_item("section", second.review.uuid).review.status == "unreviewed"


def test_import_and_open_on_the_real_thread_pool(qtbot, tmp_path, monkeypatch, errors):
    monkeypatch.setenv("REVIEWER_SETTINGS_DIR", str(tmp_path / "settings"))
    from ui.main_window import MainWindow
    from ui.qt import QThreadPool
    from ui.settings import Settings

    window = MainWindow(Settings(), pool=QThreadPool.globalInstance(), library_path=str(tmp_path / "lib.db"))
    qtbot.addWidget(window)
    window.show()
    finished = []
    window.jobFinished.connect(finished.append)
    job = window.import_paths([str(SAMPLE)])
    assert job is not None
    # import and open are one streamed job on a worker (ui/streaming.py): the text, then the parts
    qtbot.waitUntil(lambda: "import" in finished, timeout=30000)
    qtbot.waitUntil(lambda: window.workspace.review is not None, timeout=30000)
    assert window.outline_model.rowCount() > 0 and window.inspector.figures_model.rowCount() > 0
    assert not errors
    window.close()
