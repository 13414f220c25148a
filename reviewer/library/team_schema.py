"""The team library's schema on PostgreSQL: the same versioned migrations as SQLite, plus what
only a server can do.

``schema.MIGRATIONS`` runs unchanged through the translating connection (``pgsql``), so both
backends hold the same tables at the same version number.  ``PG_EXTRAS[n]`` runs right after
step ``n`` on PostgreSQL only: from v6, a trigger that stamps every history entry with the
PostgreSQL role that wrote it (``db_user``, which a client cannot forge).

Changes are announced on ``CHANNEL`` by the writer right after its commit (``team.TeamConnection``),
not by a trigger: a NOTIFY inside a transaction takes a database-wide lock through its commit, so
every notifying commit — fsync included — would wait for the one before it (measured: commit p99
87 ms with ten writers, against 20 ms without).  A feed reads the new history rows itself when
woken, so a lost wake-up only delays it to the next poll.
"""

from __future__ import annotations

from reviewer.library import schema as store_schema
from reviewer.library.pgsql import PgConnection

CHANNEL = "reviewer_changes"

_V6_EXTRAS = [
    """CREATE OR REPLACE FUNCTION reviewer_history_stamp() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
    NEW.db_user := session_user;
    RETURN NEW;
END $f$""",
    "DROP TRIGGER IF EXISTS history_stamp ON history",
    "CREATE TRIGGER history_stamp BEFORE INSERT ON history FOR EACH ROW"
    " EXECUTE FUNCTION reviewer_history_stamp()",
]

PG_EXTRAS: dict[int, list[str]] = {6: _V6_EXTRAS}


def current_version(conn: PgConnection) -> int:
    """The schema version of a team database; 0 when it holds no library yet."""
    row = conn.execute("SELECT to_regclass('schema_version') IS NOT NULL").fetchone()
    if not row or not row[0]:
        return 0
    row = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def user_tables(conn: PgConnection) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()").fetchall()]


def migrate(conn: PgConnection, target: int, at: str) -> list[int]:
    """The missing steps up to ``target`` inside the caller's transaction, each followed by its
    PostgreSQL extras.  The caller holds a lock so two clients never migrate at once."""
    applied = []
    for version in range(current_version(conn) + 1, target + 1):
        step = store_schema.MIGRATIONS[version]
        step(conn)  # type: ignore[arg-type]  # the translating connection stands in for sqlite3
        for statement in PG_EXTRAS.get(version, []):
            conn.raw.execute(statement)
        conn.execute("INSERT INTO schema_version (version, applied_at, note) VALUES (?, ?, ?)",
                     (version, at, step.__doc__ or step.__name__))
        applied.append(version)
    return applied
