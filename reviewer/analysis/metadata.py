"""Report metadata: title, issuer, publication date, year reported on, 发文字号, script, type.

Each field is read from the places a reviewer would look, in order of trust: labelled page
fields (来源/发布单位/发布日期), the document header (``XX文件``, the 文号 line), the title line,
the signature (落款) at the end, and finally the body text.  Rules read ``analysis_text``
(Simplified) and values are taken from ``text`` as written.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass

from reviewer import paths
from reviewer.analysis import metadata_hints as hints
from reviewer.analysis.citations import DOC_NUMBER
from reviewer.analysis.heading_markers import cn_to_int
from reviewer.model import Document, Metadata, Section

ORG_SUFFIX = ("(?:监督管理局|管理局|局|委员会|管理委员会|管委会|人民政府|政府|办公室|办公厅|办事处|厅|委"
              "|党工委|司法所|中心|院|公署)")
ORG_LINE = re.compile(f"[\u4e00-\u9fff（）()]{{2,30}}{ORG_SUFFIX}")
# A value after a page label stops at the next label run in without a space.
NEXT_LABEL = re.compile("(?:发布|日期|作者|时间|浏览|点击|字号|关键词|访问|来源|责任编辑|分享)")
ISSUER_LABEL = re.compile(
    r"(?:信息来源|来源单位|来源|发布单位|发布机构|发文机关|发文单位|发布部门)\s*[:：]\s*"
    r"(?P<v>[\u4e00-\u9fff（）()]+)")
DATE_LABEL = re.compile(
    r"(?P<label>发布日期|发布时间|发文日期|成文日期|印发日期|日期|时间)(?:\s*[:：|｜]){1,2}\s*"
    r"(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})")
FIELD_ONLY_LINE = re.compile(r"(?P<label>发布日期|发布时间|发文日期|成文日期|印发日期)\s*[:：]?")
CN_YEAR_DIGITS = "〇零一二三四五六七八九"
DATE_ONLY_LINE = re.compile(
    f"(?P<y>(?:19|20)\\d{{2}}|[{CN_YEAR_DIGITS}]{{4}})\\s*年\\s*"
    f"(?P<m>\\d{{1,2}}|[一二三四五六七八九十]{{1,3}})\\s*月\\s*"
    f"(?P<d>\\d{{1,2}}|[一二三四五六七八九十]{{1,3}})\\s*日")
WEB_DATE_LINE = re.compile(
    r"(?P<y>(?:19|20)\d{2})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?")
# Some portals stamp a copy day first: 21.04.2017  09:41.
DAY_FIRST_LINE = re.compile(r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)\d{2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?")
# A post line of a WeChat or news copy: "原创 某某发布 2024-01-29 17:30 发表于浙江".
POSTED_LINE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})日?"
    r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*(?:发表于|发布于)")
YEAR_IN_TITLE = re.compile(f"((?:19|20)\\d{{2}}|[{CN_YEAR_DIGITS}]{{4}})\\s*年")
# The first "2020年," / "2020年以来" of the body names the year reported on.
YEAR_IN_BODY = re.compile(r"((?:19|20)\d{2})\s*年度?(?:[,，、]|以来|全年|是|上半年|下半年|我|全)")
WRAPPER = re.compile("[\u4e00-\u9fff]{0,30}?(?:关于)?(?:印发|转发|报送|上报)?《(?P<inner>[^《》]+)》的?"
                     "(?:通知|函|报告|请示)"
                     "|[\u4e00-\u9fff]{0,30}?关于(?:印发|转发|报送|上报)(?P<bare>[^《》]{4,50}?(?:报告|总结))"
                     "的?(?:通知|函)")
TITLE_MAX = 60


@functools.lru_cache(maxsize=1)
def templates() -> dict:
    """The report-type templates from ``resources/templates/report_types.json``."""
    path = paths.resource("templates", "report_types.json")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"title_suffixes": ["报告", "总结", "情况"], "report_types": []}


@dataclass
class Line:
    start: int
    end: int  # without the line break
    analysis: str  # stripped, Simplified
    shown: str  # stripped, as written
    after_blank: bool = False  # a blank line (or the start of the text) stands right above it


def _lines(document: Document, limit: int | None = None, start: int = 0, blank: bool = True) -> list[Line]:
    """The non-blank lines that start in [``start``, ``limit``) (``start`` at a line start;
    ``blank``: whether a blank line, or the start of the text, stands right above it)."""
    text, analysis = document.text, document.analysis_text
    out: list[Line] = []
    pos = start
    stop = len(text) if limit is None else min(limit, len(text))
    while pos < stop:
        newline = text.find("\n", pos)
        if newline == -1:
            newline = len(text)
        raw = analysis[pos:newline]
        lead = len(raw) - len(raw.lstrip())
        trail = len(raw.rstrip())
        if trail > lead:
            out.append(Line(pos + lead, pos + trail, raw[lead:trail], text[pos + lead:pos + trail], blank))
            blank = False
        else:
            blank = True
        pos = newline + 1
    return out


HEAD_LINES = 15  # the finders read the lines before the body, the first HEAD_LINES lines
TAIL_LINES = 12  # and the last TAIL_LINES lines (the signature and date)


def _read_lines(document: Document, body_start: int) -> list[Line]:
    """``_lines(document)`` as the finders read it: the lines up to ``body_start`` and the
    first ``HEAD_LINES``, then the last ``TAIL_LINES``; the lines between (most of a long
    report) are not made (the whole list when the two parts meet)."""
    text, analysis = document.text, document.analysis_text
    head_stop, count, pos = body_start, 0, 0
    while pos < len(text) and count < HEAD_LINES:  # where the HEAD_LINES-th non-blank line starts
        newline = text.find("\n", pos)
        newline = len(text) if newline == -1 else newline
        if analysis[pos:newline].strip():
            count += 1
            head_stop = max(head_stop, pos + 1)
        pos = newline + 1
    tail_start, count, end = len(text), 0, len(text)
    if text.endswith("\n"):
        end -= 1  # (the empty piece after a final line break is no line)
    while end >= 0 and count < TAIL_LINES:  # where the TAIL_LINES-th non-blank line from the end starts
        line_start = text.rfind("\n", 0, end) + 1
        if analysis[line_start:end].strip():
            count += 1
            tail_start = line_start
        end = line_start - 1
    if count < TAIL_LINES or tail_start <= head_stop:
        return _lines(document)
    above = text.rfind("\n", 0, tail_start - 1) + 1  # the line right above the tail
    blank = not analysis[above:tail_start - 1].strip()
    return _lines(document, head_stop) + _lines(document, None, tail_start, blank)


def find_metadata(document: Document, sections: list[Section]) -> Metadata:
    """Metadata as a reviewer would write it down; unknown fields are None."""
    text = document.text
    if len(document.analysis_text) != len(text):
        document = Document(document.path, document.sha256, document.format, document.encoding,
                            text, text, document.script)
    body_start = sections[0].heading_start if sections else min(len(text), 3000)
    lines = _read_lines(document, body_start)
    header = [line for line in lines if line.end <= body_start]
    title, title_analysis = _title(header)
    if title is None:
        named = hints.title_from_sentence(document.analysis_text[:body_start])
        if named is not None:
            at = document.analysis_text.find(named)
            title, title_analysis = text[at:at + len(named)], named
    published = _published(lines, header)
    return Metadata(
        title=title,
        issuer=_issuer(document, lines, header, title, title_analysis),
        published=published,
        report_year=_report_year(document, title_analysis, body_start, published),
        doc_number=_doc_number(header),
        script=document.script,
        report_type=_report_type(document, title_analysis, sections),
    )


# --- title -------------------------------------------------------------------------------------

TRAILING_NOTE = re.compile(r"[(（][^()（）]{1,12}[)）]$")  # 报告(全文), 报告(2021年)


def _is_title_line(line: Line, suffixes: list[str]) -> bool:
    value = _unquoted(line.analysis)
    if not 4 <= len(value) <= TITLE_MAX or re.search("[。:：;；!?>|]", value):
        return False
    if re.match(f"第[{CN_YEAR_DIGITS}十0-9]{{1,3}}(?:部分|章|节)", value):
        return False  # 第一部分 行政执法总体情况: a part heading, not the title
    if "《" in value and not WRAPPER.fullmatch(value):
        return False
    return TRAILING_NOTE.sub("", value).endswith(tuple(suffixes)) or bool(WRAPPER.fullmatch(value))


def _unquoted(value: str) -> str:
    """A title line written inside 《》 as a whole stands for the title itself."""
    if value.startswith("《") and value.endswith("》") and value.count("《") == 1:
        return value[1:-1]
    return value


def _title_score(analysis: str) -> int:
    """How much a candidate looks like a report title rather than a column name (法治政府建设情况)."""
    return (2 * bool(re.search(r"(?:19|20)\d{2}|[〇零一二三四五六七八九]{4}年", analysis))
            + (TRAILING_NOTE.sub("", analysis).endswith("报告")) + (len(analysis) >= 10))


def _title(header: list[Line]) -> tuple[str | None, str | None]:
    """(title as written, Simplified title).  A 通知 that wraps a report yields the report's
    own title line below it, else the wrapped title; among several title-like lines the one
    that looks most like a report title (a year, 报告, a full length) wins, the first on ties."""
    suffixes = templates().get("title_suffixes", ["报告"])
    own: list[tuple[str, str]] = []
    wrapped: tuple[str, str] | None = None
    for index, line in enumerate(header):
        if not _is_title_line(line, suffixes):
            continue
        match = WRAPPER.fullmatch(line.analysis)
        if match:
            if wrapped is None:
                group = "inner" if match.group("inner") else "bare"
                wrapped = (line.shown[match.start(group):match.end(group)], match.group(group))
            continue
        shown, analysis = line.shown, line.analysis
        if analysis != _unquoted(analysis):
            shown, analysis = shown[1:-1], analysis[1:-1]
        elif index > 0 and _joins_title(header[index - 1], line):
            prev = header[index - 1]
            shown, analysis = prev.shown + shown, prev.analysis + analysis
        own.append((shown, analysis))
    if own:
        return max(own, key=lambda pair: _title_score(pair[1]))
    return wrapped if wrapped else (None, None)


YEAR_WORD = f"(?:(?:19|20)\\d{{2}}|[{CN_YEAR_DIGITS}]{{4}})\\s*年度?"
# The first part of a title broken over two lines: the issuer, its year, or both
# (``桐溪县应急管理局2023年度`` above ``法治政府建设情况报告``).
# (``某市生态环境局关于2022年度`` above ``法治政府建设工作情况的报告``: 关于 between them)
TITLE_HEAD = re.compile(f"(?P<org>[\u4e00-\u9fff（）()]{{2,30}}?{ORG_SUFFIX})?(?:关于)?(?P<year>{YEAR_WORD})?")
# A line that opens a title of its own: a year, 关于, or a named body (a place, then its office).
TITLE_OPENING = re.compile(f"{YEAR_WORD}|关于|[\u4e00-\u9fff]{{0,20}}?[省市区县州旗镇乡][\u4e00-\u9fff]{{0,20}}?"
                           f"{ORG_SUFFIX}")


def _joins_title(prev: Line, line: Line) -> bool:
    """A title broken over two lines: a short unpunctuated line naming the issuer right above a
    line that starts with the year or 关于, or a first line that opens or ends with 关于; or a
    short line that is nothing but the title's first part (the issuer and/or the year, ``XX局
    2023年度``) right above a line that does not open a title of its own (no issuer, year or 关于
    of its own), with no blank line between them."""
    value = prev.analysis
    if len(value) > 30 or value.endswith("文件"):
        return False
    head = TITLE_HEAD.fullmatch(value)
    if head and (head.group("org") or head.group("year")) and not line.after_blank:
        if not TITLE_OPENING.match(line.analysis):
            return True
    if (not line.after_blank and len(line.analysis) <= 12 and not TITLE_OPENING.match(line.analysis)
            and TITLE_HEAD.match(value).group("org") and YEAR_IN_TITLE.search(value)
            and not re.search("[。,，;；:：!?！？]", value)):
        return True  # 某局2021年度法治政府建设 / 工作报告: a title broken before its last words
    if not re.fullmatch("[\u4e00-\u9fff]+", value):
        return False
    if value.startswith("关于") or value.endswith("关于"):
        return True
    starts_title = bool(re.match(f"(?:19|20)\\d{{2}}|[{CN_YEAR_DIGITS}]{{4}}年|关于", line.analysis))
    return starts_title and bool(re.search(f"{ORG_SUFFIX}$", value))


# --- issuer ------------------------------------------------------------------------------------

def _issuer(document: Document, lines: list[Line], header: list[Line],
            title: str | None, title_analysis: str | None) -> str | None:
    names: list[str] = []  # in order of trust
    sites: list[str] = []  # labelled sources that are not an organisation (XX政府网)
    for line in header[:40] + lines[:15]:
        for match in ISSUER_LABEL.finditer(line.analysis):
            value = match.group("v")
            cut = NEXT_LABEL.search(value)
            value = value[:cut.start()] if cut else value
            if len(value) >= 3:
                offset = match.start("v")
                shown = line.shown[offset:offset + len(value)]
                (names if re.search(f"{ORG_SUFFIX}$", value) else sites).append(shown)
    for line in header:
        match = re.fullmatch(f"(?P<v>[\u4e00-\u9fff]{{2,30}}{ORG_SUFFIX})\\s*文件", line.analysis)
        if match:
            names.append(line.shown[:match.end("v")])
    signatures = _signatures(lines)
    names += signatures
    titled = None  # the body the title opens with
    if title and title_analysis and len(title) == len(title_analysis):
        match = re.match(f"[\u4e00-\u9fff]{{2,30}}?{ORG_SUFFIX}(?=(?:19|20)\\d{{2}}|关于|[\u4e00-\u9fff]{{4}})",
                         title_analysis)
        if match and re.search("[省市区县州旗镇乡]", match.group(0)):
            titled = title[:match.end()]
            names.append(titled)
    for line in header[:5]:
        if ORG_LINE.fullmatch(line.analysis):
            names.append(line.shown)
    byline = _byline(header, title_analysis)
    if byline is not None:
        names.insert(0, byline)  # the body that signs under the title outranks the page's 来源
    level = hints.speaker_level(document.analysis_text)
    cited = [name for name in _names_in_titles(document) if hints.same_level(name, level)]
    names += sites + cited
    if not names:
        return None
    chosen = names[0]
    # The report names itself: the body its title opens with signs it too.  A page's 来源 that
    # names another body is the department that published it, not the issuer (a fuller form of
    # the same body still wins below).
    signed = [name for name in signatures if titled and _same_body(titled, name)]
    if signed:
        chosen = max([titled] + signed, key=len)
    return hints.with_place(_fullest(chosen, names + cited), document.analysis_text)


def _byline(header: list[Line], title_analysis: str | None) -> str | None:
    """An organisation line right under the report's title line: the body that wrote it."""
    if not title_analysis:
        return None
    for line, below in zip(header, header[1:]):
        if line.analysis == title_analysis and len(below.analysis) <= 30 and ORG_LINE.fullmatch(below.analysis):
            return below.shown
    return None


