"""The other library's rows, read and checked before a merge writes anything.

A library handed over by someone else is hostile input like any report file: its tables may have
been rebuilt with other columns, other types or crafted names.  So every SQL identifier used here
comes from our own schema (``our_columns``, built from ``schema.MIGRATIONS``), never from the
file; a column the file adds is ignored, a column it lacks refuses the merge.  Every row is then
checked as strictly as an import would make it — types, JSON, spans inside the report's text,
parent chains without cycles, size limits — and the first bad row refuses the whole merge, named,
before our library is touched.
"""

from __future__ import annotations

import json
import math
import re
import sqlite3
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

from reviewer.library import schema as store_schema
from reviewer.library.fields import EDITABLE_FIELDS, color_value
from reviewer.library.review import STATUSES
from reviewer.load.dispatch import MAX_TEXT_CHARS
from reviewer.messages import ReviewerError
from reviewer.model import FIGURE_KINDS

# Tables a merge reads, in the order they are checked.
TABLES = ("documents", "sections", "figures", "citations", "checks", "annotations", "tags",
          "tag_links", "corrections", "comments", "history")
MAX_FIELD_CHARS = 1_000_000  # any text column but a report's own text
MAX_SHORT_CHARS = 1_000  # names, times, kinds, uuids
SHORT_COLUMNS = {"uuid", "doc_uuid", "item_uuid", "tag_uuid", "reviewer", "status_reviewer", "status",
                 "at", "created_at", "updated_at", "changed_at", "imported_at", "item_type", "kind",
                 "field", "action", "severity", "anchor_state", "format", "encoding", "script",
                 "color", "sha256", "ref"}
BIG_TEXT_COLUMNS = {("documents", "text"), ("documents", "analysis_text")}
# JSON columns and the type their value must have (None: any JSON value).
JSON_COLUMNS: dict[tuple[str, str], type | None] = {
    ("documents", "metadata"): dict, ("documents", "warnings"): list, ("figures", "value"): None,
    ("checks", "figures"): list, ("checks", "sections"): list, ("checks", "detail"): dict,
    ("corrections", "old_value"): None, ("corrections", "new_value"): None,
    ("corrections", "supersedes"): list, ("history", "old"): None, ("history", "new"): None,
}
FLAG_COLUMNS = {"user_added", "orphaned", "deleted", "advisory", "removed", "undone"}
SPANS = {"sections": (("start", "end"), ("heading_start", "heading_end")),
         "figures": (("start", "end"), ("label_start", "label_end")),
         "citations": (("start", "end"),), "annotations": (("start", "end"),)}
ANCHOR_STATES = ("exact", "fuzzy", "orphan")
ITEM_TYPES = ("section", "figure", "citation", "check", "annotation", "metadata", "document", "tag",
              "comment", "library")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_SHA256 = re.compile(r"[0-9a-f]{64}")


@cache
def our_columns(version: int = store_schema.CURRENT_VERSION) -> dict[str, dict[str, tuple[str, bool]]]:
    """Our schema at ``version``, from our own migrations: table -> column -> (declared type,
    NOT NULL); a table that came later has no columns."""
    conn = sqlite3.connect(":memory:")
    try:
        store_schema.migrate(conn, version, "")
        return {table: {r[1]: (r[2].upper(), bool(r[3])) for r in conn.execute(f"PRAGMA table_info({table})")}
                for table in TABLES}
    finally:
        conn.close()


def quoted(column: str) -> str:
    """One of our own column names, quoted for SQL (never a name read from a file)."""
    return '"' + column.replace('"', '""') + '"'


def select_sql(table: str, where: str = "") -> str:
    """SELECT of our columns of ``table``; ``where`` is our own SQL with ``?`` parameters."""
    assert table in TABLES
    columns = ", ".join(quoted(c) for c in our_columns()[table])
    return f"SELECT {columns} FROM {table} {where}"


def insert_row(conn: sqlite3.Connection, table: str, row: dict) -> None:
    """Insert the values of our own columns of ``table`` (bound, never spliced); other keys of
    ``row`` are ignored, as is the other library's row id."""
    columns = [c for c in our_columns()[table] if c != "id" and c in row]
    conn.execute(f"INSERT INTO {table} ({', '.join(quoted(c) for c in columns)})"
                 f" VALUES ({', '.join('?' for _ in columns)})", tuple(row[c] for c in columns))


