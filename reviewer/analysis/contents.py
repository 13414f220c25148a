"""A table of contents (``目 录`` and the heading lines under it) is not the outline.

Reports posted with their 目录 repeat every heading twice; the first copy must not open
sections.  The contents run from the ``目录`` line over short lines with no sentence end, up
to the line where the body repeats the contents' first line (or the first long line).
"""

from __future__ import annotations

import re

CONTENTS_LINE = re.compile(r"^[ \t\u3000]*目[ \t\u3000]*录[ \t\u3000]*[:：]?[ \t\u3000]*$")
MAX_ENTRY = 40
# CONTENTS_LINE at any line of a whole text (its lines hold no line break: the same lines match)
_ANY_CONTENTS_LINE = re.compile(CONTENTS_LINE.pattern, re.M)


def contents_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of every table of contents in ``text`` (its heading lines)."""
    if _ANY_CONTENTS_LINE.search(text) is None:
        return []  # (most reports: no 目录 line, and no need to split the text into lines)
    spans = []
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    for index, line in enumerate(lines):
        if not CONTENTS_LINE.match(line):
            continue
        first = None
        end = index + 1
        while end < len(lines):
            entry = re.sub(r"\s+", "", lines[end])
            if first is not None and entry == first:
                break  # the body starts again with the first entry
            if len(entry) > MAX_ENTRY or re.search(r"[。;；!?！？]", entry):
                break
            if entry and first is None:
                first = entry
            end += 1
        if first is not None:
            spans.append((offsets[index], offsets[end]))
    return spans
