"""Section outline by the heading layers of GB/T 9704-2012 §7.3.3.

Layers: ``一、`` (level 1), ``(一)`` (level 2), ``1.`` / ``1、`` / ``⒈`` (level 3), ``(1)`` / ``⑴``
(level 4); ``第一章`` / ``第一节`` / ``第一部分`` sit above them when a report uses them.

A heading is a numbering marker at the start of a line, or one glued by a bad copy right after
the end of a sentence.  Markers are accepted by sequence: the first item of a level (一, 1) or
the continuation of that level's numbering.  That rejects most false positives (a ``(2)`` inside
a sentence, a list after a colon) without a list of exceptions.  Line-start markers that skip or
repeat a number are still kept (with a lower confidence) so the outline checks can report them.

A few more general rules, each pinned by a test: a marker glued with no punctuation at all is
taken only when it fills a gap before its next sibling; a first child glued to its parent
heading's line (``三、…校园（一）加强…``) is a heading when its next sibling heads a line, and so
are siblings glued one after another behind a line's own heading (``(一)…。(二)…。(三)…``); a
heading that runs into its body with no punctuation, or is set off from it only by a space, is
cut at the heading phrase; a heading broken across lines is joined; a numbered
list introduced by a colon that restarts a level's numbering is body text; numbered lines after
the signing date (related links, footers) are not part of the outline.

Detection reads ``document.analysis_text`` (Simplified); titles and spans come from
``document.text``, which has the same length.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from reviewer.analysis.contents import contents_spans
from reviewer.analysis.heading_markers import (
    CN_NUM,
    ENUMERATED_NUMERALS,
    LOOKBACK,
    MARKERS,
    SPACE,
    SPACE_CHARS,
    TITLE_SCAN,
    TITLE_STOP,
    numeral_value,
)
from reviewer.analysis.heading_titles import (
    _run_on_cut,
    _starts_with_marker,
    _title_on_next_line,
    _title_span,
    _trimmed_end,
)
from reviewer.model import Document, Section


@dataclass
class Candidate:
    """A numbering marker that may open a heading."""

    start: int  # marker start
    body: int  # first character after the marker
    level: int  # GB/T layer, or -1/0 for chapter/节
    style: str
    number: str
    value: int
    at_line_start: bool
    loose: bool = False  # neither at a line start nor after a sentence end: only fills a gap


def _line_start(text: str, pos: int) -> int:
    floor = max(0, pos - LOOKBACK)
    newline = text.rfind("\n", floor, pos)
    return newline + 1 if newline != -1 or floor == 0 else floor


def _is_line_start(text: str, pos: int) -> bool:
    if pos == 0 or text[pos - 1] == "\n":
        return True  # (the usual answers, read from the character before)
    if text[pos - 1] not in SPACE_CHARS:
        return False
    start = _line_start(text, pos)
    if start > 0 and text[start - 1] != "\n":
        return False  # no line start within reach
    return not text[start:pos].strip(SPACE_CHARS)  # (only SPACE between them)


def _after_sentence_end(text: str, pos: int) -> bool:
    """True when ``pos`` follows a sentence end on the same line (a heading glued by a bad copy)."""
    back = pos
    while back > 0 and text[back - 1] in SPACE_CHARS:
        back -= 1
    if back > 0 and text[back - 1] in "”’\"":
        back -= 1
    return back > 0 and text[back - 1] in "。!?！？"


# Most marker patterns open with a character class, which the regex engine tests at every
# character of the text (a literal it finds ~10 times faster): the patterns of these styles are
# tried only at the offsets _starts gives, each list found by one scan for several patterns.
# - "heads": markers taken only at a line start or right after a sentence end (level 3 is never
#   loose; ``1)`` and the spaced and comma styles need a line start: see _candidates);
# - "openers": markers that open with a bracket or are a circled number, read from one scan.
_TRIED_AT = {"1.": "heads", "一 ": "heads", "1 ": "heads", "一，": "heads", "1)": "heads",
             "(一)": "openers", "(1)": "openers", "⒈": "openers", "⑴": "openers"}
# A line start or a sentence end (the quote and spaces _after_sentence_end steps over) before a
# numeral: where a marker of the "heads" styles may begin.
_HEAD = re.compile(f"[\n。!?！？][”’\"]?{SPACE}*(?=[0-9０-９{CN_NUM}])")
_FIRST_HEAD = re.compile(f"{SPACE}*(?=[0-9０-９{CN_NUM}])")
# The first characters of the (一), (1), ⒈ and ⑴ markers.
_OPENER = re.compile("[(（\u2474-\u249b]")


def _starts(text: str) -> dict[str, list[int]]:
    """For each kind of ``_TRIED_AT``, every offset where a marker of its styles may begin (a
    superset: _candidates still checks each one).  No match of those patterns holds a line
    break, a sentence end or a second opener, so a match at one of these offsets never overlaps
    one elsewhere that a scan of the whole text would have found first."""
    first = _FIRST_HEAD.match(text)  # (the first line has no line break before it)
    heads = ([first.end()] if first else []) + [match.end() for match in _HEAD.finditer(text)]
    return {"heads": heads, "openers": [match.start() for match in _OPENER.finditer(text)]}


def _marker_matches(pattern: re.Pattern[str], style: str, text: str, starts: dict[str, list[int]]
                    ) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, tried only at the offsets ``starts`` has for its style."""
    kind = _TRIED_AT.get(style)
    if kind is None:
        return pattern.finditer(text)
    return (match for match in map(pattern.match, itertools.repeat(text), starts[kind]) if match)


