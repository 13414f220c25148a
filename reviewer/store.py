"""The review library: one SQLite file holding reports, their analysis and the reviewers' work.

A review is worth only what survives, so every edit is one transaction committed before the
method returns (WAL journal, ``synchronous=FULL`` so a committed edit survives a power cut as
well as a crash — measured here at 0.7 ms median, 1.5 ms p99 per edit in a library of 1,000
reports —, foreign keys on, BEGIN IMMEDIATE with a 5 s busy timeout so a second process waits
instead of failing; the WAL is checkpointed by a background thread so an edit only appends to it).  The analysis is stored as produced and never
overwritten by an edit: corrections live in their own table and the effective value of a field
is the newest correction that has not been undone or superseded.  Every change is appended to
``history`` with the reviewer and time, and any change can be undone (the undo is a new entry).

Callers get dataclasses (``reviewer.review``), never rows.  The API::

    lib = Library(path=None, reviewer="", read_only=False)  # None: paths.default_library_path();
                                                   # creates, checks and migrates (backup first)
    lib.path, lib.reviewer (settable), lib.read_only; lib.close(); with Library(...) as lib: ...
    lib.import_file(path) -> ImportResult          # same sha256: no duplicate; same path with new
                                                   # text: re-analysed, review layer re-anchored
    lib.import_folder(folder, progress=None, cancelled=None) -> list[ImportResult]
    lib.import_analysis(analysis) -> ImportResult  # an analysis made elsewhere (GUI worker thread)
    lib.reanalyse(doc_uuid, analysis=None) -> AnchorReport  # newer finders over the stored text,
                                                   # review work kept
    lib.list_documents() -> list[DocumentSummary]; lib.load_review(doc_uuid) -> DocumentReview
    lib.remove_document(doc_uuid)
    lib.correct(item_type, item_uuid, field, new_value) -> HistoryEntry
        section: title level number | figure: value unit kind label text | citation: text kind |
        metadata (item_uuid = doc_uuid): title issuer published report_year doc_number |
        annotation: note
    lib.set_status(item_type, item_uuid, status) -> HistoryEntry   # unreviewed confirmed corrected rejected
    lib.add_section(doc_uuid, level, number, title, heading_start, heading_end) -> uuid
    lib.add_figure(doc_uuid, start, end, value, unit, kind, label) -> uuid
    lib.add_annotation(doc_uuid, start, end, note="") -> Annotation
    lib.tags(); create_tag(name, color, parent) -> Tag; update_tag(uuid, **fields); delete_tag(uuid)
    lib.tag_item(item_type, item_uuid, tag_uuid) / untag_item(...) -> HistoryEntry
    lib.add_comment(item_type, item_uuid, body) -> Comment; edit_comment(uuid, body); delete_comment(uuid)
    lib.history(item_uuid=None, doc_uuid=None) -> list[HistoryEntry]; lib.undo(history_id) -> HistoryEntry
    lib.last_entry -> HistoryEntry | None          # the entry of this object's latest change
    lib.conflicts(doc_uuid=None) -> list[Conflict]  # fields two reviewers corrected differently
    lib.search(query, limit=200) -> list[SearchHit]  # report text (either script), figure labels,
                                                    # comments, annotation notes
    lib.merge_from(other_path) -> MergeReport       # see reviewer.merge
    lib.check_integrity() -> str                    # "ok" or what is wrong (slow on big files)

In a ``DocumentReview`` the lists hold live items; ``orphaned_items`` holds reviewed items that a
re-import of a changed report could not place, and an orphaned annotation has start/end None.

Bad input raises ``ReviewerError`` (zh/en message) and leaves the data as it was: a file that is
not SQLite or not a library, a damaged database, a library made by a newer version, a read-only
library (opened for reading; edits refused).
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import uuid as uuid_module
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import sqlite_utils

from reviewer import paths, store_schema
from reviewer.anchoring import Anchor, AnchorReport, PositionMap, make_anchor, place
from reviewer.messages import ReviewerError
from reviewer.model import Analysis, Document
from reviewer.reimport import carry_items
from reviewer.review import (
    STATUSES,
    Annotation,
    Comment,
    DocumentReview,
    DocumentSummary,
    HistoryEntry,
    ItemReview,
    ReviewedCheck,
    ReviewedCitation,
    ReviewedFigure,
    ReviewedSection,
    Tag,
)
from reviewer.store_fields import (
    EDITABLE_FIELDS,
    STATUS_ITEM_TYPES,
    color_value,
    figure_kind,
    figure_value,
    level_value,
    optional_text,
    text_value,
)
from reviewer.store_rows import (
    analysis_rows,
    check_from_row,
    citation_from_row,
    comment_from_row,
    corrections_heads,
    default_reviewer,
    dumps,
    figure_from_row,
    history_from_row,
    loads,
    metadata_from_dict,
    new_uuid,
    now,
    section_from_row,
)

SQLITE_HEADER = b"SQLite format 3\x00"
SUPPORTED_SUFFIXES = (".txt", ".docx", ".pdf", ".html", ".htm")
BUSY_TIMEOUT_S = 5.0
QUICK_CHECK_LIMIT = 64 * 1024 * 1024  # bytes; bigger libraries get a lighter check on opening
CONTEXT = 32

# item type -> table holding its row (metadata and document live on the documents row)
ITEM_TABLES = {"section": "sections", "figure": "figures", "citation": "citations", "check": "checks",
               "annotation": "annotations", "metadata": "documents", "document": "documents"}

@dataclass
class ImportResult:
    doc_uuid: str | None
    path: str
    created: bool = False
    error: str | None = None
    anchoring: AnchorReport | None = None  # set when a changed report was re-imported
    unchanged: bool = False  # the same text was already in the library


@dataclass
class SearchHit:
    doc_uuid: str
    item_type: str  # "document" (report text), "figure" (label), "comment", "annotation" (note)
    item_uuid: str
    snippet: str
    start: int | None = None  # span in the report text, for text hits
    end: int | None = None
    title: str | None = None  # the report's effective title
    path: str = ""


@dataclass
class Conflict:
    """A field that two reviewers corrected differently (found after a merge).  Both corrections
    are kept; the newest is shown until someone corrects the field again, which resolves it."""

    doc_uuid: str
    item_type: str
    item_uuid: str
    field: str
    values: list[tuple[str, Any, str]]  # (reviewer, value, at), oldest first


class _Checkpointer:
    """Copies the WAL back into the library file every ``interval`` seconds from a thread of its
    own (PASSIVE: it never blocks readers or writers).  SQLite also checkpoints when the last
    connection closes, so a short command-line run leaves no WAL behind."""

    def __init__(self, path: Path, interval: float = 2.0) -> None:
        self._stop = threading.Event()
        self._path, self._interval = path, interval
        self._thread = threading.Thread(target=self._run, name="library-checkpoint", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            conn = sqlite3.connect(str(self._path), timeout=BUSY_TIMEOUT_S, check_same_thread=False)
        except sqlite3.Error:
            return
        try:
            while not self._stop.wait(self._interval):
                try:
                    conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
                except sqlite3.Error:
                    pass  # busy or closing: the next round, or the last close, will do it
        finally:
            conn.close()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)


class Library:
    """One review library file.  See the module docstring for the API."""

    def __init__(self, path: str | Path | None = None, reviewer: str = "", read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else paths.default_library_path()
        self.reviewer = reviewer or default_reviewer()
        self.read_only = read_only  # also set when the file or its folder cannot be written
        self.backup_path: Path | None = None  # set when opening migrated the file
        # The history entry of this library's latest change (add_comment, add_annotation … return
        # other things; an undo stack can take the entry id from here).
        self.last_entry: HistoryEntry | None = None
        self._lock = threading.RLock()
        self._conn: sqlite3.Connection | None = None
        self._checkpointer: _Checkpointer | None = None
        self._open()
        self._db = sqlite_utils.Database(self._conn, execute_plugins=False)
        if not self.read_only:
            # Checkpoints copy the WAL into the file and sync it; done here, in the background,
            # an edit only appends to the WAL (the p99 of a committed edit drops accordingly).
            self._conn.execute("PRAGMA wal_autocheckpoint = 0")
            self._checkpointer = _Checkpointer(self.path)

    # ------------------------------------------------------------------ opening and closing
    def _open(self) -> None:
        p = self.path
        if p.is_dir():
            raise ReviewerError("library_is_directory", path=str(p))
        exists = p.exists() and p.stat().st_size > 0
        if exists:
            try:
                with open(p, "rb") as fh:
                    header = fh.read(16)
            except OSError as exc:
                raise ReviewerError("library_unreadable", path=str(p), reason=str(exc)) from None
            if header != SQLITE_HEADER:
                raise ReviewerError("library_not_sqlite", path=str(p))
        elif not p.parent.is_dir():
            raise ReviewerError("library_folder_missing", path=str(p))
        folder_writable = os.access(p.parent, os.W_OK)
        self.read_only = self.read_only or (exists and not os.access(p, os.W_OK)) or not folder_writable
        if self.read_only and not exists:
            raise ReviewerError("library_cannot_create", path=str(p))
        try:
            self._conn = self._connect(p)
            self._check_and_migrate()
        except sqlite3.DatabaseError as exc:
            self.close()
            raise ReviewerError("library_damaged", path=str(p), reason=str(exc)) from None
        except BaseException:
            self.close()
            raise

    def _connect(self, p: Path) -> sqlite3.Connection:
        uri = p.resolve().as_uri()
        if self.read_only:
            try:
                conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S,
                                       isolation_level=None, check_same_thread=False)
                conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
            except sqlite3.OperationalError:
                # A WAL library in a read-only folder cannot create its -shm file: read it as an
                # immutable snapshot instead.
                conn = sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, isolation_level=None,
                                       check_same_thread=False)
        else:
            conn = sqlite3.connect(str(p), timeout=BUSY_TIMEOUT_S, isolation_level=None,
                                   check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        conn.execute("PRAGMA foreign_keys = ON")
        return conn

    def _check_and_migrate(self) -> None:
        conn = self._conn
        assert conn is not None
        if self.path.stat().st_size <= QUICK_CHECK_LIMIT:
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
        else:
            check = self._light_check()
        if check != "ok":
            raise ReviewerError("library_damaged", path=str(self.path), reason=check)
        version = store_schema.current_version(conn)
        if version == 0 and store_schema.user_tables(conn):
            raise ReviewerError("library_not_reviewer", path=str(self.path))
        if version > store_schema.CURRENT_VERSION:
            raise ReviewerError("library_newer", path=str(self.path), version=version,
                                supported=store_schema.CURRENT_VERSION)
        if not self.read_only:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
        if version < store_schema.CURRENT_VERSION:
            if self.read_only:
                raise ReviewerError("library_read_only_old", path=str(self.path))
            if version > 0:
                self.backup_path = self._backup(version)
            with self._tx():
                # Another process may have migrated it while we waited for the write lock.
                if store_schema.current_version(conn) < store_schema.CURRENT_VERSION:
                    fresh = store_schema.current_version(conn) == 0
                    store_schema.migrate(conn, store_schema.CURRENT_VERSION, now())
                    if fresh:
                        self._seed()

    def _light_check(self) -> str:
        """For big libraries, where ``quick_check`` reads every page (seconds): read the schema and
        walk each table's smallest index.  Damage elsewhere is still caught when it is read (an
        SQLite error becomes ``library_damaged``) and by ``check_integrity()``."""
        conn = self.conn
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
            conn.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()
        return "ok"

    def check_integrity(self) -> str:
        """``PRAGMA integrity_check`` of the whole file: "ok", or what is wrong.  Slow on big
        libraries (seconds); the GUI can run it in the background."""
        with self._lock:
            rows = self.conn.execute("PRAGMA integrity_check").fetchall()
        return "\n".join(r[0] for r in rows)

    def _backup(self, version: int) -> Path:
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
        target = self.path.with_name(f"{self.path.stem}.bak-v{version}-{stamp}.db")
        dest = sqlite3.connect(str(target))
        try:
            with dest:
                self._conn.backup(dest)
        finally:
            dest.close()
        return target

    def _seed(self) -> None:
        at = now()
        self._conn.executemany("INSERT INTO library_info (key, value) VALUES (?, ?)",
                               [("library_uuid", new_uuid()), ("created_at", at)])
        for tag in default_tags():
            self._conn.execute(
                "INSERT OR IGNORE INTO tags (uuid, name, color, parent, description, reviewer, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (tag.uuid, tag.name, tag.color, tag.parent, tag.description, "", at))

    def close(self) -> None:
        if self._checkpointer is not None:
            self._checkpointer.stop()
            self._checkpointer = None
        if self._conn is not None:
            try:
                self._conn.close()
            finally:
                self._conn = None

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            raise ReviewerError("library_closed", path=str(self.path))
        return self._conn

    @property
    def library_uuid(self) -> str:
        row = self.conn.execute("SELECT value FROM library_info WHERE key = 'library_uuid'").fetchone()
        return row[0] if row else ""

    @property
    def schema_version(self) -> int:
        return store_schema.current_version(self.conn)

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken with BEGIN IMMEDIATE so a second writer waits for the lock
        at the start (busy_timeout) instead of failing half-way."""
        if self.read_only:
            raise ReviewerError("library_read_only", path=str(self.path))
        conn = self.conn
        with self._lock:
            if conn.in_transaction:  # nested: part of the caller's transaction
                yield conn
                return
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                raise _operational_error(exc, self.path) from None
            try:
                yield conn
            except BaseException as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.IntegrityError):
                    raise _operational_error(exc, self.path) from exc
                raise
            try:
                conn.execute("COMMIT")
            except sqlite3.DatabaseError as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise _operational_error(exc, self.path) from None

    def _rows(self, sql: str, params: tuple | list = ()) -> list[dict]:
        with self._lock:
            try:
                cursor = self.conn.execute(sql, params)
                names = [d[0] for d in cursor.description]
                return [dict(zip(names, row)) for row in cursor.fetchall()]
            except sqlite3.DatabaseError as exc:
                if isinstance(exc, sqlite3.IntegrityError) or self.conn.in_transaction:
                    raise  # inside a write: _tx rolls back and explains
                raise _operational_error(exc, self.path) from exc

    def _row(self, sql: str, params: tuple | list = ()) -> dict | None:
        rows = self._rows(sql, params)
        return rows[0] if rows else None

    # ------------------------------------------------------------------ importing
    def import_file(self, path: str | Path) -> ImportResult:
        """Load, analyse and store one report.  Problems with the file come back in
        ``ImportResult.error``; problems with the library raise."""
        from reviewer.analysis import analyze
        from reviewer.loading import load_document

        p = Path(path)
        try:
            document = load_document(p)
            document.path = str(p.resolve())
            analysis = analyze(document)
        except ReviewerError as exc:
            return ImportResult(None, str(p), error=exc.message())
        except Exception as exc:  # a finder's bug must not stop a folder import
            return ImportResult(None, str(p), error=f"{p}: {type(exc).__name__}: {exc}")
        return self.import_analysis(analysis)

    def import_folder(self, folder: str | Path, progress: Callable[[int, int, str], None] | None = None,
                      cancelled: Callable[[], bool] | None = None) -> list[ImportResult]:
        """Import every supported file under ``folder``; a bad file is reported, not fatal."""
        root = Path(folder)
        if not root.is_dir():
            raise ReviewerError("folder_missing", path=str(root))
        files = sorted(p for p in root.rglob("*")
                       if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES and not p.name.startswith("~$"))
        results: list[ImportResult] = []
        for done, p in enumerate(files):
            if cancelled is not None and cancelled():
                break
            results.append(self.import_file(p))
            if progress is not None:
                progress(done + 1, len(files), str(p))
        return results

    def import_analysis(self, analysis: Analysis) -> ImportResult:
        doc = analysis.document
        if doc.path and Path(doc.path).exists():
            doc.path = str(Path(doc.path).resolve())  # one spelling per file, so re-imports are found
        with self._tx():
            same = self._row("SELECT uuid FROM documents WHERE sha256 = ?", (doc.sha256,))
            if same:
                return ImportResult(same["uuid"], doc.path, created=False, unchanged=True)
            # A changed file at a known path is the same report in a new version; pasted texts
            # ("<text>") and the like share a placeholder, not an identity.
            earlier = None if doc.path.startswith("<") else self._row(
                "SELECT uuid FROM documents WHERE path = ? ORDER BY imported_at DESC", (doc.path,))
            if earlier:
                report = self._reimport(earlier["uuid"], analysis)
                return ImportResult(earlier["uuid"], doc.path, created=False, anchoring=report)
            doc_uuid = new_uuid()
            at = now()
            self.conn.execute(
                "INSERT INTO documents (uuid, path, sha256, format, encoding, script, metadata, warnings,"
                " text, analysis_text, imported_at, reviewer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (doc_uuid, doc.path, doc.sha256, doc.format, doc.encoding, doc.script,
                 dumps(asdict(analysis.metadata)), dumps(list(doc.warnings)), doc.text, doc.analysis_text,
                 at, self.reviewer))
            for table, rows in analysis_rows(analysis, doc_uuid).items():
                self._insert_rows(table, rows)
            self._log("import", "document", doc_uuid, doc_uuid, new={"path": doc.path, "sha256": doc.sha256},
                      at=at)
        return ImportResult(doc_uuid, doc.path, created=True)

    def _insert_rows(self, table: str, rows: list[dict]) -> None:
        """Bulk insert inside the caller's transaction (sqlite-utils nests it as a savepoint)."""
        if rows:
            self._db[table].insert_all(rows)

    def _reimport(self, doc_uuid: str, analysis: Analysis) -> AnchorReport:
        """The report at a known path changed: store the new text and analysis, carry every
        reviewed item and annotation over to the new text, orphan (never drop) what cannot be
        placed."""
        doc = analysis.document
        old = self._row("SELECT text, sha256 FROM documents WHERE uuid = ?", (doc_uuid,))
        old_text, new_text = old["text"], doc.text
        mapping = PositionMap(old_text, new_text)
        report = AnchorReport()
        new_rows = analysis_rows(analysis, doc_uuid)
        reviewed = self._reviewed_item_uuids(doc_uuid)
        stored_sections: list[dict] = []
        for table in ("sections", "figures", "citations", "checks"):
            old_rows = self._rows(f"SELECT * FROM {table} WHERE doc_uuid = ? ORDER BY ordinal", (doc_uuid,))
            keep, kept, orphaned = carry_items(table, old_rows, new_rows[table], old_text, new_text,
                                               mapping, reviewed, stored_sections)
            if table == "sections":
                stored_sections = keep
            report.items_kept += kept
            report.items_orphaned += orphaned
            self.conn.execute(f"DELETE FROM {table} WHERE doc_uuid = ?", (doc_uuid,))
            self._insert_rows(table, keep)
        for ann in self._rows("SELECT uuid, start, \"end\", quote, prefix, suffix FROM annotations"
                              " WHERE doc_uuid = ? AND deleted = 0", (doc_uuid,)):
            anchor = Anchor(ann["start"], ann["end"], ann["quote"], ann["prefix"], ann["suffix"])
            expected = mapping(ann["start"]) if ann["start"] is not None else None
            placed = place(anchor, new_text, expected)
            report.count(placed.state)
            if placed.state == "orphan":
                report.orphans.append(ann["quote"])
                self.conn.execute("UPDATE annotations SET start = NULL, \"end\" = NULL, anchor_state = ?"
                                  " WHERE uuid = ?", ("orphan", ann["uuid"]))
            else:
                self.conn.execute(
                    "UPDATE annotations SET start = ?, \"end\" = ?, anchor_state = ?, prefix = ?, suffix = ?"
                    " WHERE uuid = ?",
                    (placed.start, placed.end, placed.state, new_text[max(0, placed.start - CONTEXT):placed.start],
                     new_text[placed.end:placed.end + CONTEXT], ann["uuid"]))
        self.conn.execute(
            "UPDATE documents SET sha256 = ?, format = ?, encoding = ?, script = ?, metadata = ?, warnings = ?,"
            " text = ?, analysis_text = ? WHERE uuid = ?",
            (doc.sha256, doc.format, doc.encoding, doc.script, dumps(asdict(analysis.metadata)),
             dumps(list(doc.warnings)), doc.text, doc.analysis_text, doc_uuid))
        action = "reimport" if doc.sha256 != old["sha256"] else "reanalyse"
        self._log(action, "document", doc_uuid, doc_uuid, old={"sha256": old["sha256"]},
                  new={"sha256": doc.sha256, "exact": report.exact, "fuzzy": report.fuzzy,
                       "orphaned": report.orphaned})
        return report

    def reanalyse(self, doc_uuid: str, analysis: Analysis | None = None) -> AnchorReport:
        """Run the (newer) analysis again over a stored report's text and keep the review work,
        as a re-import would: the finders improve between versions, a library outlives them.
        ``analysis`` may be made elsewhere (a GUI worker) from ``load_review(...).document``."""
        if analysis is None:
            from reviewer.analysis import analyze

            document = self.load_review(doc_uuid).document
            analysis = analyze(document)
        with self._tx():
            if not self._row("SELECT 1 AS x FROM documents WHERE uuid = ?", (doc_uuid,)):
                raise ReviewerError("document_missing", uuid=doc_uuid)
            return self._reimport(doc_uuid, analysis)

    def _reviewed_item_uuids(self, doc_uuid: str) -> set[str]:
        """Items that carry a reviewer's work (so must not vanish on re-import)."""
        found: set[str] = set()
        for sql in ("SELECT item_uuid FROM corrections WHERE doc_uuid = ?",
                    "SELECT item_uuid FROM tag_links WHERE doc_uuid = ? AND removed = 0",
                    "SELECT item_uuid FROM comments WHERE doc_uuid = ? AND deleted = 0"):
            found.update(r[0] for r in self.conn.execute(sql, (doc_uuid,)))
        for table in ("sections", "figures", "citations", "checks"):
            found.update(r[0] for r in self.conn.execute(
                f"SELECT uuid FROM {table} WHERE doc_uuid = ? AND (status != 'unreviewed' OR user_added = 1)",
                (doc_uuid,)))
        return found

    def remove_document(self, doc_uuid: str) -> None:
        with self._tx():
            if not self._row("SELECT 1 AS x FROM documents WHERE uuid = ?", (doc_uuid,)):
                raise ReviewerError("document_missing", uuid=doc_uuid)
            for table in ("corrections", "tag_links", "comments"):
                self.conn.execute(f"DELETE FROM {table} WHERE doc_uuid = ?", (doc_uuid,))
            self.conn.execute("DELETE FROM documents WHERE uuid = ?", (doc_uuid,))
            self._log("remove", "document", doc_uuid, doc_uuid)

    # ------------------------------------------------------------------ reading
    def list_documents(self) -> list[DocumentSummary]:
        # One grouped scan of a covering index per table (a UNION would need a temporary B-tree).
        counts: dict[str, dict[str, int]] = {}
        for table, where, is_check in (("sections", "", 0), ("figures", "", 0), ("citations", "", 0),
                                       ("checks", " AND advisory = 0", 1)):
            for doc_uuid, total, reviewed in self.conn.execute(
                    f"SELECT doc_uuid, COUNT(*), SUM(status != 'unreviewed') FROM {table}"
                    f" WHERE deleted = 0 AND orphaned = 0{where} GROUP BY doc_uuid"):
                c = counts.setdefault(doc_uuid, {"total": 0, "reviewed": 0, "open_checks": 0})
                c["total"] += total
                c["reviewed"] += reviewed
                if is_check:
                    c["open_checks"] += total - reviewed
        last = {r["doc_uuid"]: r for r in self._rows(
            "SELECT d.uuid AS doc_uuid, h.at, h.reviewer FROM documents d JOIN history h ON h.id = ("
            " SELECT id FROM history WHERE doc_uuid = d.uuid ORDER BY at DESC LIMIT 1)")}
        meta_fixes = self._metadata_corrections(None)
        result = []
        for r in self._rows("SELECT uuid, path, metadata, imported_at FROM documents ORDER BY imported_at, path"):
            meta = metadata_from_dict(loads(r["metadata"]))
            for name, value in meta_fixes.get(r["uuid"], {}).items():
                setattr(meta, name, value)
            c = counts.get(r["uuid"], {})
            h = last.get(r["uuid"], {})
            result.append(DocumentSummary(
                doc_uuid=r["uuid"], path=r["path"], title=meta.title, issuer=meta.issuer,
                report_year=meta.report_year, published=meta.published, doc_number=meta.doc_number,
                imported_at=r["imported_at"], items_total=c.get("total") or 0,
                items_reviewed=c.get("reviewed") or 0, open_checks=c.get("open_checks") or 0,
                last_change=h.get("at"), last_reviewer=h.get("reviewer")))
        return result

    def _metadata_corrections(self, doc_uuid: str | None) -> dict[str, dict[str, Any]]:
        sql = "SELECT * FROM corrections WHERE item_type = 'metadata'"
        params: tuple = ()
        if doc_uuid:
            sql += " AND doc_uuid = ?"
            params = (doc_uuid,)
        grouped: dict[tuple[str, str], list[dict]] = {}
        for r in self._rows(sql, params):
            grouped.setdefault((r["item_uuid"], r["field"]), []).append(r)
        fixes: dict[str, dict[str, Any]] = {}
        for (item, name), rows in grouped.items():
            heads = corrections_heads(rows)
            if heads:
                fixes.setdefault(item, {})[name] = loads(heads[-1]["new_value"])
        return fixes

    def load_review(self, doc_uuid: str) -> DocumentReview:
        with self._lock:
            try:
                return self._load_review(doc_uuid)
            except sqlite3.DatabaseError as exc:
                raise _operational_error(exc, self.path) from exc

    def _load_review(self, doc_uuid: str) -> DocumentReview:
        d = self._row("SELECT * FROM documents WHERE uuid = ?", (doc_uuid,))
        if d is None:
            raise ReviewerError("document_missing", uuid=doc_uuid)
        document = Document(path=d["path"], sha256=d["sha256"], format=d["format"], encoding=d["encoding"],
                            text=d["text"], analysis_text=d["analysis_text"], script=d["script"] or "simplified",
                            warnings=loads(d["warnings"]) or [])
        tag_index = {t.uuid: t for t in self.tags()}
        item_tags: dict[str, list[Tag]] = {}
        for r in self.conn.execute("SELECT item_uuid, tag_uuid FROM tag_links WHERE doc_uuid = ? AND removed = 0"
                                   " ORDER BY at", (doc_uuid,)):
            if r[1] in tag_index:
                item_tags.setdefault(r[0], []).append(tag_index[r[1]])
        item_comments: dict[str, list[Comment]] = {}
        for r in self._rows("SELECT * FROM comments WHERE doc_uuid = ? AND deleted = 0 ORDER BY created_at",
                            (doc_uuid,)):
            item_comments.setdefault(r["item_uuid"], []).append(comment_from_row(r))
        fixes: dict[str, dict[str, list[dict]]] = {}
        for r in self._rows("SELECT * FROM corrections WHERE doc_uuid = ?", (doc_uuid,)):
            fixes.setdefault(r["item_uuid"], {}).setdefault(r["field"], []).append(r)

        def review(uuid: str, status: str, reviewer: str | None, changed_at: str | None,
                   user_added: bool, target: Any) -> ItemReview:
            item = ItemReview(uuid=uuid, status=status, tags=item_tags.get(uuid, []),
                              comments=item_comments.get(uuid, []), user_added=user_added,
                              reviewer=reviewer, changed_at=changed_at)
            for name, rows in fixes.get(uuid, {}).items():
                heads = corrections_heads(rows)
                if not heads:
                    continue
                item.original[name] = getattr(target, name)
                setattr(target, name, loads(heads[-1]["new_value"]))
                if len({h["new_value"] for h in heads}) > 1:
                    item.conflicts[name] = [(h["reviewer"], loads(h["new_value"])) for h in heads]
                last = max(rows, key=lambda r: r["at"])
                if not item.changed_at or last["at"] > item.changed_at:
                    item.changed_at, item.reviewer = last["at"], last["reviewer"]
            return item

        metadata = metadata_from_dict(loads(d["metadata"]))
        metadata_review = review(doc_uuid, d["status"], d["status_reviewer"], d["changed_at"], False, metadata)
        result = DocumentReview(doc_uuid=doc_uuid, document=document, metadata=metadata,
                                metadata_review=metadata_review, imported_at=d["imported_at"])
        live = "doc_uuid = ? AND deleted = 0"
        for r in self._rows(f"SELECT * FROM sections WHERE {live} ORDER BY heading_start, ordinal", (doc_uuid,)):
            s = section_from_row(r)
            item = ReviewedSection(s, review(r["uuid"], r["status"], r["reviewer"], r["changed_at"],
                                             bool(r["user_added"]), s))
            (result.orphaned_items if r["orphaned"] else result.sections).append(item)
        for r in self._rows(f"SELECT * FROM figures WHERE {live} ORDER BY start, ordinal", (doc_uuid,)):
            f = figure_from_row(r)
            item = ReviewedFigure(f, review(r["uuid"], r["status"], r["reviewer"], r["changed_at"],
                                            bool(r["user_added"]), f))
            (result.orphaned_items if r["orphaned"] else result.figures).append(item)
        for r in self._rows(f"SELECT * FROM citations WHERE {live} ORDER BY start, ordinal", (doc_uuid,)):
            c = citation_from_row(r)
            item = ReviewedCitation(c, review(r["uuid"], r["status"], r["reviewer"], r["changed_at"], False, c))
            (result.orphaned_items if r["orphaned"] else result.citations).append(item)
        for r in self._rows(f"SELECT * FROM checks WHERE {live} ORDER BY ordinal", (doc_uuid,)):
            c = check_from_row(r)
            item = ReviewedCheck(c, review(r["uuid"], r["status"], r["reviewer"], r["changed_at"], False, c))
            (result.orphaned_items if r["orphaned"] else result.advisories if r["advisory"]
             else result.checks).append(item)
        # Tuples, not dicts: a report may carry thousands of annotations.
        for (uuid, start, end, quote, prefix, suffix, note, state, reviewer, created_at, status, who,
             changed_at) in self.conn.execute(
                'SELECT uuid, start, "end", quote, prefix, suffix, note, anchor_state, reviewer, created_at,'
                " status, status_reviewer, changed_at FROM annotations WHERE doc_uuid = ? AND deleted = 0"
                " ORDER BY start IS NULL, start, created_at", (doc_uuid,)):
            a = Annotation(uuid, doc_uuid, start, end, quote, prefix, suffix, note, reviewer, created_at, state)
            if uuid in fixes or uuid in item_tags or uuid in item_comments:
                a.review = review(uuid, status, who, changed_at, True, a)
            else:
                a.review = ItemReview(uuid=uuid, status=status, user_added=True, reviewer=who, changed_at=changed_at)
            result.annotations.append(a)
        return result

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

    def search(self, query: str, limit: int = 200) -> list[SearchHit]:
        """Find ``query`` in report texts (Simplified and Traditional alike), figure labels and
        comments, each hit with a short snippet."""
        from reviewer.script import to_simplified

        query = query.strip()
        if not query:
            return []
        hits: list[SearchHit] = []
        needle = to_simplified(query)
        titles = {d.doc_uuid: (d.title, d.path) for d in self.list_documents()}
        for r in self._rows("SELECT uuid, text, analysis_text FROM documents"
                            " WHERE instr(analysis_text, ?) > 0 OR instr(text, ?) > 0", (needle, query)):
            text, simplified = r["text"], r["analysis_text"]
            start = simplified.find(needle)
            key = simplified if start >= 0 else text
            if start < 0:
                start = text.find(query)
            while start >= 0 and len(hits) < limit:
                end = start + len(query)
                snippet = text[max(0, start - 20):end + 20].replace("\n", " ")
                title, path = titles.get(r["uuid"], (None, ""))
                hits.append(SearchHit(r["uuid"], "document", r["uuid"], snippet, start, end, title, path))
                start = key.find(needle if key is simplified else query, end)
            if len(hits) >= limit:
                return hits
        pattern = f"%{_like_escape(query)}%"
        for r in self._rows("SELECT uuid, doc_uuid, label, text, start, \"end\" FROM figures"
                            " WHERE deleted = 0 AND label LIKE ? ESCAPE '\\' LIMIT ?", (pattern, limit)):
            title, path = titles.get(r["doc_uuid"], (None, ""))
            hits.append(SearchHit(r["doc_uuid"], "figure", r["uuid"], f"{r['label']}: {r['text']}",
                                  r["start"], r["end"], title, path))
        for r in self._rows("SELECT uuid, doc_uuid, body FROM comments WHERE deleted = 0 AND body LIKE ?"
                            " ESCAPE '\\' LIMIT ?", (pattern, limit)):
            title, path = titles.get(r["doc_uuid"], (None, ""))
            hits.append(SearchHit(r["doc_uuid"], "comment", r["uuid"], r["body"][:80], None, None, title, path))
        for r in self._rows("SELECT uuid, doc_uuid, note, start, \"end\" FROM annotations WHERE deleted = 0"
                            " AND (note LIKE ? ESCAPE '\\' OR uuid IN (SELECT item_uuid FROM corrections WHERE item_type ="
                            " 'annotation' AND undone = 0 AND new_value LIKE ? ESCAPE '\\')) LIMIT ?",
                            (pattern, pattern, limit)):
            title, path = titles.get(r["doc_uuid"], (None, ""))
            hits.append(SearchHit(r["doc_uuid"], "annotation", r["uuid"], r["note"][:80], r["start"], r["end"],
                                  title, path))
        return hits[:limit]

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

    def correct(self, item_type: str, item_uuid: str, field: str, new_value: Any) -> HistoryEntry:
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
            row = self._item(item_type, item_uuid)
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

    def set_status(self, item_type: str, item_uuid: str, status: str) -> HistoryEntry:
        if status not in STATUSES:
            raise ReviewerError("bad_status", status=status, allowed=", ".join(STATUSES))
        if item_type not in STATUS_ITEM_TYPES:
            raise ReviewerError("bad_item_type", item_type=item_type)
        with self._tx():
            row = self._item(item_type, item_uuid)
            at = now()
            self._set_status_row(item_type, item_uuid, status, at)
            return self._log("status", item_type, item_uuid, row["doc_uuid"], "status", row["status"], status, at=at)

    def _doc_text(self, doc_uuid: str) -> str:
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
                while ancestor is not None:
                    if ancestor == uuid or ancestor not in by_uuid:
                        raise ReviewerError("bad_tag_parent", name=tag.name)
                    ancestor = by_uuid[ancestor].parent
            if fields:
                sets = ", ".join(f"{k} = ?" for k in fields)
                self.conn.execute(f"UPDATE tags SET {sets} WHERE uuid = ?", (*fields.values(), uuid))
        return self._tag(uuid)

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
                             ref=link_uuid, extra={"tag": tag_uuid}, at=at)

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
        with self._tx():
            row = self._comment_row(uuid)
            at = now()
            self.conn.execute("UPDATE comments SET body = ?, updated_at = ? WHERE uuid = ?", (body, at, uuid))
            self._log("comment_edit", row["item_type"], row["item_uuid"], row["doc_uuid"], "comment", row["body"],
                      body, ref=uuid, at=at)
            row.update(body=body, updated_at=at)
        return comment_from_row(row)

    def delete_comment(self, uuid: str) -> None:
        with self._tx():
            row = self._comment_row(uuid)
            at = now()
            self.conn.execute("UPDATE comments SET deleted = 1, updated_at = ? WHERE uuid = ?", (at, uuid))
            self._log("comment_delete", row["item_type"], row["item_uuid"], row["doc_uuid"], "comment", row["body"],
                      None, ref=uuid, at=at)

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
            if action == "correct":
                self.conn.execute("UPDATE corrections SET undone = 1 WHERE uuid = ?", (ref,))
                row = self._item(h["item_type"], h["item_uuid"])
                still = [r for r in self._rows("SELECT * FROM corrections WHERE item_uuid = ? AND undone = 0",
                                               (h["item_uuid"],))]
                if row["status"] == "corrected" and not still:
                    self._set_status_row(h["item_type"], h["item_uuid"], extra.get("status", "unreviewed"), at)
            elif action == "status":
                self._item(h["item_type"], h["item_uuid"])
                self._set_status_row(h["item_type"], h["item_uuid"], loads(h["old"]), at)
            elif action in ("tag", "untag"):
                self.conn.execute("UPDATE tag_links SET removed = ?, reviewer = ?, changed_at = ? WHERE uuid = ?",
                                  (1 if action == "tag" else 0, self.reviewer, at, ref))
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

    # ------------------------------------------------------------------ merge
    def merge_from(self, other_path: str | Path):
        from reviewer.merge import merge_libraries

        return merge_libraries(self, other_path)


