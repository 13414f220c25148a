"""Opening a library file: connection, checks, migrations, transactions.

Every edit runs in ``_tx()``: BEGIN IMMEDIATE, one commit per edit, ``synchronous=FULL``; a
background thread checkpoints the WAL so an edit only appends to it.  A file that is not one of
our libraries, is damaged or was made by a newer version is refused before anything is written.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import sqlite3
import stat
import threading
import uuid as uuid_module
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils

from reviewer import paths
from reviewer.library import identity
from reviewer.library import schema as store_schema
from reviewer.library.fields import printable
from reviewer.library.inserts import SqliteInserter
from reviewer.library.review import (
    HistoryEntry,
    Tag,
)
from reviewer.library.rows import (
    default_reviewer,
    new_uuid,
    now,
)
from reviewer.messages import ReviewerError

SQLITE_HEADER = b"SQLite format 3\x00"
SUPPORTED_SUFFIXES = (".txt", ".docx", ".pdf", ".html", ".htm")
BUSY_TIMEOUT_S = 5.0
QUICK_CHECK_LIMIT = 64 * 1024 * 1024  # bytes; bigger libraries get a lighter check on opening
CONTEXT = 32

# item type -> table holding its row (metadata and document live on the documents row)
ITEM_TABLES = {"section": "sections", "figure": "figures", "citation": "citations", "check": "checks",
               "annotation": "annotations", "metadata": "documents", "document": "documents"}
class _Checkpointer:
    """Copies the WAL back into the library file every ``interval`` seconds from a thread of its
    own (PASSIVE: it never blocks readers or writers).  SQLite also checkpoints when the last
    connection closes, so a short command-line run leaves no WAL behind."""

    def __init__(self, path: Path, interval: float = 2.0) -> None:
        self._stop = threading.Event()
        self._path, self._interval = path, interval
        self._thread = threading.Thread(target=self._run, name="library-checkpoint", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            conn = sqlite3.connect(str(self._path), timeout=BUSY_TIMEOUT_S, check_same_thread=False)
        except sqlite3.Error:
            return
        try:
            while not self._stop.wait(self._interval):
                try:
                    conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
                except sqlite3.Error:
                    pass  # busy or closing: the next round, or the last close, will do it
        finally:
            conn.close()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)


LOW_DISK_BYTES = 1024 * 1024  # an I/O error with less free space than this is a full disk


def read_header(path: Path, size: int = 16) -> bytes:
    """The first bytes of ``path``, refusing anything but a regular file before reading (a FIFO
    would block for ever, /dev/zero never end).  Opened non-blocking, checked by what is open."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise ReviewerError("library_unreadable", path=str(path), reason=exc.strerror or str(exc)) from None
    with os.fdopen(fd, "rb") as handle:
        try:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise ReviewerError("not_regular_file", path=str(path))
            return handle.read(size)
        except OSError as exc:
            raise ReviewerError("library_unreadable", path=str(path), reason=exc.strerror or str(exc)) from None


def disk_full(exc: BaseException, path: Path) -> bool:
    """SQLITE_FULL, ENOSPC, or an I/O error on a disk with (almost) no space left."""
    text = str(exc).lower()
    if "full" in text or getattr(exc, "errno", None) == errno.ENOSPC:
        return True
    if "disk i/o error" in text or "i/o" in text:
        try:
            return shutil.disk_usage(path.parent if str(path.parent) else ".").free < LOW_DISK_BYTES
        except OSError:
            return False
    return False


def operational_error(exc: sqlite3.DatabaseError, path: Path) -> ReviewerError:
    """An SQLite failure as a message the user can act on; the transaction was rolled back.
    Only a file SQLite itself calls malformed is "damaged": a full disk or an I/O error is not,
    and restoring a backup over an intact library would throw work away."""
    text = str(exc).lower()
    if disk_full(exc, path):
        return ReviewerError("library_disk_full", path=str(path))
    if "disk i/o error" in text:
        return ReviewerError("library_io_error", path=str(path), reason=str(exc))
    if "locked" in text or "busy" in text:
        return ReviewerError("library_busy", path=str(path))
    if "readonly" in text or "read-only" in text:
        return ReviewerError("library_read_only", path=str(path))
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return ReviewerError("library_damaged", path=str(path), reason=str(exc))
    return ReviewerError("library_write_failed", path=str(path), reason=str(exc))


