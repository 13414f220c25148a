"""The review's words, defined once: item statuses and verdicts on checks, in Chinese and English.

The window, the command line, the workbook and the memo all show these words, so a reviewer
reads the same 属实 / 误报 / 待核实 everywhere.  A check's status *is* its verdict: confirming a
check says the report really has the problem (属实), rejecting it says the tool was wrong (误报),
``pending`` says it still has to be verified (待核实); a check still ``unreviewed`` is open.
"""

from __future__ import annotations

from reviewer.messages import language

# status -> (Chinese, English), for every item that is not a check.
STATUS_WORDS: dict[str, tuple[str, str]] = {
    "unreviewed": ("未审阅", "Unreviewed"),
    "confirmed": ("确认无误", "Confirmed"),
    "corrected": ("已更正", "Corrected"),
    "rejected": ("已否决", "Rejected"),
    "pending": ("待核实", "To verify"),
}

# A check's verdict, stored as its status.
VERDICTS = ("confirmed", "rejected", "pending")
VERDICT_WORDS: dict[str, tuple[str, str]] = {
    "unreviewed": ("未判定", "Open"),
    "confirmed": ("属实", "Real problem"),
    "rejected": ("误报", "False alarm"),
    "pending": ("待核实", "To verify"),
    "corrected": ("已更正", "Corrected"),
}


def status_word(status: str, item_type: str = "", lang: str | None = None) -> str:
    """What a reviewer reads for ``status`` of an item of ``item_type`` ("check" gets verdicts)."""
    words = VERDICT_WORDS if item_type == "check" else STATUS_WORDS
    pair = words.get(status) or STATUS_WORDS.get(status) or (status, status)
    return pair[1] if (lang or language()) == "en" else pair[0]


def is_open_check(status: str) -> bool:
    """A check no reviewer has judged yet."""
    return status == "unreviewed"
