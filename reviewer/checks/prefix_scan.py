"""A pattern searched in a sentence up to each of its figures, each stretch read once.

The repeat check asks, for every figure, which period words (``PERIOD``) and whether a
narrowing word (``NARROWING``) stand in its sentence before it.  Searching from the sentence
start up to each figure reads a long sentence once per figure.  For a pattern without anchors,
lookarounds or groups, the matches of ``[start, b)`` are those of ``[start, a)`` followed by
those of ``[a, b)`` unless a match of ``[start, b)`` straddles ``a``; such a match holds the
character before ``a`` at a place that is not its last, so when that character can stand only
last in a match (or not at all), or is not in ``not_last`` at all, the stretch is read on from
``a``; otherwise it is searched whole, as before.

When every match holds one of a few characters (each period word holds 年, 月 or 度), a
stretch without any of them is not searched at all: most stretches between two figures.
"""

from __future__ import annotations

import re


class PrefixScan:
    """``pattern`` searched in each sentence of ``text`` up to increasing ends.

    ``not_last``: every character that can stand in a match of ``pattern`` other than as its
    last character (a decimal digit stands for all of them with "0").  ``holds``, when given:
    characters of which every match of ``pattern`` holds one."""

    def __init__(self, pattern: re.Pattern[str], not_last: str, text: str, starts: list[int], holds: str = ""):
        if pattern.groups:
            raise ValueError("a pattern with groups: findall would return the groups")
        self.pattern = pattern
        # a one-class search, which ``re`` runs as a fast scan, tells when a stretch has no match
        self._holds = re.compile(f"[{re.escape(holds)}]") if holds else None
        self.not_last = not_last
        self.digits = "0" in not_last
        self.text = text
        self.starts = starts
        self._sentence = -1
        self._end = 0  # how far the sentence's stretch has been read
        self._found: list[str] = []
        self._any = False

    def _splits(self, at: int) -> bool:
        """True when no match can straddle ``at``: the stretch may be read on from there."""
        ch = self.text[at - 1]
        return ch not in self.not_last and not (self.digits and ch.isdecimal())

    def findall(self, sentence: int, start: int, end: int) -> list[str]:
        """``pattern.findall(text, start, end)`` (do not modify it); read on from the last end
        when ``start`` is the sentence's start and the sentence was last read up to an earlier end."""
        first = self.starts[sentence]
        if start != first:
            return self._findall(start, end)
        if sentence == self._sentence and end >= self._end and (self._end == first or self._splits(self._end)):
            more = self._findall(self._end, end)
            found = self._found + more if more else self._found  # the same list when nothing more
        else:
            found = self._findall(first, end)
        self._sentence, self._end, self._found = sentence, end, found
        return found

    def _findall(self, start: int, end: int) -> list[str]:
        if self._holds is not None and self._holds.search(self.text, start, end) is None:
            return []
        return self.pattern.findall(self.text, start, end)

    def search(self, sentence: int, end: int) -> bool:
        """``pattern.search(text, start of sentence, end) is not None``."""
        first = self.starts[sentence]
        if sentence == self._sentence and end >= self._end:
            if self._any:
                found = True  # a match that fits an earlier end fits this one
            elif self._end == first or self._splits(self._end):
                found = self.pattern.search(self.text, self._end, end) is not None
            else:
                found = self.pattern.search(self.text, first, end) is not None
        else:
            found = self.pattern.search(self.text, first, end) is not None
        self._sentence, self._end, self._any = sentence, end, found
        return found