def _same_body(a: str, b: str) -> bool:
    """Two writings of one body's name: one is the other or an abbreviation of it."""
    short, long = sorted((a, b), key=len)
    return short[-1] == long[-1] and _subsequence(short, long)


def _signatures(lines: list[Line]) -> list[str]:
    """Issuer names in the 落款: a short organisation line near the end, usually above a date."""
    found = []
    tail = lines[-12:]
    for index, line in enumerate(tail):
        if len(line.analysis) > 30 or not ORG_LINE.fullmatch(line.analysis):
            continue
        following = tail[index + 1:index + 3]
        if any(DATE_ONLY_LINE.fullmatch(f.analysis) for f in following):
            found.insert(0, line.shown)
        else:
            found.append(line.shown)
    return found


def _names_in_titles(document: Document) -> list[str]:
    """Organisation names that open a cited title (《XX市XX局关于…》), most frequent first."""
    counts: dict[str, int] = {}
    pattern = re.compile(f"《(?P<v>[\u4e00-\u9fff]{{2,24}}?[省市区县州旗][\u4e00-\u9fff]{{2,16}}?"
                         f"{ORG_SUFFIX})(?=关于|印发|推进|[\u4e00-\u9fff]{{2,20}}》)")
    for match in pattern.finditer(document.analysis_text):
        start = match.start("v")
        name = document.text[start:match.end("v")]
        if name.startswith("中共"):
            continue
        counts[name] = counts.get(name, 0) + 1
    return sorted(counts, key=lambda n: -counts[n])


