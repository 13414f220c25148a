"""The review pane's list: every comment, tag, correction and verdict of a report in one list,
as Word's review pane or Acrobat's comment list show them, filtered by tag, reviewer and status.

``review_entries`` reads a ``DocumentReview`` (no Qt); ``ReviewPaneModel`` shows them.  A report
has hundreds of such entries, not tens of thousands, so the filter runs in Python on the rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reviewer.library.review import DocumentReview, ItemReview
from ui import disposal, labels
from ui.models import ItemRole, ItemTypeRole, StartRole, StatusRole
from ui.models.columns import ColumnTableModel
from ui.qt import QCoreApplication, QModelIndex, Qt

KINDS = ("comment", "tag", "correction", "verdict")


@dataclass
class ReviewEntry:
    """One piece of a reviewer's work, and the item it sits on."""

    kind: str  # comment | tag | correction | verdict
    item_type: str
    uuid: str
    start: int | None
    item: str  # what the item is, in a few words
    text: str
    reviewer: str
    at: str
    status: str
    tag_uuids: set[str] = field(default_factory=set)
    doc_uuid: str = ""
    doc_title: str = ""


def _has_work(r: ItemReview, item_type: str, notes: dict) -> bool:
    return bool(r.tags or r.comments or r.original or r.uuid in notes
                or (item_type == "check" and r.status != "unreviewed"))


def _items(review: DocumentReview, notes: dict):
    """(type, review, start, object) of the items that carry work: a report has tens of
    thousands of items and a few hundred with work, so the rest are passed over cheaply."""
    for kind, rows, attr in (("section", review.sections, "section"), ("figure", review.figures, "figure"),
                             ("citation", review.citations, "citation")):
        for row in rows:
            if _has_work(row.review, kind, notes):
                obj = getattr(row, attr)
                yield kind, row.review, obj.heading_start if kind == "section" else obj.start, obj
    figure_start = None
    for rc in [*review.checks, *review.advisories]:
        if _has_work(rc.review, "check", notes):
            if figure_start is None:
                figure_start = {rf.figure.id: rf.figure.start for rf in review.figures}
            starts = [figure_start[f] for f in rc.check.figures if f in figure_start]
            yield "check", rc.review, min(starts) if starts else None, rc.check
    for a in review.annotations:
        if a.review is not None and _has_work(a.review, "annotation", notes):
            yield "annotation", a.review, a.start, a


def _what(item_type: str, obj) -> str:
    """The item in a few words."""
    if item_type == "section":
        return f"{obj.number} {obj.title}".strip()
    if item_type == "check":
        return obj.message
    if item_type == "annotation":
        return f"“{obj.quote}”"
    return obj.text


def review_entries(review: DocumentReview | None) -> list[ReviewEntry]:
    """The reviewers' work on ``review``, in reading order."""
    if review is None:
        return []
    notes = {a.uuid: a for a in review.annotations if a.note}
    entries: list[ReviewEntry] = []
    for item_type, r, start, obj in _items(review, notes):
        what, tag_uuids = _what(item_type, obj), {t.uuid for t in r.tags}

        def entry(kind: str, text: str, reviewer: str | None, at: str | None, r: ItemReview = r,
                  item_type: str = item_type, start=start, what: str = what, tags=tag_uuids) -> ReviewEntry:
            return ReviewEntry(kind, item_type, r.uuid, start, what, text, reviewer or "", at or "", r.status,
                               set(tags))
        note = notes.get(r.uuid)
        who = r.reviewer or (obj.reviewer if item_type == "annotation" else "")  # an annotation's author
        if note is not None:
            entries.append(entry("comment", note.note, note.reviewer, note.created_at))
        entries += [entry("comment", c.body, c.reviewer, c.updated_at or c.created_at) for c in r.comments]
        entries += [entry("tag", t.path or t.name, who, r.changed_at) for t in r.tags]
        for name in r.corrected_fields:
            before, after = labels.format_value(r.original[name]), labels.format_value(getattr(obj, name, None))
            entries.append(entry("correction", f"{labels.field(name)}:{before} → {after}", who, r.changed_at))
        if item_type == "check" and r.status != "unreviewed":
            word = labels.status(r.status, "check")
            entries.append(entry("verdict", f"{word}:{r.reason}" if r.reason else word, r.reviewer, r.changed_at))
    entries.sort(key=lambda e: (e.start if e.start is not None else -1, KINDS.index(e.kind)))
    return entries


