"""The review of a report just imported, built from the rows the import wrote.

Reading a 5 MB report back from the store after importing it took as long again as storing it
(a second of CPU for 100,000 rows).  A report just created has no review work yet, so its review
is the analysis with the fresh uuids, every item unreviewed at version 0: this builds exactly what
``load_review`` would return (tests/test_store_fresh_review.py compares them), with the values
as the database gives them back (SQLite's REAL and INTEGER column affinities).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reviewer.library.review import (
    DocumentReview,
    ItemReview,
    ReviewedCheck,
    ReviewedCitation,
    ReviewedFigure,
    ReviewedSection,
)
from reviewer.library.rows import (
    check_from_row,
    citation_from_row,
    figure_from_row,
    loads,
    metadata_from_dict,
    section_from_row,
)
from reviewer.model import Document

#: columns declared REAL: an int stored there comes back as a float
_REAL = frozenset({"confidence", "low", "high"})
#: columns declared TEXT (or JSON text) in the item tables: stored as given
_TEXT = frozenset({"uuid", "doc_uuid", "number", "title", "style", "text", "value", "unit", "kind", "label",
                   "qualifier", "severity", "message", "figures", "sections", "detail", "status", "reviewer",
                   "changed_at", "verdict_reason"})


def _as_stored(value: Any, column: str) -> Any:
    """``value`` as SQLite hands it back from ``column`` (its type affinity applied)."""
    if value is None or column in _TEXT:
        return value
    if column in _REAL:
        return float(value) if isinstance(value, int | float) else value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)  # INTEGER affinity keeps a whole float as an integer
    return value


_PLAIN = frozenset({int, str, type(None)})
_PLAIN_REAL = frozenset({float, str, type(None)})


def _stored_rows(rows: list[dict]) -> list[dict]:
    """``rows`` as read back.  Column by column, and only the columns that hold a value of
    another type than SQLite returns get copied rows: usually none (2 million values for 5 MB)."""
    if not rows:
        return rows
    odd = [column for column in rows[0] if column not in _TEXT
           and not set(map(type, (r.get(column) for r in rows))) <= (_PLAIN_REAL if column in _REAL else _PLAIN)]
    if not odd:
        return rows
    return [{column: _as_stored(value, column) if column in odd else value for column, value in row.items()}
            for row in rows]


def _nulls_first(*names: str) -> Callable[[dict], tuple]:
    """An ORDER BY over ``names`` as SQL sorts it (NULL before any value)."""
    return lambda r: tuple(x for n in names for x in (r[n] is not None, r[n] if r[n] is not None else 0))


def _review(uuid: str) -> ItemReview:
    return ItemReview(uuid=uuid, status="unreviewed", tags=[], comments=[], user_added=False)


def reviewed_items(tables: dict[str, list[dict]]) -> dict[str, list]:
    """The reviewed items of the item ``tables`` given (as ``import_analysis`` writes them), in
    ``load_review``'s order: ``sections``, ``figures``, ``citations``, ``checks`` and
    ``advisories`` (from the checks table), for the tables there are."""
    out: dict[str, list] = {}
    if "sections" in tables:
        sections = sorted(_stored_rows(tables["sections"]), key=_nulls_first("heading_start", "ordinal"))
        out["sections"] = [ReviewedSection(section_from_row(r), _review(r["uuid"])) for r in sections]
    if "figures" in tables:
        figures = sorted(_stored_rows(tables["figures"]), key=_nulls_first("start", "ordinal"))
        out["figures"] = [ReviewedFigure(figure_from_row(r), _review(r["uuid"])) for r in figures]
    if "citations" in tables:
        citations = sorted(_stored_rows(tables["citations"]), key=_nulls_first("start", "ordinal"))
        out["citations"] = [ReviewedCitation(citation_from_row(r), _review(r["uuid"])) for r in citations]
    if "checks" in tables:
        out["checks"], out["advisories"] = [], []
        for r in sorted(_stored_rows(tables["checks"]), key=lambda r: r["ordinal"]):
            item = ReviewedCheck(check_from_row(r), _review(r["uuid"]))
            out["advisories" if r["advisory"] else "checks"].append(item)
    return out


def fresh_review(doc_uuid: str, document: Document, metadata_json: str, warnings_json: str, imported_at: str,
                 tables: dict[str, list[dict]], reviewed: dict[str, list] | None = None) -> DocumentReview:
    """``load_review(doc_uuid)`` of a report whose document row and item ``tables`` (as written
    by ``import_analysis``) are all that the store holds of it; ``reviewed``: the items of some
    of the tables, made from the same rows beforehand (``reviewed_items``)."""
    stored_document = Document(path=document.path, sha256=document.sha256, format=document.format,
                               encoding=document.encoding, text=document.text,
                               analysis_text=document.analysis_text, script=document.script or "simplified",
                               warnings=loads(warnings_json) or [])
    result = DocumentReview(doc_uuid=doc_uuid, document=stored_document,
                            metadata=metadata_from_dict(loads(metadata_json)),
                            metadata_review=_review(doc_uuid), imported_at=imported_at)
    reviewed = dict(reviewed or {})
    late = {table: rows for table, rows in tables.items() if table not in reviewed}
    reviewed.update(reviewed_items(late))
    result.sections, result.figures = reviewed["sections"], reviewed["figures"]
    result.citations, result.checks, result.advisories = reviewed["citations"], reviewed["checks"], reviewed["advisories"]
    return result
