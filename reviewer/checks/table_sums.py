"""A table rendered as text whose rows do not add up to its 合计 row (``sum_mismatch``).

``类别 | 处罚 | 许可 |`` / ``甲局 | 12件 | 30件 |`` / ``乙局 | 8件 | 25件 |`` / ``合计 | 20件 | 56件 |``:
each column's cells must add up to the cell of the 合计 (总计) row, and each row's cells to the
cell of a 合计 column.  A cell written ``0``, ``-`` or left empty counts as zero; any other cell
that is not a figure of the total's unit leaves that column (or row) unchecked.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reviewer.analysis.tables import table_cells
from reviewer.checks.context import Placed
from reviewer.checks.sums import judge_breakdown
from reviewer.model import Check

TOTAL_HEAD = re.compile(r"^(?:合\s*计|总\s*计)(?:\([^()]*\))?$")
ZERO_CELL = re.compile(r"^(?:0|-|—|/|无|)$")


def find_table_sum_mismatches(text: str, placed: Sequence[Placed]) -> list[Check]:
    by_start = {p.start: p for p in placed}
    checks = []
    for table in table_cells(text):
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