def _candidates(text: str, shown: str) -> list[Candidate]:
    """Markers found in ``text`` (the analysis form); ``shown`` gives the style as written."""
    found: list[Candidate] = []
    starts = _starts(text)
    for pattern, level, style in MARKERS:
        for match in _marker_matches(pattern, style, text, starts):
            pos = match.start()
            if pos > 0 and (text[pos - 1].isdigit() or text[pos - 1] in CN_NUM + "第"):
                continue
            at_start = _is_line_start(text, pos)
            if style in ("一 ", "1 ", "一，") and not (at_start and _spaced_title(text, match.end())):
                continue
            loose = not at_start and not _after_sentence_end(text, pos)
            if loose and (level not in (1, 2, 4) or style == "1)" or _inside_quote(text, pos)):
                continue
            if not at_start and _enumerated_before(pattern, text, pos):
                continue  # "措施:1、建台账。2、定期通报": an enumeration inside the paragraph
            number, value = numeral_value(match.group("n"))
            if value is None or value == 0:
                continue
            body = match.end()
            if style == "1)" and not at_start:
                continue
            if not text[body:body + 2].strip() or text[body] == "\n":
                body = _title_on_next_line(text, body) if at_start else -1
                if body < 0:
                    continue  # a marker with nothing after it is not a heading
            if ENUMERATED_NUMERALS.match(text, body):
                continue  # "1、2月份", "一、二季度": numerals listed in a sentence
            written = _written_style(shown, match, style)
            found.append(Candidate(pos, body, level, written, number, value, at_start, loose))
    found.sort(key=lambda c: (c.start, -(c.body - c.start)))
    unique: list[Candidate] = []
    for cand in found:
        if unique and cand.start < unique[-1].body:
            continue
        unique.append(cand)
    return unique


def _spaced_title(text: str, body: int) -> bool:
    """A numeral followed by spaces heads a section only before a short title line: no digits
    (a table row: ``1 行政许可 45件``) and no sentence end before its last character."""
    end = text.find("\n", body)
    line = text[body:len(text) if end == -1 else end].strip()
    return 0 < len(line) <= 30 and not re.search(r"[0-9０-９]", line) and not TITLE_STOP.search(line[:-1])


def _written_style(shown: str, match: re.Match[str], style: str) -> str:
    """The marker as written (from the shown text) with its numeral made the first one:
    ``（三）`` → ``（一）``, ``12、`` → ``1、``, ``第二部分`` → ``第一部分``."""
    raw = shown[match.start("n"):match.end("n")]
    if raw[0] in CN_NUM:
        first = "一"
    elif raw[0] in "0123456789":
        first = "1"
    elif raw[0] in "０１２３４５６７８９":
        first = "１"
    else:
        return style  # ⑴, ⒈: the style name is the character itself
    marker = shown[match.start():match.end()]
    start, end = match.start("n") - match.start(), match.end("n") - match.start()
    return _SPACE.sub("", marker[:start] + first + marker[end:]) or style


_SPACE = re.compile(SPACE)


LIST_GAP = 300  # at most this far from one list item to the next


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos, pos + TITLE_SCAN)
    return pos + TITLE_SCAN if end == -1 else end


def _after_colon_line(text: str, pos: int) -> bool:
    """True when the previous non-empty line is body text ending with a colon (a list intro)."""
    start = _line_start(text, pos)
    back = start - 1
    while back > 0 and text[back - 1] in "\n \t\u00a0\u2002\u2003\u3000" and start - back < 20:
        back -= 1
    if back <= 0 or text[back - 1] not in ":：":
        return False
    line = text[_line_start(text, back):back]
    return not _starts_with_marker(line.lstrip(), 0)  # a heading ending in a colon is no intro


