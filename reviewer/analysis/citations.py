"""Cited titles in 《》 and document numbers (发文字号 such as ``国办发〔2018〕118号``).

Every occurrence counts, in document order: a reviewer checks each cited law or plan against
its real title.  A title nested in another (``《湖南省贯彻落实<纲要>实施方案》``) stays one
citation; a ``《`` left open by a bad copy is cut at the end of its line.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from reviewer.model import Citation, Document

OPEN, CLOSE = "《", "》"
# An unclosed title ends at the end of its line or at a sentence end.
UNCLOSED_STOP = "\n。;；!！?？"
# No real title is longer; the bound keeps the scan linear on a line full of 《.
TITLE_SCAN = 300

# A pinyin gloss a converter put after a character (內黨發(fā)〔2021〕9號): part of the number.
GLOSS = r"(?:[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê]{1,6}[)）])?"
# 〔2019〕 and its look-alikes; the agency prefix before it is a run of CJK characters.
DOC_NUMBER = re.compile(
    r"(?P<prefix>(?:[\u4e00-\u9fff]" + GLOSS + r"){1,12})"
    r"[〔\[【(（]\s*(?P<year>(?:19|20)\d{2})\s*[〕\]】)）]\s*第?\s*(?P<serial>\d{1,5})\s*号")
# A decree number (令号): 国务院令第711号, 省政府第3号令.
DECREE_NUMBER = re.compile(
    r"(?P<prefix>[\u4e00-\u9fff]{2,12}?)(?:令\s*第\s*\d{1,4}\s*[号號]|第\s*\d{1,4}\s*[号號]令)")
# Words that end the running text before a document number's agency prefix
# (``印发了津政办发〔2019〕16号`` → ``津政办发〔2019〕16号``).  A candidate counts only where jieba
# makes it a word of its own, so the 和 of 和平区 stays part of the prefix.
PREFIX_BREAKERS = frozenset({"印发", "根据", "依据", "按照", "参照", "转发", "执行", "落实", "通过",
                             "以及", "关于", "通知", "文件", "要求", "精神", "和", "及", "与", "的",
                             "了", "是", "为", "即", "见", "据", "按", "经", "在", "贯彻", "遵照",
                             "对照", "结合"})
BREAKER_CHARS = re.compile("[印根依按参转执落通以关知文要精和及与的了是为即见据经在贯遵对结]")

def find_citations(document: Document) -> list[Citation]:
    """Titles and document numbers, in document order, with spans into ``document.text``."""
    text, analysis = document.text, document.analysis_text
    if len(analysis) != len(text):
        analysis = text
    titles = _titles(text, analysis)
    numbers = _doc_numbers(text, analysis) + _decree_numbers(text, analysis)
    # a number inside a cited title (《…关于承接黑政规〔2017〕34号的通知》) is part of that title
    starts, reach = _title_reach(titles)
    numbers = [n for n in numbers if not _inside_a_title(n, starts, reach)]
    found = titles + numbers
    found.sort(key=lambda c: c.start)
    return found


def _inside_a_title(number: Citation, starts: list[int], reach: list[int]) -> bool:
    """Whether some title starts before ``number`` and ends after it: the titles before it are
    found by bisection, with the furthest end among them (``_title_reach``), instead of every
    title compared with every number (a 5 MB report has thousands of each)."""
    before = bisect.bisect_left(starts, number.start)
    return before > 0 and number.end < reach[before - 1]


def _title_reach(titles: list[Citation]) -> tuple[list[int], list[int]]:
    """The titles' starts in order, and the furthest end among the titles up to each."""
    ordered = sorted(titles, key=lambda t: t.start)
    reach, furthest = [], -1
    for t in ordered:
        furthest = max(furthest, t.end)
        reach.append(furthest)
    return [t.start for t in ordered], reach


def _decree_numbers(text: str, analysis: str) -> list[Citation]:
    found: list[Citation] = []
    for match in _decree_number_matches(analysis):
        prefix = match.group("prefix")
        start = match.start("prefix") + _prefix_start(prefix)
        if start >= match.start("prefix") + len(prefix):
            continue
        found.append(Citation(text=text[start:match.end()], kind="doc_number", start=start, end=match.end()))
    return found


