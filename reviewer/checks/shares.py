"""Shares whose base is not right beside them (``rate_mismatch``).

Real reports state a total once and its shares sentences later, or in a table:

- ``共受理申请860件。……许可类212件,占比24.7%;……公开类47件,占比6.1%`` — the base is the
  total named in the share's own sentence (``151件中,…``), else the one earlier figure that all
  the list's other shares agree with (rounded or truncated); two such figures → no check;
- a table rendered as text, a row of counts over a row of shares (``数量 | 75件 | 16件`` /
  ``占比 | 49.69% | 13.66%``), the base found the same way;
- shares under a sentence that names its base (``处罚案件中,简易程序120件,占40%``): the
  earlier figure named so;
- a rate of a part of a breakdown whose words name it, even when a bracket stands between
  (``审结142件,其中纠错(含变更)33件,纠错率约20.9%``); an approximate rate is wrong only when
  it is off by more than a percentage point;
- a rate whose numerator stands before it and whose base is sentences earlier
  (``一审应诉案件312件。……出庭应诉64件,出庭率22.4%``), or over the stage the outcome is of
  (``审结506件。……直接纠错76件,纠错率15.01%``: 纠错率 and 败诉率 over 审结);
- a lone share that names its base (``法制审核315件,占一般程序案件的29.4%``): the one earlier
  figure whose words contain that name.

A part that has a possible total in its own sentence is never measured against an earlier
one, and when any candidate base gives the stated figure nothing is said.  The message names
the base it used.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Mapping, Sequence

from reviewer.analysis.tables import all_tables, table_cells
from reviewer.checks.context import SENTENCE_END, Placed, approximate_slack, is_rough_rate
from reviewer.model import Check, Figure

Tables = list[list[list[tuple[int, int]]]]  # tables as rows of cell spans (reviewer.analysis.tables)

SHARE_BETWEEN = re.compile(
    r"^[,]?\s*(?:所)?占(?:比|比例|比重|[^,;。\d%]{0,14}?(?:比例|比重|总数|总量|总额|总件数|的))?"
    r"(?:最高|最大|较大|最多)?(?:[,]?\s*(?:为|达|达到|是))?[::]?\s*$")
WIDER_BASE = re.compile(r"全国|全省|全市|全区|全县|同比|上年|去年|增长|下降")
IN_SENTENCE_TOTAL = re.compile(r"^中")
RATE_LABEL = re.compile(r"(?P<stem>[\u4e00-\u9fff]{2,6})率(?:约为|为约|约|为|达|达到|是)?$")
BASE_WINDOW = 1500
MAX_PLAUSIBLE_GAP = 10.0


class _Indexed(list):
    """The placed figures (in text order) with their starts and sentence numbers, for bisecting:
    the share rules look at a window or a sentence, never at every figure for every figure."""

    def __init__(self, placed: Sequence[Placed]) -> None:
        super().__init__(placed)
        self.starts = [p.start for p in placed]
        self.sentences = [p.sentence for p in placed]


def find_share_mismatches(text: str, placed: Sequence[Placed], figures: Sequence[Figure],
                          totals_of: Mapping[int, list[Placed]], cells: Tables | None = None,
                          tables: Tables | None = None) -> list[Check]:
    """Share and part-rate checks whose base stands away from the share.

    ``cells`` and ``tables`` are ``table_cells(text)`` and ``all_tables(text)`` when the caller
    has them already (the table sum check reads them too)."""
    cells = table_cells(text) if cells is None else cells
    tables = all_tables(text) if tables is None else tables
    placed = _Indexed(placed)
    checks = []
    for pairs in _prose_groups(text, placed):
        pairs = [(p, s) for p, s in pairs if p.id not in totals_of]  # 其中甲600件,占60%: ``rates``
        if pairs:
            checks += _judge_group(text, placed, pairs, totals_of)
    for pairs in _table_groups(text, placed, cells):
        checks += _judge_pooled(text, placed, pairs, {p.id for pair in pairs for p in pair})
    checks += _column_shares(text, placed, tables)
    checks += _part_rates(text, placed, figures, totals_of)
    done = {c.figures[-1] for c in checks}
    checks += [c for c in _distant_rates(text, placed, totals_of) if c.figures[-1] not in done]
    return checks


DISTANT_WINDOW = 600
GENERIC_WORDS = re.compile(r"案件|行政|全年|共计|累计|办理|共|其中|全市|全县|全区|各级")


def _distant_rates(text: str, placed: Sequence[Placed], totals_of: Mapping[int, list[Placed]]) -> list[Check]:
    """``一审应诉案件312件。……负责人出庭应诉64件,出庭率22.4%``: a rate whose numerator stands
    right before it and whose base is stated sentences earlier.  The base is the earlier figure
    whose words share a word with the numerator's (应诉), or the only earlier figure; when any
    earlier figure gives the stated rate, the reading is a guess and nothing is said."""
    checks = []
    for n in range(1, len(placed)):
        rate, part = placed[n], placed[n - 1]
        if rate.key != ("percent", "%") or rate.in_parens or part.in_parens or part.key[0] != "count":
            continue
        label = RATE_LABEL.search(text[part.end:rate.start].lstrip(", "))
        if not label or label.start() != 0 or rate.sentence != part.sentence:
            continue
        words = _label_without_brackets(text, part)
        stem = label.group("stem")
        if not _shares_word(stem, words):
            continue
        if any(p.key == part.key and p.start < part.start for p in _sentence_of(placed, part)):
            continue  # a base in the rate's own sentence: ``rates`` reads it
        earlier = [p for p in _window(placed, part.start - DISTANT_WINDOW, part.start) if p.key == part.key
                   and not p.in_parens and p.value >= part.value and p is not part]
        if part.id in totals_of:
            earlier = [t for t in totals_of[part.id] if t.key == part.key and t.value >= part.value]
            if len(earlier) != 1:
                continue
        if not earlier:
            continue
        related = [p for p in earlier if _shares_word(_label_without_brackets(text, p), words)]
        base = related[-1] if len(related) == 1 else earlier[0] if len(earlier) == 1 else None
        if base is None and not related:
            base = _stage_base(text, stem, [p for p in earlier if p.figure.section == part.figure.section])
        # another earlier figure that gives the stated rate makes the reading a guess; the base
        # itself giving it only by truncation is the truncation warning
        if base is None or any(_agrees(rate, part, p.value) for p in earlier if p.value != base.value):
            continue
        approximate = "约" in text[part.end:rate.start]  # 出庭率约为22%
        if (check := _compare(rate, part, base, "前文", approximate)) is not None:
            checks.append(check)
    return checks


# A rate of an outcome is over the cases that reached the stage it is the outcome of: 纠错率 and
# 败诉率 over the cases 审结, 结案率 over those 受理/立案, 出庭率 over those 应诉.
STAGE_BASES = {"纠错": ("审结", "办结", "结案"), "败诉": ("审结", "结案", "判决"),
               "结案": ("受理", "立案"), "办结": ("受理", "收到"), "出庭": ("应诉",)}


def _stage_base(text: str, stem: str, earlier: Sequence[Placed]) -> Placed | None:
    """The base of ``纠错率`` read from what the rate measures: the earlier figures whose own
    words name the stage it is taken over (审结), in the rate's own section (a court's 审结
    under another heading is not the 复议 cases); None unless they all state one value."""
    words = STAGE_BASES.get(stem[-2:])
    if not words:
        return None
    named = [p for p in earlier if any(w in _label_without_brackets(text, p) for w in words)]
    return named[-1] if named and len({p.value for p in named}) == 1 else None


def _shares_word(a: str, b: str) -> bool:
    """True when two labels share two consecutive characters outside the generic words."""
    a, b = GENERIC_WORDS.sub("|", a), GENERIC_WORDS.sub("|", b)
    return any(a[i:i + 2] in b for i in range(len(a) - 1) if "|" not in a[i:i + 2])


def _prose_groups(text: str, placed: Sequence[Placed]) -> list[list[tuple[Placed, Placed]]]:
    """(part, share) pairs written ``甲类212件,占比24.7%``, grouped by paragraph."""
    groups: dict[int, list[tuple[Placed, Placed]]] = {}
    for part, share in zip(placed, placed[1:]):
        if share.key != ("percent", "%") or part.key[0] != "count" or share.in_parens or part.in_parens:
            continue
        between = text[part.end:share.start]
        if not SHARE_BETWEEN.match(between) or WIDER_BASE.search(between) or share.sentence != part.sentence:
            continue
        paragraph = text.rfind("\n", 0, part.start)
        groups.setdefault(paragraph, []).append((part, share))
    return list(groups.values())


def _table_groups(text: str, placed: Sequence[Placed], cells: Tables) -> list[list[tuple[Placed, Placed]]]:
    """(count cell, share cell) pairs of a table as text: a row of counts over a row of shares."""
    by_start = {p.start: p for p in placed}
    groups = []
    for table in cells:
        for upper, lower in zip(table, table[1:]):
            pairs = []
            for column, (start, end) in enumerate(upper):
                if column == 0 or column >= len(lower):
                    continue
                part = _in_cell(by_start, start, end)
                share = _in_cell(by_start, *lower[column])
                if part and share and part.key[0] == "count" and share.key == ("percent", "%"):
                    pairs.append((part, share))
            if pairs:
                groups.append(pairs)
    return groups


SHARE_HEAD = re.compile(r"占比|比例|比重|占.{0,8}%|构成")
TOTAL_ROW = re.compile(r"^(?:合\s*计|总\s*计)$")


def _column_shares(text: str, placed: Sequence[Placed], tables: Tables) -> list[Check]:
    """``单位 | 案件数 | 占比 |`` / ``甲局 | 58件 | 16.6% |`` … ``合计 | 348件 | 100% |``: a column
    of shares beside a column of counts is each row's count over the 合计 row's count."""
    by_start = {p.start: p for p in placed}
    checks = []
    for table in tables:
        header = [text[a:b] for a, b in table[0]]
        totals = [r for r, row in enumerate(table) if r and row and TOTAL_ROW.match(text[row[0][0]:row[0][1]])]
        if len(totals) != 1:
            continue
        total_row = table[totals[0]]
        for column in range(2, len(header)):
            if not SHARE_HEAD.search(header[column]) or len(total_row) <= column:
                continue
            base = _in_cell(by_start, *total_row[column - 1])  # the counts stand just left of the shares
            if base is None or base.key[0] != "count":
                continue
            for row in table[1:totals[0]]:
                if len(row) <= column:
                    continue
                part, share = _in_cell(by_start, *row[column - 1]), _in_cell(by_start, *row[column])
                if part and share and part.key == base.key and share.key == ("percent", "%"):
                    if (check := _compare(share, part, base, "表中合计行")) is not None:
                        checks.append(check)
    return checks


def _in_cell(by_start: Mapping[int, Placed], start: int, end: int) -> Placed | None:
    for position in range(start, end):
        if position in by_start and by_start[position].end <= end:
            return by_start[position]
    return None


def _judge_group(text: str, placed: Sequence[Placed], pairs: list[tuple[Placed, Placed]],
                 totals_of: Mapping[int, list[Placed]]) -> list[Check]:
    """Each pair against the total of its own sentence; the pairs whose sentence names none
    against the one earlier total they agree with.  A sibling part of the same list (其中甲120件,
    占24%;乙200件,…) is never a total."""
    members = {p.id for pair in pairs for p in pair}
    checks, pooled = [], []
    for part, share in pairs:
        own = [p for p in _sentence_of(placed, part) if p.end <= part.start
               and p.key == part.key and p.id not in members and p.id not in totals_of]
        if not own:
            pooled.append((part, share))
        elif len(own) == 1 or _sentence_total(text, placed, part) is not None:
            total = _sentence_total(text, placed, part) or own[0]
            if (check := _compare(share, part, total, "本句")) is not None:
                checks.append(check)
    for lead, run in _by_named_base(text, pooled):
        if lead:
            checks += _judge_named(text, placed, run, members, lead)
        elif len(run) == 1 and (named := SHARE_OF_NAMED.match(text[run[0][0].end:run[0][1].start])):
            checks += _judge_share_of(text, placed, run[0], members, named.group("base"))
        else:
            checks += _judge_pooled(text, placed, run, members)
    return checks


# ``法制审核315件,占一般程序案件的29.4%``: the share names its base, stated sentences earlier
SHARE_OF_NAMED = re.compile(r"^[,]?\s*(?:所)?占(?P<base>[\u4e00-\u9fff]{3,12}?)的?(?:比例|比重)?(?:为|达|是)?[::]?$")


def _judge_share_of(text: str, placed: Sequence[Placed], pair: tuple[Placed, Placed],
                    members: set[int], base_words: str) -> list[Check]:
    """A lone share whose words name its base: the base is the one earlier figure whose own
    words contain that name (适用一般程序案件1267件); two values so named, or any earlier figure
    that gives the stated share, and nothing is said."""
    part, share = pair
    earlier = [p for p in _window(placed, part.start - BASE_WINDOW, part.start)
               if p.end <= part.start and p.key == part.key and p.id not in members and not p.in_parens
               and p.value >= part.value]
    named = [p for p in earlier if base_words in _label_without_brackets(text, p)]
    if not named or len({p.value for p in named}) != 1:
        return []
    if any(_agrees(share, part, p.value) for p in earlier):
        return []
    check = _compare(share, part, named[-1], "前文")
    return [check] if check is not None else []


NAMED_BASE = re.compile(r"\s*(?:在)?(?P<lead>[^,,;。\d]{2,12}?)(?:中|当中|之中)[,:]")


def _by_named_base(text: str, pairs: list[tuple[Placed, Placed]]) -> list[tuple[str, list[tuple[Placed, Placed]]]]:
    """Runs of pairs split where a sentence opens by naming its base (``处罚案件中,…``)."""
    runs: list[tuple[str, list[tuple[Placed, Placed]]]] = []
    seen: set[int] = set()
    for part, share in pairs:
        lead = ""
        if part.sentence not in seen:
            seen.add(part.sentence)
            start = max(text.rfind(c, 0, part.start) for c in "。!?\n") + 1
            match = NAMED_BASE.match(text, start)
            lead = match.group("lead") if match and match.end() <= part.start else ""
        if lead or not runs:
            runs.append((lead, []))
        runs[-1][1].append((part, share))
    return runs


def _judge_named(text: str, placed: Sequence[Placed], pairs: list[tuple[Placed, Placed]],
                 members: set[int], lead: str) -> list[Check]:
    """Pairs under ``处罚案件中,…``: the base is the one earlier figure named like the lead."""
    first = pairs[0][0]
    named = {p.value: p for p in _window(placed, first.start - BASE_WINDOW, first.start)
             if p.end <= first.start and p.key == first.key and p.id not in members and not p.in_parens
             and _shares_word(_label_without_brackets(text, p), lead)}
    if len(named) != 1:
        return []
    base = next(iter(named.values()))
    return [c for p, s in pairs if (c := _compare(s, p, base, "前文")) is not None]


def _judge_pooled(text: str, placed: Sequence[Placed], pairs: list[tuple[Placed, Placed]],
                  members: set[int]) -> list[Check]:
    if len(pairs) < 2:
        return []
    first = pairs[0][0]
    biggest = max(p.value for p, _ in pairs)
    candidates: dict[float, Placed] = {}
    for p in _window(placed, first.start - BASE_WINDOW, first.start):
        if (p.key == first.key and p.end <= first.start and p.value >= biggest
                and p.id not in members and not p.in_parens):
            candidates[p.value] = p  # the latest figure of each value
    fits = {value: sum(_agrees(s, p, value) for p, s in pairs) for value in candidates}
    if not fits:
        return []
    best = max(fits.values())
    winners = [value for value, fit in fits.items() if fit == best]
    if len(winners) != 1 or best < max(1, len(pairs) - 1):
        return []
    base = candidates[winners[0]]
    return [c for p, s in pairs if (c := _compare(s, p, base, "前文")) is not None]


def _sentence_total(text: str, placed: Sequence[Placed], part: Placed) -> Placed | None:
    """A total the share's own sentence names before its parts: ``新受理的151件中,…``."""
    for p in _sentence_of(placed, part):
        if p.start >= part.start:
            break
        if p.key == part.key and IN_SENTENCE_TOTAL.match(text[p.end:p.end + 1]):
            return p
    return None