def _enumerated_before(pattern: re.Pattern[str], text: str, pos: int) -> bool:
    """True when the same kind of marker already occurs inside this paragraph before ``pos``
    (not counting the paragraph's own heading marker at the line start).

    Siblings glued one after another behind the line's own heading, each after a sentence end
    and each the next number (``(一)…。(二)…。(三)…``), are headings copied onto one line, not
    an enumeration."""
    start = _line_start(text, pos)
    matches = list(pattern.finditer(text, start, pos))
    if all(_is_line_start(text, m.start()) for m in matches):
        return False
    if not _is_line_start(text, matches[0].start()):
        return True
    values = [numeral_value(m.group("n"))[1] for m in matches]
    chained = values[0] is not None and values == list(range(values[0], values[0] + len(values)))
    return not (chained and all(_after_sentence_end(text, m.start()) for m in matches[1:]))


def _inside_quote(text: str, pos: int) -> bool:
    """True inside 《》 or “” on the marker's line (a cited title, a quoted phrase)."""
    before = text[_line_start(text, pos):pos]
    return before.count("《") > before.count("》") or before.count("“") > before.count("”")


def _fills_gap(cand: Candidate, line_heads: dict[int, tuple[list[int], list[Candidate]]]) -> bool:
    """True when the next line-start heading of the marker's level or above is its own next
    sibling (``…公开(六)依法…`` before ``(七)``): what a marker glued without punctuation, or a
    first child glued to its parent's line, needs to be a heading."""
    starts, heads = line_heads.get(cand.level, ([], []))
    at = bisect.bisect_right(starts, cand.start)
    if at == len(heads):
        return False
    later = heads[at]
    return later.level == cand.level and later.value == cand.value + 1


def _line_heads(candidates: list[Candidate]) -> dict[int, tuple[list[int], list[Candidate]]]:
    """For each level, the line-start candidates at that level or above, in order."""
    out: dict[int, tuple[list[int], list[Candidate]]] = {}
    for level in {c.level for c in candidates if not c.at_line_start}:
        heads = [c for c in candidates if c.at_line_start and c.level <= level]
        out[level] = ([c.start for c in heads], heads)
    return out


SIGNING_DATE = re.compile(
    f"{SPACE}*(?:(?:19|20)[0-9]{{2}}|[〇零一二三四五六七八九]{{4}}){SPACE}*年{SPACE}*[0-9一二三四五六七八九十]{{1,3}}"
    f"{SPACE}*月{SPACE}*[0-9一二三四五六七八九十]{{1,3}}{SPACE}*日{SPACE}*")


_ENDS_WITH_DAY = re.compile(f"日{SPACE}*$", re.M)
_LINE = re.compile(".*")


