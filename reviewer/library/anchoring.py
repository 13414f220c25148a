"""Re-anchoring spans when a report's text changes, the W3C Web Annotation way.

A span is remembered twice: by position (a TextPositionSelector: start/end in code points of the
normalised text) and by quote (a TextQuoteSelector: the exact words with a little prefix and
suffix).  When the text changes we look for the quote first (unique, or the occurrence whose
context and position fit best), then for a fuzzy match scored on quote similarity, prefix,
suffix and nearness to where the span should now be.  Below a confidence bound the span becomes an
orphan (no position, quote kept): a highlight on the wrong words is worse than a visible
"missing" marker.

The same machinery carries analysis items (sections, figures, citations) across a re-analysis, so
a reviewer's corrections and tags stay on the item they were made on.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from difflib import SequenceMatcher

CONTEXT = 32  # characters of prefix/suffix kept with a quote
MAX_OCCURRENCES = 200  # occurrences of one key examined; a key more common than this says little
MIN_QUOTE_SIMILARITY = 0.72  # below this a fuzzy candidate is not the same words
MIN_SCORE = 0.72  # overall confidence bound for a fuzzy placement
MIN_CONTEXT_CHARS = 12  # intact context characters (both sides together) that vouch for a spot


@dataclass
class Anchor:
    """A span as remembered: position plus quote with context."""

    start: int | None
    end: int | None
    quote: str
    prefix: str = ""
    suffix: str = ""


@dataclass
class Placement:
    start: int | None
    end: int | None
    state: str  # "exact" | "fuzzy" | "orphan"
    score: float = 0.0


@dataclass
class AnchorReport:
    """How the annotations (and reviewed items) of one re-imported report found their place."""

    exact: int = 0
    fuzzy: int = 0
    orphaned: int = 0
    items_kept: int = 0  # analysis items matched to their earlier selves
    items_orphaned: int = 0  # reviewed items whose words are gone; kept, marked orphaned
    orphans: list[str] = field(default_factory=list)  # quotes of orphaned annotations

    @property
    def total(self) -> int:
        return self.exact + self.fuzzy + self.orphaned

    @property
    def placed_share(self) -> float:
        return (self.exact + self.fuzzy) / self.total if self.total else 1.0

    def count(self, state: str) -> None:
        if state == "exact":
            self.exact += 1
        elif state == "fuzzy":
            self.fuzzy += 1
        else:
            self.orphaned += 1


def make_anchor(text: str, start: int, end: int, context: int = CONTEXT) -> Anchor:
    return Anchor(start, end, text[start:end], text[max(0, start - context):start], text[end:end + context])


class PositionMap:
    """Maps positions in the old text to positions in the new text through the blocks the two
    share, so "near the old position" means near where that spot moved to, not the raw number.

    Built once per re-import (``SequenceMatcher`` on lines keeps it fast on 30 KB reports)."""

    def __init__(self, old: str, new: str) -> None:
        self.old_len, self.new_len = len(old), len(new)
        old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
        old_offsets = _offsets(old_lines)
        new_offsets = _offsets(new_lines)
        blocks = SequenceMatcher(None, old_lines, new_lines, autojunk=False).get_matching_blocks()
        self._old_starts: list[int] = []
        self._shifts: list[int] = []
        for a, b, size in blocks:
            if size:
                self._old_starts.append(old_offsets[a])
                self._shifts.append(new_offsets[b] - old_offsets[a])

    def __call__(self, position: int) -> int:
        if not self._old_starts:
            return round(position * self.new_len / self.old_len) if self.old_len else 0
        index = bisect.bisect_right(self._old_starts, position) - 1
        shift = self._shifts[max(index, 0)]
        return min(max(position + shift, 0), self.new_len)


def _offsets(lines: list[str]) -> list[int]:
    offsets, total = [], 0
    for line in lines:
        offsets.append(total)
        total += len(line)
    offsets.append(total)
    return offsets


def _occurrences(text: str, key: str, limit: int = MAX_OCCURRENCES) -> list[int]:
    found, i = [], text.find(key) if key else -1
    while i >= 0 and len(found) < limit:
        found.append(i)
        i = text.find(key, i + 1)
    return found


def _tail_match(a: str, b: str) -> float:
    """Share of ``a``'s trailing characters that ``b`` ends with (prefix context)."""
    if not a:
        return 1.0
    n = 0
    for x, y in zip(reversed(a), reversed(b)):
        if x != y:
            break
        n += 1
    return n / len(a)


def _head_match(a: str, b: str) -> float:
    """Share of ``a``'s leading characters that ``b`` starts with (suffix context)."""
    if not a:
        return 1.0
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n / len(a)


