"""Rows of the library and the dataclasses callers see: the one place that knows how an item is
laid out in its table.  Rows never leave the store; these functions turn them into
``reviewer.model`` / ``reviewer.library.review`` objects and back.
"""

from __future__ import annotations

import getpass
import json
import os
import uuid as uuid_module
from datetime import datetime, timezone
from typing import Any

from reviewer.library.review import Comment, HistoryEntry
from reviewer.messages import ReviewerError
from reviewer.model import Analysis, Check, Citation, Figure, Metadata, Section


def now() -> str:
    """ISO 8601 UTC with microseconds: sorts as text, and edits in one second stay ordered."""
    return datetime.now(timezone.utc).isoformat(timespec="microseconds").replace("+00:00", "Z")


def new_uuid() -> str:
    return str(uuid_module.uuid4())


_V4_CLEAR = ~((0xC000 << 48) | (0xF000 << 64))
_V4_SET = (0x8000 << 48) | (4 << 76)


def new_uuids(count: int) -> list[str]:
    """``count`` fresh uuid4 strings, as ``new_uuid`` makes them but from one read of the random
    source (a 5 MB report stores 100,000 items, and ``uuid4()`` one by one took a second), in
    ascending order: rows inserted in that order append to the primary key's index instead of
    writing all over it (a sixth less time storing a 5 MB report in SQLite).  Sorted as numbers
    before they are spelt, so the strings lie in memory in the order they are used."""
    raw = os.urandom(16 * count)
    numbers = sorted(int.from_bytes(raw[i:i + 16], "big") & _V4_CLEAR | _V4_SET for i in range(0, 16 * count, 16))
    return [f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}" for h in map("%032x".__mod__, numbers)]


def default_reviewer() -> str:
    name = os.environ.get("REVIEWER_NAME", "")
    if name:
        return name
    try:
        return getpass.getuser()
    except Exception:  # no login name (some service accounts)
        return "reviewer"


_ENCODE = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps(ensure_ascii=False) builds one per call


_ENCODE_STR = json.encoder.encode_basestring  # what that encoder writes a str with (the C one)


def dumps(value: Any) -> str:
    """``json.dumps(value, ensure_ascii=False)``; an int or a str (most figures' values) without
    the encoder's dispatch."""
    kind = type(value)
    if kind is int:
        return int.__repr__(value)
    if kind is str:
        return _ENCODE_STR(value)
    return _ENCODE(value)


def loads(text: str | None) -> Any:
    """A stored JSON value; one that does not parse (a library edited by another program) is a
    clear message, not a traceback."""
    if text is None:
        return None
    try:
        return json.loads(text)
    except (ValueError, TypeError, RecursionError):
        raise ReviewerError("library_bad_value", value=repr(text)[:80]) from None


def corrections_heads(rows: list[dict]) -> list[dict]:
    """The corrections of one field that no later correction superseded (undone ones ignored),
    oldest first.  One head: the effective value; several: a conflict; none: the original."""
    active = [r for r in rows if not r["undone"]]
    superseded: set[str] = set()
    for r in active:
        superseded.update(loads(r["supersedes"]) or [])
    heads = [r for r in active if r["uuid"] not in superseded]
    heads.sort(key=lambda r: (r["at"], r["uuid"]))
    return heads


def metadata_from_dict(data: dict | None) -> Metadata:
    data = dict(data or {})
    known = Metadata.__dataclass_fields__
    return Metadata(**{k: v for k, v in data.items() if k in known})


def section_from_row(r: dict) -> Section:
    return Section(id=r["local_id"], parent=r["parent_id"], level=r["level"], number=r["number"] or "",
                   title=r["title"] or "", start=r["start"], end=r["end"], heading_start=r["heading_start"],
                   heading_end=r["heading_end"], confidence=r["confidence"] if r["confidence"] is not None else 1.0,
                   style=r["style"] or "")


def figure_from_row(r: dict) -> Figure:
    return Figure(id=r["local_id"], text=r["text"], value=loads(r["value"]), unit=r["unit"], kind=r["kind"],
                  label=r["label"], qualifier=r["qualifier"], start=r["start"], end=r["end"],
                  section=r["section_id"], low=r["low"], high=r["high"], label_start=r["label_start"],
                  label_end=r["label_end"])


def citation_from_row(r: dict) -> Citation:
    return Citation(text=r["text"], kind=r["kind"], start=r["start"], end=r["end"], id=r["local_id"])


