"""Recognising our own libraries before anything is written to them.

A SQLite file that merely has a ``schema_version`` table may belong to another application;
switching it to WAL, backing it up or migrating it would change someone else's data.  Our
libraries carry ``PRAGMA application_id = APPLICATION_ID`` (set on creation, and on the first
writable opening of a library made before the id existed, once its tables are found to be ours).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from reviewer.library import schema as store_schema
from reviewer.library.incoming import our_columns
from reviewer.messages import ReviewerError

APPLICATION_ID = 0x52525657  # "RRVW": Report Reviewer


def schema_version(conn: sqlite3.Connection, path: Path) -> int:
    """``schema.current_version``, refusing a version record we never write ("2.0-beta", a blob)."""
    try:
        return store_schema.current_version(conn)
    except (ValueError, TypeError, OverflowError):
        found = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0]
        raise ReviewerError("library_bad_version", path=str(path), version=repr(found)[:40]) from None


def application_id(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA application_id").fetchone()[0])


def is_ours(conn: sqlite3.Connection, version: int = store_schema.CURRENT_VERSION) -> bool:
    """Ours by id; or, with no id at all (libraries from before it), by every table and column of
    our schema at the file's ``version`` being there."""
    found = application_id(conn)
    if found == APPLICATION_ID:
        return True
    if found != 0:
        return False
    for table, columns in our_columns(version).items():
        present = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
        if columns and not set(columns) <= present:
            return False
    present = {r[1] for r in conn.execute("PRAGMA table_info(library_info)")}
    return {"key", "value"} <= present


def missing_tables(conn: sqlite3.Connection) -> list[str]:
    """Tables (or columns, as ``table.column``) of our current schema that the file lacks."""
    missing: list[str] = []
    for table, columns in our_columns().items():
        present = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
        if not present:
            missing.append(table)
        else:
            missing.extend(f"{table}.{c}" for c in columns if c not in present)
    return missing


def mark_ours(conn: sqlite3.Connection) -> None:
    """Stamp the file as ours (inside the caller's write transaction)."""
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID:d}")
