"""What a reviewer may correct, and how a corrected value is checked and normalised.

A correction is refused (``ValueError`` here, a ``ReviewerError`` in the store) rather than stored
in a shape the exporter or the GUI would trip over later.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import datetime
from typing import Any

from reviewer.model import FIGURE_KINDS

_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` without control characters and lone surrogates (a name, a line for a terminal)."""
    return _UNPRINTABLE.sub("", text)


def has_lone_surrogate(text: str) -> bool:
    return re.search("[\ud800-\udfff]", text) is not None


def text_value(value: Any) -> str:
    if not isinstance(value, str) or not value.strip() or has_lone_surrogate(value):
        raise ValueError
    return value.strip()


def optional_text(value: Any) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str) or has_lone_surrogate(value):
        raise ValueError
    return value.strip()


def level_value(value: Any) -> int:
    level = int(value)
    if not 1 <= level <= 9 or (isinstance(value, float) and value != level):
        raise ValueError
    return level


def figure_value(value: Any) -> float | int | str | None:
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError  # inf and nan are no figure a report states, and no number Excel holds
    if value is None or isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    if isinstance(value, str):
        stripped = value.strip().replace(",", "")
        for cast in (int, float):
            try:
                number = cast(stripped)
            except ValueError:
                continue
            if isinstance(number, float) and not math.isfinite(number):
                raise ValueError
            return number
        return value.strip() or None
    raise ValueError


def figure_kind(value: Any) -> str:
    if value not in FIGURE_KINDS:
        raise ValueError
    return value


def citation_kind(value: Any) -> str:
    if value not in ("title", "doc_number"):
        raise ValueError
    return value


def date_value(value: Any) -> str | None:
    if value is None or value == "":
        return None
    # stored in the one form exports and sorting expect: 2024-3-5 -> 2024-03-05
    return datetime.strptime(str(value), "%Y-%m-%d").date().isoformat()


def year_value(value: Any) -> int | None:
    if value is None or value == "":
        return None
    year = int(value)
    if not 1900 <= year <= 2200:
        raise ValueError
    return year


def note_value(value: Any) -> str:
    if not isinstance(value, str) or has_lone_surrogate(value):
        raise ValueError
    return value


EDITABLE_FIELDS: dict[str, dict[str, Callable[[Any], Any]]] = {
    "section": {"title": text_value, "level": level_value, "number": optional_text},
    "figure": {"value": figure_value, "unit": optional_text, "kind": figure_kind,
               "label": optional_text, "text": text_value},
    "citation": {"text": text_value, "kind": citation_kind},
    "metadata": {"title": optional_text, "issuer": optional_text, "published": date_value,
                 "report_year": year_value, "doc_number": optional_text},
    "annotation": {"note": note_value},
}
STATUS_ITEM_TYPES = ("section", "figure", "citation", "check", "annotation", "metadata")


def color_value(value: Any) -> str:
    if not (isinstance(value, str) and len(value) == 7 and value[0] == "#"):
        raise ValueError
    int(value[1:], 16)
    return value.upper()
