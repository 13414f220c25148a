"""Tables aligned with spaces (a plain-text or PDF copy of a Word table) written as ``|`` rows.

Cleaning drops the spaces that touch Chinese characters, which would glue ``市容环境卫生   126
121   38.6`` into one word; so before that, a run of lines whose cells are set apart by two or
more spaces, every line with the same number of cells, and every line below the first with a
number in it, is rewritten ``市容环境卫生 | 126 | 121 | 38.6 |`` — the shape the table readers
(``analysis/tables.py``) already know.  Anything less regular is left alone.
"""

from __future__ import annotations

import re

_GAP = re.compile(r"[ \t\u3000]{2,}|\t")
_NUMBER = re.compile(r"\d")
MIN_ROWS = 3  # the header and two rows at least
MIN_CELLS = 3
MAX_LINE = 160
MAX_CELL = 20


def bar_aligned_tables(lines: list[str]) -> list[str]:
    """``lines`` (as a new list) with each run of space-aligned table lines rewritten as ``|``
    rows."""
    out = list(lines)
    run: list[list[str]] = []  # the cells of the rows of the run starting at lines[start]
    start = previous = 0
    # Only a line with a tab, an ideographic space or two spaces can hold a ``_GAP``: most lines
    # cannot, and three substring tests cost less than splitting them into cells.
    for i in [i for i, line in enumerate(lines) if "\t" in line or "\u3000" in line or "  " in line]:
        cells = _cells(lines[i])
        if cells is not None and run and i == previous + 1 and len(cells) == len(run[0]):
            run.append(cells)
        else:
            _bar_rows(out, start, run)
            run = [] if cells is None else [cells]
            start = i
        previous = i
    _bar_rows(out, start, run)
    return out


def _bar_rows(out: list[str], start: int, run: list[list[str]]) -> None:
    """Rewrite ``out[start:start + len(run)]`` as ``|`` rows when ``run`` is a table: enough
    rows, and a number in every row below the first."""
    if len(run) >= MIN_ROWS and all(any(_NUMBER.search(c) for c in row[1:]) for row in run[1:]):
        out[start:start + len(run)] = [" | ".join(row) + " |" for row in run]


def _cells(line: str) -> list[str] | None:
    """The cells of a line set apart by wide gaps, or None when it does not look like a row."""
    stripped = line.strip()
    if not stripped or len(stripped) > MAX_LINE or "|" in stripped or "｜" in stripped:
        return None
    cells = [c.strip() for c in _GAP.split(stripped)]
    if len(cells) < MIN_CELLS or any(not c or len(c) > MAX_CELL for c in cells):
        return None
    if any(re.search(r"[。;；!?！？]", c) for c in cells):
        return None  # a sentence is no cell
    return cells