def check_from_row(r: dict) -> Check:
    return Check(kind=r["kind"], severity=r["severity"], message=r["message"], figures=loads(r["figures"]) or [],
                 sections=loads(r["sections"]) or [], id=r["local_id"], detail=loads(r["detail"]) or {})


def comment_from_row(r: dict) -> Comment:
    return Comment(uuid=r["uuid"], item_type=r["item_type"], item_uuid=r["item_uuid"], body=r["body"],
                   reviewer=r["reviewer"], created_at=r["created_at"], updated_at=r["updated_at"],
                   version=r.get("row_version") or 0)


def history_from_row(r: dict) -> HistoryEntry:
    return HistoryEntry(id=r["id"], uuid=r["uuid"], at=r["at"], reviewer=r["reviewer"], action=r["action"],
                        item_type=r["item_type"], item_uuid=r["item_uuid"], field=r["field"], old=loads(r["old"]),
                        new=loads(r["new"]), undone=bool(r["undone"]))


ITEM_TABLES = ("sections", "figures", "citations", "checks")
#: the review columns of a new item's row, and their values (unreviewed, as the analysis made it)
_REVIEW_COLUMNS = ("status", "user_added", "orphaned", "deleted", "reviewer", "changed_at")
_NEW_REVIEW = ("unreviewed", 0, 0, 0, None, None)
#: each item table's columns in the order ``item_values`` gives a new item's values
COLUMNS = {
    "sections": ("uuid", "doc_uuid", "ordinal", "local_id", "parent_id", "level", "number", "title", "start",
                 "end", "heading_start", "heading_end", "confidence", "style", *_REVIEW_COLUMNS),
    "figures": ("uuid", "doc_uuid", "ordinal", "local_id", "text", "value", "unit", "kind", "label", "qualifier",
                "start", "end", "section_id", "low", "high", "label_start", "label_end", *_REVIEW_COLUMNS),
    "citations": ("uuid", "doc_uuid", "ordinal", "local_id", "text", "kind", "start", "end", *_REVIEW_COLUMNS),
    "checks": ("uuid", "doc_uuid", "ordinal", "local_id", "advisory", "kind", "severity", "message", "figures",
               "sections", "detail", *_REVIEW_COLUMNS),
}


def item_values(analysis: Analysis, doc_uuid: str, table: str) -> list[tuple]:
    """The analysed items of ``table`` as new rows (fresh uuids), each a tuple in ``COLUMNS[table]``
    order: what ``executemany`` takes, without a dict per row (70,000 figures in a 5 MB report).
    The uuids ascend with the ordinal (``new_uuids``)."""
    r = _NEW_REVIEW
    if table == "sections":
        items = analysis.sections
        uuids = new_uuids(len(items))
        return [(u, doc_uuid, i, s.id, s.parent, s.level, s.number, s.title, s.start, s.end, s.heading_start,
                 s.heading_end, s.confidence, s.style, *r) for i, (u, s) in enumerate(zip(uuids, items))]
    if table == "figures":
        items = analysis.figures
        uuids = new_uuids(len(items))
        return [(u, doc_uuid, i, f.id, f.text, dumps(f.value), f.unit, f.kind, f.label, f.qualifier, f.start,
                 f.end, f.section, f.low, f.high, f.label_start, f.label_end, *r)
                for i, (u, f) in enumerate(zip(uuids, items))]
    if table == "citations":
        items = analysis.citations
        uuids = new_uuids(len(items))
        return [(u, doc_uuid, i, c.id or i + 1, c.text, c.kind, c.start, c.end, *r)
                for i, (u, c) in enumerate(zip(uuids, items))]
    if table == "checks":
        checks = [(c, 0) for c in analysis.checks] + [(c, 1) for c in analysis.advisories]
        uuids = new_uuids(len(checks))
        return [(u, doc_uuid, i, c.id or i + 1, advisory, c.kind, c.severity, c.message, dumps(list(c.figures)),
                 dumps(list(c.sections)), dumps(c.detail or {}), *r)
                for i, (u, (c, advisory)) in enumerate(zip(uuids, checks))]
    raise ValueError(table)


def analysis_rows(analysis: Analysis, doc_uuid: str, tables: tuple[str, ...] = ITEM_TABLES) -> dict[str, list[dict]]:
    """The analysed items of ``tables`` as rows (fresh uuids), by table."""
    return {table: [dict(zip(COLUMNS[table], values)) for values in item_values(analysis, doc_uuid, table)]
            for table in tables}
