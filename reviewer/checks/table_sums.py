"""A table rendered as text whose rows do not add up to its 合计 row (``sum_mismatch``).

``类别 | 处罚 | 许可 |`` / ``甲局 | 12件 | 30件 |`` / ``乙局 | 8件 | 25件 |`` / ``合计 | 20件 | 56件 |``:
each column's cells must add up to the cell of the 合计 (总计) row, and each row's cells to the
cell of a 合计 column; the sentence that quotes the table (``共计56件,具体见下表``) must state
what its rows add up to, when the table has one column of that unit.  A cell written ``0``, ``-`` or left empty counts as zero; any other cell
that is not a figure of the total's unit leaves that column (or row) unchecked.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reviewer.analysis.tables import all_tables
from reviewer.checks.context import Placed
from reviewer.checks.sums import judge_breakdown
from reviewer.model import Check

QUOTES_TABLE = re.compile(r"[见如详]\s*(?:下|附)?表|表\s*[一二三四五六七八九十\d]")
TOTAL_HEAD = re.compile(r"^(?:合\s*计|总\s*计)(?:\([^()]*\))?$")
ZERO_CELL = re.compile(r"^(?:0|-|—|/|无|)$")


def find_table_sum_mismatches(text: str, placed: Sequence[Placed],
                              tables: Sequence[list[list[tuple[int, int]]]] | None = None) -> list[Check]:
    """``tables``: ``all_tables(text)`` when the caller has it already."""
    by_start = {p.start: p for p in placed}
    checks = []
    for table in all_tables(text) if tables is None else tables:
        check = _quoted_total(text, placed, by_start, table)
        if check is not None:
            checks.append(check)
        grid = [[_content(text, by_start, span) for span in row] for row in table]
        heads = [row[0] if row else None for row in grid]
        width = min(len(row) for row in grid)
        for r, head in enumerate(heads):
            if r == 0 or not isinstance(head, str) or not TOTAL_HEAD.match(head):
                continue
            for c in range(1, width):
                check = _judge(text, grid[r][c], [grid[k][c] for k in range(1, r)])
                if check is not None:
                    checks.append(check)
        header = grid[0]
        for c in range(1, width):
            if not isinstance(header[c], str) or not TOTAL_HEAD.match(header[c]):
                continue
            for r in range(1, len(grid)):
                check = _judge(text, grid[r][c], [grid[r][k] for k in range(1, c)])
                if check is not None:
                    checks.append(check)
    return checks


def _content(text: str, by_start: dict[int, Placed], span: tuple[int, int]) -> Placed | str:
    """The figure filling a cell, else the cell's text without spaces."""
    figure = by_start.get(span[0])
    if figure is not None and figure.end >= span[1] - 1:
        return figure
    return re.sub(r"\s+", "", text[span[0]:span[1]])


def _judge(text: str, total: Placed | str, cells: list[Placed | str]) -> Check | None:
    if not isinstance(total, Placed) or total.key[0] not in ("count", "money", "measure"):
        return None
    parts = []
    for cell in cells:
        if isinstance(cell, Placed) and cell.key == total.key:
            parts.append(cell)
        elif not (isinstance(cell, str) and ZERO_CELL.match(cell)):
            return None
    if len(parts) < 2:
        return None
    return judge_breakdown(text, parts, [total], True, stated=True)


def _quoted_total(text: str, placed: Sequence[Placed], by_start: dict[int, Placed],
                  table: list[list[tuple[int, int]]]) -> Check | None:
    """The sentence that quotes a table (``共计56件,具体见下表``) against the table's rows, when
    the table has one column of that unit and a 合计 row."""
    start = table[0][0][0]
    line_start = text.rfind("\n", 0, max(0, start - 1)) + 1
    sentence = text[line_start:start]
    if not QUOTES_TABLE.search(sentence):
        return None
    grid = [[_content(text, by_start, span) for span in row] for row in table]
    totals = [r for r, row in enumerate(grid) if r and isinstance(row[0], str) and TOTAL_HEAD.match(row[0])]
    if len(totals) != 1:
        return None
    total_row = totals[0]
    columns = [c for c in range(1, len(grid[total_row])) if isinstance(grid[total_row][c], Placed)]
    if len(columns) != 1:
        return None
    column = columns[0]
    cell = grid[total_row][column]
    quoted = [p for p in placed if line_start <= p.start < start and p.key == cell.key and not p.in_parens]
    if len(quoted) != 1:
        return None
    parts = [row[column] for row in grid[1:total_row] if len(row) > column]
    if any(not isinstance(p, Placed) and not (isinstance(p, str) and ZERO_CELL.match(p)) for p in parts):
        return None
    parts = [p for p in parts if isinstance(p, Placed) and p.key == cell.key]
    if len(parts) < 2:
        return None
    return judge_breakdown(text, parts, [quoted[0]], True, stated=True)
