"""Making report text safe to put into a spreadsheet cell without changing what it says.

A government report is untrusted input for a spreadsheet: a figure label such as ``=SUM(A1)`` or a
phone number ``+86 123`` must never become a formula, in the file or when a reviewer later edits
the cell in Excel.  The text is kept exactly (no added apostrophe or invisible character); the
cell is typed as a string and carries Excel's ``quotePrefix`` flag, which is what Excel itself
sets when a user types a leading apostrophe.  Characters that XML 1.0 cannot hold (C0 controls
other than tab/LF/CR) are removed, because openpyxl refuses them and Excel would call the file
damaged.
"""

from __future__ import annotations

import re

# Leading characters that Excel, LibreOffice or a CSV re-import would read as a formula or DDE.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")

# XML 1.0 forbids these (and lone surrogates, left by a lenient decoder, cannot be encoded);
# openpyxl raises IllegalCharacterError on them.
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# Excel's limit for the text of one cell.
MAX_CELL_CHARS = 32767
_TRUNCATION_MARK = "…"


def clean_text(text: str) -> str:
    """The text without XML-illegal control characters, cut to what one Excel cell can hold."""
    if _ILLEGAL_XML.search(text):
        text = _ILLEGAL_XML.sub("", text)
    if len(text) > MAX_CELL_CHARS:
        text = text[: MAX_CELL_CHARS - len(_TRUNCATION_MARK)] + _TRUNCATION_MARK
    return text


def needs_cleaning(text: str) -> bool:
    """True where ``clean_text`` would change the text (a cheap test for the common case)."""
    return len(text) > MAX_CELL_CHARS or _ILLEGAL_XML.search(text) is not None


def needs_quote_prefix(text: str) -> bool:
    """True where a spreadsheet program could take the text for a formula."""
    return text.startswith(FORMULA_TRIGGERS)