def default_tags() -> list[Tag]:
    """The tag vocabulary a new library starts with (resources/tags/default_tags.json).  Their
    uuids derive from their names, so two libraries' defaults are the same tags when merged."""
    path = paths.resource("tags", "default_tags.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {"tags": []}
    result: list[Tag] = []

    def walk(items: list[dict], parent: Tag | None) -> None:
        for item in items:
            tag_path = f"{parent.path}/{item['name']}" if parent else item["name"]
            tag = Tag(uuid=str(uuid_module.uuid5(TAG_NAMESPACE, tag_path)), name=item["name"],
                      color=item.get("color", "#888888").upper(), parent=parent.uuid if parent else None,
                      description=item.get("description", ""), path=tag_path)
            result.append(tag)
            walk(item.get("children", []), tag)

    walk(data.get("tags", []), None)
    return result


TAG_NAMESPACE = uuid_module.UUID("6f1c2a8e-4b1d-4c52-9d0e-7a3b5c9e2f10")


class LibraryConnection:
    """The open SQLite connection of a library, and the transaction every edit runs in."""

    def __init__(self, path: str | Path | None = None, reviewer: str = "", read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else paths.default_library_path()
        self.reviewer = reviewer or default_reviewer()  # cleaned by the property below
        self.read_only = read_only  # also set when the file or its folder cannot be written
        self.backup_path: Path | None = None  # set when opening migrated the file
        # The history entry of this library's latest change (add_comment, add_annotation … return
        # other things; an undo stack can take the entry id from here).
        self.last_entry: HistoryEntry | None = None
        self._lock = threading.RLock()
        self._conn: sqlite3.Connection | None = None
        self._checkpointer: _Checkpointer | None = None
        self._open()
        sqlite_utils.Database(self._conn, execute_plugins=False)  # its PRAGMA recursive_triggers=on
        self._db = SqliteInserter(self._conn)  # insert_all's rows without its cost per value
        if not self.read_only:
            # Checkpoints copy the WAL into the file and sync it; done here, in the background,
            # an edit only appends to the WAL (the p99 of a committed edit drops accordingly).
            self._conn.execute("PRAGMA wal_autocheckpoint = 0")
            self._checkpointer = _Checkpointer(self.path)

    # ------------------------------------------------------------------ opening and closing
    def _open(self) -> None:
        p = self.path
        if p.is_dir():
            raise ReviewerError("library_is_directory", path=str(p))
        exists = p.exists() and p.stat().st_size > 0
        if p.exists() and not p.is_file():
            raise ReviewerError("not_regular_file", path=str(p))
        if exists:
            header = read_header(p)
            if header != SQLITE_HEADER:
                raise ReviewerError("library_not_sqlite", path=str(p))
        elif not p.parent.is_dir():
            raise ReviewerError("library_folder_missing", path=str(p))
        folder_writable = os.access(p.parent, os.W_OK)
        self.read_only = self.read_only or (exists and not os.access(p, os.W_OK)) or not folder_writable
        if self.read_only and not exists:
            raise ReviewerError("library_cannot_create", path=str(p))
        try:
            self._conn = self._connect(p)
            self._check_and_migrate()
        except sqlite3.DatabaseError as exc:
            self.close()
            raise operational_error(exc, p) from None
        except OSError as exc:  # the backup before a migration, on a full disk
            self.close()
            if disk_full(exc, p):
                raise ReviewerError("library_disk_full", path=str(p)) from None
            raise ReviewerError("library_unreadable", path=str(p), reason=exc.strerror or str(exc)) from None
        except BaseException:
            self.close()
            raise

    def _connect(self, p: Path) -> sqlite3.Connection:
        uri = p.resolve().as_uri()
        if self.read_only:
            try:
                conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S,
                                       isolation_level=None, check_same_thread=False)
                conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
            except sqlite3.OperationalError:
                # A WAL library in a read-only folder cannot create its -shm file: read it as an
                # immutable snapshot instead.
                conn = sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, isolation_level=None,
                                       check_same_thread=False)
        else:
            conn = sqlite3.connect(str(p), timeout=BUSY_TIMEOUT_S, isolation_level=None,
                                   check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        conn.execute("PRAGMA foreign_keys = ON")
        return conn

    def _check_and_migrate(self) -> None:
        conn = self._conn
        assert conn is not None
        if self.path.stat().st_size <= QUICK_CHECK_LIMIT:
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
        else:
            check = self._light_check()
        if check != "ok":
            raise ReviewerError("library_damaged", path=str(self.path), reason=check)
        version = identity.schema_version(conn, self.path)
        if version == 0 and store_schema.user_tables(conn):
            raise ReviewerError("library_not_reviewer", path=str(self.path))
        if version > 0 and not identity.is_ours(conn, min(version, store_schema.CURRENT_VERSION)):  # before anything is written to it
            raise ReviewerError("library_not_reviewer", path=str(self.path))
        if version == store_schema.CURRENT_VERSION and identity.missing_tables(conn):
            raise ReviewerError("library_missing_tables", path=str(self.path),
                                tables=", ".join(identity.missing_tables(conn))[:200])
        if version > store_schema.CURRENT_VERSION:
            raise ReviewerError("library_newer", path=str(self.path), version=version,
                                supported=store_schema.CURRENT_VERSION)
        if not self.read_only:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
        if version < store_schema.CURRENT_VERSION:
            if self.read_only:
                raise ReviewerError("library_read_only_old", path=str(self.path))
            if version > 0:
                self.backup_path = self._backup(version)
            with self._tx():
                # Another process may have migrated it while we waited for the write lock.
                if store_schema.current_version(conn) < store_schema.CURRENT_VERSION:
                    fresh = store_schema.current_version(conn) == 0
                    store_schema.migrate(conn, store_schema.CURRENT_VERSION, now())
                    identity.mark_ours(conn)
                    if fresh:
                        self._seed()
        elif not self.read_only and identity.application_id(conn) == 0:
            with self._tx():  # a library of ours from before the id: stamp it once
                identity.mark_ours(conn)

    def _light_check(self) -> str:
        """For big libraries, where ``quick_check`` reads every page (seconds): read the schema and
        walk each table's smallest index.  Damage elsewhere is still caught when it is read (an
        SQLite error becomes ``library_damaged``) and by ``check_integrity()``."""
        conn = self.conn
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
            conn.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()
        return "ok"

    def check_integrity(self) -> str:
        """``PRAGMA integrity_check`` of the whole file: "ok", or what is wrong.  Slow on big
        libraries (seconds); the GUI can run it in the background."""
        with self._lock:
            rows = self.conn.execute("PRAGMA integrity_check").fetchall()
        return "\n".join(r[0] for r in rows)

    def _backup(self, version: int) -> Path:
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
        target = self.path.with_name(f"{self.path.stem}.bak-v{version}-{stamp}.db")
        dest = sqlite3.connect(str(target))
        try:
            with dest:
                self._conn.backup(dest)
        finally:
            dest.close()
        return target

    def _seed(self) -> None:
        at = now()
        self._conn.executemany("INSERT INTO library_info (key, value) VALUES (?, ?)",
                               [("library_uuid", new_uuid()), ("created_at", at)])
        for tag in default_tags():
            self._conn.execute(
                "INSERT OR IGNORE INTO tags (uuid, name, color, parent, description, reviewer, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (tag.uuid, tag.name, tag.color, tag.parent, tag.description, "", at))

    def close(self) -> None:
        if self._checkpointer is not None:
            self._checkpointer.stop()
            self._checkpointer = None
        if self._conn is not None:
            try:
                self._conn.close()
            finally:
                self._conn = None

    def __enter__(self) -> LibraryConnection:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def reviewer(self) -> str:
        return self._reviewer

    @reviewer.setter
    def reviewer(self, name: str) -> None:
        """Stored with every change and written into every export: no control characters (XML
        cannot hold them, a terminal would obey them), no lone surrogates (UTF-8 cannot)."""
        self._reviewer = printable(name) or "reviewer"

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            raise ReviewerError("library_closed", path=str(self.path))
        return self._conn

    @property
    def library_uuid(self) -> str:
        return store_schema.library_uuid(self.conn)

    @property
    def schema_version(self) -> int:
        return store_schema.current_version(self.conn)

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken with BEGIN IMMEDIATE so a second writer waits for the lock
        at the start (busy_timeout) instead of failing half-way."""
        if self.read_only:
            raise ReviewerError("library_read_only", path=str(self.path))
        conn = self.conn
        with self._lock:
            if conn.in_transaction:  # nested: part of the caller's transaction
                yield conn
                return
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                raise operational_error(exc, self.path) from None
            try:
                yield conn
            except BaseException as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.IntegrityError):
                    raise operational_error(exc, self.path) from exc
                raise
            try:
                conn.execute("COMMIT")
            except sqlite3.DatabaseError as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise operational_error(exc, self.path) from None

    def _rows(self, sql: str, params: tuple | list = ()) -> list[dict]:
        with self._lock:
            try:
                cursor = self.conn.execute(sql, params)
                names = [d[0] for d in cursor.description]
                return [dict(zip(names, row)) for row in cursor.fetchall()]
            except sqlite3.DatabaseError as exc:
                if isinstance(exc, sqlite3.IntegrityError) or self.conn.in_transaction:
                    raise  # inside a write: _tx rolls back and explains
                raise operational_error(exc, self.path) from exc

    def _row(self, sql: str, params: tuple | list = ()) -> dict | None:
        rows = self._rows(sql, params)
        return rows[0] if rows else None
