"""Tables rendered as text: rows of ``|``-separated cells on consecutive lines.

Web copies flatten a table to ``申请事项 | 举报投诉 | 政府信息公开 |`` lines; the share and sum
checks read its columns.  Offsets are code points into the text the checks read.
"""

from __future__ import annotations

import re

Span = tuple[int, int]
_BAR = re.compile(r"[|｜]")


def table_cells(text: str) -> list[list[list[Span]]]:
    """Every table of ``text``: its rows, each a list of cell spans (stripped of spaces)."""
    tables: list[list[list[Span]]] = []
    current: list[list[Span]] = []
    position = 0
    for line in text.split("\n"):
        row = _row(line, position) if len(_BAR.findall(line)) >= 2 else None
        if row:
            current.append(row)
        elif current:
            tables.append(current)
            current = []
        position += len(line) + 1
    if current:
        tables.append(current)
    return [table for table in tables if len(table) >= 2]


def _row(line: str, offset: int) -> list[Span]:
    cells, start = [], 0
    for match in list(_BAR.finditer(line)) + [None]:
        end = match.start() if match else len(line)
        raw = line[start:end]
        stripped = raw.strip()
        if stripped or match is not None:
            lead = len(raw) - len(raw.lstrip())
            cells.append((offset + start + lead, offset + start + lead + len(stripped)))
        start = end + 1
    while cells and cells[-1][0] == cells[-1][1]:
        cells.pop()
    return cells
