"""Analysing many reports in worker processes while this process stores them, in order.

The analysis is pure CPU and a library has one writer, so a folder import splits the work:
worker processes load and analyse the files, the calling process stores each result as soon as
it and every file before it are done — the same order, the same one transaction per report and
the same results as importing the files one by one, in a fraction of the time on several cores.

Workers ignore SIGINT: Ctrl-C reaches the calling process alone (a terminal sends it to the
whole process group), which stops handing out files, keeps what it stored and lets the workers
finish the report in hand; no worker prints a traceback.
"""

from __future__ import annotations

import os
import signal
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from pathlib import Path

# Imported here, before any worker starts, so that a forked worker has them already.
from reviewer import pipeline as _pipeline  # noqa: F401
from reviewer.library.documents import ImportResult, analyse_for_import
from reviewer.load import dispatch as _dispatch  # noqa: F401
from reviewer.messages import language, set_language
from reviewer.model import Analysis

# Fewer files than this are analysed here: starting the workers costs more than they save.
MIN_FILES_FOR_WORKERS = 4
# Files handed out ahead of the one being stored, per worker: enough to keep every worker busy
# while this process stores, few enough that finished analyses do not pile up in memory.
_AHEAD_PER_WORKER = 4

Outcome = Analysis | ImportResult


def default_workers() -> int:
    """One worker per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not on Linux
        return max(1, os.cpu_count() or 1)


def _start_worker(language_code: str) -> None:
    """Ignore Ctrl-C (the parent decides) and write messages in the parent's language."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    set_language(language_code)


@contextmanager
def analysed_in_order(paths: list[Path], workers: int | None = None) -> Iterator[Iterator[tuple[Path, Outcome]]]:
    """``(path, analysis or error result)`` for each of ``paths`` in their order, analysed by
    ``workers`` processes (default: one per core; 1, or only a few files: here, one by one).
    Leaving the block early (Ctrl-C, an error while storing) cancels the files not yet begun."""
    workers = default_workers() if workers is None else max(1, workers)
    workers = min(workers, len(paths))
    if workers <= 1 or len(paths) < MIN_FILES_FOR_WORKERS:
        yield ((p, analyse_for_import(p)) for p in paths)
        return
    # The first file is analysed here before the workers start: the dictionary and the caches it
    # loads are then inherited by forked workers instead of loaded by each of them.
    first = analyse_for_import(paths[0])
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=(language(),))
    try:
        yield _in_order(pool, (paths[0], first), paths[1:], workers * _AHEAD_PER_WORKER)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _in_order(pool: ProcessPoolExecutor, first: tuple[Path, Outcome], paths: list[Path],
              ahead: int) -> Iterator[tuple[Path, Outcome]]:
    """``first``, then the outcomes of ``paths`` from the workers, in order, with at most
    ``ahead`` files handed out; a dead worker's files (and the rest) are analysed here."""
    pending: deque[tuple[Path, Future[Outcome]]] = deque()
    queued = iter(paths)
    broken = _hand_out(pool, queued, pending, ahead)
    yield first  # the workers have started on theirs meanwhile
    while pending:
        path, future = pending.popleft()
        try:
            outcome = future.result()
        except BrokenProcessPool:  # a worker died (killed, out of memory)
            broken = True
            outcome = analyse_for_import(path)
        yield path, outcome
        if not broken:
            broken = _hand_out(pool, queued, pending, ahead)
    yield from ((p, analyse_for_import(p)) for p in queued)


def _hand_out(pool: ProcessPoolExecutor, queued: Iterator[Path], pending: deque[tuple[Path, Future[Outcome]]],
              ahead: int) -> bool:
    """Submit files until ``ahead`` are pending; whether the pool turned out to be broken."""
    while len(pending) < ahead:
        path = next(queued, None)
        if path is None:
            return False
        try:
            pending.append((path, pool.submit(analyse_for_import, path)))
        except BrokenProcessPool:
            pending.append((path, _failed()))
            return True
    return False


def _failed() -> Future[Outcome]:
    """A future that raises BrokenProcessPool, for a file the broken pool would not take."""
    future: Future[Outcome] = Future()
    future.set_exception(BrokenProcessPool("a worker process died"))
    return future
