"""Reports in a library: importing, re-analysing, removing, listing and loading one review.

A report imported twice (same sha256) is not duplicated; a changed report at the same path is
re-analysed and its review layer re-anchored (``reimport``), reviewed items never dropped.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from reviewer.library.anchoring import Anchor, AnchorReport, PositionMap, place
from reviewer.library.connection import CONTEXT, SUPPORTED_SUFFIXES, operational_error
from reviewer.library.fresh_review import fresh_review, fresh_versions, new_items
from reviewer.library.reimport import carry_items
from reviewer.library.review import (
    Annotation,
    Comment,
    DocumentReview,
    DocumentSummary,
    ItemReview,
    ReviewedCheck,
    ReviewedCitation,
    ReviewedFigure,
    ReviewedSection,
    Tag,
)
from reviewer.library.rows import (
    COLUMNS,
    ITEM_TABLES,
    analysis_rows,
    check_from_row,
    citation_from_row,
    comment_from_row,
    corrections_heads,
    dumps,
    figure_from_row,
    item_values,
    loads,
    metadata_from_dict,
    new_uuid,
    now,
    section_from_row,
)
from reviewer.messages import ReviewerError
from reviewer.model import Analysis, Document


@dataclass
class ImportResult:
    doc_uuid: str | None
    path: str
    created: bool = False
    error: str | None = None
    anchoring: AnchorReport | None = None  # set when a changed report was re-imported
    unchanged: bool = False  # the same text was already in the library
    # with ``import_analysis(..., with_review=True)`` and a report just created: its review, as
    # ``load_review`` would read it back
    review: DocumentReview | None = field(default=None, repr=False, compare=False)
    versions: dict[str, int] | None = field(default=None, repr=False, compare=False)  # the review's


#: the tables whose rows a new report's import can make while its checks are still being found
EARLY_TABLES = ("sections", "figures")


@dataclass
class EarlyRows:
    """A new report's outline and figures as rows and reviewed items, made before the rest of
    its analysis is there (no database touched): the window makes them while the analysis
    process finds the checks, which for a 5 MB report takes about as long."""

    doc_uuid: str
    items: dict[str, list]  # the Section and Figure objects the rows were made from
    values: dict[str, list[tuple]]  # table -> rows (``rows.item_values``)
    reviewed: dict[str, list]
    # (imported_at, metadata JSON, warnings JSON) of the document row, while the rows are written
    # in a transaction still open (``Library.staged_import``)
    written: tuple[str, str, str] | None = field(default=None, repr=False)

    def fits(self, analysis: Analysis) -> bool:
        """Whether ``analysis`` holds the very objects the rows were made from."""
        for table, made_from in self.items.items():
            items = getattr(analysis, table)
            if len(items) != len(made_from) or not all(a is b for a, b in zip(items, made_from)):
                return False
        return True


def early_rows(partial: Analysis) -> EarlyRows:
    """``import_analysis(..., early=early_rows(partial))`` stores a new report's outline and
    figures from these rows if the analysis it is given holds the same objects as ``partial``."""
    doc_uuid = new_uuid()
    values, reviewed = new_rows(partial, doc_uuid, EARLY_TABLES, with_review=True)
    return EarlyRows(doc_uuid, {t: list(getattr(partial, t)) for t in EARLY_TABLES}, values, reviewed)


def new_rows(analysis: Analysis, doc_uuid: str, tables: tuple[str, ...],
             with_review: bool) -> tuple[dict[str, list[tuple]], dict[str, list]]:
    """The rows of a new report's item ``tables`` and, ``with_review``, its reviewed items of
    them as ``load_review`` will read them (``fresh_review.new_items``)."""
    values = {table: item_values(analysis, doc_uuid, table) for table in tables}
    reviewed: dict[str, list] = {}
    if with_review:
        for table in tables:
            reviewed.update(new_items(table, getattr(analysis, table), values[table]))
    return values, reviewed


class _Unfinished(Exception):
    """A staged import left before ``import_analysis`` completed it: roll it back."""


def load_for_import(path: str | Path) -> Document:
    """The report at ``path`` loaded, with the one spelling of its path the library keeps."""
    from reviewer.load.dispatch import load_document

    p = Path(path)
    document = load_document(p)
    document.path = str(p.resolve())
    return document


def import_failure(path: str | Path, exc: Exception) -> ImportResult:
    """The result that says why ``path`` could not be imported: ``exc`` (a ``ReviewerError``
    in the user's words, or a finder's bug, which must not stop a folder import)."""
    if isinstance(exc, ReviewerError):
        return ImportResult(None, str(path), error=exc.message())
    return ImportResult(None, str(path), error=f"{path}: {type(exc).__name__}: {exc}")


def analyse_for_import(path: str | Path) -> Analysis | ImportResult:
    """Load and analyse one report for the library, or the result that says why it cannot be
    imported.  Touches no library, so worker processes run it (``batch``)."""
    from reviewer.pipeline import analyze

    try:
        return analyze(load_for_import(path))
    except Exception as exc:  # noqa: BLE001 — said in the result
        return import_failure(path, exc)


def _resolve_path(doc: Document) -> None:
    """One spelling per file, so that re-imports are found."""
    if doc.path and Path(doc.path).exists():
        doc.path = str(Path(doc.path).resolve())


class DocumentsMixin:
    """Importing reports and reading their reviews back (part of ``store.Library``)."""

    # ------------------------------------------------------------------ importing
    def import_file(self, path: str | Path) -> ImportResult:
        """Load, analyse and store one report.  Problems with the file come back in
        ``ImportResult.error``; problems with the library raise."""
        return self.import_outcome(analyse_for_import(path))

    def import_outcome(self, outcome: Analysis | ImportResult) -> ImportResult:
        """Store what ``analyse_for_import`` made (here or in a worker process)."""
        return outcome if isinstance(outcome, ImportResult) else self.import_analysis(outcome)

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

    def import_analysis(self, analysis: Analysis, with_review: bool = False,
                        early: EarlyRows | None = None) -> ImportResult:
        """Store ``analysis`` (a new report, or a new version of a known one).  ``with_review``:
        a report created here comes back with its review built from what was written (the GUI
        shows it at once instead of reading 100,000 rows back).  ``early``: rows made
        beforehand from part of this analysis (``early_rows``), used if they fit it; if they
        were written already (``staged_import``), this completes that transaction's import."""
        doc = analysis.document
        _resolve_path(doc)
        with self._tx():
            if early is not None and early.written is not None and not early.fits(analysis):
                self._unwrite(early)  # (the analysis was made again after its rows were written)
            if early is None or early.written is None:
                same = self._same_text(doc)
                if same:
                    return ImportResult(same["uuid"], doc.path, created=False, unchanged=True)
                earlier = self._earlier_version(doc)
                if earlier:
                    report = self._reimport(earlier["uuid"], analysis)
                    return ImportResult(earlier["uuid"], doc.path, created=False, anchoring=report)
                early = early if early is not None and early.fits(analysis) else None
            doc_uuid, at, metadata_json, warnings_json, reviewed = self._store_new(analysis, early, with_review)
            self._log("import", "document", doc_uuid, doc_uuid, new={"path": doc.path, "sha256": doc.sha256},
                      at=at)
            if early is not None:
                early.written = None  # the import is complete: its transaction commits
        result = ImportResult(doc_uuid, doc.path, created=True)
        if with_review:
            result.review = fresh_review(doc_uuid, doc, metadata_json, warnings_json, at, reviewed)
            result.versions = fresh_versions(result.review)
            self.adopt_versions(result.review, result.versions)  # as load_review remembers the versions it read
        return result

    def _store_new(self, analysis: Analysis, early: EarlyRows | None,
                   with_review: bool) -> tuple[str, str, str, str, dict[str, list]]:
        """Write a new report's document row and item rows (those of ``early`` unless written
        already); its uuid, import time, metadata and warnings as stored, and its reviewed items
        (``with_review``)."""
        doc = analysis.document
        doc_uuid = early.doc_uuid if early is not None else new_uuid()
        metadata_json, warnings_json = dumps(asdict(analysis.metadata)), dumps(list(doc.warnings))
        if early is not None and early.written is not None:
            at = early.written[0]
            if early.written[1:] != (metadata_json, warnings_json):  # changed after the figures
                self.conn.execute("UPDATE documents SET metadata = ?, warnings = ? WHERE uuid = ?",
                                  (metadata_json, warnings_json, doc_uuid))
        else:
            at = now()
            self._insert_document(doc_uuid, doc, metadata_json, warnings_json, at)
            for table, values in (early.values.items() if early is not None else ()):
                self._insert_values(table, values)
        late = tuple(t for t in ITEM_TABLES if early is None or t not in early.values)
        values, reviewed = new_rows(analysis, doc_uuid, late, with_review)
        for table in late:
            self._insert_values(table, values[table])
        return doc_uuid, at, metadata_json, warnings_json, {**(early.reviewed if early else {}), **reviewed}

    @contextmanager
    def staged_import(self, early: EarlyRows, partial: Analysis) -> Iterator[bool]:
        """A transaction in which a new report's document row and ``early`` rows (made from
        ``partial``) are written at once, while the rest of its analysis is still being found
        (storing a 5 MB report's outline and figures takes half a second), and which only
        ``import_analysis(..., early=early)`` in it completes: left without it (a cancel, an
        error) it rolls back, and nothing of the report is stored.  Yields whether the rows were
        written (not when the library holds the report by now).  On SQLite the library's write
        lock is held meanwhile, so another writer waits that second longer."""
        try:
            with self._tx():
                written = self.is_new_report(partial.document)
                if written:
                    self._write_early(early, partial)
                yield written
                if early.written is not None:
                    raise _Unfinished
        except _Unfinished:
            pass
        finally:
            early.written = None  # committed with the import, or rolled back

    def _write_early(self, early: EarlyRows, partial: Analysis) -> None:
        doc, at = partial.document, now()
        early.written = (at, dumps(asdict(partial.metadata)), dumps(list(doc.warnings)))
        self._insert_document(early.doc_uuid, doc, early.written[1], early.written[2], at)
        for table, values in early.values.items():
            self._insert_values(table, values)

    def _unwrite(self, early: EarlyRows) -> None:
        """Take back the rows ``_write_early`` wrote (in the transaction still open)."""
        for table in early.values:
            self.conn.execute(f"DELETE FROM {table} WHERE doc_uuid = ?", (early.doc_uuid,))
        self.conn.execute("DELETE FROM documents WHERE uuid = ?", (early.doc_uuid,))
        early.written = None

    def _insert_document(self, doc_uuid: str, doc: Document, metadata_json: str, warnings_json: str,
                         at: str) -> None:
        self.conn.execute(
            "INSERT INTO documents (uuid, path, sha256, format, encoding, script, metadata, warnings,"
            " text, analysis_text, imported_at, reviewer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (doc_uuid, doc.path, doc.sha256, doc.format, doc.encoding, doc.script,
             metadata_json, warnings_json, doc.text, doc.analysis_text, at, self.reviewer))

    def is_new_report(self, document: Document) -> bool:
        """Whether importing ``document`` would create a report: the library holds neither its
        text nor an earlier version at its path (``early_rows`` are worth making only then)."""
        _resolve_path(document)
        return self._same_text(document) is None and self._earlier_version(document) is None

    def _same_text(self, doc: Document) -> dict | None:
        return self._row("SELECT uuid FROM documents WHERE sha256 = ?", (doc.sha256,))

    def _earlier_version(self, doc: Document) -> dict | None:
        """The report a changed file at a known path is a new version of; pasted texts
        ("<text>") and the like share a placeholder, not an identity."""
        if doc.path.startswith("<"):
            return None
        return self._row("SELECT uuid FROM documents WHERE path = ? ORDER BY imported_at DESC", (doc.path,))

    def _insert_values(self, table: str, values: list[tuple]) -> None:
        """New items' rows made by ``rows.item_values``, in one ``executemany``."""
        if values:
            names = ", ".join(f'"{c}"' for c in COLUMNS[table])
            marks = ", ".join("?" * len(COLUMNS[table]))
            self.conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", values)

    def _insert_rows(self, table: str, rows: list[dict]) -> None:
        """Bulk insert inside the caller's transaction: one ``executemany`` per set of columns.
        The values are already SQL scalars (``rows.analysis_rows``), so sqlite-utils' per-value
        conversion is not needed; it took 5 of the 6 s of storing a 5 MB report."""
        if not rows:
            return
        if any("row_version" in r for r in rows):  # kept rows beside new ones (re-import)
            rows = [{"row_version": 0, **r} for r in rows]
        groups: dict[tuple[str, ...], list[tuple]] = {}
        for row in rows:
            columns = tuple(row)
            groups.setdefault(columns, []).append(tuple(row.values()))
        for columns, values in groups.items():
            names = ", ".join(f'"{c}"' for c in columns)
            marks = ", ".join("?" * len(columns))
            self.conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", values)

    def _reimport(self, doc_uuid: str, analysis: Analysis) -> AnchorReport:
        """The report at a known path changed: store the new text and analysis, carry every
        reviewed item and annotation over to the new text, orphan (never drop) what cannot be
        placed."""
        doc = analysis.document
        old = self._row("SELECT text, sha256 FROM documents WHERE uuid = ?", (doc_uuid,))
        old_text, new_text = old["text"], doc.text
        mapping = PositionMap(old_text, new_text)
        report = AnchorReport()
        fresh_rows = analysis_rows(analysis, doc_uuid)
        reviewed = self._reviewed_item_uuids(doc_uuid)
        stored_sections: list[dict] = []
        for table in ("sections", "figures", "citations", "checks"):
            old_rows = self._rows(f"SELECT * FROM {table} WHERE doc_uuid = ? ORDER BY ordinal", (doc_uuid,))
            keep, kept, orphaned = carry_items(table, old_rows, fresh_rows[table], old_text, new_text,
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
            from reviewer.pipeline import analyze

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
                                       ("checks", " AND advisory = 0", 1), ("checks", " AND advisory = 1", 2)):
            for doc_uuid, total, reviewed in self.conn.execute(
                    f"SELECT doc_uuid, COUNT(*), SUM(CASE WHEN status != 'unreviewed' THEN 1 ELSE 0 END) FROM {table}"
                    f" WHERE deleted = 0 AND orphaned = 0{where} GROUP BY doc_uuid"):
                c = counts.setdefault(doc_uuid, {"total": 0, "reviewed": 0, "open_checks": 0, "open_advisories": 0})
                if is_check == 2:  # advisories: open ones counted apart, not in the review progress
                    c["open_advisories"] += total - reviewed
                    continue
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
                open_advisories=c.get("open_advisories") or 0,
                last_change=h.get("at"), last_reviewer=h.get("reviewer")))
        return result

    def figure_counts(self, doc_uuids: list[str] | None = None) -> dict[str, int]:
        """How many figures each report has (those ``load_review`` returns as ``figures``),
        counted by the library without loading any: an exporter can refuse what Excel cannot
        hold before it loads anything.  Reports without figures are absent."""
        wanted = None if doc_uuids is None else set(doc_uuids)
        counts: dict[str, int] = {}
        for doc_uuid, total in self.conn.execute(
                "SELECT doc_uuid, COUNT(*) FROM figures WHERE deleted = 0 AND orphaned = 0 GROUP BY doc_uuid"):
            if wanted is None or doc_uuid in wanted:
                counts[doc_uuid] = total
        return counts

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
                return self.stamp_versions(self._load_review(doc_uuid))
            except sqlite3.DatabaseError as exc:
                raise operational_error(exc, self.path) from exc

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
        for r in self._rows(f"SELECT * FROM sections WHERE {live} ORDER BY heading_start IS NOT NULL, heading_start, ordinal", (doc_uuid,)):
            s = section_from_row(r)
            item = ReviewedSection(s, review(r["uuid"], r["status"], r["reviewer"], r["changed_at"],
                                             bool(r["user_added"]), s))
            (result.orphaned_items if r["orphaned"] else result.sections).append(item)
        for r in self._rows(f"SELECT * FROM figures WHERE {live} ORDER BY start IS NOT NULL, start, ordinal", (doc_uuid,)):
            f = figure_from_row(r)
            item = ReviewedFigure(f, review(r["uuid"], r["status"], r["reviewer"], r["changed_at"],
                                            bool(r["user_added"]), f))
            (result.orphaned_items if r["orphaned"] else result.figures).append(item)
        for r in self._rows(f"SELECT * FROM citations WHERE {live} ORDER BY start IS NOT NULL, start, ordinal", (doc_uuid,)):
            c = citation_from_row(r)
            item = ReviewedCitation(c, review(r["uuid"], r["status"], r["reviewer"], r["changed_at"], False, c))
            (result.orphaned_items if r["orphaned"] else result.citations).append(item)
        for r in self._rows(f"SELECT * FROM checks WHERE {live} ORDER BY ordinal", (doc_uuid,)):
            c = check_from_row(r)
            item = ReviewedCheck(c, review(r["uuid"], r["status"], r["reviewer"], r["changed_at"], False, c))
            item.review.reason = r["verdict_reason"] or ""
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
