"""Analysing one report in a process of its own, its parts streamed back as they are found.

The window used to analyse a report it imports on a worker thread, and a thread shares the
interpreter lock with the GUI thread: while a 5 MB report was analysed, every call a view made
into Python waited for the lock, and a regular expression of the cleaning over 5 MB held it from
start to end.  A second process has a lock and a core of its own.  It stays up between imports
(its dictionary loaded once, until ten idle minutes), is started ahead of need by ``warm_up``,
and runs a little below the window's priority.  Given a file's path (``begin(path)``) it loads
the file and sends the document first, so the caller can show the text at once; then the
outline, the figures and the checks as the pipeline reaches them, in slices of ``SLICE`` items,
each unpickled on its own, so that no single unpickling holds the caller's lock for long.

Whatever goes wrong with the process (it cannot start, it dies, it raises), the caller loads and
analyses in its own process instead, so it gets exactly what ``load_document`` and
``pipeline.analyze`` give or raise.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from reviewer import pipeline
from reviewer.library import documents
from reviewer.library.documents import ImportResult
from reviewer.model import Analysis, Document, Metadata

log = logging.getLogger(__name__)

Step = Callable[[str, Analysis], None]
LISTS = ("sections", "figures", "citations", "checks", "advisories")
#: items per message: a slice of 2,000 figures unpickles in a few milliseconds
SLICE = 2000
#: seconds to wait for a started process to answer before analysing here instead
START_TIMEOUT = 60.0
#: seconds without a request after which the process loads the dictionary
IDLE_BEFORE_WARMING = 0.05
#: how much less than the window's priority the process runs at (``nice``; below normal on Windows)
PRIORITY_STEPS_BELOW = 5
#: seconds without a request after which the process ends (the window starts another on the
#: next import dialog, drop or import)
IDLE_BEFORE_LEAVING = 600.0


class ProcessFailed(Exception):
    """The analysis process could not be used; the caller analyses in-process."""


class NotLoadedThere(ProcessFailed):
    """The process could not load the file (and is ready for the next one)."""


def _serve(conn, leave_after: float = IDLE_BEFORE_LEAVING) -> None:
    """The process: analyse each document sent, streaming the parts; the dictionary is loaded
    when nothing is asked (a file sent at once is loaded and shown first: that needs none)."""
    from reviewer.analysis import segmenter

    _yield_to_the_window()
    try:
        conn.send(("ready",))
        warm = False
        while True:
            if not warm and not conn.poll(IDLE_BEFORE_WARMING):
                segmenter.tokenizer()
                warm = True
                continue
            if not conn.poll(leave_after):  # its 160 MB back; started again when needed
                return
            try:
                request = conn.recv()
            except EOFError:
                return
            try:
                document = _document(request)
                if not isinstance(request, Document):
                    conn.send(("document", document))
                _analyse_and_send(conn, document)
            except Exception as exc:  # noqa: BLE001 — told to the caller, who analyses itself
                conn.send(("failed", f"{type(exc).__name__}: {exc}"))
    except (BrokenPipeError, EOFError, KeyboardInterrupt):
        return


def _yield_to_the_window() -> None:
    """Run a little below normal priority: on two cores the analysis, the window's worker and
    the GUI thread all want one, and the GUI thread should get it (a turn waited up to 45 ms
    for a core while a 5 MB report was analysed)."""
    try:
        if hasattr(os, "nice"):
            os.nice(PRIORITY_STEPS_BELOW)
        elif sys.platform == "win32":
            import ctypes

            kernel32 = ctypes.windll.kernel32
            kernel32.SetPriorityClass(kernel32.GetCurrentProcess(), 0x4000)  # BELOW_NORMAL_PRIORITY_CLASS
    except (OSError, AttributeError):
        pass


def _document(request: Document | str) -> Document:
    """The document sent, or the file named loaded here (with the path the caller gives it)."""
    return request if isinstance(request, Document) else documents.load_for_import(request)


def _analyse_and_send(conn, document: Document) -> None:
    sent = dict.fromkeys(LISTS, 0)

    def send_new(partial: Analysis) -> None:
        """The items of each list not sent yet, in slices; then the metadata."""
        for name in LISTS:
            items = getattr(partial, name)
            for start in range(sent[name], len(items), SLICE):
                conn.send(("items", name, items[start:start + SLICE]))
            sent[name] = len(items)
        conn.send(("metadata", partial.metadata))

    def step(name: str, partial: Analysis) -> None:
        send_new(partial)
        conn.send(("step", name))

    analysis = pipeline.analyze(document, step)
    send_new(analysis)
    # the pipeline numbers the citations once the checks are done, after they were sent
    conn.send(("citation_ids", [c.id for c in analysis.citations]))
    conn.send(("done",))


class AnalysisProcess:
    """One analysis process, started on first use and kept for the next report."""

    def __init__(self, leave_after: float = IDLE_BEFORE_LEAVING) -> None:
        self._leave_after = leave_after  # seconds the process waits for a report before it ends
        self._lock = threading.Lock()  # one analysis at a time goes through the pipe
        self._process = None
        self._conn = None
        self._ready = False
        self.last_in_process = False  # whether the last analysis ran in the process (self-test)

    def warm_up(self) -> None:
        """Start the process (it loads the dictionary meanwhile); returns at once, also when an
        analysis is under way (the GUI thread calls this)."""
        if not self._lock.acquire(blocking=False):
            return
        try:
            self._start()
        except ProcessFailed as exc:
            log.info("no analysis process: %s", exc)
        finally:
            self._lock.release()

    def analyze(self, document: Document, step: Step | None = None) -> Analysis:
        """``pipeline.analyze(document, step)``, in the process; here if the process fails.
        An exception raised by ``step`` (a cancel) stops the process's analysis and is raised."""
        return self.begin(document).finish(document, step)

    def begin(self, source: Document | str) -> Pending:
        """Start analysing ``source`` (a document, or a file's path for the process to load
        itself) and return at once; ``finish`` (or ``abandon``) must follow, from any thread."""
        is_path = not isinstance(source, Document)
        self._lock.acquire()
        try:
            self._start()
            self._conn.send(source)
        except ProcessFailed as exc:
            return Pending(self, failed=str(exc), path=is_path)
        except (OSError, ValueError) as exc:
            return Pending(self, failed=f"could not send the report: {exc!r}", path=is_path)
        except BaseException:
            self._lock.release()
            raise
        return Pending(self, path=is_path)

    def analyse_for_import(self, path: str | Path) -> Analysis | ImportResult:
        """``documents.analyse_for_import(path)``, loaded and analysed in the process: the same
        outcome, made here whenever the process cannot (a file it could not load is loaded here,
        so the error says why in the user's words)."""
        pending = self.begin(str(path))
        try:
            document = pending.document(lambda: documents.load_for_import(path))
        except Exception as exc:  # noqa: BLE001 — said in the result
            pending.abandon()
            return documents.import_failure(path, exc)
        except BaseException:
            pending.abandon()
            raise
        try:
            return pending.finish(document)
        except Exception as exc:  # noqa: BLE001 — a finder's bug, here too: said in the result
            return documents.import_failure(path, exc)

    def close(self) -> None:
        with self._lock:
            self._stop()

    # ------------------------------------------------------------------ the pipe
    def _start(self) -> None:
        if self._process is not None and self._process.is_alive():
            return
        self._stop()
        try:
            context = multiprocessing.get_context("spawn")  # never fork a process with threads
            parent, child = context.Pipe()
            process = context.Process(target=_serve, args=(child, self._leave_after), daemon=True,
                                      name="report-reviewer-analysis")
            process.start()
        except (OSError, RuntimeError, ValueError) as exc:
            raise ProcessFailed(f"could not start: {exc}") from exc
        child.close()
        self._process, self._conn, self._ready = process, parent, False

    def _wait_ready(self) -> None:
        if self._ready:
            return
        if not self._conn.poll(START_TIMEOUT):
            raise ProcessFailed("no answer after start")
        self._ready = self._receive() == ("ready",)
        if not self._ready:
            raise ProcessFailed("unexpected first message")

    def _receive(self):
        try:
            return self._conn.recv()
        except (EOFError, OSError) as exc:
            raise ProcessFailed(f"the process ended: {exc!r}") from exc
        except Exception as exc:  # noqa: BLE001 — an object that does not unpickle here
            raise ProcessFailed(f"unreadable message: {exc!r}") from exc

    def _receive_document(self) -> Document:
        self._wait_ready()
        message = self._receive()
        if message[0] == "failed":
            raise NotLoadedThere(message[1])
        if message[0] != "document" or not isinstance(message[1], Document):
            raise ProcessFailed(f"unexpected message: {message[0]!r}")
        return message[1]

    def _receive_analysis(self, document: Document, step: Step | None) -> Analysis:
        """The parts of the report sent by ``begin``, put together over ``document``."""
        self._wait_ready()
        parts: dict[str, list] = {name: [] for name in LISTS}
        metadata = Metadata()
        while True:
            message = self._receive()
            kind = message[0]
            if kind == "items":
                parts[message[1]].extend(message[2])
            elif kind == "metadata":
                metadata = message[1]
            elif kind == "step":
                if step is not None:
                    step(message[1], _analysis(document, metadata, parts))
            elif kind == "citation_ids":
                for citation, number in zip(parts["citations"], message[1]):
                    citation.id = number
            elif kind == "done":
                return _analysis(document, metadata, parts)
            else:
                raise ProcessFailed(f"the analysis failed there: {message[1:]}")

    def _stop(self) -> None:
        conn, process = self._conn, self._process
        self._conn = self._process = None
        self._ready = False
        if conn is not None:
            conn.close()
        if process is not None:
            process.kill()
            process.join(5)


