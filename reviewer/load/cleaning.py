"""Turn extracted text into the one normalised text every offset points into.

Whatever the source (a scraped web page, a Word file, a PDF text layer), the reviewer sees and
the finders read the same shape of text: Unicode NFC, ``\\n`` line ends, one paragraph per line,
no blank lines, no web-page furniture, no stray line breaks inside a sentence.  ``normalise`` is
idempotent, so text that was normalised once (and stored) never shifts when cleaned again.

The furniture patterns are data (``resources/cleaning/junk_lines.txt``) so that a reviewer's
office can add the boilerplate of its own sites without touching code.
"""

from __future__ import annotations

import re
import unicodedata

from reviewer.load.aligned_tables import bar_aligned_tables
from reviewer.load.characters import normalise_characters, tidy_spaces
from reviewer.load.junk import junk_rules
from reviewer.load.line_breaks import (
    ParagraphBuilder,
    WrapWidth,
    hard_wrap_widths,
    should_join,
    unwrap_bracketed_heading,
    wrapped_continuation,
)

# ---------------------------------------------------------------------------------------------
# Characters
# ---------------------------------------------------------------------------------------------
# Furniture (patterns from resources/cleaning/junk_lines.txt)
# ---------------------------------------------------------------------------------------------
# Line joining
# ---------------------------------------------------------------------------------------------
# Hard wraps: text copied out of a PDF (or a fixed-width export) keeps the print line breaks
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




def _lines_pass(text: str, kept: dict[str, str] | None = None,
                wraps_known: dict[tuple[str, ...], WrapWidth | None] | None = None) -> str:
    """One pass of the line clean-up.  ``kept`` maps a tidied line to what the furniture rules
    keep of it ("" for none), ``wraps_known`` a block of lines to its hard wrap: a later pass,
    which sees mostly the same lines, reuses them."""
    rules = junk_rules()
    if kept is None:
        kept = {}
    # a collapsed report is split while its spaces still show where its lines were broken
    lines = _split_collapsed_lines(text.split("\n"), len(text))
    # a table aligned with spaces keeps its cells apart before the spaces go
    tidied = [line for line in map(tidy_spaces, bar_aligned_tables(lines)) if line]
    block = rules.tail_block_start(tidied)
    if block is not None:
        del tidied[block:]
    tidied = drop_table_of_contents(tidied)
    wraps = hard_wrap_widths(tidied, wraps_known)
    builder = ParagraphBuilder()
    previous, previous_wrap = "", None
    for source, wrap in zip(tidied, wraps):
        line = kept.get(source)
        if line is None:
            stripped = unwrap_bracketed_heading(rules.strip_inline(rules.strip_prefix(source)))
            line = stripped if stripped == source else tidy_spaces(stripped)
            if line and rules.is_junk(line):
                line = ""
            kept[source] = line
        if not line:
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
    return "\n".join(_split_collapsed_lines(lines, sum(map(len, lines))))


def _split_collapsed_lines(lines: list[str], total: int) -> list[str]:
    """``_split_collapsed`` on every line of ``lines`` (none holds a line break), as the lines
    of the text it gives; ``total`` is the length a line is "the whole text" against.  Only the
    few lines long enough to be collapsed are looked at."""
    if not lines or max(map(len, lines)) <= _COLLAPSED_WHOLE:
        return lines
    whole = _WHOLE_SHARE * total
    split: dict[int, str] = {}
    for i, size in enumerate(map(len, lines)):
        if size > _COLLAPSED_WHOLE:
            line = _split_collapsed(lines[i], size >= whole)
            if line != lines[i]:
                split[i] = line
    if not split:
        return lines
    out: list[str] = []
    start = 0
    for i, line in split.items():
        out += lines[start:i]
        out += line.split("\n")
        start = i + 1
    out += lines[start:]
    return out


# A line this long, with several heading numbers glued after sentence ends, is a whole report
# whose line breaks were lost in the copy.
_COLLAPSED = 1000
# …and a shorter one when it is the whole text: a short report flattened onto one line
_COLLAPSED_WHOLE = 200
_WHOLE_SHARE = 0.8
_COLLAPSED_HEADINGS = 3
_TOP_MARKER = re.compile("[一二三四五六七八九十]{1,3}\u3001")
_GLUED_HEADING = re.compile(
    "(?<=[\u3002!?\uff01\uff1f])[ \u3000]*(?=[一二三四五六七八九十]{1,3}\u3001|[(\uff08][一二三四五六七八九十]{1,3}[)\uff09]"
    "|[0-9]{1,2}[.\uff0e\u3001](?![0-9])|[(\uff08][0-9]{1,2}[)\uff09])"
    "|(?<=[:\uff1a])[ \u3000]*(?=[一二三四五六七八九十]{1,3}\u3001)")