class Incoming:
    """The other library, read through our schema only, checked in full by ``validate()``."""

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self.conn, self.path = conn, path
        self.text_lengths: dict[str, int] = {}

    def rows(self, table: str, where: str = "", params: tuple = ()) -> list[dict]:
        try:
            cursor = self.conn.execute(select_sql(table, where), params)
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, r)) for r in cursor.fetchall()]
        except sqlite3.DatabaseError as exc:
            raise self._bad(table, "?", str(exc)) from None

    def _bad(self, table: str, row: Any, reason: str) -> ReviewerError:
        return ReviewerError("merge_bad_row", path=self.path, table=table, row=str(row)[:80], reason=reason)

    def _stream(self, table: str) -> Iterator[dict]:
        try:
            cursor = self.conn.execute(select_sql(table, "ORDER BY rowid"))
        except sqlite3.OperationalError:  # a view or a WITHOUT ROWID table: any order will do
            cursor = self.conn.execute(select_sql(table))
        names = [d[0] for d in cursor.description]
        while True:
            try:
                batch = cursor.fetchmany(256)
            except sqlite3.DatabaseError as exc:
                raise self._bad(table, "?", str(exc)) from None
            if not batch:
                return
            for values in batch:
                yield dict(zip(names, values))

    # ------------------------------------------------------------------ the checks
    def validate(self) -> None:
        """Refuse (``ReviewerError``) at the first table or row a merge could not take safely."""
        self._check_tables()
        for table in TABLES:
            self._check_sizes(table)
        checks: dict[str, Callable[[dict], str | None]] = {
            "documents": self._document, "sections": self._section, "figures": self._figure,
            "citations": self._spans("citations"), "annotations": self._annotation, "tags": _tag,
            "corrections": _correction, "checks": self._spans("checks")}
        sections: dict[str, dict[int, int | None]] = {}
        tags: dict[str, str | None] = {}
        for table in TABLES:
            local_ids: set[tuple[str, int]] = set()
            for row in self._stream(table):
                name = row.get("uuid") or row.get("id") or "?"
                reason = self._types(table, row) or (checks[table](row) if table in checks else None)
                if reason is None and table in ("sections", "figures", "citations", "checks"):
                    key = (row["doc_uuid"], row["local_id"])
                    reason = "local_id repeated in its report" if key in local_ids else None
                    local_ids.add(key)
                if reason:
                    raise self._bad(table, name, reason)
                if table == "sections":
                    sections.setdefault(row["doc_uuid"], {})[row["local_id"]] = row["parent_id"]
                elif table == "tags":
                    tags[row["uuid"]] = row["parent"]
        for doc_uuid, parents in sections.items():
            cycle = _cycle(parents)
            if cycle is not None:
                raise self._bad("sections", f"{doc_uuid} #{cycle}", "parent chain loops")
        cycle = _cycle(tags)
        if cycle is not None:
            raise self._bad("tags", cycle, "parent chain loops")

    def _check_tables(self) -> None:
        """Each of our tables present as a plain table (a view could compute rows without end) with
        each of our columns stored, not generated (a generated column could compute a huge value)."""
        if hasattr(self.conn, "setlimit"):  # Python 3.11+: no single value past what we accept
            self.conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, 4 * MAX_TEXT_CHARS + 4096)
        for table, columns in our_columns().items():
            try:
                kind = self.conn.execute("SELECT type FROM sqlite_master WHERE name = ?", (table,)).fetchone()
                info = self.conn.execute(f"PRAGMA table_xinfo({table})").fetchall()
            except sqlite3.DatabaseError as exc:
                raise ReviewerError("merge_missing_tables", path=self.path, tables=table, reason=str(exc)) from None
            if kind is None or kind[0] != "table":
                raise ReviewerError("merge_missing_tables", path=self.path, tables=table,
                                    reason="" if kind is None else f"a {kind[0]}, not a table")
            generated = [r[1] for r in info if r[1] in columns and r[6] != 0]
            if generated:
                raise ReviewerError("merge_missing_tables", path=self.path, tables=table,
                                    reason="generated columns: " + ", ".join(generated)[:200])
            theirs = {r[1] for r in info}
            missing = [c for c in columns if c not in theirs]
            if missing:
                raise ReviewerError("merge_missing_tables", path=self.path, tables=table,
                                    reason=", ".join(missing)[:200])

    def _check_sizes(self, table: str) -> None:
        """Byte lengths measured by SQLite, so an oversized value is refused before it is read."""
        columns = [c for c, (kind, _) in our_columns()[table].items() if kind == "TEXT"]
        parts = ", ".join(f"MAX(length(CAST({quoted(c)} AS BLOB)))" for c in columns)
        try:
            sizes = self.conn.execute(f"SELECT {parts} FROM {table}").fetchone()
        except sqlite3.DatabaseError as exc:
            raise self._bad(table, "?", str(exc)) from None
        for column, size in zip(columns, sizes):
            limit = _limit(table, column) * 4  # UTF-8 holds a character in at most 4 bytes
            if size is not None and size > limit:
                raise self._bad(table, f"{column}", f"{column} holds {size:,} bytes (limit {limit:,})")

    def _types(self, table: str, row: dict) -> str | None:
        for column, (kind, not_null) in our_columns()[table].items():
            value = row[column]
            if value is None:
                if not_null:
                    return f"{column} is empty"
                continue
            if kind == "TEXT":
                if not isinstance(value, str):
                    return f"{column} is {type(value).__name__}, not text"
                if len(value) > _limit(table, column):
                    return f"{column} too long ({len(value):,} characters)"
                if column in SHORT_COLUMNS and _CONTROL.search(value):
                    return f"{column} holds a control character"
                expected = JSON_COLUMNS.get((table, column), False)
                if expected is not False:
                    try:
                        parsed = json.loads(value, parse_constant=_no_constant)
                    except (ValueError, RecursionError):
                        return f"{column} is not valid JSON"
                    if expected is not None and not isinstance(parsed, expected):
                        return f"{column} is not a JSON {expected.__name__}"
            elif kind == "INTEGER":
                if not isinstance(value, int):
                    return f"{column} is {type(value).__name__}, not an integer"
                if column in FLAG_COLUMNS and value not in (0, 1):
                    return f"{column} is {value}, not 0 or 1"
                if abs(value) > 2**53:
                    return f"{column} out of range"
            elif kind == "REAL":
                if not isinstance(value, (int, float)) or not math.isfinite(value):
                    return f"{column} is not a finite number"
        if "status" in row and table != "history" and row["status"] not in STATUSES:
            return f"status {row['status']!r} unknown"
        if "item_type" in row and row["item_type"] not in ITEM_TYPES:
            return f"item_type {row['item_type']!r} unknown"
        return None

    def _document(self, row: dict) -> str | None:
        if not _SHA256.fullmatch(row["sha256"]):
            return "sha256 is not a hash"
        if len(row["analysis_text"]) != len(row["text"]):
            return "analysis_text and text differ in length"
        if not row["text"].strip():
            return "text is empty"
        metadata = json.loads(row["metadata"])
        for name, value in metadata.items():
            expected = (int,) if name == "report_year" else (str,)
            if value is not None and (not isinstance(value, expected) or isinstance(value, bool)):
                return f"metadata {name[:40]!r} is {type(value).__name__}"
            if isinstance(value, str) and len(value) > MAX_SHORT_CHARS:
                return f"metadata {name[:40]!r} too long"
        self.text_lengths[row["uuid"]] = len(row["text"])
        return None

    def _spans(self, table: str) -> Callable[[dict], str | None]:
        def check(row: dict) -> str | None:
            length = self.text_lengths.get(row["doc_uuid"])
            if length is None:
                return "doc_uuid names no report of that library"
            for a, b in SPANS.get(table, ()):
                start, end = row[a], row[b]
                if start is None and end is None:
                    continue
                if start is None or end is None or not 0 <= start <= end <= length:
                    return f"span {a}–{b} ({start}–{end}) outside the text (length {length})"
            return None

        return check

    def _section(self, row: dict) -> str | None:
        if not 1 <= row["level"] <= 32:
            return f"level {row['level']} out of range"
        if not row["orphaned"] and (row["start"] is None or row["end"] is None):
            return "a placed section without start and end"
        return self._spans("sections")(row)

    def _figure(self, row: dict) -> str | None:
        # a NULL value reads as JSON null, as the store's own ``rows.loads`` reads it
        value = json.loads(row["value"]) if row["value"] is not None else None
        if isinstance(value, bool) or not isinstance(value, (int, float, str, type(None))):
            return f"value is a JSON {type(value).__name__}"
        if row["kind"] is not None and row["kind"] not in FIGURE_KINDS:
            return f"kind {row['kind']!r} unknown"
        return self._spans("figures")(row)

    def _annotation(self, row: dict) -> str | None:
        if row["anchor_state"] not in ANCHOR_STATES:
            return f"anchor_state {row['anchor_state']!r} unknown"
        return self._spans("annotations")(row)


