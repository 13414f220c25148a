"""Tables rendered as text, and the label a cell takes from its row and column headers.

Web copies flatten a table in two ways: ``|``-separated rows on consecutive lines
(``申请事项 | 举报投诉 | 政府信息公开 |``), or one cell per line, the header cells first
(``州(市)`` / ``2014年`` / ``2013年`` / ``增降幅度`` / ``甲市`` / ``375`` / …).  A figure in a
table cell is named by its row and column headers: the entity first, the measure after it
(``办结数占受理数比例``, ``甲市增降幅度``); a generic row header (数量) adds nothing.
Offsets are code points into the text given.
"""

from __future__ import annotations

import re

Span = tuple[int, int]
BAR = re.compile(r"[|｜]")
GENERIC = re.compile(r"^(?:数量|数|件数|个数|数目|数值|合计|总计|小计|计)$")
MEASURE = re.compile(r"(?:比例|比重|幅度|率|占比|数量|金额|件数|人数|次数|数|额)(?:\([^()]*\))?$")
NUMERIC_CELL = re.compile(r"^[-−+]?\d[\d,.]*\s*(?:%|‰|[\u4e00-\u9fff]{1,3})?$")
FIELD_NAME = re.compile(r"^[\u4e00-\u9fff]{2,8}[:：]?$")  # a key cell of a key | value table
CHANGE_HEAD = re.compile(r"^(?:增减|增降|同比|环比|增幅|降幅|增长|变化|变动|较上年|比上年)")
YEAR_CELL = re.compile(r"^(?:19|20)\d{2}年度?$")
MAX_CELL = 16


def table_cells(text: str) -> list[list[list[Span]]]:
    """Every ``|`` table of ``text``: its rows, each a list of cell spans (stripped of spaces)."""
    if text.count("|") + text.count("｜") < 2:
        return []  # (no line can hold two bars: the lines are not read one by one)
    tables: list[list[list[Span]]] = []
    current: list[list[Span]] = []
    position = 0
    for line in text.split("\n"):
        row = _row(line, position) if len(BAR.findall(line)) >= 2 else None
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
    for match in list(BAR.finditer(line)) + [None]:
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


def cell_labels(text: str) -> dict[Span, tuple[str, str]]:
    """(label, row header) of every data cell of every table in ``text``, by the cell's span."""
    labels: dict[Span, tuple[str, str]] = {}
    for table in table_cells(text):
        header = table[0]
        for row in table[1:]:
            for column in range(1, min(len(row), len(header))):
                key = _cell(text, row[column - 1])
                if column > 1 and FIELD_NAME.match(key):
                    labels[row[column]] = (key, _cell(text, row[0]))  # 发文日期 | 2019-04-12
                    continue
                label = _combine(text, _cell(text, row[0]), _cell(text, header[column]))
                if label:
                    labels[row[column]] = (label, _cell(text, row[0]))
    for header, rows in _line_tables(text):
        for row in rows:
            for column in range(1, len(row)):
                label = _combine(text, _cell(text, row[0]), _cell(text, header[column]), row_is_entity=True)
                if label:
                    labels[row[column]] = (label, _cell(text, row[0]))
    return labels


def all_tables(text: str) -> list[list[list[Span]]]:
    """Every table of ``text`` as rows of cell spans, header row first: the ``|`` tables and
    the tables written one cell per line, so a check reads both shapes the same way."""
    return table_cells(text) + [[header, *rows] for header, rows in _line_tables(text)]


def _cell(text: str, span: Span) -> str:
    return re.sub(r"\s+", "", text[span[0]:span[1]])


def _combine(text: str, row_head: str, column_head: str, row_is_entity: bool = False) -> str | None:
    """Entity first, measure last; a generic row header (数量) adds nothing."""
    if NUMERIC_CELL.match(column_head) or not column_head:
        return None
    if not row_head or NUMERIC_CELL.match(row_head) or GENERIC.match(row_head) and not row_is_entity:
        return column_head
    if row_is_entity or CHANGE_HEAD.match(column_head) or (MEASURE.search(column_head) and not MEASURE.search(row_head)):
        return row_head + column_head  # 出庭率 | … | 增减: the change of the row's measure
    return column_head + row_head


def _line_tables(text: str) -> list[tuple[list[Span], list[list[Span]]]]:
    """Tables written one cell per line: a run of short lines, the header cells (text) first,
    then rows that each open with a text cell followed by numeric cells, all of one width."""
    found = []
    for run in _short_line_runs(text):
        kinds = ["n" if _numeric(_cell(text, span)) else "t" for span in run]
        lead = 0
        while lead < len(kinds) and kinds[lead] == "t":
            lead += 1
        starts = [i for i in range(lead, len(kinds)) if kinds[i] == "t"]
        if lead < 2 or lead >= len(kinds) or not starts:
            continue
        first_row = lead - 1  # the row header cell just before the first numbers
        width = (starts[0] - first_row) if starts else 0
        if width < 2 or lead - 1 < width:
            continue
        row_starts = [first_row] + starts
        if any(b - a != width for a, b in zip(row_starts, row_starts[1:])):
            continue
        if any(kinds[i] != "n" for start in row_starts for i in range(start + 1, min(start + width, len(kinds)))):
            continue
        header = run[first_row - width:first_row]
        rows = [run[start:start + width] for start in row_starts if start + width <= len(run)]
        if len(rows) >= 2:
            found.append((header, rows))
    return found


def _numeric(cell: str) -> bool:
    """A value cell: a number with at most a unit (a year such as 2014年 heads a column)."""
    return bool(NUMERIC_CELL.match(cell)) and not YEAR_CELL.match(cell)


_NOT_A_CELL = re.compile(r"[。;；,,:：!?|｜]")


def _short_line_runs(text: str) -> list[list[Span]]:
    """Runs of short non-empty lines (blank lines between them allowed) of at least six lines."""
    runs: list[list[Span]] = []
    current: list[Span] = []
    position = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            if len(stripped) <= MAX_CELL and not _NOT_A_CELL.search(stripped):
                lead = len(line) - len(line.lstrip())
                current.append((position + lead, position + lead + len(stripped)))
            else:
                if len(current) >= 6:
                    runs.append(current)
                current = []
        position += len(line) + 1
    if len(current) >= 6:
        runs.append(current)
    return runs
