"""Issue 13: a report being imported shows its text before its analysis is done, then the
outline, then the figures, and only then becomes the review the reviewer edits, with its checks."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from ui import (
    prompts,  # noqa: E402
    streaming,  # noqa: E402
)
from ui.qt import QThreadPool  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "samples" / "sample_fazhi_2023.txt"


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("REVIEWER_SETTINGS_DIR", str(tmp_path / "settings"))
    shown: list[str] = []
    monkeypatch.setattr(prompts, "show_error", lambda parent, text, title=None: shown.append(text))
    from ui import i18n
    from ui.main_window import MainWindow
    from ui.settings import Settings

    i18n.install("zh_CN")
    settings = Settings()
    settings.reviewer = "测试员"
    window = MainWindow(settings, pool=QThreadPool.globalInstance(), library_path=str(tmp_path / "library.db"))
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    yield window
    assert not shown
    QThreadPool.globalInstance().waitForDone(30_000)
    window.close()


def test_the_text_shows_before_the_analysis_finishes(window, qtbot, monkeypatch):
    """The worker is held after the figures are found: by then the text, the outline and the
    figures are on screen, the workspace has no review yet (nothing can be edited that is not
    stored), and the checks follow once the worker goes on."""
    release = threading.Event()
    analyze = streaming.analyse

    def held(pending, document, step=None):
        def hold(name, partial):
            step(name, partial)
            if name == "figures":
                assert release.wait(30), "the test never released the worker"
        return analyze(pending, document, hold)

    monkeypatch.setattr(streaming, "analyse", held)
    text = SAMPLE.read_text(encoding="utf-8")
    window.import_paths([str(SAMPLE)])
    try:
        qtbot.waitUntil(lambda: window.inspector.figures_model.rowCount() > 0, timeout=20_000)
        assert window.workspace.review is None, "the analysis is still running"
        assert window.stack.currentWidget() is window.splitter
        shown = window.document_view.toPlainText()
        assert shown.replace("\u2029", "\n")[:200] == window.document_view.text[:200]
        assert window.document_view.text.strip()[:20] == text.strip()[:20]
        assert window.outline_model.rowCount() > 0, "the outline came before the figures"
        assert window.inspector.checks_model.rowCount() == 0, "no checks before they are found"
    finally:
        release.set()
    qtbot.waitUntil(lambda: window.workspace.review is not None, timeout=30_000)
    review = window.workspace.review
    assert review.checks and window.inspector.checks_model.rowCount() > 0
    assert window.inspector.figures_model.rowCount() == len(review.figures)
    assert not window.preview_shown()


def test_cancelling_the_stream_stores_nothing(window, qtbot, monkeypatch):
    release = threading.Event()
    analyze = streaming.analyse

    def held(pending, document, step=None):
        def hold(name, partial):
            step(name, partial)
            if name == "outline":
                assert release.wait(30)
        return analyze(pending, document, hold)

    monkeypatch.setattr(streaming, "analyse", held)
    job = window.import_paths([str(SAMPLE)])
    try:
        qtbot.waitUntil(lambda: bool(window.document_view.text), timeout=20_000)
        job.cancel()
    finally:
        release.set()
    with qtbot.waitSignal(window.jobFinished, timeout=30_000):
        pass
    assert window.workspace.review is None
    assert window.workspace.documents() == []
    assert window.stack.currentWidget() is window.library_page


def _stream(path, library, cancelled=lambda: False):
    steps: list[str] = []
    streamed = streaming.stream_import(path, str(library), "测试员", lambda name, _: steps.append(name), cancelled)
    return streamed, steps


def test_rows_are_made_early_only_for_a_report_the_import_creates(tmp_path, monkeypatch):
    """A new report's outline and figure rows are made while its checks are found; a changed
    report at a known path is re-anchored instead, so making them would be wasted work."""
    made = []
    real = streaming.early_rows
    monkeypatch.setattr(streaming, "early_rows", lambda partial: made.append(1) or real(partial))
    report = tmp_path / "甲县报告.txt"
    report.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    library = tmp_path / "library.db"
    first, steps = _stream(report, library)
    assert first.result.created and len(made) == 1
    assert steps == list(streaming.STEPS)
    report.write_text(SAMPLE.read_text(encoding="utf-8") + "\n本报告另附说明。\n", encoding="utf-8")
    second, _ = _stream(report, library)
    assert not second.result.created and second.result.anchoring is not None
    assert second.result.doc_uuid == first.result.doc_uuid
    assert len(made) == 1, "no early rows for a new version of a known report"
    assert second.prepared is not None and second.prepared.review.figures


def test_a_library_that_does_not_open_leaves_the_analysis_process_free(tmp_path):
    """The library is opened while the process analyses: if it cannot be, the analysis is given
    up, and the next import is not kept waiting for it."""
    from reviewer.messages import ReviewerError

    folder = tmp_path / "a folder, not a library"
    folder.mkdir()
    with pytest.raises(ReviewerError):
        _stream(SAMPLE, folder)
    streamed, _ = _stream(SAMPLE, tmp_path / "library.db")
    assert streamed.result.created


def test_a_new_report_cancelled_after_its_figures_were_written_is_not_stored(tmp_path):
    """The outline's and figures' rows are written while the checks are found, in a transaction
    only the import completes: a cancel then leaves nothing, and the next import stores it all."""
    from reviewer.library.store import Library

    library = tmp_path / "library.db"
    steps: list[str] = []
    streamed = streaming.stream_import(SAMPLE, str(library), "测试员", lambda name, _: steps.append(name),
                                       lambda: "figures" in steps)
    assert streamed is None and steps[-1] == "figures"
    with Library(library) as lib:
        assert lib.list_documents() == []
    streamed, _ = _stream(SAMPLE, library)
    assert streamed.result.created
    with Library(library) as lib:
        assert lib.load_review(streamed.result.doc_uuid) == streamed.prepared.review
        assert [d.doc_uuid for d in lib.list_documents()] == [streamed.result.doc_uuid]


def test_the_views_built_while_the_checks_are_found_are_those_of_the_stored_review(tmp_path):
    """The outline tree and figure rows of a new report are built at its figures step (from the
    rows written then) and taken for the stored review: the same as built from it afterwards."""
    from ui import presentation

    streamed, _ = _stream(SAMPLE, tmp_path / "library.db")
    prepared = streamed.prepared
    review = prepared.review
    assert review.checks, "the sample has checks: the figure rows must know them"
    again = presentation.prepare(review, review.document.text)
    assert prepared.outline is not None and prepared.outline.sections is review.sections
    assert [n.item for n in prepared.outline.flat] == [n.item for n in again.outline.flat]
    assert [len(n.children) for n in prepared.outline.flat] == [len(n.children) for n in again.outline.flat]
    for name in ("rows", "row_of", "section_titles", "check_figures"):
        assert getattr(prepared.figures, name) == getattr(again.figures, name), name
    assert prepared.versions == again.versions