def _window(placed: _Indexed, begin: int, end: int) -> list[Placed]:
    """The placed figures starting in [begin, end)."""
    return placed[bisect.bisect_left(placed.starts, begin):bisect.bisect_left(placed.starts, end)]


def _sentence_of(placed: _Indexed, figure: Placed) -> list[Placed]:
    """The placed figures of ``figure``'s sentence."""
    sentences = placed.sentences
    return placed[bisect.bisect_left(sentences, figure.sentence):bisect.bisect_right(sentences, figure.sentence)]


def _agrees(share: Placed, part: Placed, base: float) -> bool:
    quotient = part.value / base * 100
    scale = 10 ** _decimals(share.figure.text)
    return (abs(share.value - _round(quotient, scale)) < 0.5 / scale
            or abs(share.value - math.floor(quotient * scale + 1e-9) / scale) < 0.5 / scale)


def _compare(share: Placed, part: Placed, base: Placed, where: str, approximate: bool = False) -> Check | None:
    """The check for ``share`` = ``part`` ÷ ``base``, or None when it agrees."""
    if base.value <= 0 or part.value > base.value:
        return None
    approximate = approximate or is_rough_rate(share.figure)  # 约82%: a point of slack
    quotient = part.value / base.value * 100
    decimals = _decimals(share.figure.text)
    scale = 10 ** decimals
    rounded = _round(quotient, scale)
    gap = abs(share.value - quotient)
    if gap > MAX_PLAUSIBLE_GAP or abs(share.value - rounded) < 0.5 / scale:
        return None
    if approximate and gap <= approximate_slack(share.figure):
        return None
    shown = f"{part.figure.text}÷{base.figure.text}={quotient:.{decimals + 2}f}%"
    based = f"(基数为{where}所述{base.figure.text})"
    truncated = math.floor(quotient * scale + 1e-9) / scale
    if not approximate and abs(share.value - truncated) < 0.5 / scale:
        severity, how = "warning", "truncation"
        message = f"{shown},四舍五入应为{rounded:.{decimals}f}%,所述{share.figure.text}是截断而非四舍五入{based}"
    else:
        severity, how = "error", "mismatch"
        message = f"{shown},应为{rounded:.{decimals}f}%,与所述{share.figure.text}不符{based}"
    sections = sorted({p.figure.section for p in (base, part, share) if p.figure.section is not None})
    return Check(kind="rate_mismatch", severity=severity, message=message,
                 figures=[base.id, part.id, share.id], sections=sections,
                 detail={"expected": rounded, "actual": share.value, "difference": round(share.value - quotient, 6),
                         "quotient": round(quotient, 6), "decimals": decimals, "difference_kind": how,
                         "base": base.id})


