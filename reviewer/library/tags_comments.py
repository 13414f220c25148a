"""Tags and comments: the tag vocabulary, tagging items, and comments on any item.
"""

from __future__ import annotations

from typing import Any

from reviewer.library.fields import (
    color_value,
    has_lone_surrogate,
    text_value,
)
from reviewer.library.review import (
    Comment,
    HistoryEntry,
    Tag,
)
from reviewer.library.rows import (
    comment_from_row,
    new_uuid,
    now,
)
from reviewer.messages import ReviewerError


class TagsCommentsMixin:
    """The tag vocabulary, tags on items, and comments (part of ``store.Library``)."""

    # ------------------------------------------------------------------ tags
    def tags(self) -> list[Tag]:
        rows = self._rows("SELECT uuid, name, color, parent, description FROM tags")
        tags = {r["uuid"]: Tag(**r) for r in rows}
        for tag in tags.values():
            names, seen, current = [], set(), tag
            while current is not None and current.uuid not in seen:
                seen.add(current.uuid)
                names.append(current.name)
                current = tags.get(current.parent) if current.parent else None
            tag.path = "/".join(reversed(names))
        return sorted(tags.values(), key=lambda t: t.path)

    def _tag(self, tag_uuid: str) -> Tag:
        for tag in self.tags():
            if tag.uuid == tag_uuid:
                return tag
        raise ReviewerError("tag_missing", uuid=tag_uuid)

    def create_tag(self, name: str, color: str = "#888888", parent: str | None = None,
                   description: str = "") -> Tag:
        try:
            name, color = text_value(name), color_value(color)
        except (ValueError, TypeError):
            raise ReviewerError("bad_value", field="name/color", value=f"{name}/{color}") from None
        with self._tx():
            if parent is not None:
                self._tag(parent)
            if self._row("SELECT 1 AS x FROM tags WHERE name = ? AND parent IS ?", (name, parent)):
                raise ReviewerError("tag_exists", name=name)
            tag_uuid = new_uuid()
            self.conn.execute("INSERT INTO tags (uuid, name, color, parent, description, reviewer, created_at)"
                              " VALUES (?, ?, ?, ?, ?, ?, ?)",
                              (tag_uuid, name, color, parent, description or "", self.reviewer, now()))
        return self._tag(tag_uuid)

    def update_tag(self, uuid: str, **fields: Any) -> Tag:
        allowed = {"name", "color", "parent", "description"}
        unknown = set(fields) - allowed
        if unknown:
            raise ReviewerError("bad_field", item_type="tag", field=", ".join(sorted(unknown)),
                                allowed=", ".join(sorted(allowed)))
        try:
            if "name" in fields:
                fields["name"] = text_value(fields["name"])
            if "color" in fields:
                fields["color"] = color_value(fields["color"])
        except (ValueError, TypeError):
            raise ReviewerError("bad_value", field="name/color", value=str(fields)) from None
        with self._tx():
            tag = self._tag(uuid)
            parent = fields.get("parent", tag.parent)
            if parent is not None:
                ancestor: str | None = parent
                by_uuid = {t.uuid: t for t in self.tags()}
                seen: set[str] = set()  # a stored loop above the new parent must not hang us
                while ancestor is not None:
                    if ancestor == uuid or ancestor not in by_uuid or ancestor in seen:
                        raise ReviewerError("bad_tag_parent", name=tag.name)
                    seen.add(ancestor)
                    ancestor = by_uuid[ancestor].parent
            if fields:
                sets = ", ".join(f"{k} = ?" for k in fields)
                self.conn.execute(f"UPDATE tags SET {sets} WHERE uuid = ?", (*fields.values(), uuid))
        return self._tag(uuid)

    def restore_tag(self, tag: Tag) -> Tag:
        """Put a deleted tag back under its own UUID (redo of "new tag"), so later edits that
        name it by UUID still find it."""
        with self._tx():
            if tag.parent is not None:
                self._tag(tag.parent)
            if self._row("SELECT 1 AS x FROM tags WHERE uuid = ?", (tag.uuid,)):
                raise ReviewerError("tag_exists", name=tag.name)
            self.conn.execute("INSERT INTO tags (uuid, name, color, parent, description, reviewer, created_at)"
                              " VALUES (?, ?, ?, ?, ?, ?, ?)",
                              (tag.uuid, tag.name, tag.color, tag.parent, tag.description or "", self.reviewer, now()))
        return self._tag(tag.uuid)

    def delete_tag(self, uuid: str) -> None:
        """Remove a tag from the vocabulary and from every item; its children move up a level."""
        with self._tx():
            tag = self._tag(uuid)
            self.conn.execute("UPDATE tags SET parent = ? WHERE parent = ?", (tag.parent, uuid))
            self.conn.execute("DELETE FROM tags WHERE uuid = ?", (uuid,))

    def tag_item(self, item_type: str, item_uuid: str, tag_uuid: str) -> HistoryEntry:
        with self._tx():
            row = self._item(item_type, item_uuid)
            tag = self._tag(tag_uuid)
            link = self._row("SELECT * FROM tag_links WHERE tag_uuid = ? AND item_type = ? AND item_uuid = ?",
                             (tag_uuid, item_type, item_uuid))
            at = now()
            was_removed = link is None or bool(link["removed"])
            if link is None:
                link_uuid = new_uuid()
                self.conn.execute(
                    "INSERT INTO tag_links (uuid, tag_uuid, doc_uuid, item_type, item_uuid, reviewer, at,"
                    " changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (link_uuid, tag_uuid, row["doc_uuid"], item_type, item_uuid, self.reviewer, at, at))
            else:
                link_uuid = link["uuid"]
                self.conn.execute("UPDATE tag_links SET removed = 0, reviewer = ?, changed_at = ? WHERE uuid = ?",
                                  (self.reviewer, at, link_uuid))
            return self._log("tag", item_type, item_uuid, row["doc_uuid"], "tags", None, tag.path,
                             ref=link_uuid, extra={"tag": tag_uuid, "was_removed": was_removed}, at=at)

    def untag_item(self, item_type: str, item_uuid: str, tag_uuid: str) -> HistoryEntry:
        with self._tx():
            row = self._item(item_type, item_uuid)
            tag = self._tag(tag_uuid)
            link = self._row("SELECT * FROM tag_links WHERE tag_uuid = ? AND item_type = ? AND item_uuid = ?"
                             " AND removed = 0", (tag_uuid, item_type, item_uuid))
            if link is None:
                raise ReviewerError("not_tagged", name=tag.path)
            at = now()
            self.conn.execute("UPDATE tag_links SET removed = 1, reviewer = ?, changed_at = ? WHERE uuid = ?",
                              (self.reviewer, at, link["uuid"]))
            return self._log("untag", item_type, item_uuid, row["doc_uuid"], "tags", tag.path, None,
                             ref=link["uuid"], extra={"tag": tag_uuid}, at=at)

    # ------------------------------------------------------------------ comments
    def add_comment(self, item_type: str, item_uuid: str, body: str) -> Comment:
        if not isinstance(body, str) or not body.strip():
            raise ReviewerError("empty_comment")
        if has_lone_surrogate(body):
            raise ReviewerError("bad_text", what="comment")
        with self._tx():
            row = self._item(item_type, item_uuid)
            comment_uuid, at = new_uuid(), now()
            self.conn.execute(
                "INSERT INTO comments (uuid, doc_uuid, item_type, item_uuid, body, reviewer, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (comment_uuid, row["doc_uuid"], item_type, item_uuid, body, self.reviewer, at))
            self._log("comment", item_type, item_uuid, row["doc_uuid"], "comment", None, body, ref=comment_uuid, at=at)
        return Comment(comment_uuid, item_type, item_uuid, body, self.reviewer, at)

    def _comment_row(self, uuid: str) -> dict:
        row = self._row("SELECT * FROM comments WHERE uuid = ? AND deleted = 0", (uuid,))
        if row is None:
            raise ReviewerError("comment_missing", uuid=uuid)
        return row

    def edit_comment(self, uuid: str, body: str) -> Comment:
        if not isinstance(body, str) or not body.strip():
            raise ReviewerError("empty_comment")
        if has_lone_surrogate(body):
            raise ReviewerError("bad_text", what="comment")
        with self._tx():
            row = self._comment_row(uuid)
            self._claim_row("comments", row)  # not over a colleague's newer edit of it
            at = now()
            self.conn.execute("UPDATE comments SET body = ?, updated_at = ? WHERE uuid = ?", (body, at, uuid))
            self._log("comment_edit", row["item_type"], row["item_uuid"], row["doc_uuid"], "comment", row["body"],
                      body, ref=uuid, at=at)
            row.update(body=body, updated_at=at)
        return comment_from_row(row)

    def delete_comment(self, uuid: str) -> None:
        with self._tx():
            row = self._comment_row(uuid)
            self._claim_row("comments", row)  # not over a colleague's newer edit of it
            at = now()
            self.conn.execute("UPDATE comments SET deleted = 1, updated_at = ? WHERE uuid = ?", (at, uuid))
            self._log("comment_delete", row["item_type"], row["item_uuid"], row["doc_uuid"], "comment", row["body"],
                      None, ref=uuid, at=at)
