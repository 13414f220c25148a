"""Long work (import, analysis, export) off the GUI thread, with progress and cancel.

A ``Job`` wraps a plain function ``fn(progress, cancelled)`` from the core; its signals arrive on
the GUI thread.  ``SyncPool`` runs a job at once in the caller's thread (as Picard's test thread
pool does) so tests are deterministic.
"""

from __future__ import annotations

import gc
import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from ui.qt import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class JobSignals(QObject):
    progress = Signal(int, int, str)  # done, total, what
    finished = Signal(object)  # the function's result
    failed = Signal(object)  # the exception
    partial = Signal(object)  # a part of the result, ready before the rest (streaming.py)


_gc_lock = threading.Lock()
_gc_pauses = 0


def _pause_gc() -> None:
    global _gc_pauses
    with _gc_lock:
        _gc_pauses += 1
        gc.disable()


def _resume_gc() -> None:
    """Re-enable the collector after the last paused job, with what the jobs built frozen: it
    lives as long as the report is open, and a full collection scanning a million review
    objects would hold the interpreter lock — and so the GUI thread — for half a second.
    ``thaw`` gives the frozen objects back once the report is gone."""
    global _gc_pauses
    with _gc_lock:
        _gc_pauses -= 1
        if _gc_pauses == 0:
            gc.freeze()
            gc.enable()


#: ``thaw`` collects only when at most this many objects more than after its last collection
#: are frozen (a collection of 300,000 took 100 ms of CPU here); more means a big report is
#: still alive, and its objects stay frozen until the next chance
THAW_LIMIT = 150_000
_thawed_size = 0  # objects the collector kept at the last thaw: the application's own


def thaw(limit: int = THAW_LIMIT) -> bool:
    """Unfreeze what ``_resume_gc`` froze and collect it, when no heavy job runs and the frozen
    objects are few (the report they belonged to is closed: refcounting has freed most of it).
    Frozen objects are never examined by the collector, so without this the cyclic garbage
    frozen with a report — closures, Qt wrappers, the window of a closed report — is never
    freed.  True if it collected."""
    global _thawed_size
    with _gc_lock:
        frozen = gc.get_freeze_count()
        if _gc_pauses or not gc.isenabled() or not frozen or frozen > _thawed_size + limit:
            return False
        gc.unfreeze()
        gc.collect()
        _thawed_size = len(gc.get_objects(generation=2))
        return True


class Job(QRunnable):
    """One unit of background work.  ``fn(progress, cancelled)`` receives a progress callback
    ``progress(done, total, label)`` and a ``cancelled()`` predicate.  ``pause_gc`` keeps the
    cyclic garbage collector off while a job builds a very large object graph (measured on a
    5 MB report: loading it took 6.0 s with 0.56 s pauses of the event loop, 2.7 s and 0.06 s
    without the collector)."""

    def __init__(self, fn: Callable[[Callable, Callable[[], bool]], Any], pause_gc: bool = False) -> None:
        super().__init__()
        self.pause_gc = pause_gc
        self.setAutoDelete(False)  # Python keeps the reference; Qt must not delete it under us
        self.fn = fn
        self.signals = JobSignals()
        self._cancel = threading.Event()
        self.done = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def _progress(self, done: int = 0, total: int = 0, label: str = "", payload: object = None) -> None:
        """Report progress; a ``payload`` (a part of the result the window can show already)
        goes out with it, before the progress."""
        if payload is not None:
            self.signals.partial.emit(payload)
        self.signals.progress.emit(int(done), int(total), str(label or ""))

    def run(self) -> None:
        if self.pause_gc:
            _pause_gc()
        try:
            result = self.fn(self._progress, self.cancelled)
        except BaseException as exc:  # reported to the GUI, never lost in a thread
            if not isinstance(exc, Exception):
                raise
            log.error("background job failed:\n%s", traceback.format_exc())
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)
        finally:
            if self.pause_gc:
                _resume_gc()
            self.done.set()


class SyncPool:
    """A stand-in for QThreadPool whose ``start`` runs the job immediately (tests)."""

    def start(self, job: QRunnable) -> None:
        job.run()

    def waitForDone(self, msecs: int = -1) -> bool:  # noqa: N802 (Qt's name)
        return True


def default_pool() -> QThreadPool:
    return QThreadPool.globalInstance()
