"""Line breaks: which breaks in extracted text are real and which cut a sentence or a figure.

Two kinds are undone here.  A line broken inside a sentence (a web copy, a Word soft break) goes
back onto the line before it; headings, dates and signatures always start a line of their own.
A block of lines that fill one width was hard-wrapped by a printer (a PDF, or a text file that
kept a PDF's wraps): its lines are re-joined unless a heading, a date, a signature or a
metadata field starts the next one.  Used by ``cleaning`` for every source and by ``pdf_text``.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from reviewer.load.characters import is_cjk
from reviewer.paths import resource

# ---------------------------------------------------------------------------------------------
# Line joining

# A line that ends a sentence or a paragraph.
_FINAL = set("\u3002!?;:\u2026\u201d\u2019\u300d\u300f\uff01\uff1f\uff1b\uff1a.\uff0e")
# …those of them that neither a bare heading number ("一.") nor a decimal point ends with.
_FINAL_NOT_DOT = _FINAL - set(".\uff0e")
# A line cannot begin with these: they close or continue something the previous line opened.
_CONTINUATION_START = set("\u201d\u2019\u300d\u300f\u300b\u3009\u3011\u3015)\uff09,\uff0c\u3001\u3002.\uff0e;\uff1b:\uff1a!\uff01?\uff1f\u2026%\uff05\u2030\u2103")
# A line ending with these is certainly cut in the middle of a sentence.
_OPEN_END = set("\u3001,\uff0c\u201c\u2018\u300a\u3008\u3010\u300c\u300e\u3014(\uff08")
# Characters that follow a number and never begin a paragraph.
_AFTER_NUMBER_ONLY = set("年月日万亿件元余%\uff05\u2030倍户")
_PAIRS = {"\u201c": "\u201d", "\u2018": "\u2019", "\u300a": "\u300b", "\u3008": "\u3009", "\u300c": "\u300d",
          "\u300e": "\u300f", "\u3010": "\u3011", "\u3014": "\u3015", "(": ")", "\uff08": "\uff09"}
_CLOSERS = {v: k for k, v in _PAIRS.items()}
_OPENER_WINDOW = 400
_BRACKET = re.compile("[" + re.escape("".join(_PAIRS) + "".join(_CLOSERS)) + "]")

_CN = "一二三四五六七八九十百零〇两"
HEADING_START = re.compile(
    rf"(?:[{_CN}]+[\u3001.\uff0e,\uff0c]"
    rf"|[(\uff08][{_CN}]+[)\uff09]"
    "|\\d{1,3}\\s*[.\uff0e\u3001,\uff0c](?!\\d)"
    "|[(\uff08]\\d{1,3}[)\uff09]"
    r"|[⑴-⒇①-⑳㈠-㈩]"
    rf"|第[{_CN}\d]+[章节節条條部篇编編款项項]"
    rf"|[{_CN}]+是"
    "|首先|其次|再次|最后|最後|此外|另外|附件|附[:\uff1a]"
    r"|[A-Za-z][.、)]\S)"
)
# A heading number standing alone on its line (the title was put on the next line).
_BARE_NUMBER = re.compile(
    rf"(?:[{_CN}]+[\u3001.\uff0e]|[(\uff08][{_CN}]+[)\uff09]|\d{{1,3}}[.\uff0e\u3001]"
    rf"|[(\uff08]\d{{1,3}}[)\uff09]|[⑴-⒇①-⑳㈠-㈩]|第[{_CN}\d]+[章节節部篇编編])"
)
_DATE_LINE = re.compile(
    r"(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"
    r"|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)"
)
_ORG_END = re.compile(r"(?:局|委|会|會|府|院|办|辦|室|厅|廳|部|处|處|所|队|隊|站|中心|公司|小组|小組|办公室)$")
_PUNCT = re.compile("[,\uff0c\u3002;\uff1b:\uff1a !\uff01?\uff1f\u3001]")


def is_heading_start(line: str) -> bool:
    return HEADING_START.match(line) is not None


# A heading set in decorative brackets on a line of its own, as WeChat articles write it
# (``【二、存在的问题】``): the brackets are decoration, the numbered title inside is the heading.
_BRACKETED_HEADING = re.compile(
    rf"[\u3010\u3016\[]\s*((?:[{_CN}]{{1,3}}[\u3001.\uff0e]|[(\uff08][{_CN}]{{1,3}}[)\uff09]"
    rf"|\d{{1,2}}[.\uff0e\u3001](?!\d)|[(\uff08]\d{{1,2}}[)\uff09]|第[{_CN}\d]+[章节節部篇])"
    rf"\s*[^\u3010\u3011\u3016\u3017\[\]]*?[\u4e00-\u9fff\u201d\u300b)\uff09])\s*[\u3011\u3017\]]"
)


def unwrap_bracketed_heading(line: str) -> str:
    """``【一、主要工作成效】`` → ``一、主要工作成效``: only a whole line whose bracketed text is a
    numbering marker followed by a title (``【我要纠错】``, ``【一】`` and a bracketed term inside a
    sentence stay as they are)."""
    if not line or line[0] not in "\u3010\u3016[":
        return line
    match = _BRACKETED_HEADING.fullmatch(line)
    return match.group(1) if match else line


def is_date_line(line: str) -> bool:
    return len(line) <= 40 and _DATE_LINE.fullmatch(line.strip()) is not None


def is_signature_line(line: str) -> bool:
    """A short issuer line of a letterhead or a signature block (right-aligned in the original)."""
    return len(line) <= 30 and not _PUNCT.search(line) and _ORG_END.search(line) is not None


def _last_unclosed_opener(line: str) -> str | None:
    """The innermost bracket or quote left open in the last ``_OPENER_WINDOW`` characters (an
    opener further back is too far to explain a line break; bounding it keeps joining linear)."""
    stack: list[str] = []
    # only the brackets and quotes of the window, found by one regex scan: no Python step per
    # character of a paragraph
    for ch in _BRACKET.findall(line, max(0, len(line) - _OPENER_WINDOW)):
        if ch in _PAIRS:
            stack.append(ch)
        elif ch in _CLOSERS and stack:
            # Close the nearest matching opener (quotes and brackets nest in practice).
            opener = _CLOSERS[ch]
            for i in range(len(stack) - 1, -1, -1):
                if stack[i] == opener:
                    del stack[i:]
                    break
    return stack[-1] if stack else None


def _closes(line: str, opener: str) -> bool:
    closer = _PAIRS[opener]
    first_close = line.find(closer)
    if first_close < 0:
        return False
    first_open = line.find(opener)
    return first_open < 0 or first_close < first_open


def should_join(prev: str, nxt: str) -> bool:
    """Whether ``nxt`` continues the sentence that ``prev`` breaks off; conservative, because a
    wrong join destroys a heading."""
    if not prev or not nxt:
        return False
    if prev[-1] in _FINAL_NOT_DOT:
        return False  # the answer below too (no test that answers True sees such an end), sooner
    if is_heading_start(nxt) or is_date_line(nxt) or is_signature_line(nxt) or is_date_line(prev):
        return False
    if _BARE_NUMBER.fullmatch(prev):
        return True  # "一、" or "（一）" alone on its line: the heading's words follow
    if prev[-1].isdigit() and prev[-1].isascii() and nxt[0] in _AFTER_NUMBER_ONLY:
        return True  # "2020" + "年" / "347.39" + "万元": a number cut from its unit
    if prev[-1] in ".\uff0e" and prev[-2:-1].isdigit() and nxt[0].isdigit() and nxt[0].isascii():
        return True  # "347." + "39万元": a decimal point at the break
    if _cut_number(prev, nxt):
        return True  # "…行政强制15" + "06件，…": a number cut in two by a line break
    if prev[-1] in _FINAL:
        return False
    if nxt[0] in _CONTINUATION_START:
        return True
    if prev[-1] in _OPEN_END:
        return True
    opener = _last_unclosed_opener(prev)
    if opener is not None and _closes(nxt, opener):
        return True
    if _mid_sentence_break(prev, nxt):
        return True
    # A Latin word wrapped onto the next line.
    return prev[-1].isascii() and prev[-1].isalpha() and nxt[0].isascii() and nxt[0].islower()


def _mid_sentence_break(prev: str, nxt: str) -> bool:
    """A paragraph cut inside a sentence by a hard line break (PDF copies): ``prev`` already holds
    a whole sentence, then runs on past a comma into a clause (``…1562起，其中非法营运``) that ``nxt``
    finishes (``案件426起、…；…。``).  A heading line never has a sentence end before its end."""
    if len(prev) < 30 or not (is_cjk(prev[-1]) and is_cjk(nxt[0])):
        return False
    last_end = max(prev.rfind("\u3002"), prev.rfind("\uff1b"), prev.rfind(";"))
    if last_end < 0:
        return False
    tail = prev[last_end + 1:]
    return re.search("[,\uff0c\u3001]", tail) is not None and re.search("[\u3002\uff1b;]", nxt) is not None


def join_separator(prev: str, nxt: str) -> str:
    """What goes between ``prev`` and its continuation ``nxt``: a space only where a Latin word
    ends at the break (digits split by a break belong to one number: "44" + "71件" is "4471件")."""
    a, b = prev[-1:], nxt[:1]
    latin_word_break = a.isascii() and b.isascii() and (
        (a.isalpha() and b.isalnum()) or (a.isdigit() and b.isalpha()))
    return " " if latin_word_break else ""


def join_broken_line(prev: str, nxt: str) -> str:
    """``prev`` and its continuation ``nxt`` as one line."""
    return prev + join_separator(prev, nxt) + nxt


class ParagraphBuilder:
    """Lines joined into paragraphs in linear time: a paragraph is kept as parts, and the join
    tests see its last ``_OPENER_WINDOW`` characters (every test looks only at a line's end,
    or at a short line as a whole)."""

    def __init__(self) -> None:
        self.paragraphs: list[list[str]] = []
        self.tail = ""

    def add(self, line: str, join: bool) -> None:
        if join and self.paragraphs:
            piece = join_separator(self.tail, line) + line
            self.paragraphs[-1].append(piece)
            self.tail = (self.tail + piece)[-_OPENER_WINDOW:]
        else:
            self.paragraphs.append([line])
            self.tail = line[-_OPENER_WINDOW:]

    def lines(self) -> list[str]:
        return ["".join(parts) for parts in self.paragraphs]


# ---------------------------------------------------------------------------------------------
# Hard wraps: text copied out of a PDF (or a fixed-width export) keeps the print line breaks

@dataclass(frozen=True)
class WrapWidth:
    """The width a block of lines was wrapped at, in display cells (a PDF: digits and Latin
    letters half a cell) or in characters (a wrapper that counts characters)."""

    width: float
    by_characters: bool = False

    def of(self, line: str) -> float:
        return len(line) if self.by_characters else display_width(line)


_WIDE: dict[str, bool] = {}
# The blocks that are wide throughout (ideographs, kana, hangul, CJK punctuation, full-width
# forms): removed in one C-level pass; the few characters left are looked up one by one.
_WIDE_BLOCKS = re.compile("[\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3"
                          "\uf900-\ufaff\ufe30-\ufe4f\uff01-\uff60\uffe0-\uffe6]+")


def display_width(text: str) -> float:
    """Width in full-width character cells: Chinese characters 1, Latin letters and digits ½
    (Unicode East Asian Width W and F count 1).  Cleaning measures every line of every text
    file with it, so the common case runs in C."""
    rest = _WIDE_BLOCKS.sub("", text)
    if rest.isascii():
        return len(text) - 0.5 * len(rest)
    narrow = 0
    for ch in rest:
        wide = _WIDE.get(ch)
        if wide is None:
            wide = _WIDE[ch] = unicodedata.east_asian_width(ch) in "WF"
        narrow += not wide
    return len(text) - 0.5 * narrow


# A full printed line is between ``width - WRAP_BELOW`` and ``width + WRAP_ABOVE`` wide (a
# line of half-width digits is up to a cell short, a hanging comma half a cell long).
WRAP_BELOW, WRAP_ABOVE = 1.5, 0.5
_WRAP_CORE = 1.0
_MIN_WRAP, _MAX_WRAP = 15, 80
# A line this wide was never wrapped: it separates blocks that may have different widths.
_UNWRAPPED = 100
# A block is hard-wrapped when at least this many of its lines are full, and they are this
# share of its lines at least half as wide, and few lines are wider.
_MIN_FULL_LINES = 5
_FULL_SHARE = 0.4
_WIDER_SHARE = 0.2
# Half of the full lines of wrapped prose hold a comma or a stop at least.
_PROSE = re.compile("[,\uff0c\u3001;\uff1b\u3002:\uff1a]")
_PROSE_SHARE = 0.5
# A break inside a figure ("行政强制15⏎06件") joins a line this share of the width (a
# paragraph's last line rarely ends in a bare number or "…率").
TOKEN_BREAK_SHARE = 0.6


def _densest_band(widths: list[float], below: float, above: float) -> tuple[float, int]:
    """(width, count): the width ``w`` with the most of ``widths`` (sorted) in
    ``[w - below, w + above]``, the widest such ``w`` on a tie."""
    best_width, best_count = 0.0, 0
    lo = hi = 0
    for w in widths:
        while widths[lo] < w - below:
            lo += 1
        hi = max(hi, lo)
        while hi < len(widths) and widths[hi] <= w + above:
            hi += 1
        if hi - lo >= best_count:
            best_width, best_count = w, hi - lo
    return best_width, best_count


def _block_wrap(block: list[str], widths: list[float]) -> tuple[float, int] | None:
    """(width, full lines) of one block of lines and their widths, or None where the block is
    not hard-wrapped: too few full lines, too many wider ones, or full lines that are not prose
    (a list of titles of about one length has no commas)."""
    candidates = sorted(w for w in widths if _MIN_WRAP <= w <= _MAX_WRAP)
    if len(candidates) < _MIN_FULL_LINES:
        return None
    # The width is the top of the densest cell of widths (a full line is at most a wide
    # character short); the lines a little shorter or a hanging comma longer are full too.
    width, _ = _densest_band(candidates, _WRAP_CORE, 0.0)
    full = bisect.bisect_right(candidates, width + WRAP_ABOVE) - bisect.bisect_left(candidates, width - WRAP_BELOW)
    half = len(widths) - bisect.bisect_left(sorted_widths := sorted(widths), width / 2)
    wider = len(widths) - bisect.bisect_right(sorted_widths, width + WRAP_ABOVE)
    if full < max(_MIN_FULL_LINES, _FULL_SHARE * half) or wider > _WIDER_SHARE * full:
        return None
    prose = sum(1 for line, w in zip(block, widths)
                if width - WRAP_BELOW <= w <= width + WRAP_ABOVE and _PROSE.search(line))
    return (width, full) if prose >= _PROSE_SHARE * full else None


def hard_wrap_widths(lines: list[str],
                     known: dict[tuple[str, ...], WrapWidth | None] | None = None) -> list[WrapWidth | None]:
    """For each line, the wrap width of the hard-wrapped block it belongs to, or None.

    A hard-wrapped block (a PDF's text copied with its line breaks) has many lines of one
    width, the width of the page, and hardly any wider; a text of one paragraph per line has
    widths all over the place.  Blocks are the runs of lines between lines too wide to be
    printed lines, so a web page that wraps only its body is found too.  Each block is
    measured both in display cells and in characters (a wrapper that counted characters puts
    "2019年" and "执法工作" on lines of the same length); the measure with more full lines wins.

    ``known``: the wrap of blocks measured before (cleaning's next pass meets the same blocks
    again wherever it joined nothing), filled in as blocks are measured."""
    result: list[WrapWidth | None] = [None] * len(lines)
    if known is None:
        known = {}
    sizes = list(map(len, lines))
    start = 0
    for end in [i for i, size in enumerate(sizes) if size > _UNWRAPPED] + [len(lines)]:
        # A line is at most as wide as it is long: a block with too few lines long enough to be
        # full has too few full lines in either measure, and is not measured.
        if end - start >= _MIN_FULL_LINES and _enough_long(sizes, start, end):
            block = tuple(lines[start:end])
            if block in known:
                wrap = known[block]
            else:
                wrap = known[block] = _wrap_of(block, sizes[start:end])
            if wrap is not None:
                result[start:end] = [wrap] * (end - start)
        start = end + 1
    return result


def _wrap_of(block: tuple[str, ...], sizes: list[int]) -> WrapWidth | None:
    """The wrap of one block of lines (``sizes``: their lengths), the measure with more full
    lines, display cells on a tie."""
    best: tuple[int, WrapWidth] | None = None
    for by_characters in (False, True):
        found = _block_wrap(block, sizes if by_characters else list(map(display_width, block)))
        if found is not None and (best is None or found[1] > best[0]):
            best = (found[1], WrapWidth(found[0], by_characters))
    return None if best is None else best[1]


def _enough_long(sizes: list[int], start: int, end: int) -> bool:
    """Whether ``_MIN_FULL_LINES`` of ``sizes[start:end]`` are ``_MIN_WRAP`` long at least."""
    count = 0
    for i in range(start, end):
        if sizes[i] >= _MIN_WRAP:
            count += 1
            if count >= _MIN_FULL_LINES:
                return True
    return False


@functools.lru_cache(maxsize=1)
def _figure_at_break() -> re.Pattern[str]:
    """A number with its measure word (units.json, longest first), as a pattern."""
    import json

    path = resource("dictionaries", "units.json")
    units: set[str] = set()
    if path.is_file():
        data = json.loads(path.read_text(encoding="utf-8"))
        for kind in ("count", "money", "percent", "duration", "measure", "age", "ratio"):
            units.update(data.get(kind, []))
    units.update(("%", "\uff05", "\u2030", "个", "個", "件", "项", "項", "条", "條", "万", "萬", "亿", "億"))
    alternation = "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True))
    return re.compile(
        f"(?:[0-9\uff10-\uff19]+(?:[.\uff0e,\uff0c][0-9\uff10-\uff19]+)*|[{_CN}千万萬]+)"
        f"(?:[余多餘]?[万萬亿億千]?[余多餘]?)(?:个|個)?(?:工作|百分|小)?(?:{alternation})")


# The last word of a label whose number the next line gives ("采纳率⏎94.4%", "共计⏎1506件").
_LABEL_END = re.compile("(?:率|数|數|额|額|量|值|比|为|為|达|達|至|到|计|計|共|约|約|近|超|占|逾"
                        "|增长|增長|下降|提高|降低|减少|減少|增加)$")
_FIGURE_START = re.compile("[0-9\uff10-\uff19]+(?:[.\uff0e][0-9\uff10-\uff19]+)?(?![0-9]*年)")
_DIGIT = re.compile("[0-9\uff10-\uff19]")
_DIGITS = "0123456789\uff10\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff19"
YEAR_START = re.compile("[0-9\uff10-\uff19]{4}(?:年|[-/.\uff0e][0-9\uff10-\uff19])")
_TOKEN_WINDOW = 8


def _cut_number(prev: str, nxt: str) -> bool:
    """A line of prose that ends in the first digits of a number whose other digits and
    measure word open the next line (``…行政强制15`` + ``06件，…``), in any text."""
    if len(prev) < _MIN_WRAP or not nxt or prev[-1] not in _DIGITS or nxt[0] not in _DIGITS:
        return False
    if YEAR_START.match(nxt) or not _PROSE.search(prev, max(0, len(prev) - 2 * _MAX_WRAP)):
        return False
    left, right = prev[-_TOKEN_WINDOW:], nxt[:_TOKEN_WINDOW]
    match = _figure_at_break().match(left + right, len(left.rstrip(_DIGITS)))
    return match is not None and match.end() > len(left)


def breaks_inside_figure(prev: str, nxt: str) -> bool:
    """Whether the break between ``prev`` and ``nxt`` falls inside a figure: between two
    digits (``15⏎06件``), at a decimal point (``2.⏎86亿``), between a number and its measure
    word or unit (``农业五⏎支``, ``于7个工作⏎日内``), or between a label and its number
    (``采纳率⏎94.4%``)."""
    if not prev or not nxt:
        return False
    if YEAR_START.match(nxt):
        return False  # "…17:00⏎2020年,我局…": a paragraph opens with its year
    a, b = prev[-1], nxt[0]
    if _DIGIT.match(a) and _DIGIT.match(b):
        return True
    if (a in ".\uff0e" and _DIGIT.match(prev[-2:-1] or " ") and _DIGIT.match(b)) or (
            b in ".\uff0e" and _DIGIT.match(a) and _DIGIT.match(nxt[1:2] or " ")):
        return True
    left, right = prev[-_TOKEN_WINDOW:], nxt[:_TOKEN_WINDOW]
    joined, cut = left + right, len(left)
    for match in _figure_at_break().finditer(joined):
        if match.start() < cut < match.end():
            return True
        if match.start() >= cut:
            break
    return _LABEL_END.search(left) is not None and _FIGURE_START.match(right) is not None


# The print-line test for PDF text and text files that kept a PDF's wraps.

_PRINT_FINAL = set("\u3002!?;:\u2026\u201d\u2019\uff01\uff1f\uff1b\uff1a")
_QUOTE_CLOSE = set("\u201d\u2019")
# Digits and Latin letters that a printer keeps together on one line.
_UNBREAKABLE_RUN = re.compile("[0-9A-Za-z][0-9A-Za-z.,%]*")
_CLAUSE_END = set(";\uff1b")
_SENTENCE_END = set("\u3002!?\uff01\uff1f\u2026")
# A line opening with a short label and a colon is a field of its own ("来源:", "发布日期:").
_FIELD_START = re.compile("[\u4e00-\u9fff]{2,6}[:\uff1a]")
# The last word of a document title, on a line without clause punctuation.
_TITLE_END = re.compile("(?:通知|报告|報告|意见|意見|决定|決定|办法|辦法|规定|規定|方案|通报|通報|批复|批覆|函|纪要|紀要)$")
_CLAUSE_PUNCT = re.compile("[,\uff0c\u3001;\uff1b\u3002]")


def wrapped_continuation(prev: str, line: str, wrap: WrapWidth) -> bool:
    """``continues_printed_line`` for a text file that kept a PDF's line wraps (see cleaning)."""
    return continues_printed_line(prev, line, wrap.width, wrap.of)


def continues_printed_line(prev: str, line: str, width: float, measure: Callable[[str], float] = display_width) -> bool:
    """Whether ``line`` is the wrapped continuation of ``prev``: ``prev`` fills the text width,
    ends no sentence and is no title, and ``line`` starts no heading, date, signature or
    metadata field ("来源:").  A line that is shorter (its width taken by narrow digits, or a
    number kept whole) still goes on when the break falls inside a figure: between two digits,
    between a number and its measure word, or between a label and its number.

    A full line that ends a sentence is left as a paragraph end: splitting a paragraph costs
    less than gluing two together (measured on re-printed reports: merged paragraphs hid
    figures from the checks).  A closing quote ends a sentence only after 。!?.
    """
    wide = measure(prev)
    if wide < TOKEN_BREAK_SHARE * width:
        return False
    if is_heading_start(line) or is_date_line(line) or is_signature_line(line):
        return False
    if _FIELD_START.match(line) or (prev[-1].isdigit() and YEAR_START.match(line)):
        return False  # "…发布日期:2021-01-08 17:00⏎2020年,我局…": a number never runs into a year
    full = wide >= width - WRAP_BELOW
    if prev[-1] in _PRINT_FINAL and not (prev[-1] in _QUOTE_CLOSE and prev[-2:-1] not in _SENTENCE_END):
        # a paragraph ends in a full stop, not a semicolon: a full line that ends in one goes
        # on (an item of a list opens with its number, a heading start, and stays apart)
        return full and prev[-1] in _CLAUSE_END
    if _TITLE_END.search(prev) and not _CLAUSE_PUNCT.search(prev):
        return False  # a document title as wide as the text ("关于印发…的通知") ends there
    if full:
        return True
    # A shorter line goes on only where the break falls inside a figure; a paragraph may open
    # with its year ("2023年,我局…") after a title, a heading or a date.
    if is_heading_start(prev) or is_date_line(prev) or YEAR_START.match(line):
        return False
    run = _UNBREAKABLE_RUN.match(line)
    if run is not None and wide + measure(run.group()) > width:
        return True  # "…共办理案件⏎12437件": the number did not fit, the printer moved it whole
    return breaks_inside_figure(prev, line)
