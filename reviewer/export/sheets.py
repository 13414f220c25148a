"""The rows of each sheet of the Excel export, computed from ``DocumentReview`` objects.

Kept apart from ``sheet_writer`` (how cells are written safely and streamed) so that what a sheet
says can be read and changed without the spreadsheet mechanics.  Sheets are written in order and
remember the row of every section and figure, so later sheets can link back to them.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timezone
from typing import Any

from openpyxl import Workbook

from reviewer.export.findings import collect, disputed_figure, verdict_summary, wording
from reviewer.export.indicators import comparison_rows
from reviewer.export.report_index import DocIndex, report_name, section_marker
from reviewer.export.safety import clean_text
from reviewer.export.sheet_writer import (
    C,
    Cancelled,
    ExportCancelled,
    Labels,
    Progress,
    SheetWriter,
    discard_workbook,
)
from reviewer.library.review import Annotation, Comment, DocumentReview, ItemReview
from reviewer.library.vocabulary import status_word

# Per column key: how its cells are shown (widths come from the content).
FORMATS = {
    "published": "date", "imported_at": "datetime", "last_change": "datetime", "changed_at": "datetime",
    "created_at": "datetime", "reviewed_share": "share", "confidence": "0.00",
    "sentence": "wrap", "comments": "wrap", "message": "wrap", "note": "wrap", "quote": "wrap",
    "corrections": "wrap", "notes": "wrap", "figures": None, "title": None, "content": "wrap",
    "row": "0", "start": "0", "end": "0", "report_year": "0",
}
CAPS = {"id": 38, "doc_id": 38, "report": 24, "path": 40, "section": 30, "tags": 16, "label": 20, "text": 14,
        "item": 16, "content": 100, "sentence": 44, "message": 50, "comments": 30, "corrections": 24}

def parse_time(value: str | None) -> datetime | str | None:
    """An ISO 8601 time as a naive local datetime (Excel has no time zones); text if unparsable."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value
    if moment.tzinfo is not None:
        moment = moment.astimezone().replace(tzinfo=None)
    return moment.replace(microsecond=0)


def parse_date(value: str | None) -> date | str | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return value


