"""Turn extracted text into the one normalised text every offset points into.

Whatever the source (a scraped web page, a Word file, a PDF text layer), the reviewer sees and
the finders read the same shape of text: Unicode NFC, ``\\n`` line ends, one paragraph per line,
no blank lines, no web-page furniture, no stray line breaks inside a sentence.  ``normalise`` is
idempotent, so text that was normalised once (and stored) never shifts when cleaned again.

The furniture patterns are data (``resources/cleaning/junk_lines.txt``) so that a reviewer's
office can add the boilerplate of its own sites without touching code.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from dataclasses import dataclass

from reviewer.paths import resource

# ---------------------------------------------------------------------------------------------
# Characters

# Everything that ends a line in any source: CR LF, CR, vertical tab, form feed, file/group/record
# separators, NEL, Unicode line and paragraph separators.
_LINE_BREAKS = re.compile("\r\n|[\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
# Control and invisible format characters that carry nothing a reader sees.
_INVISIBLE = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\u00ad\u200b\u200e\u200f"
                        "\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]")
# Horizontal spaces of every width, including no-break and ideographic spaces.
_SPACES = re.compile("[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_SURROGATE = re.compile("[\ud800-\udfff]")
_RADICAL = re.compile("[\u2e80-\u2fdf]")

_CJK_RANGES = (
    ("\u2e80", "\u2fdf"),  # radicals
    ("\u3000", "\u303f"),  # CJK symbols and punctuation
    ("\u3040", "\u30ff"),  # kana
    ("\u3100", "\u31ff"),  # bopomofo, strokes
    ("\u3200", "\u9fff"),  # enclosed CJK, compatibility, extension A, unified ideographs
    ("\uac00", "\ud7af"),  # hangul
    ("\uf900", "\ufaff"),  # compatibility ideographs
    ("\ufe30", "\ufe4f"),  # compatibility forms
    ("\uff00", "\uffef"),  # full-width and half-width forms
    ("\U00020000", "\U0003ffff"),  # extensions B and later
)
# Punctuation commonly typed in its ASCII form inside Chinese text; a space next to it and to a
# CJK character is a layout artefact.
_CJK_ADJACENT = set("“”‘’—…·•《》〈〉「」『』【】〔〕")


def is_cjk(ch: str) -> bool:
    return any(lo <= ch <= hi for lo, hi in _CJK_RANGES) or ch in _CJK_ADJACENT


# "来源:X 发布日期:Y": a space before a short "label:" separates two fields; keep it.
_FIELD_LABEL = re.compile("[\u4e00-\u9fff]{2,6}[:\uff1a]")


_ASCII_CLOSING = set(",.;:!?)")


_SPACED_NUMBER = re.compile(r"[一二三四五六七八九十]{1,3}|[0-9]{1,2}")


def tidy_spaces(line: str) -> str:
    """Collapse runs of spaces to one; drop a space that touches a CJK character, except before
    a "label:" field of a metadata line.  Spaces between Latin words and digits stay."""
    line = _SPACES.sub(" ", line).strip(" ")
    if " " not in line:
        return line
    parts = line.split(" ")
    out: list[str] = [parts[0]]
    tail = parts[0][-2:]  # the last two characters written so far
    if len(line) <= 40 and _SPACED_NUMBER.fullmatch(parts[0]) and parts[1][:1] and is_cjk(parts[1][0]):
        # "一 主要工作", "1 健全制度": Word list numbering copied with a tab; the space is the
        # only separator between the heading number and its title, so it stays.
        out.append(" " + parts[1])
        tail = (" " + parts[1])[-2:]
        parts = parts[1:]
    for part in parts[1:]:
        prev_ch = tail[-1:]
        if prev_ch in _ASCII_CLOSING and len(tail) == 2 and is_cjk(tail[0]):
            prev_ch = "\u3002"  # "案件, 2020年": ASCII punctuation typed in Chinese text
        if (is_cjk(prev_ch) or is_cjk(part[0])) and not _FIELD_LABEL.match(part):
            out.append(part)
            tail = (tail + part)[-2:]
        else:
            out.append(" " + part)
            tail = (" " + part)[-2:]
    return "".join(out)


@functools.lru_cache(maxsize=1)
def _radical_table() -> dict[int, str]:
    """Kangxi radicals by their compatibility decomposition, the supplement from resources."""
    table: dict[int, str] = {}
    for cp in range(0x2F00, 0x2FE0):
        mapped = unicodedata.normalize("NFKC", chr(cp))
        if len(mapped) == 1 and mapped != chr(cp):
            table[cp] = mapped
    path = resource("cleaning", "radicals.txt")
    if path.is_file():
        for raw in path.read_text(encoding="utf-8").splitlines():
            fields = raw.split("#", 1)[0].split()
            if len(fields) >= 2:
                table[int(fields[0], 16)] = chr(int(fields[1], 16))
    return table


def normalise_characters(text: str) -> str:
    """Code-point level clean-up: surrogates, invisibles, radicals, NFC, line ends."""
    text = _SURROGATE.sub("\ufffd", text)
    text = _LINE_BREAKS.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    if _RADICAL.search(text):
        table = _radical_table()
        text = _RADICAL.sub(lambda m: table.get(ord(m.group()), m.group()), text)
    if "\u2e3a" in text or "\u2e3b" in text:
        # Two- and three-em dashes: fonts draw the Chinese dash "——" as one glyph (⸺).
        text = text.replace("\u2e3a", "\u2014\u2014").replace("\u2e3b", "\u2014\u2014\u2014")
    return unicodedata.normalize("NFC", text)


# ---------------------------------------------------------------------------------------------
# Furniture (patterns from resources/cleaning/junk_lines.txt)

_SEPARATORS = "[\\s|/\\\\\\[\\]()\uff5c\uff0f\uff08\uff09\u3010\u3011\u00b7\u2022\u30fb\u3001,\uff0c]"


_SEPARATOR_RUN = re.compile(f"{_SEPARATORS}*")

# Furniture lines are short; a longer line is a paragraph and is not even tested.
_MAX_JUNK_LINE = 300


@dataclass(frozen=True)
class JunkRules:
    keep: re.Pattern[str] | None
    tokens: re.Pattern[str] | None
    line: re.Pattern[str] | None
    trailing: re.Pattern[str] | None
    prefix: re.Pattern[str] | None
    tail_block: re.Pattern[str] | None = None
    inline: re.Pattern[str] | None = None  # a furniture token in brackets inside a kept line

    def strip_inline(self, line: str) -> str:
        if self.inline is None or ("\u3010" not in line and "[" not in line):
            return line
        return self.inline.sub("", line)

    def strip_prefix(self, line: str) -> str:
        if self.prefix is None:
            return line
        return self.prefix.sub("", line, count=1).lstrip(" ")

    def is_junk(self, line: str) -> bool:
        if len(line) > _MAX_JUNK_LINE:
            return False
        junk = self.only_tokens(line) or (self.line is not None and self.line.fullmatch(line) is not None)
        return junk and not (self.keep is not None and self.keep.search(line))

    def only_tokens(self, line: str) -> bool:
        """Whether ``line`` is furniture tokens and separators only.  Scanned token by token
        (each match taken as found, no backtracking): a regex ``(sep* token)+`` backtracks
        exponentially on a long line of tokens that ends in something else."""
        if self.tokens is None:
            return False
        pos, end, found = 0, len(line), False
        while pos < end:
            pos = _SEPARATOR_RUN.match(line, pos).end()
            if pos == end:
                break
            match = self.tokens.match(line, pos)
            if match is None or match.end() == pos:
                return False
            pos, found = match.end(), True
        return found

    def is_trailing_junk(self, line: str) -> bool:
        return self.trailing is not None and self.trailing.fullmatch(line) is not None

    def tail_block_start(self, lines: list[str]) -> int | None:
        """Index of a "相关链接"-style header in the second half of ``lines`` after which every
        line is a short link title (no sentence end): that block is the page's link list."""
        if self.tail_block is None:
            return None
        short_from = len(lines)  # lines[short_from:] are all short link-like lines
        while short_from > 0 and _is_link_title(lines[short_from - 1]):
            short_from -= 1
        for i in range(max(len(lines) // 2, short_from - 1), len(lines)):
            if self.tail_block.fullmatch(lines[i]) and i + 1 >= short_from:
                return i
        return None


_SECTION = re.compile(r"\[(keep|token|line|trailing|prefix|tail_block)\]")


def parse_junk_rules(text: str) -> JunkRules:
    """Read the sectioned pattern file format described at the top of junk_lines.txt."""
    sections: dict[str, list[str]] = {}
    current = "line"
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        section = _SECTION.fullmatch(line)
        if section:
            current = section.group(1)
            continue
        re.compile(line)  # a bad pattern fails here, naming itself
        sections.setdefault(current, []).append(line)

    def alternation(name: str) -> str | None:
        patterns = sections.get(name)
        return "|".join(f"(?:{p})" for p in patterns) if patterns else None

    keep, tokens, line_p = alternation("keep"), alternation("token"), alternation("line")
    tail_block = alternation("tail_block")
    trailing, prefix = alternation("trailing"), alternation("prefix")
    return JunkRules(
        keep=re.compile(keep) if keep else None,
        tokens=re.compile(tokens) if tokens else None,
        line=re.compile(line_p) if line_p else None,
        trailing=re.compile(trailing) if trailing else None,
        prefix=re.compile(rf"^(?:{prefix})[ ]*") if prefix else None,
        inline=re.compile(rf"[\u3010\[](?:{tokens})[\u3011\]]") if tokens else None,
        tail_block=re.compile(rf"{_SEPARATORS}*(?:{tail_block}){_SEPARATORS}*[:\uff1a]?") if tail_block else None,
    )


@functools.lru_cache(maxsize=1)
def junk_rules() -> JunkRules:
    path = resource("cleaning", "junk_lines.txt")
    return parse_junk_rules(path.read_text(encoding="utf-8") if path.is_file() else "")


# ---------------------------------------------------------------------------------------------
# Line joining

# A line that ends a sentence or a paragraph.
_FINAL = set("\u3002!?;:\u2026\u201d\u2019\u300d\u300f\uff01\uff1f\uff1b\uff1a.\uff0e")
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
    for ch in line[-_OPENER_WINDOW:]:
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


def hard_wrap_widths(lines: list[str]) -> list[WrapWidth | None]:
    """For each line, the wrap width of the hard-wrapped block it belongs to, or None.

    A hard-wrapped block (a PDF's text copied with its line breaks) has many lines of one
    width, the width of the page, and hardly any wider; a text of one paragraph per line has
    widths all over the place.  Blocks are the runs of lines between lines too wide to be
    printed lines, so a web page that wraps only its body is found too.  Each block is
    measured both in display cells and in characters (a wrapper that counted characters puts
    "2019年" and "执法工作" on lines of the same length); the measure with more full lines wins."""
    result: list[WrapWidth | None] = [None] * len(lines)
    start = 0
    while start < len(lines):
        end = start
        while end < len(lines) and len(lines[end]) <= _UNWRAPPED:
            end += 1
        if end - start >= _MIN_FULL_LINES:
            block = lines[start:end]
            best: tuple[int, WrapWidth] | None = None
            for by_characters in (False, True):
                found = _block_wrap(block, [len(x) if by_characters else display_width(x) for x in block])
                if found is not None and (best is None or found[1] > best[0]):
                    best = (found[1], WrapWidth(found[0], by_characters))
            if best is not None:
                result[start:end] = [best[1]] * (end - start)
        start = end + 1
    return result


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


# ---------------------------------------------------------------------------------------------
# The pipeline


_TOC_HEADER = re.compile("(?:目\\s*[录錄]|目次|CONTENTS|Contents)[:\uff1a]?")
# A contents entry: an optional number, the title, optional leader dots and a page number.
_TOC_ENTRY = re.compile("(?:[\\d.]+\\s*)?(?P<title>.+?)[.\u2026\u00b7\\s]*\\d{0,4}")


def drop_table_of_contents(lines: list[str]) -> list[str]:
    """Remove a table of contents ("目录" and the entries after it that reappear later as the
    headings they list): left in, every heading would be found twice."""
    for start, line in enumerate(lines[: max(1, len(lines) // 3)]):
        if not _TOC_HEADER.fullmatch(line):
            continue
        joined = "\n".join(lines)
        offset = sum(len(x) + 1 for x in lines[: start + 1])  # where lines[start + 1] begins
        end = start + 1
        while end < len(lines) and len(lines[end]) <= 60:
            match = _TOC_ENTRY.fullmatch(lines[end])
            title = match.group("title") if match else lines[end]
            offset += len(lines[end]) + 1
            # The entry's title must occur again further down, as the heading it points to.
            if len(title) < 2 or joined.find(title, offset) < 0:
                break
            end += 1
        if end - start > 2:
            return lines[:start] + lines[end:]
    return lines


def _is_link_title(line: str) -> bool:
    return len(line) <= _MAX_LINK_TITLE and line[-1] not in "\u3002!?\uff01\uff1f;\uff1b"


_MAX_LINK_TITLE = 60


def _lines_pass(text: str) -> str:
    rules = junk_rules()
    tidied = [line for line in map(tidy_spaces, text.split("\n")) if line]
    block = rules.tail_block_start(tidied)
    if block is not None:
        del tidied[block:]
    tidied = drop_table_of_contents(tidied)
    wraps = hard_wrap_widths(tidied)
    from reviewer.extract_pdf import wrapped_continuation

    builder = ParagraphBuilder()
    previous, previous_wrap = "", None
    for line, wrap in zip(tidied, wraps):
        stripped = unwrap_bracketed_heading(rules.strip_inline(rules.strip_prefix(line)))
        line = stripped if stripped == line else tidy_spaces(stripped)
        if not line or rules.is_junk(line):
            continue
        # Both parts are tidied and a join adds a space only between Latin words: the joined
        # line needs no second tidy.
        join = False
        if previous_wrap is not None:
            # the width test looks at the printed line, not the paragraph so far
            join = wrapped_continuation(previous, line, previous_wrap)
        if not join and builder.paragraphs:
            join = should_join(builder.tail, line)
        builder.add(line, join)
        previous, previous_wrap = line, wrap
    lines = builder.lines()
    while lines and rules.is_trailing_junk(lines[-1]):
        lines.pop()
    lines = [_split_collapsed(line) for line in lines]
    return "\n".join(lines)


# A line this long, with several heading numbers glued after sentence ends, is a whole report
# whose line breaks were lost in the copy.
_COLLAPSED = 1000
_COLLAPSED_HEADINGS = 3
_TOP_MARKER = re.compile("[一二三四五六七八九十]{1,3}\u3001")
_GLUED_HEADING = re.compile(
    "(?<=[\u3002!?\uff01\uff1f])(?=[一二三四五六七八九十]{1,3}\u3001|[(\uff08][一二三四五六七八九十]{1,3}[)\uff09]"
    "|[0-9]{1,2}[.\uff0e\u3001](?![0-9])|[(\uff08][0-9]{1,2}[)\uff09])"
    "|(?<=[:\uff1a])(?=[一二三四五六七八九十]{1,3}\u3001)")


def _split_collapsed(line: str) -> str:
    """A report copied without its line breaks: a heading number right after a sentence end
    (or ``一、`` right after ``如下:``) starts a new line again."""
    if len(line) <= _COLLAPSED:
        return line
    starts = [m.start() for m in _GLUED_HEADING.finditer(line)]
    # several glued parts of the top layer (二、…三、…), not a numbered list inside one paragraph
    top = sum(1 for at in starts if _TOP_MARKER.match(line, at))
    if len(starts) < _COLLAPSED_HEADINGS or top < 2:
        return line
    line = _GLUED_SIGNATURE.sub("\n\\1\n\\2", line)
    return _FIRST_CHILD.sub("\n", _GLUED_HEADING.sub("\n", line))


# …and its signature block at the end: "…全覆盖。泺州市司法局2021年1月15日"
_GLUED_SIGNATURE = re.compile(
    "(?<=[\u3002!?\uff01\uff1f])([\u4e00-\u9fff]{2,30}?(?:局|委|会|府|院|办|处|所|室|中心|办事处))"
    "((?:19|20)[0-9]{2}年[0-9]{1,2}月[0-9]{1,2}日)$")


# In such a line the first heading of a new level follows its parent's title with no
# punctuation at all: 一、基本情况（一）执法主体… / （二）开展情况1．律师…
_FIRST_CHILD = re.compile("(?<=[\u4e00-\u9fff])(?=[(\uff08]一[)\uff09]|1[.\uff0e\u3001](?![0-9]))")


def normalise(raw: str) -> str:
    """The normalised text: NFC, LF, no BOM, one trimmed paragraph per line, no blank lines,
    spaces tidied, web furniture removed, broken sentences re-joined.  Idempotent."""
    text = normalise_characters(raw)
    for _ in range(6):
        cleaned = unicodedata.normalize("NFC", _lines_pass(text))
        if cleaned == text:
            break
        text = cleaned
    return text
