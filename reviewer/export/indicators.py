"""Indicator labels reduced to a comparable key, and the side-by-side table built on them.

Reports of different districts name the same indicator slightly differently — 行政复议案件数 /
“行政复议案件”数量 / 全区行政复議案件 — and a reviewer comparing them wants one row for it.  The
key is deliberately conservative: it removes what does not change the meaning (punctuation,
quotes, script, a leading year or "whole district", a trailing 数/数量/总数) and nothing else, so
two different indicators are not merged.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from reviewer.library.review import DocumentReview

# Leading words that only say "this year", "in our/the whole district" or "carried out / in total"
# (simplified script).  Verbs that change the meaning (收到 received vs 受理 accepted) stay.
_LEADING = re.compile(
    r"^(?:(?:19|20)\d{2}年度?|全年|本年度|本年|今年|年内|其中|开展|组织|累计|共计|"
    r"全[区县市省州盟旗镇乡]|[我本][区县市省州局委办厅院])+"
)
# Trailing words that only say "the number of" (tried longest first, once).
_TRAILING = ("总数量", "数量", "总数", "总量", "数", "量")
# Whatever is not a letter or a digit: punctuation, quotes, brackets, spaces, symbols.
_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)
_FILLERS = ("各类", "各项")


def _simplified(text: str) -> str:
    try:
        from reviewer.load.script import to_simplified
    except ImportError:  # pragma: no cover - OpenCC is a hard dependency
        return text
    return to_simplified(text)


@lru_cache(maxsize=65536)
def normalise_label(label: str | None) -> str:
    """The comparison key of an indicator label ("" for no label); labels repeat, so cached."""
    if not label:
        return ""
    text = unicodedata.normalize("NFKC", label)
    text = _simplified(text).lower()
    text = _NOT_WORD.sub("", text)
    for filler in _FILLERS:
        text = text.replace(filler, "")
    stripped = _LEADING.sub("", text)
    if len(stripped) >= 2:
        text = stripped
    for suffix in _TRAILING:
        if text.endswith(suffix) and len(text) - len(suffix) >= 2:
            text = text[: -len(suffix)]
            break
    return text


def normalise_unit(unit: str | None) -> str:
    """Units compared loosely: full-width forms and surrounding spaces do not count."""
    return unicodedata.normalize("NFKC", unit or "").strip()


@dataclass
class Statement:
    """One place where a report states an indicator."""

    value: float | int | str | None
    text: str  # the figure as written
    figure_uuid: str


@dataclass
class IndicatorRow:
    """One row of the comparison: an indicator (with its unit) and what each report says."""

    key: str
    unit: str
    label: str  # the most frequent way the reports write it
    by_report: dict[str, list[Statement]] = field(default_factory=dict)  # doc_uuid -> statements

    @property
    def report_count(self) -> int:
        return len(self.by_report)


def comparison_rows(reviews: list[DocumentReview]) -> list[IndicatorRow]:
    """Every labelled, numeric, not rejected figure of the reviews, grouped by label key and unit.

    Rows stated by more reports come first (that is what a comparison is for), then by key.
    """
    rows: dict[tuple[str, str], IndicatorRow] = {}
    spellings: dict[tuple[str, str], dict[str, int]] = {}
    for review in reviews:
        for item in review.figures:
            figure = item.figure
            if item.review.status == "rejected":
                continue
            if not isinstance(figure.value, (int, float)) or isinstance(figure.value, bool):
                continue
            key = normalise_label(figure.label)
            if not key:
                continue
            unit = normalise_unit(figure.unit)
            row = rows.get((key, unit))
            if row is None:
                row = rows[(key, unit)] = IndicatorRow(key=key, unit=unit, label=figure.label or key)
                spellings[(key, unit)] = {}
            counts = spellings[(key, unit)]
            counts[figure.label or key] = counts.get(figure.label or key, 0) + 1
            row.by_report.setdefault(review.doc_uuid, []).append(
                Statement(value=figure.value, text=figure.text, figure_uuid=item.review.uuid))
    for pair, row in rows.items():
        counts = spellings[pair]
        order = {name: index for index, name in enumerate(counts)}
        # The most frequent spelling; on a tie, the one met first (the first report's wording).
        row.label = max(counts, key=lambda name: (counts[name], -order[name]))
    return sorted(rows.values(), key=lambda row: (-row.report_count, row.key, row.unit))
