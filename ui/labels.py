"""Display names for the core's codes (statuses, figure kinds, check kinds, history actions) in
the interface language.  The codes themselves never change; only what the user reads does."""

from __future__ import annotations

from ui.qt import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def status(code: str) -> str:
    return {
        "unreviewed": QCoreApplication.translate("Labels", "Unreviewed"),
        "confirmed": QCoreApplication.translate("Labels", "Confirmed"),
        "corrected": QCoreApplication.translate("Labels", "Corrected"),
        "rejected": QCoreApplication.translate("Labels", "Rejected"),
    }.get(code, code)


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
    }.get(code, code or "")


def field(code: str | None) -> str:
    return {
        "title": QCoreApplication.translate("Labels", "Title"),
        "number": QCoreApplication.translate("Labels", "Number"),
        "level": QCoreApplication.translate("Labels", "Level"),
        "value": QCoreApplication.translate("Labels", "Value"),
        "unit": QCoreApplication.translate("Labels", "Unit"),
        "kind": QCoreApplication.translate("Labels", "Kind"),
        "label": QCoreApplication.translate("Labels", "Label"),
        "status": QCoreApplication.translate("Labels", "Status"),
    }.get(code or "", code or "")
