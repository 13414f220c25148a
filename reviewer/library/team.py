"""Opening a team library on PostgreSQL (``--db postgresql://…``): the connection half of
``store.TeamLibrary``, in place of the SQLite file's ``LibraryConnection``.

Everything above the connection (documents, edits, history, tags, search, merge) is the same code
as for a workstation library, run through ``pgsql.PgConnection``.  What differs lives here:

- the reviewer is the PostgreSQL role logged in (``session_user``), not a typed name, so history
  records the real user; the server also stamps it into ``history.db_user``;
- a role without INSERT on the library opens it read-only, and the server refuses its writes
  anyway (grants made by ``reviewer team init``, see ``team_admin``);
- one edit is one transaction, committed before the method returns, as on SQLite; a broken
  connection gives a clear message and the next edit reconnects;
- the schema is created by ``team init`` and migrated by its owner, never by a reviewer opening it.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from reviewer.library import schema as store_schema
from reviewer.library import team_schema
from reviewer.library.connection import LibraryConnection
from reviewer.library.pgsql import PgConnection, redact, team_error
from reviewer.library.rows import now
from reviewer.messages import ReviewerError

MAX_PAYLOAD = 7000  # bytes; PostgreSQL's limit for a NOTIFY payload is 8000


class TeamConnection(LibraryConnection):
    """The open PostgreSQL connection of a team library, and the transaction every edit runs in."""

    CLAIM_RETURNING = True  # a round trip saved per edit (versions.VersionsMixin._claim_item)

    def __init__(self, path: str, reviewer: str = "", read_only: bool = False) -> None:
        self.url = str(path)
        self.path = redact(self.url)  # shown in messages; never the password
        self.read_only = read_only
        self.backup_path = None  # the server's backups are the office's DBA's business
        self.last_entry = None
        self._lock = threading.RLock()
        self._checkpointer = None
        self._in_tx = False
        self._conn = PgConnection(self.url)
        try:
            self._check_and_migrate()
        except BaseException:
            self.close()
            raise

    _login = ""

    @property
    def reviewer(self) -> str:
        """The PostgreSQL role logged in: history records the real user, whatever name is typed."""
        return self._login

    @reviewer.setter
    def reviewer(self, name: str) -> None:
        pass  # a typed name (settings, --reviewer) does not replace the login

    # ------------------------------------------------------------------ opening
    def _check_and_migrate(self) -> None:
        conn = self._conn
        assert isinstance(conn, PgConnection)
        self._login = conn.execute("SELECT session_user").fetchone()[0]
        version = team_schema.current_version(conn)
        if version == 0:
            raise ReviewerError("team_not_initialised", url=self.path)
        if version > store_schema.CURRENT_VERSION:
            raise ReviewerError("library_newer", path=self.path, version=version,
                                supported=store_schema.CURRENT_VERSION)
        can_write = conn.execute("SELECT has_table_privilege('history', 'INSERT')").fetchone()[0]
        self.read_only = self.read_only or not can_write
        if version < store_schema.CURRENT_VERSION:
            if self.read_only:
                raise ReviewerError("library_read_only_old", path=self.path)
            self.migrate_schema()

    def migrate_schema(self) -> list[int]:
        """Bring the database up to this version's schema (the owner's job: ``team init``)."""
        with self._tx() as conn:
            conn.execute("SELECT pg_advisory_xact_lock(hashtext('reviewer_schema'))")
            fresh = team_schema.current_version(conn) == 0
            applied = team_schema.migrate(conn, store_schema.CURRENT_VERSION, now())
            if fresh:
                self._seed()
        return applied

    # ------------------------------------------------------------------ the connection
    @property
    def conn(self) -> PgConnection:  # type: ignore[override]
        if self._conn is None:
            raise ReviewerError("library_closed", path=str(self.path))
        if self._conn.broken and not self._in_tx:
            self._reconnect()
        return self._conn  # type: ignore[return-value]

    def _reconnect(self) -> None:
        """After the server went away: a new connection, or a clear message that it is still away."""
        old = self._conn
        self._conn = PgConnection(self.url)
        if old is not None:
            old.close()

    @property
    def library_uuid(self) -> str:
        return store_schema.library_uuid(self.conn)

    @property
    def schema_version(self) -> int:
        return team_schema.current_version(self.conn)

    def check_integrity(self) -> str:
        """The server keeps its own pages consistent; what we can check is that it answers."""
        self.conn.execute("SELECT 1").fetchone()
        return "ok"

    @contextmanager
    def _tx(self) -> Iterator[PgConnection]:
        """One transaction per edit, committed before the method returns."""
        if self.read_only:
            raise ReviewerError("team_read_only", user=self.reviewer, url=self.path)
        with self._lock:
            conn = self.conn
            if self._in_tx:  # nested: part of the caller's transaction
                yield conn
                return
            conn.begin()  # sent with the first statement (a dead connection is re-opened then)
            self._in_tx = True
            try:
                yield conn
            except BaseException as exc:
                conn.rollback_quietly()
                if isinstance(exc, conn.Error):
                    raise team_error(exc, self.url) from None
                raise
            finally:
                self._in_tx = False
            try:
                conn.commit(self._notification(conn) if conn.wrote_history else None,
                            conn.changes[0]["id"] if conn.changes else None)
            except conn.Error as exc:
                broken = conn.broken
                conn.rollback_quietly()
                if not broken:  # the server said no (a held-back write failed): nothing was saved
                    raise team_error(exc, self.url) from None
                raise ReviewerError("team_commit_unknown", url=self.path, reason=str(exc).strip()) from None

    @staticmethod
    def _notification(conn: PgConnection) -> tuple[str, str]:
        """What wakes the colleagues' feeds (``feeds.NotifyFeed``): the history rows this edit
        wrote, sent right after its COMMIT, in the same round trip (``PgConnection.commit``),
        outside the edit's transaction so commits do not queue behind NOTIFY's database-wide lock.
        The edit is committed either way: a lost wake-up only delays the others to their next poll."""
        payload = json.dumps(conn.changes, ensure_ascii=False) if conn.changes is not None else ""
        if len(payload.encode()) > MAX_PAYLOAD:
            payload = ""  # a big change (an import, a merge): the feeds read the table
        return team_schema.CHANNEL, payload
