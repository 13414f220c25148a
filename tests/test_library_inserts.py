"""The library's bulk inserts store exactly what sqlite-utils' ``insert_all`` stored."""

from __future__ import annotations

import datetime
import decimal
import sqlite3

import sqlite_utils

from reviewer.library.inserts import SqliteInserter


def _table(conn: sqlite3.Connection) -> None:
    conn.execute('CREATE TABLE t (a TEXT, b INTEGER, "c d" TEXT, e TEXT DEFAULT \'dflt\', f REAL, g TEXT)')


def _rows() -> list[dict]:
    rows: list[dict] = []
    for i in range(230):  # three chunks of insert_all's 100 (fewer with more columns)
        row: dict = {"b": i, "a": f"x{i}"}
        if i % 3 == 0:
            row["c d"] = {"k": [i, "值"]}  # JSON, keeping the Chinese
        if i % 7 == 0:
            row["f"] = decimal.Decimal("1.5")
        if i == 150:
            row["e"] = "late"  # first seen in the second chunk: NULL in that chunk, DEFAULT before
        if i > 150 and i % 5 == 0:
            row["g"] = (datetime.date(2023, 1, i % 28 + 1), None)
        if i % 11 == 0:
            row["a"] = None
        rows.append(row)
    return rows


def _stored(insert) -> list[tuple]:
    conn = sqlite3.connect(":memory:")
    _table(conn)
    insert(conn)
    return conn.execute("SELECT *, typeof(e), typeof(f) FROM t ORDER BY rowid").fetchall()


def test_the_rows_stored_are_those_of_sqlite_utils_insert_all():
    rows = _rows()
    expected = _stored(lambda conn: sqlite_utils.Database(conn)["t"].insert_all(rows))
    got = _stored(lambda conn: SqliteInserter(conn)["t"].insert_all(rows))
    assert got == expected
    assert (got[0][3], got[100][3], got[150][3]) == ("dflt", None, "late")  # insert_all's chunk rule
    assert '"值"' in got[0][2]


def test_nothing_to_insert_is_nothing():
    assert _stored(lambda conn: SqliteInserter(conn)["t"].insert_all([])) == []
