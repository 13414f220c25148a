"""The review memo (审核意见书): what the office sends back to the department that wrote a report.

One Word document, addressed to the issuer, titled ``关于《…》的审核意见``: a short summary, each
problem judged 属实 with its quote, section and arithmetic, the corrections (before → after), the
reviewer's comments, the reviewer's name and the date.  Several reports make one memo with a part
per report, each starting on a new page.  Typeset as an official document (``docx_style``); the
wording is in resources/templates/review_documents.json so an office can adapt it.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

from docx import Document as new_docx
from docx.enum.text import WD_ALIGN_PARAGRAPH

from reviewer.export.docx_style import (
    declare_fonts,
    exact_spacing,
    official_page,
    page_number_footer,
    set_font,
    set_style_font,
    stamp_properties,
)
from reviewer.export.files import write_atomically
from reviewer.export.findings import Findings, collect, verdict_summary, wording
from reviewer.export.report_index import DocIndex, report_name
from reviewer.export.safety import clean_text
from reviewer.export.sheet_writer import Labels
from reviewer.library.review import DocumentReview
from reviewer.messages import ReviewerError

CHINESE_NUMBERS = "一二三四五六七八九十"


class MemoWriter:
    """Builds the memo paragraph by paragraph, each in the font of its role."""

    def __init__(self, language: str = "zh", reviewer: str | None = None, today: date | None = None,
                 fallback_reviewer: str | None = None) -> None:
        self.lang = "en" if str(language).lower().startswith("en") else "zh"
        self.reviewer = reviewer
        self.fallback_reviewer = fallback_reviewer
        self.today = today or date.today()
        self.labels = Labels(self.lang)
        self.doc = new_docx()
        for section in self.doc.sections:
            official_page(section)
            page_number_footer(section)
        set_style_font(self.doc.styles["Normal"], "body")
        declare_fonts(self.doc)

    def say(self, key: str, **params: object) -> str:
        return wording("memo", key, self.lang, **params)

    def paragraph(self, text: str, role: str = "body", indent: int = 2, align: Any = None,
                  page_break: bool = False) -> Any:
        p = self.doc.add_paragraph()
        exact_spacing(p, indent)
        if align is not None:
            p.alignment = align
        if page_break:
            p.paragraph_format.page_break_before = True
        set_font(p.add_run(clean_text(text)), role)
        return p

    def report(self, review: DocumentReview, first: bool) -> None:
        """One report's part: title, addressee, summary, problems, corrections, comments, signature."""
        index = DocIndex(review)
        found = collect(review, index, self.lang, self.labels.data)
        meta = review.metadata
        name = report_name(review)
        title = self.paragraph(self.say("title", name=name), "title", 0, WD_ALIGN_PARAGRAPH.CENTER,
                               page_break=not first)
        title.paragraph_format.space_after = title.paragraph_format.line_spacing  # one blank line
        issuer = meta.issuer
        self.paragraph(self.say("addressee", issuer=issuer) if issuer else self.say("addressee_unknown"), indent=0)
        number = self.say("number", doc_number=meta.doc_number) if meta.doc_number else ""
        self.paragraph(self.say("opening", name=name, number=number))
        self.paragraph(self.say("h_summary"), "heading1")
        self.paragraph(self.say(
            "summary", sections=len(review.sections), figures=len(review.figures),
            citations=len(review.citations), checks=len(review.checks) + len(review.advisories),
            verdicts=verdict_summary(found, self.lang), reviewed=found.reviewed, reviewable=found.reviewable,
            share=f"{review.reviewed_share:.0%}"))
        self.problems(found)
        self.corrections(found)
        self.remarks(found)
        self.paragraph(self.say("closing"))
        # Signed by the reviewer named for the export, else by those who did the review work.
        names = self.reviewer or "、".join(found.reviewers) or self.fallback_reviewer or ""
        self.paragraph("", indent=0)
        self.paragraph(self.say("reviewer", names=names), indent=0, align=WD_ALIGN_PARAGRAPH.RIGHT)
        day = self.today
        self.paragraph(self.say("date", year=day.year, month=day.month, day=day.day), indent=0,
                       align=WD_ALIGN_PARAGRAPH.RIGHT)

    def where(self, section: str) -> str:
        return self.say("where", section=section) if section else ""

    def problems(self, found: Findings) -> None:
        self.paragraph(self.say("h_problems"), "heading1")
        if not found.problems:
            self.paragraph(self.say("no_problems"))
        for n, problem in enumerate(found.problems, start=1):
            number = CHINESE_NUMBERS[n - 1] if self.lang == "zh" and n <= len(CHINESE_NUMBERS) else str(n)
            self.paragraph(self.say("problem_head", n=number, kind=problem.kind), "heading2")
            if problem.section:
                self.paragraph(self.say("problem_where", section=problem.section))
            if problem.quote:
                self.paragraph(self.say("problem_quote", quote=problem.quote))
            self.paragraph(self.say("problem_message", message=problem.message))
            if problem.reason:
                self.paragraph(self.say("problem_reason", reason=problem.reason))

    def corrections(self, found: Findings) -> None:
        self.paragraph(self.say("h_corrections"), "heading1")
        if not found.corrections:
            self.paragraph(self.say("no_corrections"))
        for n, c in enumerate(found.corrections, start=1):
            self.paragraph(self.say("correction", n=n, where=self.where(c.section), what=c.what, before=c.before,
                                    after=c.after))

    def remarks(self, found: Findings) -> None:
        self.paragraph(self.say("h_remarks"), "heading1")
        if not found.remarks:
            self.paragraph(self.say("no_remarks"))
        for n, r in enumerate(found.remarks, start=1):
            self.paragraph(self.say("remark", n=n, where=self.where(r.section), body=r.body))


def build_memo(reviews: list[DocumentReview], language: str = "zh", reviewer: str | None = None,
               today: date | None = None, fallback_reviewer: str | None = None) -> Any:
    """The memo as a python-docx ``Document``, one part per report."""
    if not reviews:
        raise ReviewerError("export_nothing")
    writer = MemoWriter(language, reviewer, today, fallback_reviewer)
    for number, review in enumerate(reviews):
        writer.report(review, first=number == 0)
    title = writer.say("title", name=report_name(reviews[0])) if len(reviews) == 1 else \
        writer.say("batch_title", count=len(reviews))
    stamp_properties(writer.doc, title, reviewer or fallback_reviewer or "Report Reviewer")
    return writer.doc


def write_memo(reviews: list[DocumentReview], out_path: str | os.PathLike[str], language: str = "zh",
               reviewer: str | None = None, today: date | None = None,
               fallback_reviewer: str | None = None) -> Path:
    """Build the memo and save it atomically (the old file stays on any failure)."""
    document = build_memo(reviews, language, reviewer, today, fallback_reviewer)
    return write_atomically(out_path, ".docx", lambda temp: document.save(str(temp)))


def export_memo(library: Any, out_path: str | os.PathLike[str], doc_uuids: list[str] | None = None,
                language: str = "zh", today: date | None = None) -> Path:
    """The memo for reports of a ``Library`` (all of them by default)."""
    if doc_uuids is None:
        doc_uuids = [summary.doc_uuid for summary in library.list_documents()]
    if not doc_uuids:
        raise ReviewerError("export_nothing")
    reviews = [library.load_review(doc_uuid) for doc_uuid in doc_uuids]
    return write_memo(reviews, out_path, language, None, today,
                      fallback_reviewer=getattr(library, "reviewer", None) or None)