class WorkbookBuilder:
    """Fills a write-only workbook sheet by sheet, reporting progress and honouring cancellation."""

    def __init__(self, reviews: list[DocumentReview], labels: Labels, reviewer: str | None,
                 progress: Progress | None, cancelled: Cancelled | None) -> None:
        self.reviews = reviews
        self.labels = labels
        self.reviewer = reviewer
        self.progress = progress
        self.cancelled = cancelled
        self.indexes = {r.doc_uuid: DocIndex(r) for r in reviews}
        self.names = _unique_names([report_name(r) for r in reviews])
        self.name_of = {r.doc_uuid: name for r, name in zip(reviews, self.names)}
        self.comparison = comparison_rows(reviews) if len(reviews) > 1 else []
        self.done = 0
        # Every row of the human sheets has its row in the technical sheet too.
        self.total = 2 * sum(1 + len(r.sections) + len(r.figures) + len(r.citations) + len(r.checks)
                             + len(r.advisories) + len(r.annotations) for r in reviews) + len(self.comparison)
        self.outline_rows: dict[tuple[str, int], int] = {}
        self.figure_rows: dict[tuple[str, int], int] = {}
        self.workbook: Workbook | None = None
        self._uuid_rows: dict[tuple[str, str], int | None] | None = None
        row = 2  # Outline rows are known before they are written: row 2 on, report by report.
        for review in reviews:
            for item in review.sections:
                self.outline_rows[(review.doc_uuid, item.section.id)] = row
                row += 1

    # -- plumbing -----------------------------------------------------------------------------
    def tick(self, rows: int) -> None:
        self.done += rows
        if self.cancelled is not None and self.cancelled():
            raise ExportCancelled()
        if self.progress is not None:
            self.progress(min(self.done, self.total), self.total)

    @property
    def page_title(self) -> str:
        """What every printed page says at its top: the report's name, or how many reports."""
        if len(self.reviews) == 1:
            return self.labels.phrase("workbook_title_one", title=self.names[0])
        return self.labels.phrase("workbook_title_many", count=len(self.reviews))

    def sheet(self, key: str, caps: dict[str, int] | None = None,
              columns: list[tuple[str, str]] | None = None) -> SheetWriter:
        assert self.workbook is not None
        return SheetWriter(self.workbook, self.labels.sheet(key), columns or self.labels.columns(key), FORMATS,
                           caps or CAPS, page_title=self.page_title, page_footer=self.labels.phrase("page_footer"))

    def build(self) -> Workbook:
        self.workbook = Workbook(write_only=True)
        try:
            self._fill()
        except BaseException:
            discard_workbook(self.workbook)
            raise
        return self.workbook

    def _fill(self) -> None:
        self.tick(0)
        self.sheet("summary").write(self.summary_rows(), self.tick)
        self.sheet("review", {"item": 16, "content": 100}).write(self.review_rows(), lambda _n: None)
        self.sheet("outline").write(self.outline_rows_(), self.tick)
        self.sheet("figures").write(self.figure_rows_(), self.tick)
        self.sheet("citations").write(self.citation_rows(), self.tick)
        self.sheet("checks").write(self.check_rows(), self.tick)
        self.sheet("annotations").write(self.annotation_rows(), self.tick)
        if len(self.reviews) > 1:
            self.comparison_sheet()
        self.legend_sheet()
        self.sheet("technical").write(self.technical_rows(), self.tick)
        self.set_properties()

    def set_properties(self) -> None:
        assert self.workbook is not None
        props = self.workbook.properties
        props.title = self.page_title
        reviewers = self.reviewer or "; ".join(sorted({name for r in self.reviews for name in _reviewers(r)}))
        props.creator = clean_text(reviewers)[:250] or "Report Reviewer"
        props.lastModifiedBy = props.creator
        props.title = clean_text(props.title)[:250]
        props.subject = clean_text("; ".join(self.names))[:250]
        now = datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)
        props.created = props.modified = now

    # -- shared cell helpers ------------------------------------------------------------------
    def status(self, review: ItemReview, item_type: str = "") -> C:
        """The status in the one vocabulary of the window (a check's status reads as its verdict)."""
        return C(status_word(review.status, item_type, self.labels.language), fill=review.status)

    def opinion(self, review: ItemReview) -> str:
        """A check's 意见: the verdict with the reviewer's reason, then the comments."""
        lines = []
        if review.status != "unreviewed":
            verdict = status_word(review.status, "check", self.labels.language)
            lines.append(self.labels.phrase("reasoned", verdict=verdict, reason=review.reason)
                         if review.reason else verdict)
        comments = self.comments(review.comments)
        return "\n".join(lines + [comments] if comments else lines)

    def tags(self, review: ItemReview | None) -> str:
        if review is None or not review.tags:
            return ""
        return "; ".join(tag.path or tag.name for tag in review.tags)

    def comments(self, comments: list[Comment]) -> str:
        if not comments:
            return ""
        return "\n".join(f"{c.reviewer}:{c.body}" if c.reviewer else c.body for c in comments)

    def corrections(self, review: ItemReview, show_added: bool = False) -> str:
        """What a reviewer changed: each corrected field with its original, disputes, additions."""
        if not (review.original or review.user_added or getattr(review, "conflicts", None)):
            return ""  # the common case, once per row of every sheet
        was = self.labels.phrase("was")
        parts = [self.labels.phrase("added")] if show_added and review.user_added else []
        parts += [f"{self.labels.value('field', name)} {was} {_show(review.original[name])}"
                  for name in review.corrected_fields]
        for name, heads in sorted(getattr(review, "conflicts", {}).items()):
            values = ", ".join(f"{who}={_show(value)}" for who, value in heads)
            parts.append(self.labels.phrase("conflict", field=self.labels.value("field", name), values=values))
        return "; ".join(parts)

    def mark(self, value: Any, review: ItemReview, *fields: str, **extra: Any) -> Any:
        """The value, highlighted when a reviewer corrected one of ``fields``."""
        if review.original and any(name in review.original for name in fields):  # most items: none
            return C(value, fill="corrected_cell", **extra)
        return C(value, **extra) if extra else value

    # -- sheets -------------------------------------------------------------------------------
    def summary_rows(self) -> Iterator[list[Any]]:
        for review in self.reviews:
            meta, mr = review.metadata, review.metadata_review
            first_section = review.sections[0].section.id if review.sections else None
            link = None
            if first_section is not None:
                link = self._outline_link(review.doc_uuid, first_section)
            checks = review.checks + review.advisories
            yield [
                self.name_of[review.doc_uuid],
                self.mark(meta.issuer, mr, "issuer"),
                self.mark(meta.doc_number, mr, "doc_number"),
                self.mark(parse_date(meta.published), mr, "published"),
                self.mark(meta.report_year, mr, "report_year", fmt="0"),
                # The link sits on a short cell: LibreOffice does not wrap a linked cell's text.
                C(len(review.sections), link=link) if link else len(review.sections),
                len(review.figures), len(review.citations), len(checks),
                sum(1 for c in checks if c.review.status == "confirmed"),
                sum(1 for c in checks if c.review.status == "unreviewed"),
                len(review.annotations),
                review.reviewed_share,
                "; ".join(sorted(_reviewers(review))),
                parse_time(_last_change(review)),
                self.corrections(mr),
                review.file_name,
            ]

    def review_rows(self) -> Iterator[list[Any]]:
        """Per report, a block read top to bottom: what it is, how far the review got, what it found."""
        lang = self.labels.language

        def say(key: str, **params: object) -> str:
            return wording("block", key, lang, **params)

        def where(section: str) -> str:
            return f"【{section}】" if section and lang != "en" else (f"[{section}] " if section else "")

        for number, review in enumerate(self.reviews):
            if number:
                yield [None, None]
            meta = review.metadata
            found = collect(review, self.indexes[review.doc_uuid], lang, self.labels.data)
            share = f"{review.reviewed_share:.0%}"
            yield [C(say("report"), fmt="header", fill="header"),
                   C(self.name_of[review.doc_uuid], fmt="header", fill="header")]
            yield [say("title"), meta.title]
            yield [say("issuer"), meta.issuer]
            yield [say("doc_number"), meta.doc_number]
            yield [say("dates"), say("dates_value", year=meta.report_year or "—", published=meta.published or "—",
                                     imported=_day(review.imported_at), changed=_day(_last_change(review)))]
            yield [say("counts"), say("counts_value", sections=len(review.sections), figures=len(review.figures),
                                      citations=len(review.citations),
                                      checks=len(review.checks) + len(review.advisories),
                                      annotations=len(review.annotations))]
            yield [say("progress"), say("progress_value", reviewed=found.reviewed, reviewable=found.reviewable,
                                        share=share, verdicts=verdict_summary(found, lang))]
            if not found.problems:
                yield [say("no_problem"), say("no_problem_value")]
            for n, p in enumerate(found.problems, start=1):
                reason = say("problem_reason", reason=p.reason) if p.reason else ""
                yield [C(say("problem", n=n), fill="confirmed"),
                       say("problem_value", where=where(p.section), kind=p.kind, message=p.message, reason=reason)]
            for n, c in enumerate(found.corrections, start=1):
                yield [say("correction", n=n), say("correction_value", where=where(c.section), what=c.what,
                                                   before=c.before, after=c.after)]
            for n, r in enumerate(found.remarks, start=1):
                yield [say("remark", n=n), say("remark_value", where=where(r.section), body=r.body,
                                               reviewer=r.reviewer)]
            yield [say("reviewers"), "、".join(found.reviewers)]

    def _outline_link(self, doc_uuid: str, section_id: int) -> str | None:
        row = self.outline_rows.get((doc_uuid, section_id))
        return f"'{self.labels.sheet('outline')}'!A{row}" if row else None

    def outline_rows_(self) -> Iterator[list[Any]]:
        for review in self.reviews:
            name = self.name_of[review.doc_uuid]
            figure_counts: dict[int | None, int] = {}
            for item in review.figures:
                figure_counts[item.figure.section] = figure_counts.get(item.figure.section, 0) + 1
            for item in review.sections:
                s, r = item.section, item.review
                yield [
                    name,
                    self.mark(s.level, r, "level"),
                    self.mark(section_marker(s), r, "number"),
                    self.mark(s.title, r, "title", indent=max(s.level - 1, 0)),
                    self.status(r),
                    self.tags(r),
                    self.comments(r.comments),
                    self.corrections(r, show_added=True),
                    r.original.get("title"),
                    s.confidence,
                    figure_counts.get(s.id, 0),
                    r.reviewer,
                    parse_time(r.changed_at),
                ]

    def figure_rows_(self) -> Iterator[list[Any]]:
        row = 2
        for review in self.reviews:
            name = self.name_of[review.doc_uuid]
            index = self.indexes[review.doc_uuid]
            for item in review.figures:
                f, r = item.figure, item.review
                self.figure_rows[(review.doc_uuid, f.id)] = row
                row += 1
                path = index.path(f.section)
                original = r.original.get("value")
                yield [
                    name,
                    self.mark(path, r, "section"),  # the headings' text says where; no link needed
                    self.mark(f.label, r, "label"),
                    self.mark(f.text, r, "text"),
                    self.mark(parse_date(f.value) if f.kind == "date" and isinstance(f.value, str) else f.value,
                              r, "value"),
                    self.mark(f.unit, r, "unit"),
                    self.mark(self.labels.value("figure_kind", f.kind), r, "kind"),
                    self.mark(f.qualifier, r, "qualifier"),
                    f"{_show(f.low)}–{_show(f.high)}" if f.low is not None and f.high is not None else None,
                    index.sentence(f.start, f.end),
                    self.status(r),
                    original if not isinstance(original, (dict, list)) else _show(original),
                    self.corrections(r, show_added=True),
                    self.tags(r),
                    self.comments(r.comments),
                    r.reviewer,
                    parse_time(r.changed_at),
                ]

    def citation_rows(self) -> Iterator[list[Any]]:
        for review in self.reviews:
            name = self.name_of[review.doc_uuid]
            index = self.indexes[review.doc_uuid]
            for item in review.citations:
                c, r = item.citation, item.review
                yield [
                    name,
                    index.path(index.section_at(c.start)),
                    self.mark(self.labels.value("citation_kind", c.kind), r, "kind"),
                    self.mark(c.text, r, "text"),
                    index.sentence(c.start, c.end),
                    self.status(r),
                    self.corrections(r),
                    self.tags(r),
                    self.comments(r.comments),
                    r.reviewer,
                    parse_time(r.changed_at),
                ]

    def check_rows(self) -> Iterator[list[Any]]:
        for review in self.reviews:
            name = self.name_of[review.doc_uuid]
            index = self.indexes[review.doc_uuid]
            figures = {item.figure.id: item.figure for item in review.figures}
            for group, items in (("check", review.checks), ("advisory", review.advisories)):
                for item in items:
                    c, r = item.check, item.review
                    involved = [figures[i] for i in c.figures if i in figures]
                    texts = "; ".join(f"{f.label}:{f.text}" if f.label else f.text for f in involved)
                    link = None
                    disputed = disputed_figure(c, figures)  # the kind links to the figure it disputes
                    if disputed is not None:
                        row = self.figure_rows.get((review.doc_uuid, disputed.id))
                        link = f"'{self.labels.sheet('figures')}'!A{row}" if row else None
                    yield [
                        name,
                        self.labels.value("check_group", group),
                        self.mark(self.labels.value("check_kind", c.kind), r, "kind", link=link) if link
                        else self.mark(self.labels.value("check_kind", c.kind), r, "kind"),
                        self.mark(self.labels.value("severity", c.severity), r, "severity"),
                        self.mark(c.message, r, "message", fmt="wrap"),
                        C(texts, fmt="wrap"),
                        "; ".join(index.path(s) for s in c.sections if index.path(s)),
                        self.status(r, "check"),
                        self.tags(r),
                        self.opinion(r),
                        r.reviewer,
                        parse_time(r.changed_at),
                    ]

    def annotation_rows(self) -> Iterator[list[Any]]:
        orphan = self.labels.phrase("orphan")
        for review in self.reviews:
            name = self.name_of[review.doc_uuid]
            index = self.indexes[review.doc_uuid]
            for a in review.annotations:
                placed = a.start is not None and a.anchor_state != "orphan"
                yield [
                    name,
                    index.path(index.section_at(a.start)) if placed else C(orphan, fill="rejected"),
                    a.quote,
                    self.mark(a.note, a.review, "note") if a.review else a.note,
                    self.status(a.review) if a.review else None,
                    self.corrections(a.review) if a.review else "",
                    self.tags(a.review),
                    self.comments(a.review.comments) if a.review else "",
                    a.reviewer,
                    parse_time(a.created_at),
                ]

    def comparison_sheet(self) -> None:
        assert self.workbook is not None
        columns = self.labels.columns("comparison")
        fixed = columns[:3]
        trailing = columns[3:]
        report_columns = [(f"report:{r.doc_uuid}", name) for r, name in zip(self.reviews, self.names)]
        writer = SheetWriter(self.workbook, self.labels.sheet("comparison"), fixed + report_columns + trailing,
                             FORMATS, {**CAPS, **{key: 18 for key, _ in report_columns}}, page_title=self.page_title,
                             page_footer=self.labels.phrase("page_footer"))
        figures_sheet = self.labels.sheet("figures")

        def rows() -> Iterator[list[Any]]:
            for row in self.comparison:
                cells: list[Any] = [row.label, row.unit, row.report_count]
                notes = []
                for review in self.reviews:
                    statements = row.by_report.get(review.doc_uuid)
                    if not statements:
                        cells.append(None)
                        continue
                    first = statements[0]
                    figure_row = self._figure_row_by_uuid(review, first.figure_uuid)
                    link = f"'{figures_sheet}'!A{figure_row}" if figure_row else None
                    differs = len({s.value for s in statements}) > 1
                    cells.append(C(first.value, fill="differs" if differs else None, link=link))
                    if len(statements) > 1:
                        notes.append(self.labels.phrase(
                            "stated_times", report=self.name_of[review.doc_uuid], count=len(statements),
                            values="、".join(s.text for s in statements)))
                cells.append("\n".join(notes))
                cells.append(row.key)
                yield cells

        writer.write(rows(), self.tick)

    def technical_rows(self) -> Iterator[list[Any]]:
        """One row per row of the human sheets, in the same order: what a re-import or a merge needs
        (IDs, the file, character offsets) and a reader does not.  The report's ID and file are on
        its summary row; an item's ID is unique across reports."""
        sheet = self.labels.sheet
        for row, review in enumerate(self.reviews, start=2):
            yield [sheet("summary"), row, review.doc_uuid, review.doc_uuid, review.document.path, None, None, None,
                   parse_time(review.imported_at)]
        name, row = sheet("outline"), 2
        for review in self.reviews:
            for item in review.sections:
                yield [name, row, item.review.uuid, None, None, item.section.heading_start, item.section.heading_end]
                row += 1
        name, row = sheet("figures"), 2
        for review in self.reviews:
            for f in review.figures:
                yield [name, row, f.review.uuid, None, None, f.figure.start, f.figure.end]
                row += 1
        name, row = sheet("citations"), 2
        for review in self.reviews:
            for c in review.citations:
                yield [name, row, c.review.uuid, None, None, c.citation.start, c.citation.end]
                row += 1
        name, row = sheet("checks"), 2
        for review in self.reviews:
            for x in review.checks + review.advisories:
                yield [name, row, x.review.uuid]
                row += 1
        name, row = sheet("annotations"), 2
        for review in self.reviews:
            for a in review.annotations:
                placed = a.start is not None and a.anchor_state != "orphan"
                yield [name, row, a.uuid, None, None, a.start if placed else None,
                       a.end if placed else None, self.labels.value("anchor", a.anchor_state)]
                row += 1

    def _figure_row_by_uuid(self, review: DocumentReview, figure_uuid: str) -> int | None:
        """The Figures row of a figure (known once that sheet is written)."""
        if self._uuid_rows is None:
            self._uuid_rows = {
                (r.doc_uuid, item.review.uuid): self.figure_rows.get((r.doc_uuid, item.figure.id))
                for r in self.reviews for item in r.figures}
        return self._uuid_rows.get((review.doc_uuid, figure_uuid))

    def legend_sheet(self) -> None:
        assert self.workbook is not None
        labels = self.labels
        writer = SheetWriter(self.workbook, labels.sheet("legend"), labels.columns("legend"), FORMATS,
                             {"item": 24, "meaning": 90}, page_title=self.page_title,
                             page_footer=labels.phrase("page_footer"))
        exported = datetime.now().replace(microsecond=0)

        def rows() -> Iterator[list[Any]]:
            lang = labels.language
            yield [C(status_word("corrected", "", lang), fill="corrected_cell"), labels.phrase("legend_corrected")]
            for status in ("unreviewed", "confirmed", "corrected", "rejected", "pending"):
                word = status_word(status, "", lang)
                yield [C(word, fill=status),
                       labels.phrase("legend_status", status=word, meaning=labels.value("status_help", status))]
            for status in ("unreviewed", "confirmed", "rejected", "pending"):
                word = status_word(status, "check", lang)
                yield [C(word, fill=status),
                       labels.phrase("legend_verdict", status=word, meaning=labels.value("verdict_help", status))]
            yield [labels.sheet("technical"), labels.phrase("legend_technical")]
            yield [dict(labels.columns("figures"))["section"], labels.phrase("legend_section")]
            yield [f"{labels.sheet('summary')} → {labels.sheet('outline')}", labels.phrase("legend_link")]
            yield ["%", labels.phrase("legend_percent")]
            yield [labels.sheet("comparison"), labels.phrase("legend_comparison")]
            yield ["=", labels.phrase("legend_safety")]
            yield [dict(labels.columns("figures"))["changed_at"], labels.phrase("legend_times")]
            yield [labels.phrase("exported_at"), C(exported, fmt="datetime")]
            yield [labels.phrase("exported_by"), self.reviewer or ""]
            yield [labels.phrase("report_count"), len(self.reviews)]

        writer.write(rows(), lambda _n: None)


