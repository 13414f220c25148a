"""Bulk inserts of a report's rows into a SQLite library, as ``sqlite_utils``' ``insert_all``
makes them but without its Python work per value.

Storing one analysed report inserted a few thousand values through ``insert_all``, which calls
``jsonify_if_needed`` on each and builds one multi-row ``VALUES`` statement per chunk: about
half of a report's storing time, and storing runs in the one process that writes the library
while the workers of a batch import analyse.  The rows here are the same as there: the columns
of each chunk of ``insert_all``'s size are the sorted keys of the first chunk and then every new
key in order of appearance, a key a row lacks is NULL, and a dict, list or tuple is stored as
its JSON (the same conversion function).  The tables exist (the schema creates them).
"""

from __future__ import annotations

import sqlite3

from sqlite_utils.db import SQLITE_MAX_VARS, jsonify_if_needed

# insert_all's default batch size
_BATCH = 100
# Values stored as they are; anything else goes through sqlite-utils' conversion.
_PLAIN = frozenset({str, int, float, bytes, bool, type(None)})


class SqliteInserter:
    """``db[table].insert_all(rows)`` over a plain ``sqlite3`` connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def __getitem__(self, table: str) -> _TableInserts:
        return _TableInserts(self._conn, table)


class _TableInserts:
    def __init__(self, conn: sqlite3.Connection, table: str) -> None:
        self._conn, self._table = conn, table

    def insert_all(self, rows: list[dict]) -> None:
        if not rows:
            return
        if not rows[0]:
            raise ValueError("a row without columns")  # insert_all would write DEFAULT VALUES
        batch = max(1, min(_BATCH, SQLITE_MAX_VARS // len(rows[0])))
        columns: list[str] = []
        for start in range(0, len(rows), batch):
            chunk = rows[start:start + batch]
            if start == 0:
                columns = sorted({key for row in chunk for key in row})
            else:
                for row in chunk:
                    columns += [key for key in row if key not in columns]
            names = ", ".join(_quoted(c) for c in columns)
            marks = ", ".join("?" for _ in columns)
            self._conn.executemany(
                f"INSERT INTO {_quoted(self._table)} ({names}) VALUES ({marks})",
                [tuple(_value(row.get(c)) for c in columns) for row in chunk])


def _value(value: object) -> object:
    return value if type(value) in _PLAIN else jsonify_if_needed(value)


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
