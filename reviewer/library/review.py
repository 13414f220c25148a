"""The reviewer's layer over an analysis, as plain dataclasses.

This is what the store hands out and what the exporter and the GUI read: callers never see a
database row.  An item's analysed values stay as produced (``original``); the effective values a
reviewer sees are the corrected ones.  Every entity carries a stable UUID, and every thing a
person made carries the reviewer's name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from reviewer.model import Check, Citation, Document, Figure, Metadata, Section

ITEM_TYPES = ("document", "metadata", "section", "figure", "citation", "check", "annotation")
STATUSES = ("unreviewed", "confirmed", "corrected", "rejected", "pending")  # words: vocabulary.py
ANCHOR_STATES = ("exact", "fuzzy", "orphan")


@dataclass
class Tag:
    uuid: str
    name: str
    color: str = "#888888"  # "#RRGGBB"
    parent: str | None = None  # uuid of the parent tag
    description: str = ""
    path: str = ""  # "问题/数据不一致": names from the root, for display and export


@dataclass
class Comment:
    uuid: str
    item_type: str
    item_uuid: str
    body: str
    reviewer: str
    created_at: str  # ISO 8601, UTC
    updated_at: str | None = None
    version: int = 0  # row version as loaded; an edit over a newer one is refused (versions.py)


@dataclass
class HistoryEntry:
    """One append-only change record; ``old``/``new`` are JSON-able values."""

    id: int
    uuid: str
    at: str
    reviewer: str
    action: str  # "correct", "status", "tag", "untag", "comment", "add", "delete", "undo", ...
    item_type: str
    item_uuid: str
    field: str | None = None
    old: Any = None
    new: Any = None
    undone: bool = False


@dataclass
class ItemReview:
    """The review state of one item (section, figure, citation, check, annotation, metadata)."""

    uuid: str
    status: str = "unreviewed"
    tags: list[Tag] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    original: dict[str, Any] = field(default_factory=dict)  # field -> analysed value, where corrected
    user_added: bool = False
    reviewer: str | None = None  # who changed it last
    changed_at: str | None = None
    # field -> [(reviewer, value), ...] where reviewers' merged corrections disagree; the newest
    # value is the one shown until someone corrects the field again (store.Library.conflicts()).
    conflicts: dict[str, list[tuple[str, Any]]] = field(default_factory=dict)
    reason: str = ""  # for a check: the reason given with its verdict (vocabulary.VERDICTS)
    version: int = 0  # row version as loaded; an edit over a newer one is refused (versions.py)

    @property
    def corrected_fields(self) -> list[str]:
        return sorted(self.original)


@dataclass
class ReviewedSection:
    section: Section  # effective values (corrections applied)
    review: ItemReview


@dataclass
class ReviewedFigure:
    figure: Figure
    review: ItemReview


@dataclass
class ReviewedCitation:
    citation: Citation
    review: ItemReview


@dataclass
class ReviewedCheck:
    check: Check
    review: ItemReview


@dataclass
class Annotation:
    """A free text-span annotation, anchored like a W3C Web Annotation: position plus quote with
    prefix/suffix, so it can be re-anchored when the report's text changes."""

    uuid: str
    doc_uuid: str
    start: int | None  # None while orphaned
    end: int | None
    quote: str
    prefix: str
    suffix: str
    note: str
    reviewer: str
    created_at: str
    anchor_state: str = "exact"  # exact | fuzzy | orphan
    review: ItemReview | None = None


def display_name(title: str | None, issuer: str | None, report_year: int | None, path: str,
                 doc_uuid: str = "") -> str:
    """The one name a report goes by everywhere (list, show, the window, the export): its title,
    else its issuer and year, else its file name.  The file name stays available on its own."""
    if title and title.strip():
        return title.strip()
    if issuer and issuer.strip():
        return f"{issuer.strip()} {report_year}" if report_year else issuer.strip()
    return file_name(path) or doc_uuid[:8]


def file_name(path: str) -> str:
    """The report's file name without its folder ("" for a pasted text such as ``<text>``)."""
    return "" if not path or path.startswith("<") else PurePath(path).name


@dataclass
class DocumentSummary:
    """One row of the library list."""

    doc_uuid: str
    path: str
    title: str | None
    issuer: str | None
    report_year: int | None
    published: str | None
    doc_number: str | None
    imported_at: str
    items_total: int
    items_reviewed: int
    open_checks: int
    last_change: str | None = None
    last_reviewer: str | None = None
    open_advisories: int = 0  # advisories without a verdict: the window's open count includes them

    @property
    def reviewed_share(self) -> float:
        return self.items_reviewed / self.items_total if self.items_total else 0.0

    @property
    def display_name(self) -> str:
        return display_name(self.title, self.issuer, self.report_year, self.path, self.doc_uuid)

    @property
    def file_name(self) -> str:
        return file_name(self.path)


@dataclass
class DocumentReview:
    """Everything about one report in a library: the document, the effective analysis and the
    review layer.  The exporter and the GUI are built on this."""

    doc_uuid: str
    document: Document
    metadata: Metadata  # effective
    metadata_review: ItemReview
    imported_at: str
    sections: list[ReviewedSection] = field(default_factory=list)
    figures: list[ReviewedFigure] = field(default_factory=list)
    citations: list[ReviewedCitation] = field(default_factory=list)
    checks: list[ReviewedCheck] = field(default_factory=list)
    advisories: list[ReviewedCheck] = field(default_factory=list)
    annotations: list[Annotation] = field(default_factory=list)
    # Reviewed items whose words a re-import of a changed report could not find again: kept with
    # their review work (their offsets point into the old text), listed apart, never lost silently.
    orphaned_items: list[ReviewedSection | ReviewedFigure | ReviewedCitation | ReviewedCheck] = field(
        default_factory=list)

    @property
    def display_name(self) -> str:
        m = self.metadata
        return display_name(m.title, m.issuer, m.report_year, self.document.path, self.doc_uuid)

    @property
    def file_name(self) -> str:
        return file_name(self.document.path)

    def reviewable(self) -> list[ItemReview]:
        items = [x.review for x in (*self.sections, *self.figures, *self.citations, *self.checks)]
        return items

    @property
    def reviewed_share(self) -> float:
        items = self.reviewable()
        done = sum(1 for item in items if item.status != "unreviewed")
        return done / len(items) if items else 0.0