def _titles(text: str, analysis: str) -> list[Citation]:
    found: list[Citation] = []
    pos = 0
    while True:
        start = analysis.find(OPEN, pos)
        if start == -1:
            return found
        limit = min(len(analysis), start + TITLE_SCAN)
        newline = analysis.find("\n", start, limit)
        limit = limit if newline == -1 else newline
        end = _closing_end(analysis, start, limit)
        if end is None:
            # Unclosed: up to the end of the line or sentence, if there is a title there at all.
            stop = start + 1
            while stop < limit and analysis[stop] not in UNCLOSED_STOP + OPEN:
                stop += 1
            while stop > start + 1 and text[stop - 1].isspace():
                stop -= 1
            if stop - start >= 3:
                found.append(Citation(text=text[start:stop], kind="title", start=start, end=stop))
            pos = max(stop, start + 1)
            continue
        if end - start > 2:
            found.append(Citation(text=text[start:end], kind="title", start=start, end=end))
        pos = end


def _closing_end(analysis: str, start: int, limit: int) -> int | None:
    """Where the title opened at ``start`` closes (after its 》, nested titles counted), or None
    when it does not close by ``limit``."""
    close = analysis.find(CLOSE, start, limit)
    if close == -1:
        return None
    if analysis.find(OPEN, start + 1, close) == -1:
        return close + 1  # (most titles: nothing nested, no depth to count)
    depth = 0
    for index in range(start, limit):
        ch = analysis[index]
        if ch == OPEN:
            depth += 1
        elif ch == CLOSE:
            depth -= 1
            if depth == 0:
                return index + 1
    return None


def _doc_numbers(text: str, analysis: str) -> list[Citation]:
    found: list[Citation] = []
    for match in _doc_number_matches(analysis):
        start = match.start("prefix")
        prefix = match.group("prefix")
        start += _prefix_start(prefix)
        if start >= match.start("prefix") + len(prefix):
            continue  # no agency abbreviation left: a bare year in brackets, not a 文号
        end = match.end()
        found.append(Citation(text=text[start:end], kind="doc_number", start=start, end=end))
    return found


def _decree_number_matches(analysis: str) -> Iterator[re.Match[str]]:
    """``DECREE_NUMBER.finditer(analysis)``, tried only in the 12 characters before each place
    where a decree number's 令第…号 or 第…号令 begins (its prefix is 2 to 12 characters long),
    in order and never before the end of the last match: the positions finditer would try
    that can match, and no others."""
    done = tried = 0
    for anchor in _DECREE_TAIL.finditer(analysis):
        t = anchor.start()
        for s in range(max(done, tried, t - 12), t - 1):
            match = DECREE_NUMBER.match(analysis, s)
            if match is not None:
                yield match
                done = match.end()
                break
        tried = max(tried, t - 1)


# Where the part of DECREE_NUMBER after its prefix can begin (a look-ahead: they may overlap).
_DECREE_TAIL = re.compile(r"(?=令\s*第\s*\d{1,4}\s*[号號]|第\s*\d{1,4}\s*[号號]令)")


def _doc_number_matches(analysis: str) -> Iterator[re.Match[str]]:
    """``DOC_NUMBER.finditer(analysis)``, found from the bracketed years: trying the agency prefix
    at every CJK character cost 0.4 µs per character of a report.  A match's prefix is at most
    ``_PREFIX_REACH`` characters and ends at its bracket, so the leftmost match ending at a
    bracketed number lies in the window before it, and the matches come out as finditer's."""
    done = 0
    for tail in _DOC_NUMBER_TAIL.finditer(analysis):
        if tail.start() < done:
            continue
        match = DOC_NUMBER.search(analysis, max(done, tail.start() - _PREFIX_REACH), tail.end())
        if match is not None:
            yield match
            done = match.end()


# The bracketed year and serial of DOC_NUMBER, and how far its prefix (12 characters, each with
# a gloss of up to 8) can reach back.
_DOC_NUMBER_TAIL = re.compile(r"[〔\[【(（]\s*(?:19|20)\d{2}\s*[〕\]】)）]\s*第?\s*\d{1,5}\s*号")
_PREFIX_REACH = 12 * 9 + 4


def _prefix_start(prefix: str) -> int:
    """Offset in ``prefix`` where the agency abbreviation begins (after the last breaker word)."""
    if not BREAKER_CHARS.search(prefix):
        return 0
    from reviewer.analysis import segmenter

    cut = 0
    for word, _, end in segmenter.cut_with_spans(prefix):
        if word in PREFIX_BREAKERS or len(word) > 2 and any(
                word.endswith(b) for b in PREFIX_BREAKERS if len(b) > 1):
            cut = end  # also 严格执行, 贯彻落实: a word ending in a breaker
    return cut