def _part_rates(text: str, placed: Sequence[Placed], figures: Sequence[Figure],
                totals_of: Mapping[int, list[Placed]]) -> list[Check]:
    """``审结142件,其中纠错(含变更)33件,纠错率约20.9%``: a rate of a part over its own total."""
    checks = []
    by_end = sorted(placed, key=lambda p: p.end)
    ends = [p.end for p in by_end]
    for figure in figures:
        if figure.kind != "percent" or figure.unit != "%" or not isinstance(figure.value, (int, float)):
            continue
        at = bisect.bisect_right(ends, figure.start)
        if not at:
            continue
        part = by_end[at - 1]
        between = text[part.end:figure.start]
        label = RATE_LABEL.search(between.lstrip(","))
        if not label or any(c in between for c in SENTENCE_END + ";") or part.key[0] != "count":
            continue
        totals = [t for t in totals_of.get(part.id, []) if t.key == part.key and t.sentence == part.sentence]
        if len(totals) != 1 or label.start() != 0:
            continue
        stem = label.group("stem")
        if stem not in _label_without_brackets(text, part):
            continue
        share = Placed(figure=figure, value=float(figure.value), key=("percent", "%"), sentence=part.sentence,
                       in_parens=False, precision=0.0)
        approximate = bool(figure.qualifier) or "约" in figure.text or "约" in between
        check = _compare(share, part, totals[0], "本句", approximate)
        if check is not None:
            checks.append(check)
    return checks