def _after_signature_dropped(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """Numbered lines after the report's signing date (related links, page footers) are not
    its outline, unless a new document starts there with its own ``一、``."""
    line_starts = [c for c in candidates if c.at_line_start]
    if not line_starts:
        return candidates
    restarts = [c.start for c in line_starts if c.level <= 1 and c.value == 1]
    dropped: list[tuple[int, int]] = []  # [from, to) ranges whose candidates are dropped
    resume = line_starts[0].start
    # (only a line that ends in 日 can be a signing date: those lines alone are read)
    for day in _ENDS_WITH_DAY.finditer(text):
        line_start = text.rfind("\n", 0, day.start()) + 1
        match = _LINE.match(text, line_start)
        if match.start() < resume or not SIGNING_DATE.fullmatch(match.group(0)):
            continue
        at = bisect.bisect_left(restarts, match.end())
        until = restarts[at] if at < len(restarts) else len(text) + 1
        dropped.append((match.end(), until))
        resume = until
    if not dropped:
        return candidates
    froms = [a for a, _ in dropped]

    def kept(cand: Candidate) -> bool:
        at = bisect.bisect_right(froms, cand.start) - 1
        return at < 0 or cand.start >= dropped[at][1]

    return [c for c in candidates if kept(c)]


ANNEX_LINE = re.compile(f"(?m)^{SPACE}*附\\s*件{SPACE}*[:：]?{SPACE}*$")


def _annex_list_dropped(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """A numbered list under a line that only says ``附件：`` names the attachments, not sections:
    its lines are dropped up to the first line that is not one of its items."""
    annexes = [m.end() for m in ANNEX_LINE.finditer(text)]
    if not annexes:
        return candidates
    dropped: set[int] = set()
    for at in annexes:
        expected = 1
        for cand in candidates:
            if cand.start < at:
                continue
            between = text[at:cand.start]
            if not cand.at_line_start or cand.value != expected or between.strip():
                break  # the list ends at the first line that is not its next item
            dropped.add(cand.start)
            expected += 1
            line_end = text.find("\n", cand.start)
            at = len(text) if line_end == -1 else line_end
    return [c for c in candidates if c.start not in dropped]


# A heading line that opens like a sentence (a year, a preposition, a quoted term) is a whole
# sentence: its title runs to the first 。, never cut at a heading phrase.
SENTENCE_OPENING = re.compile(r"(?:19|20)\d{2}\s*年度?(?:我|全|本|共)|在[^,，。]{0,20}?之日起|对于|按照|根据|依据|“[^”]{1,12}”的")


def _contents_dropped(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """Markers inside a table of contents (目录) are not headings."""
    spans = contents_spans(text)
    return [c for c in candidates if not any(a <= c.start < b for a, b in spans)]


def _parts_dropped(candidates: list[Candidate]) -> list[Candidate]:
    """``第一部分`` is not a GB/T 9704 layer: where the report numbers its main parts ``一、``
    under it, the parts are groupings, not sections (where it does not, they stand for ``一、``)."""
    if not any(c.level == 1 and c.at_line_start for c in candidates):
        return candidates
    return [c for c in candidates if not (c.level == -1 and "部分" in c.style)]


def _first_lost(text: str, candidates: list[Candidate], cand: Candidate, last: dict[int, int]) -> bool:
    """True for a first ``二、`` heading a line whose own ``(一)`` (or a ``三、``) follows, after a
    body that opens with an unnumbered heading line: the report's first heading lost its number
    (a numbering gap the checks report).  An excerpt that simply starts at ``二、`` is not one."""
    if cand.level != 1 or cand.value != 2 or not cand.at_line_start or last:
        return False
    after = [c for c in candidates if c.start > cand.start and c.at_line_start and c.level <= 2]
    next_top = next((c for c in after if c.level == 1), None)
    child_first = bool(after) and (after[0].level, after[0].value) == (2, 1)
    if not child_first and (next_top is None or next_top.value != 3):
        return False  # neither its own (一) nor a 三、 after it
    lines = [line.strip() for line in text[:cand.start].split("\n") if line.strip()]
    return any(UNNUMBERED_HEADING.fullmatch(line) and len(below) > len(line) and re.search("[。,，]", below)
               for line, below in zip(lines[1:], lines[2:]))


def _children_of_lost(text: str, cand: Candidate, last: dict[int, int],
                      accepted: list[tuple[Candidate, float]]) -> bool:
    """True for a first ``二、`` after a run of ``(一)(二)…`` whose parent line has no number: an
    unnumbered heading line right above the ``(一)``, below a line that ends a sentence or a
    colon (``报告如下:`` / ``工作举措及成效`` / ``(一)…``): the ``一、`` of that parent was lost."""
    if cand.level != 1 or cand.value != 2 or not cand.at_line_start or not accepted or 1 in last:
        return False
    first = accepted[0][0]
    if first.level != 2 or first.value != 1 or not first.at_line_start:
        return False
    lines = text[:first.start].rstrip("\n").split("\n")
    if len(lines) < 2:
        return False
    heading, above = lines[-1].strip(), lines[-2].strip()
    return bool(UNNUMBERED_HEADING.fullmatch(heading)) and above.endswith((":", "：", "。"))


UNNUMBERED_HEADING = re.compile(r"[\u4e00-\u9fff]{2,20}(?<!报告)(?<!总结)(?<!年报)")


def find_sections(document: Document) -> list[Section]:
    """The heading hierarchy in document order (see the module docstring for the rules)."""
    text, analysis = document.text, document.analysis_text
    if len(analysis) != len(text):
        analysis = text
    candidates = _annex_list_dropped(analysis, _after_signature_dropped(analysis, _candidates(analysis, text)))
    candidates = _parts_dropped(_contents_dropped(analysis, candidates))
    has_chapter = any(c.level == -1 for c in candidates if c.at_line_start and c.value == 1)
    has_jie = any(c.level == 0 for c in candidates if c.at_line_start and c.value == 1)

    last: dict[int, int] = {}  # level → last accepted number in the current run
    higher_since: dict[int, bool] = {}  # level → a higher heading came after its last one
    accepted: list[tuple[Candidate, float]] = []
    line_heads = _line_heads(candidates)
    listed: tuple[int, int, int] | None = None  # a numbered list: (level, last value, its end)
    for cand in candidates:
        level = cand.level
        if level <= 0 and not cand.at_line_start:
            continue
        if cand.loose and not _fills_gap(cand, line_heads):
            continue
        if level == -1 and not has_chapter or level == 0 and not has_jie:
            continue
        previous = last.get(level)
        if listed and cand.at_line_start and level == listed[0] and cand.value == listed[1] + 1 \
                and cand.start - listed[2] <= LIST_GAP:
            listed = (level, cand.value, _line_end(analysis, cand.start))
            continue
        listed = None
        if cand.at_line_start and cand.value == 1 and level >= 3 and previous is not None \
                and not higher_since.get(level) and _after_colon_line(analysis, cand.start):
            # "主要做法:" then 1. 2. 3. restarting a number already used under this parent:
            # a list in the body, not headings (and no false "repeated number" check).
            listed = (level, 1, _line_end(analysis, cand.start))
            continue
        if not cand.at_line_start:
            # Glued to a sentence end: only the next number of a sibling under the same parent,
            # or the first child glued to its parent heading's line (``三、…（一）加强…``) when
            # its next sibling heads a line of its own.
            parent = accepted[-1][0] if accepted else None
            first_child = cand.value == 1 and parent is not None and parent.level == level - 1 \
                and "\n" not in analysis[parent.start:cand.start] and _fills_gap(cand, line_heads)
            if not first_child and (previous is None or cand.value != previous + 1
                                    or higher_since.get(level)):
                continue
            confidence = 0.4 if cand.loose else 0.6
        elif cand.value == 1 or previous is not None and cand.value == previous + 1:
            confidence = 0.95
        elif previous is not None and previous <= cand.value <= previous + 3:
            confidence = 0.5  # a skipped or repeated number: kept so the checks can report it
        elif previous is not None and cand.value < previous and higher_since.get(level) \
                and cand.value <= 3:
            confidence = 0.5  # a new run under a new parent whose first heading was lost
        elif _first_lost(analysis, candidates, cand, last) or _children_of_lost(analysis, cand, last, accepted):
            confidence = 0.5  # ``二、`` opens the report: ``一、`` lost its number
        else:
            continue
        last[level] = cand.value
        higher_since[level] = False
        # A run of level L restarts under a new heading two or more levels up; level-3
        # numbering running on across level-2 sections is normal.
        for other in list(last):
            if other > level:
                higher_since[other] = True
            if other > level + 1:
                del last[other]
        accepted.append((cand, confidence))

    offset = (1 if has_chapter else 0) + (1 if has_jie else 0)
    if offset and not any(c.level == 1 for c, _ in accepted):
        offset -= 1  # ``第一部分`` then ``(一)``: the part stands where ``一、`` would
    sections: list[Section] = []
    for index, (cand, confidence) in enumerate(accepted):
        if cand.level == -1:
            level = 1
        elif cand.level == 0:
            level = 2 if has_chapter else 1
        else:
            level = cand.level + offset
        t_start, t_end, title = _title_span(text, analysis, cand.body)
        if index + 1 < len(accepted) and t_start < accepted[index + 1][0].start < t_end:
            # the next heading glued into this one's line ends its title
            t_end = _trimmed_end(text, t_start, accepted[index + 1][0].start)
            title = re.sub(r"\s+", "", text[t_start:t_end])
        cut = _run_on_cut(analysis, t_start, t_end)
        if cut is not None and SENTENCE_OPENING.match(analysis, t_start):
            cut = None  # "2020年度我局…", "在…之日起…", "“申请数量”的…": a sentence, not a phrase
        if cut is not None:
            t_end = cut
            title = re.sub(r"\s+", "", text[t_start:t_end])
            confidence = min(confidence, 0.6)
        if not title:
            continue
        sections.append(Section(id=0, parent=None, level=level, number=cand.number, title=title,
                                start=cand.start, end=len(text), heading_start=cand.start,
                                heading_end=t_end, confidence=confidence, style=cand.style))
    _link(sections, len(text))
    return sections


def _link(sections: list[Section], text_length: int) -> None:
    """Ids, parents and body ends, from document order and levels."""
    stack: list[Section] = []
    for number, section in enumerate(sections, start=1):
        section.id = number
        while stack and stack[-1].level >= section.level:
            stack.pop()
        section.parent = stack[-1].id if stack else None
        stack.append(section)
    open_sections: list[Section] = []
    for section in sections:
        while open_sections and open_sections[-1].level >= section.level:
            open_sections.pop().end = section.start
        open_sections.append(section)
    for section in open_sections:
        section.end = text_length