def _show(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _reviewers(review: DocumentReview) -> set[str]:
    names: set[str] = set()
    items = [*review.reviewable(), *(x.review for x in review.advisories), review.metadata_review]
    for item in items:
        if item.reviewer:
            names.add(item.reviewer)
        names.update(c.reviewer for c in item.comments if c.reviewer)
    for a in review.annotations:
        if a.reviewer:
            names.add(a.reviewer)
        if a.review is not None:
            names.update(c.reviewer for c in a.review.comments if c.reviewer)
    return names


def _last_change(review: DocumentReview) -> str | None:
    """The latest time anything in the review changed (ISO strings compared as times)."""
    stamps: list[str] = []
    items = [*review.reviewable(), *(x.review for x in review.advisories), review.metadata_review]
    annotations: list[Annotation] = review.annotations
    for item in items:
        if item.changed_at:
            stamps.append(item.changed_at)
        stamps.extend(c.updated_at or c.created_at for c in item.comments)
    for a in annotations:
        stamps.append(a.created_at)
        if a.review is not None:
            if a.review.changed_at:
                stamps.append(a.review.changed_at)
            stamps.extend(c.updated_at or c.created_at for c in a.review.comments)
    best: tuple[datetime, str] | None = None
    for stamp in stamps:
        if not stamp:
            continue
        try:
            moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
        except ValueError:
            continue
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=timezone.utc)
        if best is None or moment > best[0]:
            best = (moment, stamp)
    return best[1] if best else None


def _day(stamp: str | None) -> str:
    moment = parse_time(stamp)
    return moment.strftime("%Y-%m-%d") if isinstance(moment, datetime) else (moment or "—")


def _unique_names(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    unique = []
    for name in names:
        count = seen.get(name, 0) + 1
        seen[name] = count
        unique.append(name if count == 1 else f"{name} ({count})")
    return unique


__all__ = ["WorkbookBuilder", "section_marker", "report_name", "parse_time"]