def _fullest(name: str, others: list[str]) -> str:
    """The longest name in ``others`` that ``name`` abbreviates (``河西区市场监管局`` →
    ``天津市河西区市场监督管理局``): same last character, ``name`` a subsequence of it."""
    best = name
    for other in others:
        if len(other) > len(best) and other[-1] == name[-1] and _subsequence(name, other):
            best = other
    return best


def _subsequence(short: str, long: str) -> bool:
    chars = iter(long)
    return all(ch in chars for ch in short)


# --- dates and numbers -------------------------------------------------------------------------

def _cn_year(year: str) -> int:
    """``二〇二一`` → 2021 (digit by digit, as years are written)."""
    return int("".join("0" if ch in "〇零" else str(CN_YEAR_DIGITS.index(ch) - 1) for ch in year))


def _iso(year: str, month: str, day: str) -> str | None:
    y = int(year) if year.isdigit() else _cn_year(year)
    m = int(month) if month.isdigit() else cn_to_int(month)
    d = int(day) if day.isdigit() else cn_to_int(day)
    if not m or not d or not 1 <= m <= 12 or not 1 <= d <= 31:
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def _published(lines: list[Line], header: list[Line]) -> str | None:
    """The web publication date when the page states one, else the signing date."""
    # The publication date outranks a generic date, which outranks the drafting date (成文日期).
    rank = {"发布日期": 0, "发布时间": 0, "日期": 1, "时间": 1}
    labelled: list[tuple[int, str]] = []
    for line in header[:40] + lines[:15]:
        for match in DATE_LABEL.finditer(line.analysis):
            iso = _iso(match.group("y"), match.group("m"), match.group("d"))
            if iso:
                labelled.append((rank.get(match.group("label"), 2), iso))
        for match in POSTED_LINE.finditer(line.analysis):
            iso = _iso(match.group("y"), match.group("m"), match.group("d"))
            if iso:
                labelled.append((0, iso))  # the date a copy was posted is its web publication date
    for line, below in zip(header[:40], header[1:41]):
        # a metadata table one cell per line: 发布日期 / 2021-01-29
        field = FIELD_ONLY_LINE.fullmatch(line.analysis)
        match = field and (WEB_DATE_LINE.fullmatch(below.analysis) or DATE_ONLY_LINE.fullmatch(below.analysis))
        if match:
            iso = _iso(match.group("y"), match.group("m"), match.group("d"))
            if iso:
                labelled.append((rank.get(field.group("label"), 2), iso))
    if labelled:
        return min(labelled, key=lambda pair: pair[0])[1]
    for line in header[:10]:
        match = WEB_DATE_LINE.fullmatch(line.analysis) or DAY_FIRST_LINE.fullmatch(line.analysis)
        if match:
            return _iso(match.group("y"), match.group("m"), match.group("d"))
    wrapped = next((i for i, line in enumerate(header[:15]) if WRAPPER.fullmatch(_unquoted(line.analysis))), None)
    if wrapped is not None:
        # 关于印发《…报告》的通知, signed under the notice: the notice's date publishes the report
        for line in header[wrapped + 1:]:
            match = DATE_ONLY_LINE.fullmatch(line.analysis.strip())
            if match:
                return _iso(match.group("y"), match.group("m"), match.group("d"))
    for line in reversed(lines[-12:]):
        match = DATE_ONLY_LINE.fullmatch(line.analysis)
        if match:
            return _iso(match.group("y"), match.group("m"), match.group("d"))
    for line in header:
        # also in brackets under the title: （2022年1月20日）
        match = DATE_ONLY_LINE.fullmatch(line.analysis.strip(" ()（）\u3000"))
        if match:
            return _iso(match.group("y"), match.group("m"), match.group("d"))
    return None


