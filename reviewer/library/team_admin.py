"""``reviewer team init``: a team library on an empty PostgreSQL database, with its roles and grants.

Who may do what is the server's business, not the window's: reviewers log in as their own roles,
members of a reviewers group that may read and write the library's tables (history only appended
to and marked undone); a supervisors group may only read.  PostgreSQL itself refuses a
supervisor's INSERT, UPDATE or DELETE.  Passwords of the login roles made here are hashed on the
client (SCRAM-SHA-256, libpq's ``PQencryptPasswordConn``) so no plain password reaches the server,
its logs, or any file.

Every function returns the lines of what it did, for the command to print.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from psycopg import sql

from reviewer.library import schema as store_schema
from reviewer.library import team_schema
from reviewer.library.connection import LibraryConnection
from reviewer.library.pgsql import PgConnection, redact
from reviewer.library.rows import now
from reviewer.messages import ReviewerError

DEFAULT_REVIEWERS = "report_reviewers"
DEFAULT_SUPERVISORS = "report_supervisors"
_ROLE_NAME = re.compile(r"^[^\x00-\x1f\"]{1,63}$")


def _role(name: str) -> sql.Identifier:
    if not _ROLE_NAME.match(name or "") or name.lower().startswith("pg_"):
        raise ReviewerError("team_bad_role_name", name=name)
    return sql.Identifier(name)


def _run(conn: PgConnection, statement: sql.Composable | str) -> None:
    conn.raw.execute(statement)


def _role_exists(conn: PgConnection, name: str) -> bool:
    return conn.raw.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone() is not None


def init_team(url: str, reviewers_group: str = DEFAULT_REVIEWERS, supervisors_group: str = DEFAULT_SUPERVISORS,
              reviewers: dict[str, str] | None = None, supervisors: dict[str, str] | None = None) -> list[str]:
    """Create (or bring up to date) the schema, the two group roles, the grants, and any login
    roles given as {name: password}.  Safe to run again: what exists is kept."""
    done: list[str] = []
    conn = PgConnection(url)
    try:
        done += _schema(conn, url)
        done += _groups(conn, reviewers_group, supervisors_group)
        done += _grants(conn, reviewers_group, supervisors_group)
        for name, password in (reviewers or {}).items():
            done += add_login(conn, name, password, reviewers_group)
        for name, password in (supervisors or {}).items():
            done += add_login(conn, name, password, supervisors_group)
    finally:
        conn.close()
    return done


def _schema(conn: PgConnection, url: str) -> list[str]:
    version = team_schema.current_version(conn)
    if version == 0:
        tables = team_schema.user_tables(conn)
        if tables:
            raise ReviewerError("team_init_not_empty", url=redact(url), tables=", ".join(sorted(tables)[:5]))
    if version > store_schema.CURRENT_VERSION:
        raise ReviewerError("library_newer", path=redact(url), version=version, supported=store_schema.CURRENT_VERSION)
    if version == store_schema.CURRENT_VERSION:
        return [f"schema: already at version {version}, unchanged"]
    conn.raw.execute("BEGIN")
    try:
        conn.execute("SELECT pg_advisory_xact_lock(hashtext('reviewer_schema'))")
        fresh = team_schema.current_version(conn) == 0
        applied = team_schema.migrate(conn, store_schema.CURRENT_VERSION, now())
        if fresh:
            _seed(conn)
        conn.raw.execute("COMMIT")
    except BaseException:
        conn.rollback_quietly()
        raise
    what = "created" if fresh else "migrated"
    return [f"schema: {what} version {applied[-1]} (steps {', '.join(map(str, applied))}),"
            " history trigger stamping the PostgreSQL user; changes announced on channel " + team_schema.CHANNEL]


def _seed(conn: PgConnection) -> None:
    """The default tags and the library's identity, as a new workstation library gets them."""
    holder = LibraryConnection.__new__(LibraryConnection)
    holder._conn = conn  # type: ignore[assignment]  # _seed only runs statements
    LibraryConnection._seed(holder)


def _groups(conn: PgConnection, reviewers_group: str, supervisors_group: str) -> list[str]:
    done = []
    for name, what in ((reviewers_group, "reviewers (read and write)"), (supervisors_group, "supervisors (read only)")):
        if _role_exists(conn, name):
            done.append(f"role {name}: exists, kept")
        else:
            _run(conn, sql.SQL("CREATE ROLE {} NOLOGIN").format(_role(name)))
            done.append(f"role {name}: created, group of {what}")
    return done


def _grants(conn: PgConnection, reviewers_group: str, supervisors_group: str) -> list[str]:
    db = conn.raw.execute("SELECT current_database(), current_schema()").fetchone()
    database, schema_name = sql.Identifier(db[0]), sql.Identifier(db[1])
    rev, sup = _role(reviewers_group), _role(supervisors_group)
    statements = [
        sql.SQL("REVOKE ALL ON DATABASE {} FROM PUBLIC").format(database),
        sql.SQL("GRANT CONNECT, TEMPORARY ON DATABASE {} TO {}, {}").format(database, rev, sup),
        sql.SQL("GRANT USAGE ON SCHEMA {} TO {}, {}").format(schema_name, rev, sup),
        sql.SQL("GRANT SELECT ON ALL TABLES IN SCHEMA {} TO {}, {}").format(schema_name, rev, sup),
        sql.SQL("REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA {} FROM {}").format(schema_name, sup),
        sql.SQL("GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {} TO {}").format(schema_name, rev),
        sql.SQL("REVOKE INSERT, UPDATE, DELETE ON schema_version, history FROM {}").format(rev),
        sql.SQL("GRANT INSERT, UPDATE (undone) ON history TO {}").format(rev),
        sql.SQL("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {} TO {}").format(schema_name, rev),
    ]
    for statement in statements:
        _run(conn, statement)
    return [f"grants: {reviewers_group} may read and change the review (history: append and mark undone only,"
            f" schema_version: read only); {supervisors_group} may read only; PUBLIC may not connect"]


def add_login(conn: PgConnection, name: str, password: str, group: str) -> list[str]:
    """A login role for one person in ``group``; its password sent only as a SCRAM hash."""
    role = _role(name)
    hashed = conn.raw.pgconn.encrypt_password(password.encode(), name.encode(), b"scram-sha-256").decode()
    verb = "updated" if _role_exists(conn, name) else "created"
    if verb == "created":
        _run(conn, sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(role, sql.Literal(hashed)))
    else:
        _run(conn, sql.SQL("ALTER ROLE {} LOGIN PASSWORD {}").format(role, sql.Literal(hashed)))
    _run(conn, sql.SQL("GRANT {} TO {}").format(_role(group), role))
    return [f"login {name}: {verb}, member of {group} (password stored by the server as a SCRAM hash)"]


def add_user(url: str, name: str, password: str, supervisor: bool = False,
             reviewers_group: str = DEFAULT_REVIEWERS, supervisors_group: str = DEFAULT_SUPERVISORS) -> list[str]:
    conn = PgConnection(url)
    try:
        return add_login(conn, name, password, supervisors_group if supervisor else reviewers_group)
    finally:
        conn.close()


def database_name(url: str) -> str:
    return (urlsplit(url).path or "/").lstrip("/")
