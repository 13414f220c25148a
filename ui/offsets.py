"""The one place where code-point offsets (the core's unit) meet UTF-16 offsets (Qt's unit).

Every span in ``reviewer`` counts code points; ``QTextCursor`` positions count UTF-16 code units,
so each character outside the Basic Multilingual Plane (𠀀, emoji) takes two Qt positions and a
naive mapping shifts every highlight after it.  Nothing else in the GUI converts offsets.

Texts without such characters — nearly every report — map by identity at no cost; otherwise a
sorted list of the astral characters' positions makes each conversion a binary search.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")
#: characters per ``max`` call: one call over a 5 MB text held the interpreter lock for 40 ms
#: (the window's event loop waits for it); a slice of this size takes about 2 ms
_SCAN_SLICE = 100_000


def has_astral(text: str) -> bool:
    """Whether ``text`` holds a character beyond U+FFFF (a UTF-16 surrogate pair)."""
    if text.isascii():
        return False
    return any(max(text[start:start + _SCAN_SLICE]) >= "\U00010000"
               for start in range(0, len(text), _SCAN_SLICE))


class OffsetMap:
    """Converts offsets into one text between code points and UTF-16 code units."""

    __slots__ = ("_astral", "_astral_utf16", "length", "utf16_length")

    def __init__(self, text: str) -> None:
        self.length = len(text)
        # ``str.isascii``/max() are C-speed; finditer only runs when astral characters exist.
        if not has_astral(text):
            self._astral: list[int] = []
        else:
            self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        # UTF-16 start of each astral character: its code-point index plus the pairs before it.
        self._astral_utf16 = [cp + k for k, cp in enumerate(self._astral)]
        self.utf16_length = self.length + len(self._astral)

    @property
    def is_identity(self) -> bool:
        return not self._astral

    def to_utf16(self, cp: int) -> int:
        """The UTF-16 offset of code-point offset ``cp`` (clamped to the text)."""
        cp = min(max(cp, 0), self.length)
        if not self._astral:
            return cp
        return cp + bisect_left(self._astral, cp)

    def to_cp(self, u16: int) -> int:
        """The code-point offset of UTF-16 offset ``u16``; a position inside a surrogate pair
        maps to the start of its character."""
        u16 = min(max(u16, 0), self.utf16_length)
        if not self._astral:
            return u16
        # Astral characters that start strictly before u16 each contributed one extra unit —
        # except one that starts at u16 - 1 (u16 then points at its low surrogate).
        k = bisect_left(self._astral_utf16, u16)
        cp = u16 - k
        if k and self._astral_utf16[k - 1] == u16 - 1:
            cp = self._astral[k - 1]
        return cp

    def span_to_utf16(self, start: int, end: int) -> tuple[int, int]:
        return self.to_utf16(start), self.to_utf16(end)

    def span_to_cp(self, start: int, end: int) -> tuple[int, int]:
        """A UTF-16 selection as code points; an end inside a pair extends over that character."""
        cp_end = self.to_cp(end)
        if self._astral:
            k = bisect_right(self._astral_utf16, end - 1) - 1
            if k >= 0 and self._astral_utf16[k] == end - 1:
                cp_end = self._astral[k] + 1
        return self.to_cp(start), cp_end
