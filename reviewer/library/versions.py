"""Row versions: an edit based on a stale view of an item is refused, never silently applied.

Every edited item carries ``row_version`` (schema v6).  The library remembers the version of
each item as this object last saw it (``load_review`` and its own edits); an edit checks that the
item still has that version and bumps it in the same transaction with a guarded UPDATE, so of two
reviewers who loaded the same version only the first one's edit lands, on SQLite and on
PostgreSQL alike.  The second gets ``已被 王律师 于 10:42 修改`` and reloads.  An undo of a change
that another reviewer has edited since is refused the same way and changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone

from reviewer.library.connection import ITEM_TABLES
from reviewer.library.review import DocumentReview
from reviewer.messages import ReviewerError

_DOC_TABLES = ("sections", "figures", "citations", "checks", "annotations", "comments")


def local_time(at: str | None) -> str:
    """An ISO UTC time as the reviewer's local clock shows it: 10:42, or 12-06 10:42 if not today."""
    if not at:
        return "?"
    try:
        moment = datetime.fromisoformat(at.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return at
    today = datetime.now(timezone.utc).astimezone().date()
    return moment.strftime("%H:%M" if moment.date() == today else "%m-%d %H:%M")


class VersionsMixin:
    """Optimistic concurrency for edits (part of ``store.Library``)."""

    _seen_versions: dict[str, int]
    _pending_versions: dict[str, int]
    _tx_depth = 0

    def _seen(self) -> dict[str, int]:
        if "_seen_versions" not in self.__dict__:
            self._seen_versions, self._pending_versions = {}, {}
        return self._seen_versions

    @contextmanager
    def _tx(self) -> Iterator:
        """The connection's transaction; the versions this object's edits produced become its
        view of those items only once the transaction has committed."""
        self._seen()
        self._tx_depth += 1
        try:
            with super()._tx() as conn:  # type: ignore[misc]
                yield conn
        except BaseException:
            if self._tx_depth == 1:
                self._pending_versions.clear()
            raise
        finally:
            self._tx_depth -= 1
        if self._tx_depth == 0:
            self._seen_versions.update(self._pending_versions)
            self._pending_versions.clear()

    def remember_versions(self, doc_uuid: str) -> dict[str, int]:
        """Take the current version of every item of a report as this object's view of it."""
        seen = self._seen()
        found: dict[str, int] = {}
        for table in _DOC_TABLES:
            for r in self._rows(f"SELECT uuid, row_version FROM {table} WHERE doc_uuid = ?", (doc_uuid,)):
                found[r["uuid"]] = r["row_version"]
        row = self._row("SELECT row_version FROM documents WHERE uuid = ?", (doc_uuid,))
        if row is not None:
            found[doc_uuid] = row["row_version"]
        seen.update(found)
        return found

    def stamp_versions(self, review: DocumentReview) -> DocumentReview:
        """Put each item's row version on its ``ItemReview`` (for callers that pass it back)."""
        versions = self.remember_versions(review.doc_uuid)
        for group in (review.sections, review.figures, review.citations, review.checks, review.advisories,
                      review.orphaned_items):
            for item in group:
                item.review.version = versions.get(item.review.uuid, 0)
        for ann in review.annotations:
            if ann.review is not None:
                ann.review.version = versions.get(ann.uuid, 0)
        review.metadata_review.version = versions.get(review.doc_uuid, 0)
        return review

    def adopt_versions(self, review: DocumentReview, versions: dict[str, int] | None = None) -> None:
        """Take the versions a review was loaded with (perhaps by another ``Library`` object, such
        as a window's reader thread) as this object's view: edits are checked against what is shown.
        ``versions``: ``review_versions(review)`` computed beforehand (off the GUI thread)."""
        self._seen().update(review_versions(review) if versions is None else versions)

    def item_version(self, item_type: str, item_uuid: str) -> int:
        """The item's current version, which also becomes this object's view of it."""
        table = ITEM_TABLES.get(item_type)
        row = self._row(f"SELECT row_version FROM {table} WHERE uuid = ?", (item_uuid,)) if table else None
        if row is None:
            raise ReviewerError("item_missing", item_type=item_type, uuid=item_uuid)
        self._seen()[item_uuid] = row["row_version"]
        return row["row_version"]

    def _last_change(self, uuid: str, table: str = "") -> tuple[str, str | None]:
        # history names a comment in ``ref`` (its item in ``item_uuid``); a comment has the time
        # and author of its last change on its own row, which saves scanning history for it.
        if table == "comments":
            row = self._row("SELECT h.reviewer, h.at FROM comments c JOIN history h ON h.item_uuid = c.item_uuid"
                            " AND h.ref = c.uuid WHERE c.uuid = ? ORDER BY h.id DESC LIMIT 1", (uuid,))
        else:
            row = self._row("SELECT reviewer, at FROM history WHERE item_uuid = ? ORDER BY id DESC LIMIT 1", (uuid,))
        return (row["reviewer"], row["at"]) if row else ("?", None)

    def _changed_error(self, item_uuid: str, table: str = "") -> ReviewerError:
        who, at = self._last_change(item_uuid, table)
        self._seen().pop(item_uuid, None)  # a reload takes the new version
        return ReviewerError("item_changed_by_other", who=who, time=local_time(at))

    def _claim(self, item_type: str, row: dict, expected: int | None = None) -> None:
        """Inside the edit's transaction: refuse if the item changed since this object saw it,
        else bump its version (a guarded UPDATE, so a concurrent writer cannot slip between)."""
        self._claim_row(ITEM_TABLES[item_type], row, expected)

    def _claim_item(self, item_type: str, item_uuid: str, expected: int | None = None) -> dict:
        """``_item`` and ``_claim``; on a team library in one statement: the guarded version bump
        returns the row (``UPDATE … RETURNING``), so an edit does not read the row and then write
        it in two round trips.  Only a refusal reads again, to say who changed the item and when.
        A SQLite file keeps the read and the write (no round trips to save, and no dependency on
        SQLite ≥ 3.35 for RETURNING)."""
        if item_type not in ITEM_TABLES:
            raise ReviewerError("bad_item_type", item_type=item_type)
        if not getattr(self, "CLAIM_RETURNING", False):  # set by team.TeamConnection
            row = self._item(item_type, item_uuid)
            self._claim(item_type, row, expected)
            return row
        table = ITEM_TABLES[item_type]
        pending = self._pending_versions.get(item_uuid)
        seen = expected if expected is not None else (pending if pending is not None else self._seen().get(item_uuid))
        sql, params = f"UPDATE {table} SET row_version = row_version + 1 WHERE uuid = ?", [item_uuid]
        if seen is not None:
            sql, params = sql + " AND row_version = ?", params + [seen]
        row = self._row(sql + " RETURNING *", params)
        if row is None or row.get("deleted"):
            self._item(item_type, item_uuid)  # missing or removed: item_missing (the bump rolls back)
            raise self._changed_error(item_uuid, table)
        row["doc_uuid"] = row["uuid"] if table == "documents" else row["doc_uuid"]
        self._pending_versions[item_uuid] = row["row_version"]
        return row

    def _claim_row(self, table: str, row: dict, expected: int | None = None) -> None:
        uuid = row["uuid"]
        pending = self._pending_versions.get(uuid)
        seen = expected if expected is not None else (pending if pending is not None else self._seen().get(uuid))
        current = row.get("row_version") or 0
        if seen is not None and current != seen:
            raise self._changed_error(uuid, table)
        cursor = self.conn.execute(f"UPDATE {table} SET row_version = row_version + 1 WHERE uuid = ?"
                                   " AND row_version = ?", (uuid, current))
        if cursor.rowcount != 1:
            raise self._changed_error(uuid, table)
        self._pending_versions[uuid] = current + 1

    def _check_undo(self, h: dict) -> None:
        """An undo must not revert over a colleague's later change to the same item and field."""
        sql = ("SELECT reviewer, at FROM history WHERE item_uuid = ? AND id > ? AND reviewer != ?"
               " AND undone = 0 AND action != 'undo'")
        params: list = [h["item_uuid"], h["id"], self.reviewer]
        if h["action"] in ("tag", "untag", "comment", "comment_edit", "comment_delete"):
            sql += " AND ref = ?"  # the same tag link or comment, not another one on the item
            params.append(h["ref"])
        elif h["field"] is not None:
            sql += " AND field = ?"
            params.append(h["field"])
        later = self._row(sql + " ORDER BY id DESC LIMIT 1", params)
        if later is not None:
            raise ReviewerError("undo_changed_by_other", who=later["reviewer"], time=local_time(later["at"]))


def review_versions(review: DocumentReview) -> dict[str, int]:
    """uuid -> row version of everything in ``review`` (100,000 entries for a 5 MB report)."""
    found = {review.doc_uuid: review.metadata_review.version}
    for item in review.reviewable() + [review.metadata_review] + [a.review for a in review.annotations if a.review]:
        for comment in item.comments:
            found[comment.uuid] = comment.version
    for group in (review.sections, review.figures, review.citations, review.checks, review.advisories,
                  review.orphaned_items):
        for item in group:
            found[item.review.uuid] = item.review.version
    for ann in review.annotations:
        if ann.review is not None:
            found[ann.uuid] = ann.review.version
    return found