def _report_year(document: Document, title: str | None, body_start: int,
                 published: str | None) -> int | None:
    if title:
        match = YEAR_IN_TITLE.search(title)
        if match:
            year = match.group(1)
            return int(year) if year.isdigit() else _cn_year(year)
    for match in YEAR_IN_BODY.finditer(document.analysis_text):
        if not hints.is_compared(document.analysis_text, match.start(1)):
            return int(match.group(1))
    opening = hints.opening_year(document.analysis_text[body_start:])
    if opening is not None:
        return opening
    if published:
        year, month = int(published[:4]), int(published[5:7])
        return year - 1 if month <= 6 else year
    return None


# 文号: / 文号 | (a metadata table as text) / 文号:| (an HTML table's cells joined)
DOC_NUMBER_LABEL = re.compile(r"(?:发\s*文\s*字\s*号|文\s*号)(?:\s*[:：|｜]){1,2}\s*")


def _doc_number(header: list[Line]) -> str | None:
    """The 发文字号 of the document header: after a 文号 label, or on a line of its own (not one
    cited in the body)."""
    for line in header:
        label = DOC_NUMBER_LABEL.search(line.analysis)
        offset = label.end() if label else 0
        match = DOC_NUMBER.match(line.analysis, offset)
        if match and (match.end() == len(line.analysis) or line.analysis[match.end()] in " \u3000\u00a0签|｜"):
            return line.shown[offset:match.end()]
    return None


def _report_type(document: Document, title: str | None, sections: list[Section]) -> str | None:
    haystacks = [title] if title else []
    haystacks.append(document.analysis_text[:400] + "\n".join(
        document.analysis_text[s.heading_start:s.heading_end] for s in sections if s.level == 1))
    for haystack in haystacks:
        for report_type in templates().get("report_types", []):
            if any(re.search(p, haystack) for p in report_type.get("title_patterns", [])):
                return report_type["id"]
    return None
