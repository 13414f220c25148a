"""The measure words a figure may carry: ``resources/dictionaries/units.json`` ready for matching.

The table is data so that an office can add a measure word without touching code; the figure
finder and the window's typed corrections read the same table.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass

from reviewer import paths

KINDS_IN_ORDER = ("money", "percent", "duration", "measure", "age", "ratio", "count")


@dataclass(frozen=True)
class UnitTable:
    """The measure words of ``resources/dictionaries/units.json``, ready for matching."""

    kind_of: dict[str, str]
    by_first_char: dict[str, tuple[str, ...]]  # longest first
    arabic_only: frozenset[str]
    vague_words: frozenset[str]
    ambiguous: frozenset[str]
    aliases: dict[str, str]
    context: dict[str, tuple[str, ...]]  # units taken only near one of these words

    def match(self, text: str, pos: int) -> str | None:
        """The longest unit that starts at ``pos``."""
        for unit in self.by_first_char.get(text[pos:pos + 1], ()):  # ("" at the end: no unit)
            if text.startswith(unit, pos):
                return unit
        return None


@functools.lru_cache(maxsize=1)
def unit_table() -> UnitTable:
    with open(paths.resource("dictionaries", "units.json"), encoding="utf-8") as fh:
        data = json.load(fh)
    kind_of: dict[str, str] = {}
    for kind in KINDS_IN_ORDER:
        for unit in data.get(kind, []):
            kind_of.setdefault(unit, kind)
    by_first: dict[str, list[str]] = {}
    for unit in kind_of:
        by_first.setdefault(unit[0], []).append(unit)
    return UnitTable(
        kind_of=kind_of,
        by_first_char={k: tuple(sorted(v, key=len, reverse=True)) for k, v in by_first.items()},
        arabic_only=frozenset(data.get("chinese_only_after_arabic", [])),
        vague_words=frozenset(data.get("vague_words", [])),
        ambiguous=frozenset(data.get("ambiguous_units", [])),
        aliases=dict(data.get("aliases", {})),
        context={k: tuple(v) for k, v in data.get("units_needing_context", {}).items()},
    )


# Full-width digits and signs, mapped one to one so offsets do not move (by str.replace:
# str.translate costs ~0.1 µs a character of CJK text).
