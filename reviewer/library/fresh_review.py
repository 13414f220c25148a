"""The review of a report just imported, built from the rows the import wrote.

Reading a 5 MB report back from the store after importing it took as long again as storing it
(a second of CPU for 100,000 rows).  A report just created has no review work yet, so its review
is the analysis with the fresh uuids, every item unreviewed at version 0: this builds exactly what
``load_review`` would return (tests/test_store_fresh_review.py compares them), with the values
as the database gives them back (SQLite's REAL and INTEGER column affinities).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import fields
from operator import attrgetter
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
    COLUMNS,
    check_from_row,
    citation_from_row,
    figure_from_row,
    loads,
    metadata_from_dict,
    section_from_row,
)
from reviewer.model import Document, Figure, Section

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


_INT, _INT_OR_NONE = frozenset({int}), frozenset({int, type(None)})
_STR, _STR_OR_NONE = frozenset({str}), frozenset({str, type(None)})
_FLOAT, _FLOAT_OR_NONE = frozenset({float}), frozenset({float, type(None)})
#: per field, the types of value that come back from the store as they went in (``*_from_row``
#: after SQLite's affinities; a figure's value through JSON); any other needs the row's way
_STORED_AS_GIVEN: dict[type, dict[str, frozenset]] = {
    Section: {"id": _INT, "parent": _INT_OR_NONE, "level": _INT, "number": _STR, "title": _STR,
              "start": _INT_OR_NONE, "end": _INT_OR_NONE, "heading_start": _INT_OR_NONE,
              "heading_end": _INT_OR_NONE, "confidence": _FLOAT, "style": _STR},
    Figure: {"id": _INT, "text": _STR_OR_NONE, "value": frozenset({int, float, str, type(None)}),
             "unit": _STR_OR_NONE, "kind": _STR_OR_NONE, "label": _STR_OR_NONE, "qualifier": _STR_OR_NONE,
             "start": _INT_OR_NONE, "end": _INT_OR_NONE, "section": _INT_OR_NONE, "low": _FLOAT_OR_NONE,
             "high": _FLOAT_OR_NONE, "label_start": _INT_OR_NONE, "label_end": _INT_OR_NONE},
}
#: the reviewed item of each of those classes, and the field ``load_review`` orders them by
_REVIEWED = {Section: (ReviewedSection, "section.heading_start"), Figure: (ReviewedFigure, "figure.start")}


def _types(values: tuple) -> tuple:
    return tuple(map(type, values))


def _read_back_as_they_are(items: list, cls: type) -> bool:
    """Whether each of ``items`` (all ``cls``) is what its row will read back as: every field
    of a type the store returns unchanged, and no float that is not finite (SQLite keeps no
    NaN).  One pass over the distinct type combinations, not over 70,000 rows."""
    wanted = _STORED_AS_GIVEN[cls]
    if set(map(type, items)) != {cls} or {f.name for f in fields(cls)} != set(wanted):
        return False
    found = set(map(_types, map(attrgetter(*wanted), items)))
    if not all(kind in allowed for combination in found for kind, allowed in zip(combination, wanted.values())):
        return False
    with_floats = {name for n, name in enumerate(wanted) if any(c[n] is float for c in found)}
    return all(math.isfinite(v) for name in with_floats for v in map(attrgetter(name), items) if type(v) is float)


def new_items(table: str, items: list, values: list[tuple]) -> dict[str, list]:
    """The reviewed items of a new report's ``table``, made from its ``items`` (the analysis's
    objects) and the rows ``values`` written for them (``rows.item_values``), in ``load_review``'s
    order.  Sections and figures that read back as they are are taken as they are: making a
    5 MB report's 100,000 objects again from its rows took half a second."""
    cls = Section if table == "sections" else Figure if table == "figures" else None
    if cls is None or not _read_back_as_they_are(items, cls):
        return reviewed_items({table: [dict(zip(COLUMNS[table], row)) for row in values]})
    reviewed, by = _REVIEWED[cls]
    made = [reviewed(item, _review(row[0])) for item, row in zip(items, values)]
    key = attrgetter(by)
    if None in map(key, made):  # NULL first, as SQL sorts it
        made.sort(key=lambda r: (key(r) is not None, key(r) or 0))
    else:
        made.sort(key=key)  # stable: ties stay in ordinal order
    return {table: made}


def fresh_review(doc_uuid: str, document: Document, metadata_json: str, warnings_json: str, imported_at: str,
                 reviewed: dict[str, list]) -> DocumentReview:
    """``load_review(doc_uuid)`` of a report whose document row and item rows (as written by
    ``import_analysis``) are all that the store holds of it; ``reviewed``: its items, made from
    those rows (``new_items``)."""
    stored_document = Document(path=document.path, sha256=document.sha256, format=document.format,
                               encoding=document.encoding, text=document.text,
                               analysis_text=document.analysis_text, script=document.script or "simplified",
                               warnings=loads(warnings_json) or [])
    result = DocumentReview(doc_uuid=doc_uuid, document=stored_document,
                            metadata=metadata_from_dict(loads(metadata_json)),
                            metadata_review=_review(doc_uuid), imported_at=imported_at)
    result.sections, result.figures = reviewed["sections"], reviewed["figures"]
    result.citations, result.checks, result.advisories = reviewed["citations"], reviewed["checks"], reviewed["advisories"]
    return result


def fresh_versions(review: DocumentReview) -> dict[str, int]:
    """``versions.review_versions`` of a review made by ``fresh_review``: every item at version 0
    (and no comment or annotation to look for)."""
    groups = (review.sections, review.figures, review.citations, review.checks, review.advisories)
    return dict.fromkeys([review.doc_uuid, *(item.review.uuid for group in groups for item in group)], 0)
