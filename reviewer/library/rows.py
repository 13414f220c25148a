"""Rows of the library and the dataclasses callers see: the one place that knows how an item is
laid out in its table.  Rows never leave the store; these functions turn them into
``reviewer.model`` / ``reviewer.library.review`` objects and back.
"""

from __future__ import annotations

import getpass
import json
import os
import uuid as uuid_module
from collections.abc import Iterator
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


def new_uuids(count: int) -> Iterator[str]:
    """``count`` fresh uuid4 strings, as ``new_uuid`` makes them but from one read of the random
    source: a 5 MB report stores 100,000 items, and ``uuid4()`` one by one took a second."""
    raw = os.urandom(16 * count)
    for i in range(0, 16 * count, 16):
        h = "%032x" % (int.from_bytes(raw[i:i + 16], "big") & _V4_CLEAR | _V4_SET)
        yield f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def default_reviewer() -> str:
    name = os.environ.get("REVIEWER_NAME", "")
    if name:
        return name
    try:
        return getpass.getuser()
    except Exception:  # no login name (some service accounts)
        return "reviewer"


_ENCODE = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps(ensure_ascii=False) builds one per call


def dumps(value: Any) -> str:
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


def analysis_rows(analysis: Analysis, doc_uuid: str, tables: tuple[str, ...] = ITEM_TABLES) -> dict[str, list[dict]]:
    """The analysed items of ``tables`` as rows (fresh uuids), by table."""
    counts = {"sections": len(analysis.sections), "figures": len(analysis.figures),
              "citations": len(analysis.citations), "checks": len(analysis.checks) + len(analysis.advisories)}
    uuids = new_uuids(sum(counts[t] for t in tables))
    out: dict[str, list[dict]] = {}
    if "sections" in tables:
        out["sections"] = [{
            "uuid": next(uuids), "doc_uuid": doc_uuid, "ordinal": i, "local_id": s.id, "parent_id": s.parent,
            "level": s.level, "number": s.number, "title": s.title, "start": s.start, "end": s.end,
            "heading_start": s.heading_start, "heading_end": s.heading_end, "confidence": s.confidence,
            "style": s.style} for i, s in enumerate(analysis.sections)]
    if "figures" in tables:
        out["figures"] = [{
            "uuid": next(uuids), "doc_uuid": doc_uuid, "ordinal": i, "local_id": f.id, "text": f.text,
            "value": dumps(f.value), "unit": f.unit, "kind": f.kind, "label": f.label, "qualifier": f.qualifier,
            "start": f.start, "end": f.end, "section_id": f.section, "low": f.low, "high": f.high,
            "label_start": f.label_start, "label_end": f.label_end} for i, f in enumerate(analysis.figures)]
    if "citations" in tables:
        out["citations"] = [{
            "uuid": next(uuids), "doc_uuid": doc_uuid, "ordinal": i, "local_id": c.id or i + 1, "text": c.text,
            "kind": c.kind, "start": c.start, "end": c.end} for i, c in enumerate(analysis.citations)]
    if "checks" in tables:
        out["checks"] = [{
            "uuid": next(uuids), "doc_uuid": doc_uuid, "ordinal": i, "local_id": c.id or i + 1, "advisory": advisory,
            "kind": c.kind, "severity": c.severity, "message": c.message, "figures": dumps(list(c.figures)),
            "sections": dumps(list(c.sections)), "detail": dumps(c.detail or {})}
            for i, (c, advisory) in enumerate([(c, 0) for c in analysis.checks] + [(c, 1) for c in analysis.advisories])]
    for rows in out.values():
        for row in rows:
            row.update(status="unreviewed", user_added=0, orphaned=0, deleted=0, reviewer=None, changed_at=None)
    return out
