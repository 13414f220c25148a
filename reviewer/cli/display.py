"""How the command line shows an analysis and a review: one language per screen.

Every word on these screens comes from the message catalogue in the user's language (kinds,
statuses, scripts, labels), and a Traditional report's units are shown as the report writes
them, although the analysis keeps them in Simplified form (the JSON contract)."""

from __future__ import annotations

from reviewer.library.review import DocumentReview, ItemReview
from reviewer.library.vocabulary import status_word
from reviewer.load.script import to_simplified
from reviewer.messages import CATALOG, language, render
from reviewer.model import Analysis, Figure, Metadata, Section

STATUS_MARKS = {"unreviewed": "·", "confirmed": "✓", "corrected": "✎", "rejected": "✗", "pending": "…"}


def name_of(group: str, value: str | None) -> str:
    """A kind, status or script in the user's language (``cli_figure_kind_money`` …), else as is."""
    code = f"cli_{group}_{value}"
    return render(code) if code in CATALOG else (value or "")


def unit_as_written(figure: Figure, script: str | None) -> str:
    """The unit as the report writes it: ``個`` in a Traditional report, where the analysis says ``个``."""
    unit = figure.unit or ""
    if script != "traditional" or not unit or unit in figure.text:
        return unit
    at = to_simplified(figure.text).rfind(unit)
    return figure.text[at:at + len(unit)] if at >= 0 else unit


def heading_marker(section: Section) -> str:
    """The heading's number as the report writes it (二、, (三), 4.)."""
    from reviewer.export.report_index import section_marker  # the export's rule, so both agree

    return section_marker(section)


def metadata_line(m: Metadata) -> str:
    return " | ".join([
        render("cli_title") + f" {m.title or '—'}", render("cli_issuer") + f" {m.issuer or '—'}",
        render("cli_published") + f" {m.published or '—'}", render("cli_year") + f" {m.report_year or '—'}",
        render("cli_doc_number") + f" {m.doc_number or '—'}"])


def figure_text(f: Figure, script: str | None) -> str:
    return f"{f.label or '?'}: {f.text} = {f.value} {unit_as_written(f, script)} [{name_of('figure_kind', f.kind)}]"


def format_analysis(analysis: Analysis) -> str:
    """``analyze --format text``: a readable outline with figures and checks."""
    m = analysis.metadata
    script = analysis.document.script or m.script
    lines = [f"== {analysis.document.path}", f"{metadata_line(m)} | {name_of('script', m.script)}"]
    by_section: dict[int | None, list[Figure]] = {}
    for f in analysis.figures:
        by_section.setdefault(f.section, []).append(f)

    def figure_lines(section_id: int | None, indent: str) -> list[str]:
        return [f"{indent}  · {figure_text(f, script)}" for f in by_section.get(section_id, [])]

    lines += figure_lines(None, "")
    for s in analysis.sections:
        indent = "  " * (s.level - 1)
        lines.append(f"{indent}{heading_marker(s)} {s.title}")
        lines += figure_lines(s.id, indent)
    if analysis.citations:
        lines.append(render("cli_citations", count=len(analysis.citations)) + " "
                     + "; ".join(c.text for c in analysis.citations[:20]))
    for c in analysis.checks:
        lines.append(f"! [{name_of('check_kind', c.kind)}] {c.message}")
    return "\n".join(lines)


def marks(item: ItemReview) -> str:
    parts = [STATUS_MARKS.get(item.status, "?")]
    if item.original:
        parts.append(render("cli_was") + ", ".join(f"{k}={v}" for k, v in item.original.items()))
    if item.conflicts:
        parts.append(render("cli_conflict") + ", ".join(item.conflicts))
    if item.tags:
        parts.append("#" + " #".join(t.path for t in item.tags))
    parts += [f"«{c.reviewer}: {c.body}»" for c in item.comments]
    return " ".join(parts)


def format_review(review: DocumentReview) -> str:
    """``show``: the outline with figures and the review state, for a terminal."""
    m = review.metadata
    script = review.document.script or m.script
    legend = "  ".join(f"{mark} {status_word(name, lang=language())}" for name, mark in STATUS_MARKS.items())
    lines = [f"== {review.display_name}  [{review.doc_uuid}]",
             render("cli_file") + f" {review.document.path}",
             f"{metadata_line(m)}  {marks(review.metadata_review)}",
             render("cli_reviewed") + f" {review.reviewed_share:.0%}   {legend}"]
    by_section: dict[int | None, list] = {}
    for f in review.figures:
        by_section.setdefault(f.figure.section, []).append(f)

    def figure_lines(section_id: int | None, indent: str) -> list[str]:
        return [f"{indent}    {f.review.uuid[:8]} {figure_text(f.figure, script)} {marks(f.review)}"
                for f in by_section.get(section_id, [])]

    lines += figure_lines(None, "")
    for s in review.sections:
        indent = "  " * max(s.section.level - 1, 0)
        lines.append(f"{indent}{s.review.uuid[:8]} {s.section.number} {s.section.title}  {marks(s.review)}")
        lines += figure_lines(s.section.id, indent)
    if review.citations:
        lines.append(render("cli_citations", count=len(review.citations)))
        lines += [f"  {c.review.uuid[:8]} {c.citation.text} {marks(c.review)}" for c in review.citations]
    for c in review.checks:  # a check's status is its verdict: 属实 / 误报 / 待核实, with the reason
        verdict = status_word(c.review.status, "check", language())
        reason = f" ({c.review.reason})" if c.review.reason else ""
        lines.append(f"! {c.review.uuid[:8]} [{name_of('check_kind', c.check.kind)}] {c.check.message} "
                     f"[{verdict}{reason}] {marks(c.review)}")
    for c in review.advisories:
        lines.append(f"? {c.review.uuid[:8]} [{name_of('check_kind', c.check.kind)}] {c.check.message} "
                     f"{marks(c.review)}")
    for x in review.orphaned_items:
        item = getattr(x, "section", None) or getattr(x, "figure", None) or getattr(x, "citation", None) \
            or getattr(x, "check", None)
        words = getattr(item, "title", None) or getattr(item, "text", None) or getattr(item, "message", "")
        lines.append(f"? {x.review.uuid[:8]} " + render("cli_words_not_found") + f" {words} {marks(x.review)}")
    for a in review.annotations:
        where = f"{a.start}-{a.end}" if a.start is not None else render("cli_orphaned")
        lines.append(f"@ {a.uuid[:8]} [{where}, {name_of('anchor', a.anchor_state)}] “{a.quote}” {a.note} "
                     f"({a.reviewer}) {marks(a.review) if a.review else ''}")
    return "\n".join(lines)