def _tag(row: dict) -> str | None:
    try:
        color_value(row["color"])
    except ValueError:
        return f"color {row['color']!r} is not #RRGGBB"
    return None if row["name"].strip() and len(row["name"]) <= MAX_SHORT_CHARS else "name empty or too long"


def _correction(row: dict) -> str | None:
    """A correction must be one the store itself would have accepted."""
    supersedes = json.loads(row["supersedes"])
    if not all(isinstance(u, str) for u in supersedes):
        return "supersedes is not a list of ids"
    fields = EDITABLE_FIELDS.get(row["item_type"])
    if fields is None or row["field"] not in fields:
        return f"field {row['item_type']}.{row['field'][:40]} cannot be corrected"
    # a NULL new_value reads as JSON null, as the store's own ``rows.loads`` reads it
    value = json.loads(row["new_value"]) if row["new_value"] is not None else None
    try:
        fields[row["field"]](value)
    except (ValueError, TypeError, OverflowError):
        return f"new_value {str(value)[:40]!r} is not a valid {row['field']}"
    return None


def _limit(table: str, column: str) -> int:
    if (table, column) in BIG_TEXT_COLUMNS:
        return MAX_TEXT_CHARS
    return MAX_SHORT_CHARS if column in SHORT_COLUMNS else MAX_FIELD_CHARS


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _cycle(parents: dict[Any, Any]) -> Any:
    """A node whose parent chain comes back to itself, or None.  Linear: each node is walked once."""
    done: set = set()
    for start in parents:
        path: set = set()
        node = start
        while node is not None and node in parents and node not in done:
            if node in path:
                return node
            path.add(node)
            node = parents[node]
        done.update(path)
    return None