def _similarity(a: str, b: str) -> float:
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _nearness(position: int, expected: int, text_len: int) -> float:
    scale = max(200, text_len // 10)
    return max(0.0, 1.0 - abs(position - expected) / scale)


def place(anchor: Anchor, text: str, expected: int | None = None) -> Placement:
    """Find ``anchor`` in ``text``.  ``expected`` is where its start should now be (the old start
    carried through a ``PositionMap``); without it the old start is used."""
    quote = anchor.quote
    if not quote:
        return Placement(None, None, "orphan")
    if expected is None:
        expected = anchor.start if anchor.start is not None else 0
    hits = _occurrences(text, quote)
    if hits:
        best = max(hits, key=lambda h: _context_score(anchor, text, h, h + len(quote), expected))
        if _supported(anchor, text, best, best + len(quote), expected) or (len(hits) == 1 and len(quote) >= 24):
            return Placement(best, best + len(quote), "exact", 1.0)
        # The same words, but neither their context nor their place agrees: they may be other
        # words that happen to read alike.  Let the fuzzy search weigh the context.
    return _place_fuzzy(anchor, text, expected)


def _supported(anchor: Anchor, text: str, start: int, end: int, expected: int, near_counts: bool = True) -> bool:
    """Is there evidence besides the quote that this is the same spot: a dozen characters of
    context intact (both sides together), or (for the exact words) the place where the spot
    should now be?  Nearness alone does not vouch for similar words: the sentence after a deleted one sits
    right where the deleted one was, and reports repeat their phrasing."""
    before = text[max(0, start - len(anchor.prefix)):start]
    after = text[end:end + len(anchor.suffix)]
    prefix_chars = _tail_match(anchor.prefix, before) * len(anchor.prefix) if anchor.prefix else CONTEXT
    suffix_chars = _head_match(anchor.suffix, after) * len(anchor.suffix) if anchor.suffix else CONTEXT
    if prefix_chars + suffix_chars >= MIN_CONTEXT_CHARS:
        return True
    return near_counts and abs(start - expected) <= max(2 * len(anchor.quote), 12)


def _context_score(anchor: Anchor, text: str, start: int, end: int, expected: int) -> float:
    prefix = _tail_match(anchor.prefix, text[max(0, start - len(anchor.prefix)):start])
    suffix = _head_match(anchor.suffix, text[end:end + len(anchor.suffix)])
    return 0.4 * prefix + 0.4 * suffix + 0.2 * _nearness(start, expected, len(text))


def _place_fuzzy(anchor: Anchor, text: str, expected: int) -> Placement:
    quote, n = anchor.quote, len(anchor.quote)
    key = max(2, min(12, n // 3))
    starts: set[int] = set()
    ends: set[int] = set()
    prefix_key = anchor.prefix[-12:]
    suffix_key = anchor.suffix[:12]
    if len(prefix_key) >= 4:
        starts.update(p + len(prefix_key) for p in _occurrences(text, prefix_key))
    if len(suffix_key) >= 4:
        ends.update(_occurrences(text, suffix_key))
    if n >= 6:
        starts.update(_occurrences(text, quote[:key]))
        ends.update(p + key for p in _occurrences(text, quote[-key:]))
        middle = quote[n // 2 - key // 2: n // 2 - key // 2 + key]
        for p in _occurrences(text, middle):
            starts.add(max(0, p - (n // 2 - key // 2)))
    candidates: set[tuple[int, int]] = set()
    limit = 2 * n + 20
    sorted_ends = sorted(ends)
    for s in starts:
        candidates.add((s, min(len(text), s + n)))
        lo = bisect.bisect_right(sorted_ends, s)
        for e in sorted_ends[lo:lo + 8]:
            if e - s > limit:
                break
            candidates.add((s, e))
    for e in sorted_ends:
        candidates.add((max(0, e - n), e))
    best: Placement = Placement(None, None, "orphan")
    for s, e in candidates:
        if e <= s:
            continue
        candidate = text[s:e]
        # A cheap bound first: similarity can be no more than the length ratio allows.
        if 2 * min(n, e - s) / (n + e - s) < MIN_QUOTE_SIMILARITY:
            continue
        quote_sim = _similarity(quote, candidate)
        if quote_sim < MIN_QUOTE_SIMILARITY or not _supported(anchor, text, s, e, expected, near_counts=False):
            continue
        prefix = _similarity(anchor.prefix, text[max(0, s - len(anchor.prefix)):s]) if anchor.prefix else 1.0
        suffix = _similarity(anchor.suffix, text[e:e + len(anchor.suffix)]) if anchor.suffix else 1.0
        score = 0.55 * quote_sim + 0.15 * prefix + 0.15 * suffix + 0.15 * _nearness(s, expected, len(text))
        if score > best.score:
            best = Placement(s, e, "fuzzy", score)
    if best.score < MIN_SCORE:
        return Placement(None, None, "orphan", best.score)
    return best
