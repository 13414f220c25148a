"""The reviewers' work across a library, as one list: comments, annotation notes, tags,
corrections and verdicts on checks, each with the report and item it sits on.  The window's
library page shows it; reading it takes a few queries, not a ``load_review`` per report."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reviewer.library.connection import ITEM_TABLES
from reviewer.library.rows import corrections_heads, loads

WORK_KINDS = ("comment", "tag", "correction", "verdict")


@dataclass
class WorkItem:
    doc_uuid: str
    doc_title: str
    item_type: str
    item_uuid: str
    kind: str  # comment | tag | correction | verdict
    text: str
    reviewer: str
    at: str
    status: str  # the item's status (a check's: its verdict)
    field: str | None = None  # a correction's field
    old: object = None  # a correction's values (a verdict's reason is in ``text``)
    new: object = None


class WorkMixin:
    """The library-wide list of review work (part of ``store.Library``)."""

    def review_work(self, doc_uuid: str | None = None) -> list[WorkItem]:
        """Every live comment, note, tag, correction and verdict (of ``doc_uuid`` or of every
        report), newest first.  Work on deleted or orphaned items is left out."""
        where, params = ("doc_uuid = ?", (doc_uuid,)) if doc_uuid else ("1 = 1", ())
        titles = {d.doc_uuid: d.title or Path(d.path).name for d in self.list_documents()}
        raw: list[tuple] = []
        for r in self._rows(f"SELECT * FROM comments WHERE deleted = 0 AND {where}", params):
            raw.append((r["doc_uuid"], r["item_type"], r["item_uuid"], "comment", r["body"], r["reviewer"],
                        r["updated_at"] or r["created_at"], None, None, None))
        for r in self._rows(f"SELECT uuid, doc_uuid, note, reviewer, created_at FROM annotations WHERE deleted = 0"
                            f" AND note != '' AND {where}", params):
            raw.append((r["doc_uuid"], "annotation", r["uuid"], "comment", r["note"], r["reviewer"], r["created_at"],
                        None, None, None))
        tags = {t.uuid: t.path or t.name for t in self.tags()}
        for r in self._rows(f"SELECT * FROM tag_links WHERE removed = 0 AND {where}", params):
            raw.append((r["doc_uuid"], r["item_type"], r["item_uuid"], "tag", tags.get(r["tag_uuid"], ""),
                        r["reviewer"], r["changed_at"], None, None, None))
        grouped: dict[tuple[str, str], list[dict]] = {}
        for r in self._rows(f"SELECT * FROM corrections WHERE undone = 0 AND {where}", params):
            grouped.setdefault((r["item_uuid"], r["field"]), []).append(r)
        for rows in grouped.values():
            head = corrections_heads(rows)[-1]
            raw.append((head["doc_uuid"], head["item_type"], head["item_uuid"], "correction", "", head["reviewer"],
                        head["at"], head["field"], loads(head["old_value"]), loads(head["new_value"])))
        for r in self._rows(f"SELECT uuid, doc_uuid, status, verdict_reason, reviewer, changed_at FROM checks"
                            f" WHERE status != 'unreviewed' AND deleted = 0 AND orphaned = 0 AND {where}", params):
            raw.append((r["doc_uuid"], "check", r["uuid"], "verdict", r["verdict_reason"] or "", r["reviewer"] or "",
                        r["changed_at"] or "", None, None, None))
        live = self._live_statuses({(t[1], t[2]) for t in raw})
        work = [WorkItem(doc, titles.get(doc, ""), item_type, item, kind, text, reviewer or "", at or "",
                         live[(item_type, item)], field, old, new)
                for doc, item_type, item, kind, text, reviewer, at, field, old, new in raw if (item_type, item) in live]
        work.sort(key=lambda w: w.at, reverse=True)
        return work

    def _live_statuses(self, items: set[tuple[str, str]]) -> dict[tuple[str, str], str]:
        """The status of each item that is still there (not deleted, not orphaned)."""
        found: dict[tuple[str, str], str] = {}
        by_type: dict[str, list[str]] = {}
        for item_type, uuid in items:
            by_type.setdefault(item_type, []).append(uuid)
        for item_type, uuids in by_type.items():
            table = ITEM_TABLES.get(item_type)
            if table is None:
                continue
            live = "1 = 1" if table == "documents" else "deleted = 0" if table == "annotations" \
                else "deleted = 0 AND orphaned = 0"
            for chunk in range(0, len(uuids), 500):
                part = uuids[chunk:chunk + 500]
                marks = ", ".join("?" * len(part))
                for r in self._rows(f"SELECT uuid, status FROM {table} WHERE uuid IN ({marks}) AND {live}", part):
                    found[(item_type, r["uuid"])] = r["status"] or "unreviewed"
        return found