class Pending:
    """An analysis begun in the process: ``document`` (for a path), then ``finish``, collect it
    (or load and analyse here)."""

    def __init__(self, owner: AnalysisProcess, failed: str = "", path: bool = False) -> None:
        self._owner, self._failed, self._open = owner, failed, True
        self._document_due = path  # the process sends the document it loaded first
        self._idle = False  # the process is done with this report (it could not load it)

    def document(self, load: Callable[[], Document]) -> Document:
        """The document the process loaded; ``load()`` here if the process fails (so a file
        that does not load raises here, with the error ``load`` gives)."""
        if not self._failed and self._document_due:
            self._document_due = False
            try:
                return self._owner._receive_document()
            except NotLoadedThere as exc:
                self._failed, self._idle = str(exc), True
            except ProcessFailed as exc:
                self._failed = str(exc)
        return load()

    def finish(self, document: Document, step: Step | None = None) -> Analysis:
        """The analysis of ``document`` — the report begun — with its parts given to ``step``
        as they come; analysed here if the process fails.  An exception from ``step`` (a
        cancel) stops the process mid-report and is raised."""
        owner = self._owner
        try:
            if self._failed:
                raise ProcessFailed(self._failed)
            if self._document_due:
                raise ProcessFailed("the document it loaded was never taken")
            analysis = owner._receive_analysis(document, step)
            owner.last_in_process = True
            return analysis
        except ProcessFailed as exc:
            log.warning("analysing in this process instead: %s", exc)
            if not self._idle:
                owner._stop()
            owner.last_in_process = False
        except BaseException:  # the step raised (a cancel): the process is mid-report
            owner._stop()
            raise
        finally:
            self._release()
        return pipeline.analyze(document, step)

    def abandon(self) -> None:
        """The caller will not take this analysis (the file did not load, the caller failed):
        the process, if mid-report, is stopped (and started again for the next one)."""
        if self._open:
            if not self._idle:
                self._owner._stop()
            self._release()

    def _release(self) -> None:
        if self._open:
            self._open = False
            self._owner._lock.release()


def _analysis(document: Document, metadata: Metadata, parts: dict[str, list]) -> Analysis:
    """An ``Analysis`` of the parts so far (lists copied: the caller may keep a partial one)."""
    return Analysis(document=document, metadata=metadata, **{name: list(parts[name]) for name in LISTS})


_shared: AnalysisProcess | None = None
_shared_lock = threading.Lock()


def shared() -> AnalysisProcess:
    """The application's one analysis process."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = AnalysisProcess()
        return _shared
