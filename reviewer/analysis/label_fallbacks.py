"""Labels for figures the phrase finder leaves unnamed or names with the wrong words, in shapes
real reports use:

- a figure that fills a table cell takes the cell's row and column headers (``tables``);
- the second end of a date range takes the first end's label (统计期限自1月1日起至12月31日止);
- a share named only by its 占 phrase (``133件,占受理案件数比例最高,达81.60%`` → 占受理案件数比例);
- a count whose name stands before a bracketed aside (``其中纠错(含变更、责令履行)33件`` → 纠错);
- pinyin glosses a converter inserted (``審(shěn)批``) are dropped from a label, and a label cut
  at a gloss takes back the words before it (``環(huán)節(jié)精簡`` → 環節精簡).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from reviewer.analysis import tables
from reviewer.model import Figure

RANGE_BETWEEN = re.compile(r"^[ \t]*起?[ \t]*(?:至|到|—|-|~|～)[ \t]*$")
SHARE_PHRASE = re.compile(r"占[^,，;；。\d%]{1,14}?(?:比例|比重|比)")
LEAD_WORDS = re.compile(r"^(?:其中|另有|包括|含)")
STOPS = ",，、;；。:：!?！？\n"
GLOSS = re.compile(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê]{1,6}[)）]")
GLOSSED_BEFORE = re.compile(r"[\u4e00-\u9fff][(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê]{1,6}[)）]$")


def label_table_cells(a: str, figures: list[Figure]) -> None:
    """A figure that fills a table cell is named by the cell's row and column headers."""
    labels = tables.cell_labels(a)
    if not labels:
        return
    by_start = {start: (end, *named) for (start, end), named in labels.items()}
    for f in figures:
        cell = by_start.get(f.start)
        if cell is None or f.end > cell[0]:
            continue
        end, label, row_head = cell
        # nothing, a row header that names a measure (数量, 占比) or a run of cells (0 | 0 |): the
        # headers name it better; a row name or a key cell before it (发文日期 | …) already does
        own = re.sub(r"\s+", "", f.label or "")
        if not own or tables.BAR.search(own) or tables.NUMERIC_CELL.match(own) or own == row_head and (
                tables.GENERIC.match(own) or tables.MEASURE.search(own)):
            f.label, f.label_start, f.label_end = label, None, None


# "其中縣直部門、鄉鎮(街道)、其他執法單位分別為251名、142名、37名": names, then figures in order
RESPECTIVELY = re.compile(r"(?:其中|包括)?[,，:：]?\s*(?P<names>[^,，;；。:：\n]{2,60}?)"
                          r"(?:分[别別](?:[为為是有]|达到?|達到?)?|依次[为為是])[:：]?\s*$")


# The words RESPECTIVELY cannot match without: a figure with none of them in the 70 characters
# before it opens no 分别为 list, so only the figures after one of them are looked at.
_RESPECTIVELY_WORDS = ("分别", "分別", "依次")


def _label_respectively(text: str, figures: list[Figure]) -> None:
    """Each figure of a 分别为 list takes the name in the same place of the list of names before
    it, when there are as many names as figures (separated by 、 only)."""
    starts: list[int] = []
    candidates: set[int] = set()  # indexes of the figures 2 to 70 characters after 分别 or 依次
    for at in _occurrences(text, _RESPECTIVELY_WORDS):  # (a few per report, if any: not per figure)
        starts = starts or [f.start for f in figures]
        candidates.update(range(bisect.bisect_left(starts, at + 2), bisect.bisect_right(starts, at + 70)))
    count = len(figures)
    for n in sorted(candidates):
        if n > 0 and _joined_to_previous(text, figures[n - 1], figures[n]):
            continue  # a figure inside a run: the run's first figure ends the list of names
        f = figures[n]
        # the run of figures joined by 、 from f on: figures[n:after] (indexes, no list per figure)
        after = n + 1
        while after < count and _joined_to_previous(text, figures[after - 1], figures[after]):
            after += 1
        if _ends_respectively(text, f.start):
            match = RESPECTIVELY.search(text, max(0, f.start - 70), f.start)
            names = re.split(r"[、和及与]", match.group("names")) if match and match.end() == f.start else []
            run = figures[n:after]
            if len(names) >= 2 and len(names) == len(run) and all(2 <= len(name.strip()) <= 16 for name in names):
                for figure, name in zip(run, names):
                    _set(figure, LEAD_WORDS.sub("", name.strip()))


def _occurrences(text: str, words: tuple[str, ...]) -> Iterator[int]:
    """Where each of ``words`` starts in ``text`` (by ``str.find``: a third of a regex scan's time)."""
    for word in words:
        at = text.find(word)
        while at >= 0:
            yield at
            at = text.find(word, at + 1)


def _joined_to_previous(text: str, previous: Figure, f: Figure) -> bool:
    """Whether one 、 alone stands between ``previous`` and ``f`` (both figures of one list)."""
    return f.start == previous.end + 1 and text[previous.end] == "、"


