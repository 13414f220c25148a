"""History and undo: every change appended with its reviewer and time, any change undoable.

An undo is itself a new entry; history is never rewritten.  After a merge, fields two reviewers
corrected differently are listed as conflicts until someone corrects them again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reviewer.library.connection import ITEM_TABLES
from reviewer.library.review import (
    HistoryEntry,
)
from reviewer.library.rows import (
    corrections_heads,
    history_from_row,
    loads,
    now,
)
from reviewer.library.vocabulary import VERDICTS
from reviewer.messages import ReviewerError


@dataclass
class Conflict:
    """A field that two reviewers corrected differently (found after a merge).  Both corrections
    are kept; the newest is shown until someone corrects the field again, which resolves it."""

    doc_uuid: str
    item_type: str
    item_uuid: str
    field: str
    values: list[tuple[str, Any, str]]  # (reviewer, value, at), oldest first




class HistoryMixin:
    """The append-only history, conflicts, and undo (part of ``store.Library``)."""

    def history(self, item_uuid: str | None = None, doc_uuid: str | None = None) -> list[HistoryEntry]:
        sql, params = "SELECT * FROM history", []
        conditions = []
        if item_uuid:
            conditions.append("item_uuid = ?")
            params.append(item_uuid)
        if doc_uuid:
            conditions.append("doc_uuid = ?")
            params.append(doc_uuid)
        if conditions:
            sql += " WHERE " + " AND ".join(conditions)
        return [history_from_row(r) for r in self._rows(sql + " ORDER BY id", params)]

    def conflicts(self, doc_uuid: str | None = None) -> list[Conflict]:
        """Fields corrected differently by two reviewers whose work was merged."""
        sql, params = "SELECT * FROM corrections WHERE undone = 0", ()
        if doc_uuid:
            sql, params = sql + " AND doc_uuid = ?", (doc_uuid,)
        grouped: dict[tuple[str, str], list[dict]] = {}
        for r in self._rows(sql + " ORDER BY at", params):
            grouped.setdefault((r["item_uuid"], r["field"]), []).append(r)
        found = []
        for (item, name), rows in grouped.items():
            heads = corrections_heads(rows)
            if len({h["new_value"] for h in heads}) > 1:
                found.append(Conflict(heads[0]["doc_uuid"], heads[0]["item_type"], item, name,
                                      [(h["reviewer"], loads(h["new_value"]), h["at"]) for h in heads]))
        return found

    # ------------------------------------------------------------------ undo
    def undo(self, history_id: int) -> HistoryEntry:
        """Revert one change; the revert is itself a history entry (and the original is marked
        undone).  Imports and removals cannot be undone this way."""
        with self._tx():
            h = self._row("SELECT * FROM history WHERE id = ?", (history_id,))
            if h is None:
                raise ReviewerError("history_missing", id=history_id)
            if h["undone"]:
                raise ReviewerError("already_undone", id=history_id)
            action, ref, at = h["action"], h["ref"], now()
            extra = loads(h["extra"]) or {}
            self._check_undo(h)
            if action in ("correct", "status", "verdict"):
                current = self._item(h["item_type"], h["item_uuid"])
                self._claim(h["item_type"], current, current["row_version"])
            if action == "correct":
                # The status a correction replaced comes back when nothing corrects the item any
                # more, or when this was its newest correction (a status set between two
                # corrections is what the reviewer saw before the second one).
                newest = self._row("SELECT uuid FROM corrections WHERE item_uuid = ? AND undone = 0"
                                   " ORDER BY at DESC, uuid DESC LIMIT 1", (h["item_uuid"],))
                self.conn.execute("UPDATE corrections SET undone = 1 WHERE uuid = ?", (ref,))
                row = self._item(h["item_type"], h["item_uuid"])
                still = [r for r in self._rows("SELECT * FROM corrections WHERE item_uuid = ? AND undone = 0",
                                               (h["item_uuid"],))]
                if row["status"] == "corrected" and (not still or (newest is not None and newest["uuid"] == ref)):
                    self._set_status_row(h["item_type"], h["item_uuid"], extra.get("status", "unreviewed"), at)
            elif action == "status":
                self._item(h["item_type"], h["item_uuid"])
                self._set_status_row(h["item_type"], h["item_uuid"], loads(h["old"]), at)
            elif action == "verdict":
                self._item("check", h["item_uuid"])
                before = loads(h["old"]) or {}
                self._set_status_row("check", h["item_uuid"], before.get("status", "unreviewed"), at)
                self.conn.execute("UPDATE checks SET verdict_reason = ? WHERE uuid = ?",
                                  (before.get("reason") or None, h["item_uuid"]))
            elif action in ("tag", "untag"):
                removed = extra.get("was_removed", True) if action == "tag" else False
                self.conn.execute("UPDATE tag_links SET removed = ?, reviewer = ?, changed_at = ? WHERE uuid = ?",
                                  (1 if removed else 0, self.reviewer, at, ref))
            elif action in ("comment", "comment_delete"):
                self.conn.execute("UPDATE comments SET deleted = ?, updated_at = ? WHERE uuid = ?",
                                  (1 if action == "comment" else 0, at, ref))
            elif action == "comment_edit":
                self.conn.execute("UPDATE comments SET body = ?, updated_at = ? WHERE uuid = ?",
                                  (loads(h["old"]), at, ref))
            elif action == "add":
                table = ITEM_TABLES[h["item_type"]]
                self.conn.execute(f"UPDATE {table} SET deleted = 1 WHERE uuid = ?", (h["item_uuid"],))
            else:
                raise ReviewerError("cannot_undo", action=action)
            self.conn.execute("UPDATE history SET undone = 1 WHERE id = ?", (history_id,))
            return self._log("undo", h["item_type"], h["item_uuid"], h["doc_uuid"], h["field"], loads(h["new"]),
                             loads(h["old"]), ref=h["uuid"], extra={"action": action, "history_id": history_id},
                             at=at)

    # ------------------------------------------------------------------ redo
    def redo(self, history_id: int) -> HistoryEntry:
        """Re-apply a change that was undone, exactly as it was: the same rows come back under
        the same UUIDs (an added annotation with its tags and comments, a deleted comment, the
        same correction), and the original entry counts again, so it can be undone again.  The
        redo is itself a new entry."""
        with self._tx():
            h = self._row("SELECT * FROM history WHERE id = ?", (history_id,))
            if h is None:
                raise ReviewerError("history_missing", id=history_id)
            if not h["undone"]:
                raise ReviewerError("not_undone", id=history_id)
            action, ref, at = h["action"], h["ref"], now()
            item_type, item_uuid = h["item_type"], h["item_uuid"]
            extra, new = loads(h["extra"]) or {}, loads(h["new"])
            if action == "add":
                table = ITEM_TABLES[item_type]
                self.conn.execute(f"UPDATE {table} SET deleted = 0 WHERE uuid = ?", (item_uuid,))
                self._item(item_type, item_uuid)
            elif action == "correct":
                row = self._item(item_type, item_uuid)
                if self._row("SELECT 1 AS x FROM corrections WHERE item_uuid = ? AND field = ? AND undone = 0"
                             " AND at > ?", (item_uuid, h["field"], h["at"])):
                    raise ReviewerError("redo_superseded", id=history_id)  # it would make a conflict
                self.conn.execute("UPDATE corrections SET undone = 0 WHERE uuid = ?", (ref,))
                if row["status"] != "rejected":
                    self._set_status_row(item_type, item_uuid, "corrected", at)
            elif action == "status":
                self._item(item_type, item_uuid)
                self._set_status_row(item_type, item_uuid, new, at)
            elif action == "verdict":
                self._item("check", item_uuid)
                new = new or {}
                status = new.get("status", "unreviewed")
                self._set_status_row("check", item_uuid, status if status in VERDICTS else "unreviewed", at)
                self.conn.execute("UPDATE checks SET verdict_reason = ? WHERE uuid = ?",
                                  (new.get("reason") or None, item_uuid))
            elif action in ("tag", "untag"):
                self._redo_tag_link(h, extra, at)
            elif action in ("comment", "comment_delete"):
                self._item(item_type, item_uuid)
                self.conn.execute("UPDATE comments SET deleted = ?, updated_at = ? WHERE uuid = ?",
                                  (0 if action == "comment" else 1, at, ref))
            elif action == "comment_edit":
                self._item(item_type, item_uuid)
                self.conn.execute("UPDATE comments SET body = ?, updated_at = ? WHERE uuid = ?", (new, at, ref))
            else:
                raise ReviewerError("cannot_undo", action=action)
            self.conn.execute("UPDATE history SET undone = 0 WHERE id = ?", (history_id,))
            return self._log("redo", item_type, item_uuid, h["doc_uuid"], h["field"], loads(h["old"]), new,
                             ref=h["uuid"], extra={"action": action, "history_id": history_id}, at=at)

    def _redo_tag_link(self, h: dict, extra: dict, at: str) -> None:
        """Tag or untag again through the same link; a link lost with its tag (a tag deleted and
        restored by undo/redo) is written back under its UUID."""
        self._item(h["item_type"], h["item_uuid"])
        removed = 0 if h["action"] == "tag" else 1
        if self._row("SELECT 1 AS x FROM tag_links WHERE uuid = ?", (h["ref"],)) is None:
            self._tag(extra["tag"])
            self.conn.execute(
                "INSERT INTO tag_links (uuid, tag_uuid, doc_uuid, item_type, item_uuid, reviewer, at, changed_at,"
                " removed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (h["ref"], extra["tag"], h["doc_uuid"], h["item_type"], h["item_uuid"], self.reviewer, at, at,
                 removed))
        else:
            self.conn.execute("UPDATE tag_links SET removed = ?, reviewer = ?, changed_at = ? WHERE uuid = ?",
                              (removed, self.reviewer, at, h["ref"]))