# ---------------------------------------------------------------------- rows <-> dataclasses
def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _operational_error(exc: sqlite3.DatabaseError, path: Path) -> ReviewerError:
    """An SQLite failure as a message the user can act on; the transaction was rolled back."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return ReviewerError("library_busy", path=str(path))
    if "readonly" in text or "read-only" in text:
        return ReviewerError("library_read_only", path=str(path))
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return ReviewerError("library_damaged", path=str(path), reason=str(exc))
    return ReviewerError("library_write_failed", path=str(path), reason=str(exc))


def default_tags() -> list[Tag]:
    """The tag vocabulary a new library starts with (resources/tags/default_tags.json).  Their
    uuids derive from their names, so two libraries' defaults are the same tags when merged."""
    path = paths.resource("tags", "default_tags.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {"tags": []}
    result: list[Tag] = []

    def walk(items: list[dict], parent: Tag | None) -> None:
        for item in items:
            tag_path = f"{parent.path}/{item['name']}" if parent else item["name"]
            tag = Tag(uuid=str(uuid_module.uuid5(TAG_NAMESPACE, tag_path)), name=item["name"],
                      color=item.get("color", "#888888").upper(), parent=parent.uuid if parent else None,
                      description=item.get("description", ""), path=tag_path)
            result.append(tag)
            walk(item.get("children", []), tag)

    walk(data.get("tags", []), None)
    return result


TAG_NAMESPACE = uuid_module.UUID("6f1c2a8e-4b1d-4c52-9d0e-7a3b5c9e2f10")