_WORD_STOPS = ",、;。!?\n:"
_UP_TO_LAST_WORD_STOP = re.compile(f".*[{re.escape(_WORD_STOPS)}]", re.S)


def _label_without_brackets(text: str, figure: Placed) -> str:
    """The words before ``figure`` back to the previous separator, bracketed asides left out."""
    floor = max(0, figure.start - 60)
    stretch = text[floor:figure.start]
    if ")" not in stretch and "〕" not in stretch and "]" not in stretch:
        # no aside closes before the figure (most labels): the words after the last separator,
        # found in C, not walked back character by character
        last_stop = _UP_TO_LAST_WORD_STOP.match(stretch)
        return stretch[last_stop.end():] if last_stop else stretch
    words: list[str] = []
    i, depth = figure.start, 0
    while i > 0 and figure.start - i < 60:
        ch = text[i - 1]
        if ch in ")〕]":
            depth += 1
        elif ch in "(〔[" and depth:
            depth -= 1
        elif not depth:
            if ch in _WORD_STOPS:
                break
            words.append(ch)
        i -= 1
    return "".join(reversed(words))


def _round(value: float, scale: int) -> float:
    return math.floor(value * scale + 0.5 + 1e-9) / scale


def _decimals(text: str) -> int:
    match = re.search(r"\d+(?:\.(\d+))?", text)
    return len(match.group(1) or "") if match else 0
