"""Bringing another reviewer's library into this one (``reviewer merge OTHER.db``).

Documents are matched by the sha256 of their file, everything else by UUID (analysis items that
two libraries analysed separately are matched by what they say and where).  Annotations, tags,
tag links, comments, corrections and history are united; nothing is overwritten silently:

- two reviewers who corrected the same field differently both keep their correction, and the
  field is listed as a conflict (``Library.conflicts()``, ``ItemReview.conflicts``) until someone
  corrects it again;
- a status set differently by both is listed too (the later one is shown);
- a report that exists in both under the same id but with different text (re-imported in one of
  them) has their work carried onto our text as a re-import would: items matched by what they say
  and where, annotations re-anchored, what cannot be placed kept as a visible orphan.

The other file is opened read-only and never changed.  Merging the same library twice changes
nothing the second time: every row it would bring is already there.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reviewer.library import identity
from reviewer.library import schema as store_schema
from reviewer.library.anchoring import CONTEXT, Anchor, AnchorReport, Placement, PositionMap, place
from reviewer.library.connection import SQLITE_HEADER, operational_error, read_header
from reviewer.library.history import Conflict
from reviewer.library.incoming import Incoming, insert_row
from reviewer.library.reimport import counterpart, moved
from reviewer.library.rows import dumps, new_uuid, now
from reviewer.messages import ReviewerError, language

if TYPE_CHECKING:
    from reviewer.library.store import Library

ITEM_TABLES = ("sections", "figures", "citations", "checks")
ITEM_TYPE_TABLE = {"section": "sections", "figure": "figures", "citation": "citations", "check": "checks",
                   "annotation": "annotations"}
# What must agree for two separately analysed items of the same text to be the same item.
ITEM_KEYS = {"sections": ("level", "number", "title", "heading_start"), "figures": ("kind", "text", "start"),
             "citations": ("kind", "text", "start"), "checks": ("kind", "message", "advisory")}


@dataclass
class StatusConflict:
    doc_uuid: str
    item_type: str
    item_uuid: str
    ours: tuple[str, str | None]  # (status, reviewer)
    theirs: tuple[str, str | None]


@dataclass
class MergeReport:
    other_path: str
    documents_added: int = 0
    documents_matched: int = 0
    documents_reanchored: list[str] = field(default_factory=list)  # same report, text changed in one
    anchoring: AnchorReport = field(default_factory=AnchorReport)  # their annotations on our changed text
    items_added: int = 0
    statuses_updated: int = 0
    corrections_added: int = 0
    corrections_undone: int = 0
    annotations_added: int = 0
    tags_added: int = 0
    tag_links_added: int = 0
    tag_links_updated: int = 0
    comments_added: int = 0
    comments_updated: int = 0
    history_added: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    status_conflicts: list[StatusConflict] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        counts = (self.documents_added, self.items_added, self.statuses_updated, self.corrections_added,
                  self.corrections_undone, self.annotations_added, self.tags_added, self.tag_links_added,
                  self.tag_links_updated, self.comments_added, self.comments_updated, self.history_added)
        return any(counts)

    def format(self, language_code: str | None = None) -> str:
        """The merge report as printed by the command line."""
        en = (language_code or language()) == "en"
        rows = [
            ("documents added", "新增报告", self.documents_added),
            ("documents matched", "已有报告", self.documents_matched),
            ("items added", "新增条目", self.items_added),
            ("statuses updated", "更新状态", self.statuses_updated),
            ("corrections added", "新增更正", self.corrections_added),
            ("corrections undone", "撤销更正", self.corrections_undone),
            ("annotations added", "新增标注", self.annotations_added),
            ("tags added", "新增标签", self.tags_added),
            ("tag links added", "新增打标", self.tag_links_added),
            ("tag links updated", "更新打标", self.tag_links_updated),
            ("comments added", "新增批注", self.comments_added),
            ("comments updated", "更新批注", self.comments_updated),
            ("history entries added", "新增修改记录", self.history_added),
        ]
        lines = [("Merged " if en else "已合并 ") + self.other_path]
        lines += [f"  {e if en else z}: {n}" for e, z, n in rows]
        if not self.changed:
            lines.append("  Nothing new: the libraries were already merged." if en else "  没有新内容:两个库此前已合并。")
        for path in self.documents_reanchored:
            lines.append(("  text differs, review work re-anchored: " if en else "  文字有变,审阅内容已重新定位:") + path)
        if self.anchoring.total:
            a = self.anchoring
            lines.append(f"  annotations placed exactly {a.exact}, fuzzily {a.fuzzy}, not found (kept as orphans) {a.orphaned}"
                         if en else f"  标注 精确定位 {a.exact}、模糊定位 {a.fuzzy}、未能定位(保留){a.orphaned}")
        if self.conflicts:
            lines.append(f"  Conflicts to resolve: {len(self.conflicts)}" if en else f"  待处理的冲突:{len(self.conflicts)}")
            for c in self.conflicts:
                values = "; ".join(f"{who}: {value!r}" for who, value, _ in c.values)
                lines.append(f"    {c.item_type} {c.item_uuid[:8]} {c.field}: {values}")
        for s in self.status_conflicts:
            lines.append(f"    {s.item_type} {s.item_uuid[:8]} status: {s.ours[1]}: {s.ours[0]}; {s.theirs[1]}: {s.theirs[0]}")
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def open_other(path: Path) -> sqlite3.Connection:
    """The other library, read-only, after the same checks as opening our own."""
    if path.is_dir() or not path.exists():
        raise ReviewerError("file_missing", path=str(path))
    if read_header(path) != SQLITE_HEADER:  # refuses a FIFO or a device before reading it
        raise ReviewerError("library_not_sqlite", path=str(path))
    uri = path.resolve().as_uri()
    try:
        conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=5.0, isolation_level=None)
        try:
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError:
            conn.close()
            conn = sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, isolation_level=None)
        check = conn.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise operational_error(exc, path) from None
    if check != "ok":
        conn.close()
        raise ReviewerError("library_damaged", path=str(path), reason=check)
    try:
        version = identity.schema_version(conn, path)
    except ReviewerError:
        conn.close()
        raise
    if version == 0 or identity.application_id(conn) not in (0, identity.APPLICATION_ID):
        conn.close()
        raise ReviewerError("library_not_reviewer", path=str(path))
    if version > store_schema.CURRENT_VERSION:
        conn.close()
        raise ReviewerError("library_newer", path=str(path), version=version,
                            supported=store_schema.CURRENT_VERSION)
    return conn


def _rows(conn: sqlite3.Connection, sql: str, params: tuple = ()) -> list[dict]:
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r)) for r in cursor.fetchall()]


def _insert(conn: sqlite3.Connection, table: str, row: dict) -> None:
    """Our own columns only, every value bound (``incoming.insert_row``); a row that collides with
    one of ours (the same uuid elsewhere, e.g. an item moved to another report) refuses the merge."""
    try:
        insert_row(conn, table, row)
    except sqlite3.IntegrityError as exc:
        raise ReviewerError("merge_row_conflict", table=table, row=str(row.get("uuid"))[:80],
                            reason=str(exc)) from None


def merge_libraries(library: Library, other_path: str | Path) -> MergeReport:
    other_path = Path(other_path)
    if other_path.exists() and os.path.exists(library.path) and os.path.samefile(other_path, library.path):
        raise ReviewerError("merge_same_library", path=str(other_path))
    other = open_other(other_path)
    try:
        incoming = Incoming(other, str(other_path))
        incoming.validate()  # the whole file, before anything of ours is written
        with library._tx():
            merge = _Merge(library.conn, incoming, str(other_path))
            report = merge.run()
            if report.changed:
                library.conn.execute(
                    "INSERT INTO merge_log (uuid, other_path, other_library, at, reviewer, report) VALUES (?, ?, ?, ?, ?, ?)",
                    (new_uuid(), str(other_path), _library_uuid(other), now(), library.reviewer,
                     dumps({k: v for k, v in report.to_json().items() if isinstance(v, int)})))
        touched = set(merge.doc_map.values())
        report.conflicts = [c for c in library.conflicts() if c.doc_uuid in touched]
        return report
    finally:
        other.close()


def _library_uuid(conn: sqlite3.Connection) -> str | None:
    try:
        return store_schema.library_uuid(conn) or None
    except sqlite3.DatabaseError:  # the other file's library_info may be missing or damaged
        return None


class _Merge:
    def __init__(self, ours: sqlite3.Connection, theirs: Incoming, other_path: str) -> None:
        self.ours, self.theirs = ours, theirs
        self.report = MergeReport(other_path)
        self.tag_map: dict[str, str] = {}
        self.doc_map: dict[str, str] = {}
        self.item_map: dict[str, str] = {}
        self.link_map: dict[str, str] = {}  # their tag link uuid -> ours, where both tagged the same item

    def run(self) -> MergeReport:
        self._tags()
        self._documents()
        self._corrections()
        self._tag_links()
        self._comments()
        self._history()
        return self.report

    # -- tags: by uuid, else by path of names, else new
    def _tags(self) -> None:
        ours = {r["uuid"]: r for r in _rows(self.ours, "SELECT * FROM tags")}
        ours_by_path = {_tag_path(ours, u): u for u in ours}
        theirs = {r["uuid"]: r for r in self.theirs.rows("tags")}
        for uuid in sorted(theirs, key=lambda u: _tag_path(theirs, u).count("/")):
            if uuid in ours:
                self.tag_map[uuid] = uuid
                continue
            path = _tag_path(theirs, uuid)
            if path in ours_by_path:
                self.tag_map[uuid] = ours_by_path[path]
                continue
            row = dict(theirs[uuid])
            row["parent"] = self.tag_map.get(row["parent"]) if row["parent"] else None
            _insert(self.ours, "tags", row)
            self.tag_map[uuid] = uuid
            ours[uuid] = row
            ours_by_path[path] = uuid
            self.report.tags_added += 1

    # -- documents and their items
    def _documents(self) -> None:
        for doc in self.theirs.rows("documents"):
            local = _rows(self.ours, "SELECT uuid, status, status_reviewer, changed_at FROM documents"
                                     " WHERE sha256 = ?", (doc["sha256"],))
            if local:
                self.report.documents_matched += 1
                self.doc_map[doc["uuid"]] = local[0]["uuid"]
                self.item_map[doc["uuid"]] = local[0]["uuid"]
                self._merge_status("documents", "metadata", local[0], doc, local[0]["uuid"], "status_reviewer")
                self._items(doc["uuid"], local[0]["uuid"])
                self._annotations(doc["uuid"], local[0]["uuid"])
                continue
            same_id = _rows(self.ours, "SELECT uuid, text, status, status_reviewer, changed_at FROM documents"
                                       " WHERE uuid = ?", (doc["uuid"],))
            if same_id:
                # The same report, re-imported with changed text in one of the libraries: carry
                # their work onto our text as a re-import would.
                ours = same_id[0]
                self.report.documents_reanchored.append(doc["path"])
                self.doc_map[doc["uuid"]] = self.item_map[doc["uuid"]] = ours["uuid"]
                self._merge_status("documents", "metadata", ours, doc, ours["uuid"], "status_reviewer")
                moved_text = (doc["text"], ours["text"], PositionMap(doc["text"], ours["text"]))
                self._items(doc["uuid"], ours["uuid"], moved_text)
                self._annotations(doc["uuid"], ours["uuid"], moved_text)
                continue
            _insert(self.ours, "documents", doc)
            self.doc_map[doc["uuid"]] = doc["uuid"]
            self.item_map[doc["uuid"]] = doc["uuid"]
            self.report.documents_added += 1
            for table in (*ITEM_TABLES, "annotations"):
                for row in self.theirs.rows(table, "WHERE doc_uuid = ?", (doc["uuid"],)):
                    _insert(self.ours, table, row)
                    self.item_map[row["uuid"]] = row["uuid"]
                    if table == "annotations":
                        self.report.annotations_added += 1

    def _items(self, their_doc: str, our_doc: str, moved_text: tuple[str, str, PositionMap] | None = None) -> None:
        """Map their items to ours.  Same text: by uuid, else by what they say and where.  Changed
        text (``moved_text`` = their text, ours, a position map): by uuid, else as a re-import
        matches; their reviewed items that match nothing come over, orphaned if their words are gone."""
        reviewed = _reviewed(self.theirs.conn, their_doc) if moved_text else set()
        for table in ITEM_TABLES:
            keys = ITEM_KEYS[table]
            ours = _rows(self.ours, f"SELECT * FROM {table} WHERE doc_uuid = ?", (our_doc,))
            by_uuid = {r["uuid"]: r for r in ours}
            by_key = {tuple(r[k] for k in keys): r for r in ours if not r["user_added"]}
            taken: set[str] = set()
            next_id = max((r["local_id"] for r in ours), default=0) + 1
            for row in self.theirs.rows(table, "WHERE doc_uuid = ?", (their_doc,)):
                local = by_uuid.get(row["uuid"])
                if local is None and not row["user_added"]:
                    if moved_text:
                        local = counterpart(table, row, ours, moved_text[0], moved_text[1], moved_text[2], taken)
                    else:
                        local = by_key.get(tuple(row[k] for k in keys))
                if local is None:
                    if moved_text:
                        if row["uuid"] not in reviewed and not row["user_added"]:
                            continue  # an unreviewed item of their analysis: ours stands for it
                        row = moved(table, row, moved_text[0], moved_text[1], moved_text[2])
                        row.update(local_id=next_id, ordinal=next_id)
                        next_id += 1
                    row = dict(row, doc_uuid=our_doc)
                    _insert(self.ours, table, row)
                    by_uuid[row["uuid"]] = row
                    self.item_map[row["uuid"]] = row["uuid"]
                    self.report.items_added += 1
                    continue
                taken.add(local["uuid"])
                self.item_map[row["uuid"]] = local["uuid"]
                self._merge_status(table, table[:-1], local, row, our_doc, "reviewer")
                if row["deleted"] and not local["deleted"]:
                    self.ours.execute(f"UPDATE {table} SET deleted = 1 WHERE uuid = ?", (local["uuid"],))
                    self.report.statuses_updated += 1

    def _annotations(self, their_doc: str, our_doc: str,
                     moved_text: tuple[str, str, PositionMap] | None = None) -> None:
        ours = {r["uuid"]: r for r in _rows(self.ours, "SELECT * FROM annotations WHERE doc_uuid = ?", (our_doc,))}
        for row in self.theirs.rows("annotations", "WHERE doc_uuid = ?", (their_doc,)):
            local = ours.get(row["uuid"])
            self.item_map[row["uuid"]] = row["uuid"]
            if local is None:
                if moved_text:
                    row = self._reanchored(row, *moved_text)
                _insert(self.ours, "annotations", dict(row, doc_uuid=our_doc))
                self.report.annotations_added += 1
                continue
            self._merge_status("annotations", "annotation", local, row, our_doc, "status_reviewer")
            if row["deleted"] and not local["deleted"]:
                self.ours.execute("UPDATE annotations SET deleted = 1 WHERE uuid = ?", (local["uuid"],))
                self.report.statuses_updated += 1

    def _reanchored(self, row: dict, their_text: str, our_text: str, mapping: PositionMap) -> dict:
        """Their annotation placed on our text: exact, fuzzy, or a visible orphan."""
        anchor = Anchor(row["start"], row["end"], row["quote"], row["prefix"], row["suffix"])
        placed = (place(anchor, our_text, mapping(row["start"])) if row["start"] is not None
                  else Placement(None, None, "orphan"))
        self.report.anchoring.count(placed.state)
        if placed.state == "orphan":
            self.report.anchoring.orphans.append(row["quote"])
            return dict(row, start=None, end=None, anchor_state="orphan")
        start, end = placed.start, placed.end
        return dict(row, start=start, end=end, anchor_state=placed.state,
                    prefix=our_text[max(0, start - CONTEXT):start], suffix=our_text[end:end + CONTEXT])

    def _merge_status(self, table: str, item_type: str, local: dict, row: dict, doc_uuid: str, who: str) -> None:
        """The later status is shown; two different deliberate statuses are reported."""
        if row["status"] == local["status"]:
            return
        if local["status"] != "unreviewed" and row["status"] != "unreviewed":
            self.report.status_conflicts.append(StatusConflict(
                doc_uuid, item_type, local["uuid"], (local["status"], local[who]), (row["status"], row[who])))
        if (row["changed_at"] or "") > (local["changed_at"] or ""):
            self.ours.execute(f"UPDATE {table} SET status = ?, {who} = ?, changed_at = ? WHERE uuid = ?",
                              (row["status"], row[who], row["changed_at"], local["uuid"]))
            self.report.statuses_updated += 1

    # -- the review layer
    def _corrections(self) -> None:
        ours = {r[0]: r[1] for r in self.ours.execute("SELECT uuid, undone FROM corrections")}
        for row in self.theirs.rows("corrections"):
            if row["uuid"] in ours:
                if row["undone"] and not ours[row["uuid"]]:
                    self.ours.execute("UPDATE corrections SET undone = 1 WHERE uuid = ?", (row["uuid"],))
                    self.report.corrections_undone += 1
                continue
            doc, item = self.doc_map.get(row["doc_uuid"]), self.item_map.get(row["item_uuid"])
            if doc is None or item is None:
                continue
            _insert(self.ours, "corrections", dict(row, doc_uuid=doc, item_uuid=item))
            self.report.corrections_added += 1

    def _tag_links(self) -> None:
        for row in self.theirs.rows("tag_links"):
            tag, item = self.tag_map.get(row["tag_uuid"]), self.item_map.get(row["item_uuid"])
            doc = self.doc_map.get(row["doc_uuid"]) if row["doc_uuid"] else None
            if tag is None or item is None:
                continue
            local = _rows(self.ours, "SELECT * FROM tag_links WHERE uuid = ? OR (tag_uuid = ? AND item_type = ?"
                                     " AND item_uuid = ?)", (row["uuid"], tag, row["item_type"], item))
            if not local:
                _insert(self.ours, "tag_links", dict(row, tag_uuid=tag, item_uuid=item, doc_uuid=doc))
                self.report.tag_links_added += 1
                continue
            self.link_map[row["uuid"]] = local[0]["uuid"]
            if row["changed_at"] > local[0]["changed_at"] and row["removed"] != local[0]["removed"]:
                self.ours.execute("UPDATE tag_links SET removed = ?, reviewer = ?, changed_at = ? WHERE uuid = ?",
                                  (row["removed"], row["reviewer"], row["changed_at"], local[0]["uuid"]))
                self.report.tag_links_updated += 1

    def _comments(self) -> None:
        ours = {r["uuid"]: r for r in _rows(self.ours, "SELECT uuid, body, deleted, updated_at FROM comments")}
        for row in self.theirs.rows("comments"):
            local = ours.get(row["uuid"])
            if local is None:
                item = self.item_map.get(row["item_uuid"])
                if item is None:
                    continue
                doc = self.doc_map.get(row["doc_uuid"]) if row["doc_uuid"] else None
                _insert(self.ours, "comments", dict(row, item_uuid=item, doc_uuid=doc))
                self.report.comments_added += 1
            elif (row["updated_at"] or "") > (local["updated_at"] or "") and (
                    row["body"], row["deleted"]) != (local["body"], local["deleted"]):
                self.ours.execute("UPDATE comments SET body = ?, deleted = ?, updated_at = ? WHERE uuid = ?",
                                  (row["body"], row["deleted"], row["updated_at"], row["uuid"]))
                self.report.comments_updated += 1

    def _history(self) -> None:
        ours = {r[0]: r[1] for r in self.ours.execute("SELECT uuid, undone FROM history")}
        for row in self.theirs.rows("history", "ORDER BY id"):
            if row["uuid"] in ours:
                if row["undone"] and not ours[row["uuid"]]:
                    self.ours.execute("UPDATE history SET undone = 1 WHERE uuid = ?", (row["uuid"],))
                continue
            doc = self.doc_map.get(row["doc_uuid"]) if row["doc_uuid"] else None
            if row["doc_uuid"] and doc is None:
                continue
            item = self.item_map.get(row["item_uuid"], row["item_uuid"])
            ref = self.link_map.get(row["ref"], row["ref"])  # so undoing a merged tag finds our link
            _insert(self.ours, "history", dict(row, doc_uuid=doc, item_uuid=item, ref=ref))
            self.report.history_added += 1


def _reviewed(conn: sqlite3.Connection, doc_uuid: str) -> set[str]:
    """Items of one report that carry a reviewer's work in that library."""
    found: set[str] = set()
    for sql in ("SELECT item_uuid FROM corrections WHERE doc_uuid = ?",
                "SELECT item_uuid FROM tag_links WHERE doc_uuid = ? AND removed = 0",
                "SELECT item_uuid FROM comments WHERE doc_uuid = ? AND deleted = 0"):
        found.update(r[0] for r in conn.execute(sql, (doc_uuid,)))
    for table in ITEM_TABLES:
        found.update(r[0] for r in conn.execute(
            f"SELECT uuid FROM {table} WHERE doc_uuid = ? AND status != 'unreviewed'", (doc_uuid,)))
    return found


def _tag_path(tags: dict[str, dict], uuid: str) -> str:
    names, seen, current = [], set(), tags.get(uuid)
    while current is not None and current["uuid"] not in seen:
        seen.add(current["uuid"])
        names.append(current["name"])
        current = tags.get(current["parent"]) if current["parent"] else None
    return "/".join(reversed(names))
