"""The library's SQLite schema and its forward migrations.

A library file says which schema it holds in the ``schema_version`` table (one row per applied
step).  ``MIGRATIONS[n]`` turns a version ``n - 1`` file into version ``n``; opening an older file
runs the missing steps in one transaction after a backup (see ``store.Library``), and a file from
a newer version is refused rather than guessed at.

Column conventions: every entity has a ``uuid`` (uuid4 text, never a row id) so merges and
exports can rely on it; every row a person made carries ``reviewer``; times are ISO 8601 UTC
strings, so they sort as text; JSON columns hold values whose type must survive (a figure's value
may be an int, a float or a string).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

# Analysed item tables share the review columns; the analysed columns are never updated by an edit
# (corrections live in their own table).
_REVIEW_COLUMNS = """
    status TEXT NOT NULL DEFAULT 'unreviewed',
    user_added INTEGER NOT NULL DEFAULT 0,
    orphaned INTEGER NOT NULL DEFAULT 0,
    deleted INTEGER NOT NULL DEFAULT 0,
    reviewer TEXT,
    changed_at TEXT"""

SCHEMA_V1 = f"""
CREATE TABLE schema_version (
    version INTEGER PRIMARY KEY,
    applied_at TEXT NOT NULL,
    note TEXT
);
CREATE TABLE library_info (
    key TEXT PRIMARY KEY,
    value TEXT
);
CREATE TABLE documents (
    uuid TEXT PRIMARY KEY,
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL UNIQUE,
    format TEXT,
    encoding TEXT,
    script TEXT,
    metadata TEXT NOT NULL,
    warnings TEXT NOT NULL DEFAULT '[]',
    text TEXT NOT NULL,
    analysis_text TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    reviewer TEXT,
    status TEXT NOT NULL DEFAULT 'unreviewed',
    status_reviewer TEXT,
    changed_at TEXT
);
CREATE INDEX documents_path ON documents(path);
CREATE TABLE sections (
    uuid TEXT PRIMARY KEY,
    doc_uuid TEXT NOT NULL REFERENCES documents(uuid) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    local_id INTEGER NOT NULL,
    parent_id INTEGER,
    level INTEGER NOT NULL,
    number TEXT,
    title TEXT,
    start INTEGER,
    "end" INTEGER,
    heading_start INTEGER,
    heading_end INTEGER,
    confidence REAL,
    style TEXT,{_REVIEW_COLUMNS}
);
CREATE INDEX sections_doc ON sections(doc_uuid);
CREATE TABLE figures (
    uuid TEXT PRIMARY KEY,
    doc_uuid TEXT NOT NULL REFERENCES documents(uuid) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    local_id INTEGER NOT NULL,
    text TEXT,
    value TEXT,
    unit TEXT,
    kind TEXT,
    label TEXT,
    qualifier TEXT,
    start INTEGER,
    "end" INTEGER,
    section_id INTEGER,
    low REAL,
    high REAL,
    label_start INTEGER,
    label_end INTEGER,{_REVIEW_COLUMNS}
);
CREATE INDEX figures_doc ON figures(doc_uuid);
CREATE TABLE citations (
    uuid TEXT PRIMARY KEY,
    doc_uuid TEXT NOT NULL REFERENCES documents(uuid) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    local_id INTEGER NOT NULL,
    text TEXT,
    kind TEXT,
    start INTEGER,
    "end" INTEGER,{_REVIEW_COLUMNS}
);
CREATE INDEX citations_doc ON citations(doc_uuid);
CREATE TABLE checks (
    uuid TEXT PRIMARY KEY,
    doc_uuid TEXT NOT NULL REFERENCES documents(uuid) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    local_id INTEGER NOT NULL,
    advisory INTEGER NOT NULL DEFAULT 0,
    kind TEXT,
    severity TEXT,
    message TEXT,
    figures TEXT NOT NULL DEFAULT '[]',
    sections TEXT NOT NULL DEFAULT '[]',
    detail TEXT NOT NULL DEFAULT '{{}}',{_REVIEW_COLUMNS}
);
CREATE INDEX checks_doc ON checks(doc_uuid);
CREATE TABLE corrections (
    uuid TEXT PRIMARY KEY,
    doc_uuid TEXT NOT NULL,
    item_type TEXT NOT NULL,
    item_uuid TEXT NOT NULL,
    field TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT,
    supersedes TEXT NOT NULL DEFAULT '[]',
    reviewer TEXT NOT NULL,
    at TEXT NOT NULL,
    undone INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX corrections_doc ON corrections(doc_uuid);
CREATE INDEX corrections_item ON corrections(item_uuid, field);
CREATE TABLE annotations (
    uuid TEXT PRIMARY KEY,
    doc_uuid TEXT NOT NULL REFERENCES documents(uuid) ON DELETE CASCADE,
    start INTEGER,
    "end" INTEGER,
    quote TEXT NOT NULL,
    prefix TEXT NOT NULL DEFAULT '',
    suffix TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    anchor_state TEXT NOT NULL DEFAULT 'exact',
    reviewer TEXT NOT NULL,
    created_at TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'unreviewed',
    status_reviewer TEXT,
    changed_at TEXT,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX annotations_doc ON annotations(doc_uuid);
CREATE TABLE tags (
    uuid TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    color TEXT NOT NULL DEFAULT '#888888',
    parent TEXT REFERENCES tags(uuid) ON DELETE SET NULL,
    description TEXT NOT NULL DEFAULT '',
    reviewer TEXT,
    created_at TEXT
);
CREATE TABLE tag_links (
    uuid TEXT PRIMARY KEY,
    tag_uuid TEXT NOT NULL REFERENCES tags(uuid) ON DELETE CASCADE,
    doc_uuid TEXT,
    item_type TEXT NOT NULL,
    item_uuid TEXT NOT NULL,
    reviewer TEXT NOT NULL,
    at TEXT NOT NULL,
    removed INTEGER NOT NULL DEFAULT 0,
    changed_at TEXT NOT NULL,
    UNIQUE (tag_uuid, item_type, item_uuid)
);
CREATE INDEX tag_links_doc ON tag_links(doc_uuid);
CREATE INDEX tag_links_item ON tag_links(item_uuid);
CREATE TABLE comments (
    uuid TEXT PRIMARY KEY,
    doc_uuid TEXT,
    item_type TEXT NOT NULL,
    item_uuid TEXT NOT NULL,
    body TEXT NOT NULL,
    reviewer TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX comments_doc ON comments(doc_uuid);
CREATE INDEX comments_item ON comments(item_uuid);
CREATE TABLE history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid TEXT NOT NULL UNIQUE,
    at TEXT NOT NULL,
    reviewer TEXT NOT NULL,
    action TEXT NOT NULL,
    item_type TEXT NOT NULL,
    item_uuid TEXT NOT NULL,
    doc_uuid TEXT,
    field TEXT,
    old TEXT,
    new TEXT,
    undone INTEGER NOT NULL DEFAULT 0,
    ref TEXT,
    extra TEXT
);
CREATE INDEX history_item ON history(item_uuid);
CREATE INDEX history_doc ON history(doc_uuid);
"""

# Version 2: a log of the libraries merged in, so a merge report can say what was brought in
# before and a repeated merge is recognisable.
SCHEMA_V2 = """
CREATE TABLE merge_log (
    uuid TEXT PRIMARY KEY,
    other_path TEXT NOT NULL,
    other_library TEXT,
    at TEXT NOT NULL,
    reviewer TEXT NOT NULL,
    report TEXT NOT NULL
);
"""


# Version 3: the library list asks each report for its latest change; with (doc_uuid, at) that is
# one index seek per report instead of a scan of the whole history.
SCHEMA_V3 = """
CREATE INDEX history_doc_at ON history(doc_uuid, at);
DROP INDEX history_doc;
"""


# Version 4: the library list counts every report's items by status; covering indexes let it
# read small index pages instead of every item row (0.45 s -> a few ms for 160,000 figures).
SCHEMA_V4 = """
CREATE INDEX sections_doc_status ON sections(doc_uuid, deleted, orphaned, status);
DROP INDEX sections_doc;
CREATE INDEX figures_doc_status ON figures(doc_uuid, deleted, orphaned, status);
DROP INDEX figures_doc;
CREATE INDEX citations_doc_status ON citations(doc_uuid, deleted, orphaned, status);
DROP INDEX citations_doc;
CREATE INDEX checks_doc_status ON checks(doc_uuid, deleted, orphaned, advisory, status);
DROP INDEX checks_doc;
"""


def _create_v1(conn: sqlite3.Connection) -> None:
    for statement in _statements(SCHEMA_V1):
        conn.execute(statement)


def _v1_to_v2(conn: sqlite3.Connection) -> None:
    for statement in _statements(SCHEMA_V2):
        conn.execute(statement)


# Version 5: a reviewer's verdict on a check (属实 / 误报 / 待核实) is its status; the reason typed
# with it is kept beside it.
SCHEMA_V5 = """
ALTER TABLE checks ADD COLUMN verdict_reason TEXT
"""


def _v4_to_v5(conn: sqlite3.Connection) -> None:
    """checks.verdict_reason: the reason a reviewer gives with a verdict on a check"""
    for statement in _statements(SCHEMA_V5):
        conn.execute(statement)


def _statements(script: str) -> list[str]:
    """Split a DDL script (no semicolons inside statements) so it can run inside our transaction;
    ``executescript`` would commit first."""
    return [s.strip() for s in script.split(";") if s.strip()]


def _v2_to_v3(conn: sqlite3.Connection) -> None:
    for statement in _statements(SCHEMA_V3):
        conn.execute(statement)


def _v3_to_v4(conn: sqlite3.Connection) -> None:
    for statement in _statements(SCHEMA_V4):
        conn.execute(statement)


# Version 6 (issue 15): a row version on every item a reviewer edits, so an edit based on what
# was loaded before a colleague changed the item is refused instead of overwriting it.
VERSIONED_TABLES = ("documents", "sections", "figures", "citations", "checks", "annotations", "comments")


def _v5_to_v6(conn: sqlite3.Connection) -> None:
    """row_version on every edited item: no lost updates between reviewers"""
    for table in VERSIONED_TABLES:
        conn.execute(f"ALTER TABLE {table} ADD COLUMN row_version INTEGER NOT NULL DEFAULT 0")
    # On a team library the server fills db_user with the PostgreSQL role that wrote the entry
    # (reviewer/library/team_schema.py); a workstation library leaves it empty.
    conn.execute("ALTER TABLE history ADD COLUMN db_user TEXT")


MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {
    1: _create_v1, 2: _v1_to_v2, 3: _v2_to_v3, 4: _v3_to_v4, 5: _v4_to_v5, 6: _v5_to_v6}
CURRENT_VERSION = max(MIGRATIONS)


def current_version(conn: sqlite3.Connection) -> int:
    """The schema version of an open library; 0 for an empty file."""
    has_table = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'").fetchone()
    if not has_table:
        return 0
    row = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def library_uuid(conn: sqlite3.Connection) -> str:
    """The library's own UUID (made when it was created), "" where it has none."""
    row = conn.execute("SELECT value FROM library_info WHERE key = 'library_uuid'").fetchone()
    return row[0] if row else ""


def user_tables(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]


def migrate(conn: sqlite3.Connection, target: int, now: str) -> list[int]:
    """Apply the steps from the file's version up to ``target``; the caller holds the transaction.
    Returns the versions applied."""
    applied = []
    for version in range(current_version(conn) + 1, target + 1):
        MIGRATIONS[version](conn)
        conn.execute("INSERT INTO schema_version (version, applied_at, note) VALUES (?, ?, ?)",
                     (version, now, MIGRATIONS[version].__doc__ or MIGRATIONS[version].__name__))
        applied.append(version)
    return applied
