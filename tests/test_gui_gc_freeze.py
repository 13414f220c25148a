"""Issue 13: the collector's freeze after a heavy job must not keep a closed report's cyclic
garbage for ever (``ui.workers.thaw``).  Opening and closing a report again and again must
not make the frozen generation grow, and a cycle made while a report was open is collected
once the report is closed."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from reviewer.library.store import Library  # noqa: E402
from ui import prompts, workers  # noqa: E402
from ui.workers import Job, SyncPool  # noqa: E402

SAMPLE = Path(__file__).resolve().parents[1] / "resources" / "samples" / "sample_fazhi_2023.txt"


class Node:
    """A cycle the reference counts alone cannot free."""

    def __init__(self) -> None:
        self.me = self


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("REVIEWER_SETTINGS_DIR", str(tmp_path / "settings"))
    shown: list[str] = []
    monkeypatch.setattr(prompts, "show_error", lambda parent, text, title=None: shown.append(text))
    from ui import i18n
    from ui.main_window import MainWindow

    i18n.install("zh_CN")
    library = tmp_path / "library.db"
    with Library(library, reviewer="测试员") as lib:
        doc_uuid = lib.import_file(SAMPLE).doc_uuid
    window = MainWindow(pool=SyncPool(), library_path=str(library))
    qtbot.addWidget(window)
    window.show()
    window.doc_uuid = doc_uuid
    workers.thaw(limit=10**9)  # what the suite's earlier tests froze is not this window's
    yield window
    assert not shown
    window.close()


def _open_and_close(window, qtbot) -> weakref.ref:
    window.open_document(window.doc_uuid)  # a job with the collector paused, then frozen
    assert window.workspace.review is not None
    cycle = Node()
    window.workspace.review.document.cycle = cycle  # garbage once the report is closed
    Job(lambda progress, cancelled: None, pause_gc=True).run()  # another heavy job: freezes it
    gone = weakref.ref(cycle)
    del cycle
    window.workspace.set_review(None)
    qtbot.wait(20)  # the thaw runs in a later turn of the event loop
    return gone


def test_a_closed_reports_cyclic_garbage_is_collected(window, qtbot):
    gone = _open_and_close(window, qtbot)
    gc.collect()
    assert gone() is None, "the cycle stayed frozen after its report was closed"


def test_opening_and_closing_does_not_grow_the_frozen_generation(window, qtbot):
    counts = []
    for _ in range(4):
        _open_and_close(window, qtbot)
        counts.append(gc.get_freeze_count())
    assert counts[-1] <= counts[0], counts


def test_thaw_waits_for_running_jobs_and_big_reports(monkeypatch):
    monkeypatch.setattr(workers, "_thawed_size", 0)
    gc.freeze()
    try:
        workers._pause_gc()
        assert not workers.thaw()  # a job builds objects: they stay out of the collector's way
        workers._resume_gc()
        assert gc.get_freeze_count() > 0
        assert not workers.thaw(limit=0)  # too many frozen: a big report is still alive
        assert workers.thaw(limit=gc.get_freeze_count()) and gc.get_freeze_count() == 0
    finally:
        gc.unfreeze()
