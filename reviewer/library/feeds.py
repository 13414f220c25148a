"""Live changes: an open library learns of a colleague's change as soon as it commits.

``Library.watch()`` returns a ``ChangeFeed``; ``feed.poll(timeout)`` returns the changes committed
since the last call (``Change``: which report, item and action, by whom, when), waiting up to
``timeout`` seconds for the first one.  The GUI polls it from a timer, or ``feed.start(callback)``
calls back from a thread of its own.  Each feed holds its own connection, so waiting never blocks
the library's edits.

- a team library (``NotifyFeed``): PostgreSQL LISTEN on the channel the history trigger NOTIFYs
  (``team_schema``): delivered on commit, no polling of tables;
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
    """Changes to a team library, by PostgreSQL LISTEN/NOTIFY."""

    def __init__(self, url: str, reviewer: str = "") -> None:
        self.url, self.reviewer = url, reviewer
        self._conn: PgConnection | None = None
        self._listen()

    def _listen(self) -> None:
        self._conn = PgConnection(self.url)
        self._conn.raw.execute(f"LISTEN {CHANNEL}")

    def poll(self, timeout: float = 0.0) -> list[Change]:
        if self._conn is None or self._conn.broken:
            self._listen()  # after a server restart; raises a clear message while it is away
        assert self._conn is not None
        raw = self._conn.raw
        try:
            found = list(raw.notifies(timeout=max(timeout, 0.0), stop_after=1))
            if found:
                found += list(raw.notifies(timeout=0.0))
        except self._conn.Error as exc:
            raise team_error(exc, self.url) from None
        changes = []
        for note in found:
            try:
                data = json.loads(note.payload)
                changes.append(Change(int(data["id"]), data.get("doc_uuid"), data["item_type"], data["item_uuid"],
                                      data["action"], data["reviewer"], data["at"]))
            except (ValueError, KeyError, TypeError):
                continue
        return changes

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
        rows = self._conn.execute(
            "SELECT id, doc_uuid, item_type, item_uuid, action, reviewer, at FROM history WHERE id > ? ORDER BY id",
            (self._last,)).fetchall()
        if rows:
            self._last = rows[-1][0]
        return [Change(*r) for r in rows]

    def _close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
