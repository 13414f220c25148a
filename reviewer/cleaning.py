"""Turn extracted text into the one normalised text every offset points into.

Placeholder pipeline (NFC, LF line ends); the full cleaning is built in its own change.
"""

from __future__ import annotations

import unicodedata


def normalise(raw: str) -> str:
    text = raw.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    return unicodedata.normalize("NFC", text)
