"""Review edits: corrections, statuses, and sections, figures and annotations a reviewer adds.

The analysis is never overwritten: a correction is a row of its own and the effective value of a
field is the newest correction not undone.  Each edit is one transaction with its history entry.
"""

from __future__ import annotations

from typing import Any

from reviewer.library.anchoring import make_anchor
from reviewer.library.connection import CONTEXT, ITEM_TABLES
from reviewer.library.fields import (
    EDITABLE_FIELDS,
    STATUS_ITEM_TYPES,
    figure_kind,
    figure_value,
    level_value,
    optional_text,
    text_value,
)
from reviewer.library.review import (
    STATUSES,
    Annotation,
    HistoryEntry,
    ItemReview,
)
from reviewer.library.rows import (
    corrections_heads,
    dumps,
    loads,
    new_uuid,
    now,
)
from reviewer.library.vocabulary import VERDICTS
from reviewer.messages import ReviewerError


class EditsMixin:
    """Corrections, statuses and added items (part of ``store.Library``)."""

    # ------------------------------------------------------------------ edits
    def _item(self, item_type: str, item_uuid: str) -> dict:
        if item_type not in ITEM_TABLES:
            raise ReviewerError("bad_item_type", item_type=item_type)
        table = ITEM_TABLES[item_type]
        row = self._row(f"SELECT * FROM {table} WHERE uuid = ?", (item_uuid,))
        if row is None or row.get("deleted"):
            raise ReviewerError("item_missing", item_type=item_type, uuid=item_uuid)
        row["doc_uuid"] = row["uuid"] if table == "documents" else row["doc_uuid"]
        return row

    def _set_status_row(self, item_type: str, item_uuid: str, status: str, at: str) -> None:
        table = ITEM_TABLES[item_type]
        who = "status_reviewer" if table in ("documents", "annotations") else "reviewer"
        self.conn.execute(f"UPDATE {table} SET status = ?, {who} = ?, changed_at = ? WHERE uuid = ?",
                          (status, self.reviewer, at, item_uuid))

    def _log(self, action: str, item_type: str, item_uuid: str, doc_uuid: str | None, field: str | None = None,
             old: Any = None, new: Any = None, ref: str | None = None, extra: dict | None = None,
             at: str | None = None) -> HistoryEntry:
        entry_uuid, at = new_uuid(), at or now()
        cursor = self.conn.execute(
            "INSERT INTO history (uuid, at, reviewer, action, item_type, item_uuid, doc_uuid, field, old, new,"
            " ref, extra) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (entry_uuid, at, self.reviewer, action, item_type, item_uuid, doc_uuid, field, dumps(old),
             dumps(new), ref, dumps(extra) if extra else None))
        entry = HistoryEntry(id=cursor.lastrowid, uuid=entry_uuid, at=at, reviewer=self.reviewer, action=action,
                             item_type=item_type, item_uuid=item_uuid, field=field, old=old, new=new)
        self.last_entry = entry
        return entry

    def _effective(self, item_type: str, row: dict, field_name: str) -> tuple[Any, list[dict]]:
        """The value a reviewer now sees for one field, and the heads that make it."""
        rows = self._rows("SELECT * FROM corrections WHERE item_uuid = ? AND field = ?", (row["uuid"], field_name))
        heads = corrections_heads(rows)
        if heads:
            return loads(heads[-1]["new_value"]), heads
        if item_type == "metadata":
            return (loads(row["metadata"]) or {}).get(field_name), heads
        if item_type == "figure" and field_name == "value":
            return loads(row["value"]), heads
        return row[field_name], heads

    def correct(self, item_type: str, item_uuid: str, field: str, new_value: Any,
                expected_version: int | None = None) -> HistoryEntry:
        """Record a corrected value; the analysed value stays as it was.  Correcting a field that
        is in conflict resolves the conflict (the new correction supersedes every head)."""
        fields = EDITABLE_FIELDS.get(item_type)
        if fields is None:
            raise ReviewerError("bad_item_type", item_type=item_type)
        if field not in fields:
            raise ReviewerError("bad_field", item_type=item_type, field=field, allowed=", ".join(fields))
        try:
            value = fields[field](new_value)
        except (ValueError, TypeError):
            raise ReviewerError("bad_value", field=field, value=new_value) from None
        with self._tx():
            row = self._claim_item(item_type, item_uuid, expected_version)
            old, heads = self._effective(item_type, row, field)
            correction_uuid, at = new_uuid(), now()
            self.conn.execute(
                "INSERT INTO corrections (uuid, doc_uuid, item_type, item_uuid, field, old_value, new_value,"
                " supersedes, reviewer, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (correction_uuid, row["doc_uuid"], item_type, item_uuid, field, dumps(old), dumps(value),
                 dumps([h["uuid"] for h in heads]), self.reviewer, at))
            previous_status = row["status"]
            if previous_status != "rejected":
                self._set_status_row(item_type, item_uuid, "corrected", at)
            return self._log("correct", item_type, item_uuid, row["doc_uuid"], field, old, value,
                             ref=correction_uuid, extra={"status": previous_status}, at=at)

    def set_status(self, item_type: str, item_uuid: str, status: str,
                   expected_version: int | None = None) -> HistoryEntry:
        if status not in STATUSES:
            raise ReviewerError("bad_status", status=status, allowed=", ".join(STATUSES))
        if item_type not in STATUS_ITEM_TYPES:
            raise ReviewerError("bad_item_type", item_type=item_type)
        with self._tx():
            row = self._claim_item(item_type, item_uuid, expected_version)
            at = now()
            self._set_status_row(item_type, item_uuid, status, at)
            return self._log("status", item_type, item_uuid, row["doc_uuid"], "status", row["status"], status, at=at)

    def set_verdict(self, check_uuid: str, verdict: str, reason: str = "",
                    expected_version: int | None = None) -> HistoryEntry:
        """A reviewer's verdict on a check — ``confirmed`` (属实), ``rejected`` (误报) or ``pending``
        (待核实), or ``unreviewed`` to reopen it — with the reason typed beside it, as one edit."""
        if verdict not in VERDICTS + ("unreviewed",):
            raise ReviewerError("bad_status", status=verdict, allowed=", ".join(VERDICTS))
        if not isinstance(reason, str):
            raise ReviewerError("bad_value", field="reason", value=reason)
        reason = reason.strip()
        with self._tx():
            row = self._claim_item("check", check_uuid, expected_version)
            at = now()
            self._set_status_row("check", check_uuid, verdict, at)
            self.conn.execute("UPDATE checks SET verdict_reason = ? WHERE uuid = ?", (reason or None, check_uuid))
            old = {"status": row["status"], "reason": row["verdict_reason"] or ""}
            return self._log("verdict", "check", check_uuid, row["doc_uuid"], "status", old,
                             {"status": verdict, "reason": reason}, at=at)

    def _doc_text(self, doc_uuid: str) -> str:
        # Adding an item numbers it after the report's others (MAX + 1): hold the report's row
        # until the commit so two reviewers adding at once on a team library take turns (a no-op
        # on SQLite, whose writers take turns anyway).
        self.conn.execute("UPDATE documents SET row_version = row_version WHERE uuid = ?", (doc_uuid,))
        row = self._row("SELECT text FROM documents WHERE uuid = ?", (doc_uuid,))
        if row is None:
            raise ReviewerError("document_missing", uuid=doc_uuid)
        return row["text"]

    @staticmethod
    def _check_span(text: str, start: int, end: int) -> None:
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            raise ReviewerError("bad_span", start=start, end=end, length=len(text))

    def add_section(self, doc_uuid: str, level: int, number: str, title: str, heading_start: int,
                    heading_end: int) -> str:
        """A heading the analysis missed.  Its body runs to the next heading of the same or a
        higher level; its parent is the nearest earlier heading of a higher level."""
        try:
            level, title = level_value(level), text_value(title)
        except (ValueError, TypeError):
            raise ReviewerError("bad_value", field="level/title", value=f"{level}/{title}") from None
        with self._tx():
            text = self._doc_text(doc_uuid)
            self._check_span(text, heading_start, heading_end)
            rows = self._rows("SELECT local_id, level, heading_start, ordinal FROM sections WHERE doc_uuid = ?"
                              " AND deleted = 0 AND orphaned = 0 ORDER BY heading_start", (doc_uuid,))
            ids = self._rows("SELECT MAX(local_id) AS m, MAX(ordinal) AS o FROM sections WHERE doc_uuid = ?",
                             (doc_uuid,))[0]
            parent = None
            for r in rows:
                if r["heading_start"] < heading_start and r["level"] < level:
                    parent = r["local_id"]
            end = next((r["heading_start"] for r in rows
                        if r["heading_start"] > heading_start and r["level"] <= level), len(text))
            item_uuid, at = new_uuid(), now()
            self._insert_rows("sections", [{
                "uuid": item_uuid, "doc_uuid": doc_uuid, "ordinal": (ids["o"] or 0) + 1,
                "local_id": (ids["m"] or 0) + 1, "parent_id": parent, "level": level, "number": number or "",
                "title": title, "start": heading_start, "end": end, "heading_start": heading_start,
                "heading_end": heading_end, "confidence": 1.0, "style": "", "user_added": 1,
                "status": "confirmed", "reviewer": self.reviewer, "changed_at": at}])
            self._log("add", "section", item_uuid, doc_uuid, new={"level": level, "number": number, "title": title,
                                                                   "heading_start": heading_start,
                                                                   "heading_end": heading_end}, at=at)
        return item_uuid

    def add_figure(self, doc_uuid: str, start: int, end: int, value: Any, unit: str | None, kind: str,
                   label: str | None) -> str:
        """A figure the analysis missed, over ``text[start:end]``."""
        try:
            value, unit, kind, label = figure_value(value), optional_text(unit), figure_kind(kind), \
                optional_text(label)
        except (ValueError, TypeError):
            raise ReviewerError("bad_value", field="value/unit/kind/label", value=f"{value}/{unit}/{kind}") from None
        with self._tx():
            text = self._doc_text(doc_uuid)
            self._check_span(text, start, end)
            section = self._row("SELECT local_id FROM sections WHERE doc_uuid = ? AND deleted = 0 AND orphaned = 0"
                                " AND start <= ? AND \"end\" > ? ORDER BY level DESC LIMIT 1",
                                (doc_uuid, start, start))
            ids = self._rows("SELECT MAX(local_id) AS m, MAX(ordinal) AS o FROM figures WHERE doc_uuid = ?",
                             (doc_uuid,))[0]
            item_uuid, at = new_uuid(), now()
            self._insert_rows("figures", [{
                "uuid": item_uuid, "doc_uuid": doc_uuid, "ordinal": (ids["o"] or 0) + 1,
                "local_id": (ids["m"] or 0) + 1, "text": text[start:end], "value": dumps(value), "unit": unit,
                "kind": kind, "label": label, "qualifier": None, "start": start, "end": end,
                "section_id": section["local_id"] if section else None, "low": None, "high": None,
                "label_start": None, "label_end": None, "user_added": 1, "status": "confirmed",
                "reviewer": self.reviewer, "changed_at": at}])
            self._log("add", "figure", item_uuid, doc_uuid, new={"start": start, "end": end, "value": value,
                                                                  "unit": unit, "kind": kind, "label": label}, at=at)
        return item_uuid

    def add_annotation(self, doc_uuid: str, start: int, end: int, note: str = "") -> Annotation:
        with self._tx():
            text = self._doc_text(doc_uuid)
            self._check_span(text, start, end)
            anchor = make_anchor(text, start, end, CONTEXT)
            item_uuid, at = new_uuid(), now()
            self.conn.execute(
                "INSERT INTO annotations (uuid, doc_uuid, start, \"end\", quote, prefix, suffix, note, anchor_state,"
                " reviewer, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'exact', ?, ?)",
                (item_uuid, doc_uuid, start, end, anchor.quote, anchor.prefix, anchor.suffix, note or "",
                 self.reviewer, at))
            self._log("add", "annotation", item_uuid, doc_uuid, new={"start": start, "end": end,
                                                                      "quote": anchor.quote, "note": note}, at=at)
        return Annotation(uuid=item_uuid, doc_uuid=doc_uuid, start=start, end=end, quote=anchor.quote,
                          prefix=anchor.prefix, suffix=anchor.suffix, note=note or "", reviewer=self.reviewer,
                          created_at=at, anchor_state="exact", review=ItemReview(uuid=item_uuid, user_added=True))
