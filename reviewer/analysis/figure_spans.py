"""Where figures already are, and which section holds an offset: two small indexes the figure
finder consults for every candidate number, each answering in constant or amortised constant time;
and the matches of a pattern found only where its one literal stands.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reviewer.model import Section


def anchored_matches(pattern: re.Pattern[str], text: str, anchor: str, back: int,
                     spaced: bool = False, before: str | None = None) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose every match holds ``anchor`` 0 to ``back``
    characters after its start (not counting, when ``spaced``, the white space right before the
    anchor: ``\\s*年``): only those few starts are tried.  (A pattern that opens with a
    lookbehind or alternatives gets no prefix search from the regex engine, which then tries
    every character: ~5-10 ms a megabyte for each such pattern.)

    ``before``: when every match has one of these characters right before the anchor (and its
    white space), "0" standing for any decimal digit (``\\d``), an anchor without one is
    passed over untried (most 年 of a report follow no year)."""
    digits = before is not None and "0" in before
    end = 0
    at = text.find(anchor)
    while at >= 0:
        first = at
        while spaced and first > end and text[first - 1].isspace():
            first -= 1
        if before is not None and (first == 0 or not (text[first - 1] in before
                                                      or digits and text[first - 1].isdecimal())):
            at = text.find(anchor, max(at + 1, end))
            continue
        for start in range(max(end, first - back), at + 1):
            m = pattern.match(text, start)
            if m:
                yield m
                end = m.end()
                break
        at = text.find(anchor, max(at + 1, end))


class Coverage:
    """Which characters already belong to a figure (one byte per character: fast to test)."""

    def __init__(self, size: int):
        self.mask = bytearray(size + 1)

    def append(self, span: tuple[int, int]) -> None:
        start, end = span
        self.mask[start:end] = b"\x01" * (end - start)

    def free(self, start: int, end: int) -> bool:
        return self.mask.find(1, start, end) < 0


class SectionIndex:
    """The innermost section containing an offset.

    Queries come in document order, so a sweep with a stack of open (nested) sections answers
    each in amortised constant time; a query before the last one restarts the sweep.
    """

    def __init__(self, sections: list[Section]):
        self.sections = sorted(sections, key=lambda s: (s.start, -s.end))
        self._reset()

    def _reset(self) -> None:
        self._next = 0
        self._open: list[Section] = []
        self._last = -1

    def innermost(self, pos: int) -> int | None:
        if pos < self._last:
            self._reset()
        self._last = pos
        while self._next < len(self.sections) and self.sections[self._next].start <= pos:
            section = self.sections[self._next]
            while self._open and self._open[-1].end <= section.start:
                self._open.pop()
            self._open.append(section)
            self._next += 1
        while self._open and self._open[-1].end <= pos:
            self._open.pop()
        # Sections nest, so the open ones all contain ``pos``; the deepest is the innermost.
        best = None
        for section in reversed(self._open):
            if section.start <= pos < section.end and (best is None or section.level > best.level):
                best = section
            if best is not None and section.level <= 1:
                break
        return best.id if best else None
