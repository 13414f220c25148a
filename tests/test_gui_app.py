"""The application around the window: command line, screenshot, first launch, settings, tag
manager, shortcuts page, exports of several reports."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from reviewer.library.store import Library  # noqa: E402
from ui import prompts  # noqa: E402
from ui.workers import SyncPool  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "resources" / "samples"


def _env(tmp_path: Path) -> dict:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", REVIEWER_DATA_DIR=str(tmp_path / "data"),
                REVIEWER_SETTINGS_DIR=str(tmp_path / "settings"), REVIEWER_SKIP_FIRST_RUN="1")


def test_screenshot_option_renders_the_report_at_1400_by_900(tmp_path, qapp):
    from ui.qt import QImage

    out = tmp_path / "shot.png"
    result = subprocess.run([sys.executable, "-m", "ui.app", "--screenshot", str(out),
                             str(SAMPLES / "sample_fazhi_2023.txt")], env=_env(tmp_path), cwd=ROOT,
                            capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr[-2000:]
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1400, 900)
    with Library(tmp_path / "data" / "library.db") as library:
        assert len(library.list_documents()) == 1


def test_first_launch_with_an_empty_library_offers_the_sample_but_adds_nothing(tmp_path):
    """Issue 11, defect 7: invented data never goes into the reviewer's library by itself."""
    out = tmp_path / "first.png"
    db = tmp_path / "own.db"
    result = subprocess.run([sys.executable, "-m", "ui.app", "--db", str(db), "--screenshot", str(out)],
                            env=_env(tmp_path), cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr[-2000:]
    with Library(db) as library:
        assert library.list_documents() == []


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("REVIEWER_SETTINGS_DIR", str(tmp_path / "settings"))
    monkeypatch.setattr(prompts, "show_error", lambda parent, text, title=None: pytest.fail(text))
    monkeypatch.setattr(prompts, "offer_open", lambda parent, text: "")
    from ui import i18n
    from ui.main_window import MainWindow
    from ui.settings import Settings

    i18n.install("zh_CN")
    settings = Settings()
    settings.reviewer = "甲"
    win = MainWindow(settings, pool=SyncPool(), library_path=str(tmp_path / "lib.db"))
    qtbot.addWidget(win)
    yield win
    win.close()


def test_settings_change_the_reviewer_recorded_with_edits_and_the_font(window):
    window.import_paths([str(SAMPLES / "sample_fazhi_2023.txt")])
    size = window.document_view.font().pointSize()
    window.settings.reviewer = "乙"
    window.settings.font_size = size + 3
    window.apply_settings({"reviewer": "乙", "font_size": size + 3})
    assert window.document_view.font().pointSize() == size + 3
    assert "乙" in window.reviewer_label.text()
    figure = window.workspace.review.figures[0]
    window.workspace.set_current("figure", figure.review.uuid)
    window.set_status("confirmed")
    entry = window.workspace.library.history(item_uuid=figure.review.uuid)[-1]
    assert entry.reviewer == "乙"


def test_tag_manager_creates_renames_and_undo_removes(window, monkeypatch):
    dialog = window.manage_tags()
    before = {t.name for t in window.workspace.tags()}
    dialog.createRequested.emit("待复核", "#aa3377", None)
    created = next(t for t in window.workspace.tags() if t.name == "待复核")
    assert created.color.lower() == "#aa3377"
    assert dialog.tree.topLevelItemCount() >= 1
    dialog.updateRequested.emit(created.uuid, {"name": "待二次复核"})
    assert any(t.name == "待二次复核" for t in window.workspace.tags())
    window.act_undo.trigger()
    assert any(t.name == "待复核" for t in window.workspace.tags())
    window.act_undo.trigger()
    assert {t.name for t in window.workspace.tags()} == before
    dialog.close()


def test_export_of_the_whole_library_holds_every_report(window, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    window.import_paths([str(SAMPLES / "sample_fazhi_2023.txt")])
    window.import_paths([str(SAMPLES / "sample_zhifa_2022_traditional.txt")])
    assert len(window.workspace.documents()) == 2
    out = tmp_path / "all.xlsx"
    window.export(None, out_path=str(out))
    workbook = openpyxl.load_workbook(out, read_only=True)
    text = "\n".join(str(c) for ws in workbook.worksheets for row in ws.iter_rows(values_only=True)
                     for c in row if c is not None)
    workbook.close()
    assert "法治政府建设" in text and "行政執法" in text


def test_shortcuts_page_lists_every_frequent_action(window):
    from ui.dialogs import shortcuts_html

    page = shortcuts_html(window.actions())
    for key in ("F8", "F9", "Ctrl+Z", "Ctrl+Y", "Ctrl+F", "Ctrl+E", "Ctrl+T", "Ctrl+M", "Del", "F2", "Ctrl+Q",
                "Ctrl+,"):
        assert f"<b>{key}" in page or f"/ {key}" in page, key
    assert "<b>回车</b></td><td>确认并转到下一项</td>" in page  # Enter (Qt's own Chinese key name)


def test_library_that_cannot_be_opened_is_explained_and_the_window_stays_up(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("REVIEWER_SETTINGS_DIR", str(tmp_path / "settings"))
    shown = []
    monkeypatch.setattr(prompts, "show_error", lambda parent, text, title=None: shown.append(text))
    from ui import i18n
    from ui.main_window import MainWindow
    from ui.settings import Settings

    i18n.install("zh_CN")
    bogus = tmp_path / "not-a-library.db"
    bogus.write_text("这不是数据库", encoding="utf-8")
    window = MainWindow(Settings(), pool=SyncPool(), library_path=str(bogus))
    qtbot.addWidget(window)
    assert shown and "Traceback" not in shown[0]
    assert window.workspace.library is None
    assert window.open_library(str(tmp_path / "good.db"))
    window.close()


def test_scrolling_the_text_moves_the_outline_along(window, qtbot):
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    window.import_paths([str(SAMPLES / "sample_fazhi_2023.txt")])
    view = window.document_view
    target = next(rs for rs in window.workspace.review.sections if "严格规范公正文明执法" in rs.section.title)
    block = view.document().findBlock(view.offsets.to_utf16(target.section.heading_start))
    bar = view.verticalScrollBar()
    for value in range(bar.maximum() + 1):  # scroll line by line, as a wheel does, to the heading
        bar.setValue(value)
        if view.firstVisibleBlock().blockNumber() >= block.blockNumber():
            break
    assert view.firstVisibleBlock().blockNumber() == block.blockNumber()
    qtbot.waitUntil(lambda: "严格规范公正文明执法" in (window.outline_view.currentIndex().data() or ""), timeout=3000)


def test_after_an_export_the_folder_can_be_opened(window, tmp_path, monkeypatch):
    from ui.qt import QDesktopServices

    opened = []
    monkeypatch.setattr(prompts, "offer_open", lambda parent, text: "folder")
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toLocalFile())))
    window.import_paths([str(SAMPLES / "sample_fazhi_2023.txt")])
    out = tmp_path / "out" / "report.xlsx"
    out.parent.mkdir()
    window.export([window.workspace.doc_uuid], out_path=str(out))
    assert opened == [str(out.parent)]


def test_opened_libraries_are_remembered_as_recent(window, tmp_path):
    other = tmp_path / "other.db"
    assert window.open_library(str(other))
    assert window.settings.recent_libraries[0] == str(other)
    window.recent_menu.aboutToShow.emit()
    assert str(other) in [a.text() for a in window.recent_menu.actions()]


def test_the_window_exports_the_memo_and_the_annotated_copy(window, tmp_path, monkeypatch):
    import docx

    saved = []
    monkeypatch.setattr(prompts, "offer_open", lambda parent, text: saved.append(text) or "")
    window.import_paths([str(SAMPLES / "sample_fazhi_2023.txt")])
    assert window.act_export_memo.text() == "导出审核意见书(Word)…"
    memo, annotated = tmp_path / "意见书.docx", tmp_path / "批注版"
    window.export_word("memo", out_path=str(memo))
    window.export_word("annotated", out_path=str(annotated))
    assert docx.Document(str(memo)).paragraphs[0].text.startswith("关于《")
    assert (tmp_path / "批注版.docx").exists()
    assert len(saved) == 2 and "Word 文档已保存" in saved[0]
