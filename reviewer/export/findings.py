"""What a review found in one report, as the documents sent on tell it: problems judged 属实,
corrections (before → after), the reviewer's remarks, and the review's progress.

The workbook's per-report block, the memo and the annotated copy all read these, so the three
say the same thing in the same words.  Each finding keeps its span in the cleaned text (code
points) so the annotated copy can anchor a Word comment on exactly those words.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from reviewer.export.report_index import DocIndex
from reviewer.library.review import DocumentReview, ItemReview
from reviewer.library.vocabulary import status_word
from reviewer.model import Check, Figure
from reviewer.paths import resource

Span = tuple[int, int]


@lru_cache(maxsize=1)
def template() -> dict[str, Any]:
    with open(resource("templates", "review_documents.json"), encoding="utf-8") as handle:
        return json.load(handle)


def wording(group: str, key: str, lang: str = "zh", **params: object) -> str:
    """One phrase of the memo/comment wording (resources/templates/review_documents.json)."""
    entry = template()[group][key]
    text = entry["en" if lang == "en" else "zh"]
    return text.format(**params) if params else text


@dataclass
class Problem:
    """A check judged 属实: a real problem in the report."""

    kind: str  # the check kind in words (合计不符 …)
    section: str
    quote: str  # the sentence it is about
    message: str  # with its arithmetic
    reason: str
    reviewer: str
    span: Span | None


@dataclass
class Correction:
    what: str  # the field in words (数值, 标题 …)
    section: str
    before: str
    after: str
    quote: str
    reviewer: str
    span: Span | None


@dataclass
class Remark:
    section: str
    quote: str
    body: str
    reviewer: str
    span: Span | None


@dataclass
class Findings:
    problems: list[Problem] = field(default_factory=list)
    corrections: list[Correction] = field(default_factory=list)
    remarks: list[Remark] = field(default_factory=list)
    verdicts: dict[str, int] = field(default_factory=dict)  # check status -> count
    reviewed: int = 0
    reviewable: int = 0
    reviewers: list[str] = field(default_factory=list)


def show(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _field_word(labels: dict[str, Any], name: str, lang: str) -> str:
    entry = labels.get("field", {}).get(name)
    return entry["en" if lang == "en" else "zh"] if entry else name


# The check kinds that work a value out of operands (a rate, a share, a change) and compare it with
# the value the report states: they list the operands first and that stated figure last
# (checks.rates, checks.shares, checks.changes).  A sum check lists the stated total first, then
# its parts (checks.sums); a repeat, a part larger than its whole and shares adding up past 100%
# have no single stated figure, and stand at their first.
STATED_LAST = frozenset({"rate_mismatch", "change_mismatch"})


def disputed_figure(check: Check, figures: dict[int, Figure]) -> Figure | None:
    """The figure a check disputes — the one whose stated value it says is wrong (所述…) — else its
    first figure; None when it has no figure the review still holds.  A problem is placed, quoted
    and filed under the section of this figure, not of the check's first figure in reading order
    (``75件÷151件=…,所述49.66%…``: the 49.66% in a table of 三, not the 151件 of 二)."""
    if check.kind in STATED_LAST and check.figures and check.figures[-1] in figures:
        return figures[check.figures[-1]]
    return next((figures[i] for i in check.figures if i in figures), None)


def collect(review: DocumentReview, index: DocIndex | None = None, lang: str = "zh",
            labels: dict[str, Any] | None = None) -> Findings:
    """The findings of one report, in reading order within each kind."""
    index = index or DocIndex(review)
    labels = labels or {}
    out = Findings()
    figures = {item.figure.id: item.figure for item in review.figures}
    kinds = labels.get("check_kind", {})
    for item in review.checks + review.advisories:
        status = item.review.status
        out.verdicts[status] = out.verdicts.get(status, 0) + 1
        if status != "confirmed":
            continue
        check = item.check
        disputed = disputed_figure(check, figures)
        span: Span | None = (disputed.start, disputed.end) if disputed else None
        section_id = disputed.section if disputed else (check.sections[0] if check.sections else None)
        if span is None and section_id in index.sections:
            heading = index.sections[section_id]
            span = (heading.heading_start, heading.heading_end)
        quote = index.sentence(*span) if span else ""
        kind = kinds.get(check.kind, {}).get("en" if lang == "en" else "zh", check.kind)
        out.problems.append(Problem(kind, index.path(section_id), quote, check.message, item.review.reason,
                                    item.review.reviewer or "", span))
    for kind, items in (("section", review.sections), ("figure", review.figures), ("citation", review.citations)):
        for x in items:
            target = getattr(x, kind)
            r = x.review
            if kind == "section":
                span = (target.heading_start, target.heading_end)
                section_id = target.id
            else:
                span = (target.start, target.end)
                section_id = target.section if kind == "figure" else index.section_at(target.start)
            quote = index.sentence(*span)
            path = index.path(section_id)
            for name in r.corrected_fields:
                before, after = r.original[name], getattr(target, name, None)
                unit = getattr(target, "unit", None) if name == "value" else None
                # A corrected figure is quoted as the report writes it (347.39万元), not as the
                # value the analysis read from it (3473900元).
                written = r.original.get("text", getattr(target, "text", None)) if kind == "figure" else None
                shown_before = written if name == "value" and written else show(before) + (unit or "")
                out.corrections.append(Correction(
                    _field_word(labels, name, lang), path, shown_before,
                    show(after) + (unit or ""), quote, r.reviewer or "", span))
            _remarks(out, r, path, quote, span)
    meta = review.metadata_review
    for name in meta.corrected_fields:  # title, issuer, 文号 …: about the whole report, no span
        if meta.original[name] in (None, ""):
            continue  # supplied where the analysis found none: nothing the report got wrong
        out.corrections.append(Correction(_field_word(labels, name, lang), "", show(meta.original[name]),
                                          show(getattr(review.metadata, name, None)), "", meta.reviewer or "",
                                          None))
    for item in review.checks + review.advisories:
        disputed = disputed_figure(item.check, figures)
        span = (disputed.start, disputed.end) if disputed else None
        section_id = disputed.section if disputed else None
        _remarks(out, item.review, index.path(section_id), index.sentence(*span) if span else "", span)
    for a in review.annotations:
        placed = a.start is not None and a.end is not None and a.anchor_state != "orphan"
        span = (a.start, a.end) if placed else None
        path = index.path(index.section_at(a.start)) if placed else ""
        if a.note:
            out.remarks.append(Remark(path, a.quote, a.note, a.reviewer, span))
        if a.review is not None:
            _remarks(out, a.review, path, a.quote, span)
    if review.metadata_review.comments:
        _remarks(out, review.metadata_review, "", "", None)
    items = review.reviewable()
    out.reviewable = len(items)
    out.reviewed = sum(1 for r in items if r.status != "unreviewed")
    names = {r.reviewer for r in items if r.reviewer} | {a.reviewer for a in review.annotations if a.reviewer}
    names |= {c.reviewer for r in items for c in r.comments if c.reviewer}
    out.reviewers = sorted(names)
    return out


def _remarks(out: Findings, r: ItemReview, path: str, quote: str, span: Span | None) -> None:
    for c in r.comments:
        out.remarks.append(Remark(path, quote, c.body, c.reviewer, span))


def verdict_summary(findings: Findings, lang: str = "zh") -> str:
    """``属实 2,误报 1,待核实 0,未判定 3``: the checks by verdict, in the one vocabulary."""
    sep = ", " if lang == "en" else ","
    return sep.join(f"{status_word(s, 'check', lang)} {findings.verdicts.get(s, 0)}"
                    for s in ("confirmed", "rejected", "pending", "unreviewed"))
