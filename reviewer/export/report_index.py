"""Where things are in one report, as a reader names them: section paths with heading text,
the section holding an offset, the sentence around a span, the report's display name.

Shared by the workbook, the memo and the annotated copy, so each names a place the same way:
``一、主要举措和成效 > (二)严格规范公正文明执法``, never a bare ``一 > (二)``.
"""

from __future__ import annotations

import bisect
import re

from reviewer.library.review import DocumentReview
from reviewer.model import Section

_SENTENCE_END = re.compile(r"[。!?;!?;\n]")
_NUMBER_TAIL = re.compile(r"[、.．,,\s]+$")
SENTENCE_MAX = 300
# A heading's text in a path is cut after this many characters (level-3 headings can be sentences).
TITLE_MAX = 24


def section_marker(section: Section) -> str:
    """The heading's number as the report writes it: 一 with style "(一)" is "(一)", 3 with "1." is "3."."""
    number = (section.number or "").strip()
    style = section.style or ""
    if not number or not style or not number[-1].isalnum() or not number[0].isalnum():
        return number  # no style known, or the number already carries its brackets/punctuation
    if style[0] in "((" and style[-1] in "))":
        return f"{style[0]}{number}{style[-1]}"
    if style.startswith("第") and len(style) > 2:
        return f"第{number}{style[2:]}"
    if style[-1] in "))、.．":
        return number + style[-1]
    return number


def heading_label(section: Section) -> str:
    """``一、主要举措和成效``: the marker as written, then the heading text (cut when very long)."""
    marker = section_marker(section)
    title = (section.title or "").strip()
    if len(title) > TITLE_MAX:
        title = title[:TITLE_MAX] + "…"
    if marker and title and marker[-1].isalnum():
        marker += " "  # a bare number such as "3" with no punctuation of its own
    return (marker + title).strip() or _NUMBER_TAIL.sub("", marker)


def report_name(review: DocumentReview) -> str:
    """How a report is named in every output: the core's one rule (``DocumentReview.display_name``:
    title, else issuer and year, else file name)."""
    return review.display_name


class DocIndex:
    """Per report: section paths, the section holding an offset, sentence bounds."""

    def __init__(self, review: DocumentReview) -> None:
        self.review = review
        self.sections: dict[int, Section] = {s.section.id: s.section for s in review.sections}
        ordered = sorted(self.sections.values(), key=lambda s: (s.start, s.level))
        self._starts = [s.start for s in ordered]
        self._ordered = ordered
        self._paths: dict[int, str] = {}
        text = review.document.text
        self.text = text
        self._ends = [m.start() for m in _SENTENCE_END.finditer(text)]

    def path(self, section_id: int | None) -> str:
        """The headings from the top level down to ``section_id``, joined by " > "."""
        if section_id is None or section_id not in self.sections:
            return ""
        cached = self._paths.get(section_id)
        if cached is not None:
            return cached
        parts: list[str] = []
        seen: set[int] = set()
        current: int | None = section_id
        while current is not None and current in self.sections and current not in seen:
            seen.add(current)
            section = self.sections[current]
            parts.append(heading_label(section))
            current = section.parent
        path = self._paths[section_id] = " > ".join(reversed(parts))
        return path

    def section_at(self, offset: int | None) -> int | None:
        if offset is None or not self._ordered:
            return None
        index = bisect.bisect_right(self._starts, offset) - 1
        if index < 0:
            return None
        section: Section | None = self._ordered[index]
        seen: set[int] = set()  # a stored library may hold a parent loop: never walk it twice
        while section is not None and offset >= section.end and section.id not in seen:
            seen.add(section.id)
            section = self.sections.get(section.parent) if section.parent is not None else None
        if section is not None and section.id in seen:
            return None
        return section.id if section is not None else None

    def sentence(self, start: int, end: int) -> str:
        """The sentence around ``text[start:end]``, clipped around the span when very long."""
        if not self.text or start < 0 or end > len(self.text) or end < start:
            return ""
        before = bisect.bisect_left(self._ends, start)
        left = self._ends[before - 1] + 1 if before > 0 else 0
        after = bisect.bisect_left(self._ends, end)
        right = self._ends[after] + 1 if after < len(self._ends) else len(self.text)
        if right - left > SENTENCE_MAX:
            half = SENTENCE_MAX // 2
            left2, right2 = max(left, start - half), min(right, end + half)
            sentence = ("…" if left2 > left else "") + self.text[left2:right2] + ("…" if right2 < right else "")
        else:
            sentence = self.text[left:right]
        return sentence.strip()
