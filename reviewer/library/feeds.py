"""Live changes: an open library learns of a colleague's change as soon as it commits.

``Library.watch()`` returns a ``ChangeFeed``; ``feed.poll(timeout)`` returns the changes committed
since the last call (``Change``: which report, item and action, by whom, when), waiting up to
``timeout`` seconds for the first one.  The GUI polls it from a timer, or ``feed.start(callback)``
calls back from a thread of its own.  Each feed holds its own connection, so waiting never blocks
the library's edits.

- a team library (``NotifyFeed``): PostgreSQL LISTEN on the channel every committed edit NOTIFYs
  (``team.TeamConnection._announce``), then the new history rows are read;
- a workstation library (``HistoryFeed``): reads history rows newer than the last seen one
  (another process on the same file), every 100 ms while waiting.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reviewer.library.pgsql import PgConnection, team_error
from reviewer.library.team_schema import CHANNEL
from reviewer.messages import ReviewerError


@dataclass
class Change:
    id: int
    doc_uuid: str | None
    item_type: str
    item_uuid: str
    action: str
    reviewer: str
    at: str
    received: float = field(default_factory=time.time)  # when this feed saw it (epoch seconds)


class ChangeFeed:
    """What both feeds offer; see the module docstring."""

    _thread: threading.Thread | None = None
    _stop: threading.Event | None = None

    def poll(self, timeout: float = 0.0) -> list[Change]:  # pragma: no cover - overridden
        raise NotImplementedError

    def _close(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def start(self, callback: Callable[[list[Change]], None], interval: float = 0.5) -> None:
        """Call ``callback(changes)`` from a background thread whenever changes arrive."""
        self._stop = threading.Event()

        def run() -> None:
            assert self._stop is not None
            while not self._stop.is_set():
                try:
                    changes = self.poll(interval)
                except ReviewerError:
                    self._stop.wait(1.0)  # the server is away: try again shortly
                    continue
                if changes:
                    callback(changes)

        self._thread = threading.Thread(target=run, name="library-changes", daemon=True)
        self._thread.start()

    def close(self) -> None:
        if self._stop is not None:
            self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
        self._close()

    def __enter__(self) -> ChangeFeed:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class NotifyFeed(ChangeFeed):
    """Changes to a team library: woken by PostgreSQL LISTEN/NOTIFY, then reads the new history
    rows (so nothing is missed even if a wake-up is)."""

    WINDOW = 1000  # history ids; far more than the transactions in flight at once

    def __init__(self, url: str, reviewer: str = "") -> None:
        self.url, self.reviewer = url, reviewer
        self._conn: PgConnection | None = None
        self._last: int | None = None
        self._seen_ids: set[int] = set()
        self._listen()

    def _listen(self) -> None:
        self._conn = PgConnection(self.url)
        self._conn.raw.execute(f"LISTEN {CHANNEL}")
        self._catch_up = self._last is not None  # after a reconnect: what was announced meanwhile
        if self._last is None:
            row = self._conn.execute("SELECT MAX(id) FROM history").fetchone()
            self._last = int(row[0] or 0)
            self._seen_ids = {r[0] for r in self._conn.execute(
                "SELECT id FROM history WHERE id > ?", (self._last - self.WINDOW,)).fetchall()}

    def poll(self, timeout: float = 0.0) -> list[Change]:
        if self._conn is None or self._conn.broken:
            self._listen()  # after a server restart; raises a clear message while it is away
        assert self._conn is not None
        raw = self._conn.raw
        try:
            woken = list(raw.notifies(timeout=max(timeout, 0.0), stop_after=1))
            if woken:
                woken += list(raw.notifies(timeout=0.0))
        except self._conn.Error as exc:
            raise team_error(exc, self.url) from None
        changes, read_table = [], False
        for note in woken:
            try:
                entries = json.loads(note.payload) if note.payload else None
                changes += [Change(e["id"], e["doc_uuid"], e["item_type"], e["item_uuid"], e["action"],
                                   e["reviewer"], e["at"]) for e in entries or []]
                read_table = read_table or entries is None
            except (ValueError, KeyError, TypeError):
                read_table = True
        if read_table or self._catch_up:
            # Ids are drawn at insert but committed in any order (a transaction holding id 100
            # may commit after one holding 101): read back a window, skip the ids already seen.
            self._catch_up = False
            changes = [Change(*r) for r in self._conn.execute(
                "SELECT id, doc_uuid, item_type, item_uuid, action, reviewer, at FROM history WHERE id > ?"
                " ORDER BY id", (self._last - self.WINDOW,)).fetchall()]
        fresh = [c for c in changes if c.id not in self._seen_ids]
        if fresh:
            self._seen_ids.update(c.id for c in fresh)
            self._last = max(self._last, *(c.id for c in fresh))
            self._seen_ids = {i for i in self._seen_ids if i > self._last - self.WINDOW}
        return fresh

    def _close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


class HistoryFeed(ChangeFeed):
    """Changes another process commits to the same workstation library file."""

    POLL_S = 0.1

    def __init__(self, path: str | Path) -> None:
        self._conn: sqlite3.Connection | None = sqlite3.connect(
            f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False, timeout=5.0)
        row = self._conn.execute("SELECT MAX(id) FROM history").fetchone()
        self._last = int(row[0] or 0)

    def poll(self, timeout: float = 0.0) -> list[Change]:
        deadline = time.monotonic() + max(timeout, 0.0)
        while True:
            changes = self._read()
            if changes or time.monotonic() >= deadline:
                return changes
            time.sleep(min(self.POLL_S, max(deadline - time.monotonic(), 0.0)))

    def _read(self) -> list[Change]:
        if self._conn is None:
            return []
        rows = self._conn.execute(  # SQLite writers take turns: ids commit in order
            "SELECT id, doc_uuid, item_type, item_uuid, action, reviewer, at FROM history WHERE id > ? ORDER BY id",
            (self._last,)).fetchall()
        if rows:
            self._last = rows[-1][0]
        return [Change(*r) for r in rows]

    def _close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