# The title of such a line, set off from the body by a space: "某局2021年…情况报告 2021 年,我局…"
_COLLAPSED_TITLE = re.compile(
    "(?:^|(?<=[ \u3000>\u203a\u00bb]))([^ \u3000>\u203a\u00bb\u3002!?\uff01\uff1f:\uff1a,\uff0c]{6,60}?"
    "(?:报告|總結|总结|年报|報告))[ \u3000]+(?=\\S)")


def _split_collapsed(line: str, whole: bool = False) -> str:
    """A report copied without its line breaks: a heading number right after a sentence end
    (or ``一、`` right after ``如下:``) starts a new line again.  ``whole``: the line is
    (nearly) the whole text, so a short report counts too."""
    if len(line) <= (_COLLAPSED_WHOLE if whole else _COLLAPSED):
        return line
    starts = [m.end() for m in _GLUED_HEADING.finditer(line)]
    # several glued parts of the top layer (二、…三、…), not a numbered list inside one paragraph
    top = sum(1 for at in starts if _TOP_MARKER.match(line, at))
    if len(starts) < _COLLAPSED_HEADINGS or top < 2:
        return line
    line = _GLUED_SIGNATURE.sub("\n\\1\n\\2", line)
    title = _COLLAPSED_TITLE.search(line, 0, 300)
    if title is not None:  # the page's breadcrumb | the title | the body
        line = line[:title.start()] + ("\n" if title.start() else "") + title.group(1) + "\n" + line[title.end():]
    line = _UNNUMBERED_FIRST.sub("\n", line)
    line = _FIRST_CHILD.sub("\n", _GLUED_HEADING.sub("\n", line))
    return _SPACED_HEADING.sub(_heading_then_body, line)


# A heading of such a line set off from its body by a space only: "二、存在问题 部分人员…"
_SPACED_HEADING = re.compile(
    "(?m)^((?:[一二三四五六七八九十]{1,3}\u3001|[(\uff08][一二三四五六七八九十]{1,3}[)\uff09])"
    "[^\\s\u3002,\uff0c;\uff1b:\uff1a!?\uff01\uff1f]{2,20})"
    "(?:[ \u3000]+([^\\s\u3002,\uff0c;\uff1b:\uff1a!?\uff01\uff1f]{2,12}))?[ \u3000]+(?=[\u4e00-\u9fff])")


# A heading title ends with a word like these; one that does not was cut by an old line break
# ("(三)加强行政 复议和应诉工作 全年…": the title runs on to 工作).
_TITLE_END = re.compile("(?:工作|建设|改革|机制|体系|制度|能力|水平|成效|情况|问题|打算|举措|措施|思路|"
                        "执法|服务|监督|管理|治理|保障|决策|审查|宣传|教育|队伍|化|力度|质效|环境)$")


def _heading_then_body(match: re.Match[str]) -> str:
    """The heading of ``match`` on its own line, its title joined again where an old line break
    cut it (the first part does not end like a title, the next short chunk does)."""
    title, tail = match.group(1), match.group(2)
    if tail is None:
        return title + "\n"
    if not _TITLE_END.search(title) and _TITLE_END.search(tail):
        return title + tail + "\n"
    return title + "\n" + tail + " "


# …and a first heading that lost its number, alone between "如下:" and its first child "(一)":
# "报告如下: 工作举措及成效 (一)推进…" (the outline reports the lost number as a numbering gap)
_UNNUMBERED_FIRST = re.compile(
    "(?<=[:\uff1a])[ \u3000]+(?=[^\\s\u3002,\uff0c;\uff1b:\uff1a!?\uff01\uff1f()\uff08\uff09]{2,20}[ \u3000]+[(\uff08]一[)\uff09])")


# …and its signature block at the end: "…全覆盖。泺州市司法局2021年1月15日"
_GLUED_SIGNATURE = re.compile(
    "(?<=[\u3002!?\uff01\uff1f])([\u4e00-\u9fff]{2,30}?(?:局|委|会|府|院|办|处|所|室|中心|办事处))"
    "((?:19|20)[0-9]{2}年[0-9]{1,2}月[0-9]{1,2}日)$")


# In such a line the first heading of a new level follows its parent's title with no
# punctuation at all: 一、基本情况（一）执法主体… / （二）开展情况1．律师…
_FIRST_CHILD = re.compile("(?<=[\u4e00-\u9fff])[ \u3000]*(?=[(\uff08]一[)\uff09]|1[.\uff0e\u3001](?![0-9]))")


def normalise(raw: str) -> str:
    """The normalised text: NFC, LF, no BOM, one trimmed paragraph per line, no blank lines,
    spaces tidied, web furniture removed, broken sentences re-joined.  Idempotent."""
    text = normalise_characters(raw)
    kept: dict[str, str] = {}
    wraps_known: dict[tuple[str, ...], WrapWidth | None] = {}
    for _ in range(6):
        cleaned = unicodedata.normalize("NFC", _lines_pass(text, kept, wraps_known))
        if cleaned == text:
            break
        text = cleaned
    return text