def _ends_respectively(text: str, end: int) -> bool:
    """Whether ``text`` may end a 分别为 / 依次为 list at ``end`` (the verb, a colon, blanks): a
    test of a few characters that spares ``RESPECTIVELY``'s search of the 70 before most figures."""
    last = text[end - 1] if end > 0 else ""
    if last and not last.isspace():  # (the usual case: the 70 characters need no copy)
        stop = end - 1 if last in (":", "：") else end
        tail = text[max(0, stop - 4):stop]
        return "分" in tail or "依" in tail
    tail = text[max(0, end - 70):end].rstrip()
    if tail[-1:] in (":", "："):
        tail = tail[:-1]
    return "分" in tail[-4:] or "依" in tail[-4:]


def apply_fallbacks(text: str, figures: list[Figure]) -> None:
    """Fill in or correct the labels of ``figures`` (in document order) in place."""
    _label_respectively(text, figures)
    previous: Figure | None = None
    for f in figures:
        if (f.kind == "date" and previous is not None and previous.kind == "date" and previous.label
                and RANGE_BETWEEN.match(text[previous.end:f.start])):
            _set(f, previous.label)
        elif f.label is None and f.kind == "percent":
            floor = max(previous.end if previous else 0, f.start - 30)
            clause = text[floor:f.start]
            matches = list(SHARE_PHRASE.finditer(clause))
            if matches and not any(c in clause[matches[-1].end():] for c in ";；。"):
                _set(f, matches[-1].group())
        elif f.label is None and f.start > 0 and text[f.start - 1] in ")）":
            words = _before_brackets(text, f.start, previous.end if previous else 0)
            if len(words) >= 2:
                _set(f, words)
        elif f.label in _ADVERB_ONLY:
            after = _clause_after(text, f.end)  # 仍有19个未配备专职人员: the predicate names them
            if len(after) >= 2:
                _set(f, after)
        if f.start > 0 and text[f.start - 1] in "\"”」":
            quoted = _quoted_before(text, f.start - 1)  # 培育“法律明白人”52名: the quoted noun
            if quoted and quoted not in (f.label or ""):
                _set(f, quoted)
        _drop_glosses(text, f)
        previous = f


# A label that is only an adverb says nothing of what is counted (仍有19个…, 还有3家…).
_ADVERB_ONLY = frozenset("仍 还 尚 仍然 依然 另 另有 仍有 还有 尚有".split())
_QUOTE_OPEN = {"\"": "\"", "”": "“", "」": "「"}


def _clause_after(text: str, end: int) -> str:
    """The words after a figure up to the next stop, at most 16 characters."""
    stop = end
    while stop < len(text) and stop - end < 16 and text[stop] not in STOPS:
        stop += 1
    return text[end:stop].strip() if stop - end < 16 else ""


def _quoted_before(text: str, close: int) -> str:
    """The phrase in the quotes that close at ``close`` (2 to 12 characters), else ''."""
    opening = _QUOTE_OPEN[text[close]]
    start = text.rfind(opening, max(0, close - 13), close)
    inner = text[start + 1:close] if start >= 0 else ""
    return inner if 2 <= len(inner) <= 12 and not any(c in STOPS for c in inner) else ""


def _drop_glosses(text: str, f: Figure) -> None:
    """A label without the pinyin glosses in it, extended back over glossed words it was cut at."""
    if not f.label:
        return
    start = f.label_start
    if start is not None and f.label_end is not None and text[start - 1:start] in (")", "）", "\n"):
        # (only a label after a closing bracket, or a line break after one, can have a gloss before it)
        while glossed := _glossed_before(text, start):
            start -= len(glossed.group())
        if start != f.label_start:
            f.label, f.label_start = text[start:f.label_end], start
    if ("(" in f.label or "（" in f.label) and GLOSS.search(f.label):
        f.label = GLOSS.sub("", f.label)


def _glossed_before(text: str, start: int) -> re.Match[str] | None:
    """``GLOSSED_BEFORE`` in the 9 characters before ``start``; searched only when they end in
    a closing bracket (or one and a line break, where ``$`` also matches)."""
    before = text[max(0, start - 9):start]
    if before[-1:] not in (")", "）") and before[-2:] not in (")\n", "）\n"):
        return None
    return GLOSSED_BEFORE.search(before)


def _before_brackets(text: str, end: int, floor: int) -> str:
    """The words before a bracketed aside that ends at ``end``, back to the previous stop."""
    depth, i = 0, end
    while i > floor:
        ch = text[i - 1]
        if ch in ")）":
            depth += 1
        elif ch in "(（":
            depth -= 1
            if depth == 0:
                break
        i -= 1
    if depth:
        return ""
    start = i - 1
    while start > floor and text[start - 1] not in STOPS and i - start < 20:
        start -= 1
    return LEAD_WORDS.sub("", text[start:i - 1].strip())


def _set(f: Figure, label: str) -> None:
    f.label, f.label_start, f.label_end = label, None, None