def library_entries(work: list, tags: list) -> list[ReviewEntry]:
    """The library page's list: ``Library.review_work()`` (``WorkItem``s) as entries; an item's
    tags are read from the tag entries beside it, so the tag filter works across reports."""
    by_path = {t.path or t.name: t.uuid for t in tags}
    item_tags: dict[str, set[str]] = {}
    for w in work:
        if w.kind == "tag" and w.text in by_path:
            item_tags.setdefault(w.item_uuid, set()).add(by_path[w.text])
    entries = []
    for w in work:
        if w.kind == "correction":
            text = f"{labels.field(w.field)}:{labels.format_value(w.old)} → {labels.format_value(w.new)}"
        elif w.kind == "verdict":
            word = labels.status(w.status, "check")
            text = f"{word}:{w.text}" if w.text else word
        else:
            text = w.text
        entries.append(ReviewEntry(w.kind, w.item_type, w.item_uuid, None, "", text, w.reviewer, w.at, w.status,
                                   item_tags.get(w.item_uuid, set()), w.doc_uuid, w.doc_title))
    return entries


def kind_word(kind: str) -> str:
    return {
        "comment": QCoreApplication.translate("ReviewPane", "Comment"),
        "tag": QCoreApplication.translate("ReviewPane", "Tag"),
        "correction": QCoreApplication.translate("ReviewPane", "Correction"),
        "verdict": QCoreApplication.translate("ReviewPane", "Verdict"),
    }.get(kind, kind)


class ReviewPaneModel(ColumnTableModel):
    """The entries that pass the filter (tag uuid, reviewer, status; "" for any)."""

    columns = ("kind", "item", "text", "reviewer", "status")

    def __init__(self, parent=None, library: bool = False) -> None:
        super().__init__(parent)
        if library:  # across the library: which report, when
            self.columns = ("doc", "kind", "item", "text", "reviewer", "status", "at")
        self.entries: list[ReviewEntry] = []
        self.filter = ("", "", "")

    def set_review(self, review: DocumentReview | None) -> None:
        self.set_entries(review_entries(review))

    def set_entries(self, entries: list[ReviewEntry]) -> None:
        if entries is not self.entries:
            disposal.dispose(self.entries)  # in slices, later
        self.entries = entries
        self._apply()

    def set_filter(self, tag: str = "", reviewer: str = "", status: str = "") -> None:
        self.filter = (tag, reviewer, status)
        self._apply()

    def _apply(self) -> None:
        tag, reviewer, status = self.filter
        disposal.dispose(self.rows)
        self.beginResetModel()
        self.rows = [e for e in self.entries
                     if (not tag or tag in e.tag_uuids) and (not reviewer or e.reviewer == reviewer)
                     and (not status or e.status == status)]
        self.endResetModel()

    def reviewers(self) -> list[str]:
        return sorted({e.reviewer for e in self.entries if e.reviewer})

    def header(self, key: str) -> str:
        return {
            "kind": QCoreApplication.translate("ReviewPane", "Kind"),
            "item": QCoreApplication.translate("ReviewPane", "On"),
            "text": QCoreApplication.translate("ReviewPane", "What"),
            "reviewer": QCoreApplication.translate("ReviewPane", "Reviewer"),
            "status": QCoreApplication.translate("ReviewPane", "Status"),
            "doc": QCoreApplication.translate("ReviewPane", "Report"),
            "at": QCoreApplication.translate("ReviewPane", "When"),
        }[key]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry = self.rows[index.row()]
        key = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if key == "kind":
                return kind_word(entry.kind)
            if key == "item":
                return f"{labels.item_type(entry.item_type)} · {entry.item}" if entry.item \
                    else labels.item_type(entry.item_type)
            if key == "doc":
                return entry.doc_title
            if key == "at":
                return entry.at.replace("T", " ")[:16]
            if key == "status":
                return labels.status(entry.status, entry.item_type)
            return getattr(entry, key)
        if role == ItemRole:
            return entry.uuid
        if role == ItemTypeRole:
            return entry.item_type
        if role == StatusRole:
            return entry.status
        if role == StartRole:
            return entry.start
        return None
