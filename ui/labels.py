"""Display names for the core's codes (statuses, figure kinds, check kinds, history actions) in
the interface language.  The codes themselves never change; only what the user reads does."""

from __future__ import annotations

from reviewer.library.vocabulary import status_word
from reviewer.messages import render
from ui import i18n
from ui.qt import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def status(code: str, item_type: str = "") -> str:
    """The core's one vocabulary (reviewer.library.vocabulary): a check's status reads as its
    verdict (属实 / 误报 / 待核实 / 未判定), any other item's as 未审阅 / 确认无误 / 已更正 …"""
    return status_word(code, item_type, i18n.core_language())


def verdict(code: str) -> str:
    return status_word(code, "check", i18n.core_language())


def figure_kind(code: str) -> str:
    return {
        "count": QCoreApplication.translate("Labels", "Count"),
        "money": QCoreApplication.translate("Labels", "Money"),
        "percent": QCoreApplication.translate("Labels", "Percent"),
        "duration": QCoreApplication.translate("Labels", "Duration"),
        "measure": QCoreApplication.translate("Labels", "Measure"),
        "ratio": QCoreApplication.translate("Labels", "Ratio"),
        "age": QCoreApplication.translate("Labels", "Age"),
        "date": QCoreApplication.translate("Labels", "Date"),
    }.get(code, code or "")


#: the codes ``check_kind``, ``severity`` and ``citation_kind`` name (columns are sized to the longest)
CHECK_KIND_CODES = ("sum_mismatch", "rate_mismatch", "change_mismatch", "conflicting_repeat", "numbering_gap",
                    "missing_part", "orphan_level")
SEVERITY_CODES = ("error", "warning", "info")
CITATION_KIND_CODES = ("title", "doc_number")


def check_kind(code: str) -> str:
    return {
        "sum_mismatch": QCoreApplication.translate("Labels", "Sum mismatch"),
        "rate_mismatch": QCoreApplication.translate("Labels", "Rate mismatch"),
        "change_mismatch": QCoreApplication.translate("Labels", "Change mismatch"),
        "conflicting_repeat": QCoreApplication.translate("Labels", "Conflicting repeat"),
        "numbering_gap": QCoreApplication.translate("Labels", "Numbering gap"),
        "missing_part": QCoreApplication.translate("Labels", "Missing part"),
        "orphan_level": QCoreApplication.translate("Labels", "Level without parent"),
    }.get(code, code or "")


def severity(code: str) -> str:
    return {
        "error": QCoreApplication.translate("Labels", "Error"),
        "warning": QCoreApplication.translate("Labels", "Warning"),
        "info": QCoreApplication.translate("Labels", "Note"),
    }.get(code, code or "")


def citation_kind(code: str) -> str:
    return {
        "title": QCoreApplication.translate("Labels", "Document title"),
        "doc_number": QCoreApplication.translate("Labels", "Document number"),
    }.get(code, code or "")


def item_type(code: str) -> str:
    return {
        "document": QCoreApplication.translate("Labels", "Report"),
        "metadata": QCoreApplication.translate("Labels", "Metadata"),
        "section": QCoreApplication.translate("Labels", "Heading"),
        "figure": QCoreApplication.translate("Labels", "Figure"),
        "citation": QCoreApplication.translate("Labels", "Citation"),
        "check": QCoreApplication.translate("Labels", "Check"),
        "annotation": QCoreApplication.translate("Labels", "Annotation"),
        "comment": QCoreApplication.translate("Labels", "Comment"),
    }.get(code, code or "")


def action(code: str) -> str:
    return {
        "correct": QCoreApplication.translate("Labels", "Corrected"),
        "status": QCoreApplication.translate("Labels", "Status"),
        "tag": QCoreApplication.translate("Labels", "Tagged"),
        "untag": QCoreApplication.translate("Labels", "Untagged"),
        "comment": QCoreApplication.translate("Labels", "Comment"),
        "add": QCoreApplication.translate("Labels", "Added"),
        "delete": QCoreApplication.translate("Labels", "Deleted"),
        "undo": QCoreApplication.translate("Labels", "Undone"),
        "redo": QCoreApplication.translate("Labels", "Redone"),
        "verdict": QCoreApplication.translate("Labels", "Verdict"),
        "comment_edit": QCoreApplication.translate("Labels", "Comment edited"),
        "comment_delete": QCoreApplication.translate("Labels", "Comment deleted"),
    }.get(code, code or "")


def format_value(value) -> str:
    """A number as a reviewer writes it (no 3479300.0), anything else as text."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.6g}" if abs(value) < 1e15 else str(value)
    return str(value)


def history_value(entry, value) -> str:
    """A history entry's before/after value in words, never a raw dict: the status word, the
    quoted passage of an added annotation, "属实:理由" for a verdict, a heading's title …"""
    if value is None or value == "":
        return ""
    if isinstance(value, dict):
        if "status" in value:
            word = status(value["status"], entry.item_type)
            return f"{word}:{value['reason']}" if value.get("reason") else word
        if "quote" in value:
            note = f" — {value['note']}" if value.get("note") else ""
            return f"“{value['quote']}”{note}"
        if "title" in value:
            return f"{value.get('number') or ''} {value['title']}".strip()
        if "value" in value:
            return f"{format_value(value['value'])} {value.get('unit') or ''}".strip()
        return ";".join(f"{field(k)}:{format_value(v)}" for k, v in value.items() if v not in (None, ""))
    if isinstance(value, list):
        return ", ".join(format_value(v) for v in value)
    if entry.field == "status" and isinstance(value, str):
        return status(value, entry.item_type)
    if entry.field == "kind" and isinstance(value, str):
        return figure_kind(value)
    return format_value(value)


def field(code: str | None) -> str:
    return {
        "tags": QCoreApplication.translate("Labels", "Tags"),
        "comment": QCoreApplication.translate("Labels", "Comment"),
        "note": QCoreApplication.translate("Labels", "Annotation note"),
        "text": QCoreApplication.translate("Labels", "Text"),
        "issuer": QCoreApplication.translate("Labels", "Issuer"),
        "published": QCoreApplication.translate("Labels", "Published"),
        "report_year": QCoreApplication.translate("Labels", "Report year"),
        "doc_number": QCoreApplication.translate("Labels", "Document number"),
        "title": QCoreApplication.translate("Labels", "Title"),
        "number": QCoreApplication.translate("Labels", "Number"),
        "level": QCoreApplication.translate("Labels", "Level"),
        "value": QCoreApplication.translate("Labels", "Value"),
        "unit": QCoreApplication.translate("Labels", "Unit"),
        "kind": QCoreApplication.translate("Labels", "Kind"),
        "label": QCoreApplication.translate("Labels", "Label"),
        "status": QCoreApplication.translate("Labels", "Status"),
    }.get(code or "", code or "")


def open_check_counts(review) -> tuple[int, int]:
    """(open, of which advisories): the checks without a verdict, counted as the Checks tab lists
    them — advisories (a missing part, a level without its parent) included, since the reviewer
    gives them a verdict there too.  The status bar and the tab both say this number."""
    open_checks = sum(1 for rc in review.checks if rc.review.status == "unreviewed")
    open_advisories = sum(1 for rc in review.advisories if rc.review.status == "unreviewed")
    return open_checks + open_advisories, open_advisories


def open_advisories_note(advisories: int) -> str:
    """"(其中提示 3 处)" after the open-check count; nothing when no advisory is open."""
    return render("ui_open_advisories", i18n.core_language(), count=advisories) if advisories else ""
