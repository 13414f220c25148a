"""Every quantity a report states: counts, money, percentages, durations, measures, ratios, ages
and dates that name a day — each with its value in base units, unit, kind, label and qualifier.

The finder reads ``document.analysis_text`` (Simplified, same length as the shown text) and
reports spans and texts from ``document.text``.  A number is a figure only when a measure word
or unit follows it (``1170件``, ``347.39万元``, ``98%``) or it is a date or a fraction; that alone
keeps hotline numbers, years and heading numbers out.  What is left to exclude — ordinals
(``第一``), words that merely contain a numeral (``统一``, ``一次性``, ``十分``), names in short
quotes (``“七五”``, ``“16条”``), anything inside a citation — is decided with jieba's segmentation
of the clause around the number, never of the whole text.

Choices the contract leaves open:
- a range (``1-2次``, ``3至5天``) has ``value`` = its low end, with ``low`` and ``high`` set;
- ``个百分点`` is kind ``percent`` with unit ``个百分点`` (kept apart from ``%`` by its unit);
- a fraction (``五分之一``) is kind ``ratio`` with unit ``None``; ``倍`` is a ratio with unit ``倍``;
- a qualifier (余, 多, 以上, 约 …) stays in ``text`` as written and is repeated in ``qualifier`` in
  Simplified form (``餘`` -> ``余``), so later rules compare one spelling.
"""

from __future__ import annotations

import bisect
import datetime
import functools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from reviewer.analysis import label_fallbacks, labels, numerals, pos_tokens, segmenter
from reviewer.analysis.figure_spans import Coverage, SectionIndex, anchored_matches
from reviewer.analysis.units import UnitTable, unit_table
from reviewer.model import Citation, Document, Figure, Metadata, Section

_FULLWIDTH = tuple(zip("０１２３４５６７８９．，％－～：／", "0123456789.,%-~:/"))


def _halfwidth(text: str) -> str:
    for wide, narrow in _FULLWIDTH:
        if wide in text:
            text = text.replace(wide, narrow)
    return text

# 1,170.5 or 347.39: the same matches as ``\d+(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`` (tests pin
# it), without giving back each digit of a number that has no thousands separator to try the
# second alternative (~25 % of the match time of a plain number).
_AR = r"\d+(?:,\d{3})*(?:\.\d+)?"
_CN_START = "一二两三四五六七八九十壹贰叁肆伍陆柒捌玖拾"
_CN_BODY = "零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟"
_CN_DECIMAL = "(?:点[零〇一二三四五六七八九]+[万亿]?)?"  # 九十九点五, 三点五万
_CN = f"(?:零点[零〇一二三四五六七八九]+|[{_CN_START}][{_CN_BODY}]*{_CN_DECIMAL})"
_RANGE_SEP = r"[ \t\u3000]*(?:-|—|–|~|～|至|到)[ \t\u3000]*"  # never across a line break
_PRE_QUALIFIERS = ("不少于", "不低于", "不超过", "不高于", "不足", "不到", "超过", "大约", "将近",
                   "接近", "约", "近", "逾", "超")
_PRE_QUALIFIER_ENDS = frozenset(q[-1] for q in _PRE_QUALIFIERS)
_POST_QUALIFIERS = ("以上", "以下", "以内", "左右", "之多", "多", "余")
_POST_WORDS = _POST_QUALIFIERS[:5]  # the ones written as words (多 and 余 alone are read apart)
_CN_DIGIT_CHARS = "".join(numerals.CN_DIGITS)
_AFTER_NUMERAL = ("余", "多", "%", "‰")  # what may stand between a Chinese numeral and its unit, or be it
# What may stand between an Arabic number and its unit (a space, a magnitude, a qualifier):
# after any other character, only a unit starting right there makes the number a figure.
_BEFORE_ARABIC_UNIT = frozenset(" 十百千万亿余多%‰")

_NUMBER = re.compile(
    rf"(?P<a>{_AR}|{_CN}|半|(?<=[近逾超])[百千万])(?:(?P<pct>%)?{_RANGE_SEP}(?P<b>{_AR}|{_CN}))?")
# Every character a match of _NUMBER can start with: found by the regex engine's fast class
# search, where _NUMBER itself (alternatives, a lookbehind) is tried at every character.
_NUMBER_START = re.compile(rf"[\d零半百千万{_CN_START}]")
# 六成, 3成以上: tenths (not 三五成群, 一成不变, 六成为, 5成员)
_TENTHS = re.compile(r"(?<![\d.一二两三四五六七八九十第])(?P<n>[1-9]|[一二两三四五六七八九])成(?![为员群不立功效果本交绩熟长型])")
_HALF = re.compile(r"(?<![另这那其每])一半")  # 超过一半: a ratio of 0.5 (not 另一半, 其一半)
_PERCENT_WORDS = re.compile(rf"百分之(?P<a>{_AR}|[{_CN_BODY}]+{_CN_DECIMAL})|百分(?P<all>百)")  # 百分百 = 100%
_ARABIC_FRACTION = re.compile(r"(?<![\d/.:-])(?P<n>\d{1,2})/(?P<d>\d{1,3})(?![\d/.:-])")
_FRACTION = re.compile(rf"(?P<d>[{_CN_BODY}]+)分之(?P<n>[{_CN_BODY}]+)")
_DATE_FULL = re.compile(
    r"(?P<y>\d{4}|[〇零○一二三四五六七八九]{4})\s*年\s*(?P<m>\d{1,2}|[一二三四五六七八九十]{1,2})\s*月"
    r"\s*(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*[日号]")
# A page stamp of some portals, day first: 21.04.2017  09:41 on a line of its own.
_DATE_DAY_FIRST = re.compile(r"(?m)^[ \t\u3000]*(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)\d\d)(?=[ \t\u3000]+\d{1,2}:\d{2}|[ \t\u3000]*$)")
# (?<![\d.]) is tested after the 19 or 20 (as (?<![\d.]..)): a pattern that opens with a
# lookbehind gets no prefix search from the regex engine, which then tries every character.
_DATE_NUMERIC = re.compile(r"(?P<y>(?:19|20)(?<![\d.]..)\d\d)(?P<s>[-./])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})(?![\d.])")
_DATE_MONTH_DAY = re.compile(
    r"(?<![\d年〇零一二三四五六七八九十])(?P<m>\d{1,2}|[一二三四五六七八九十]{1,2})月"
    r"(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})[日号]")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*年")
_DOC_NUMBER = re.compile(r"[〔\[［(（【]\s*(?:19|20)\d\d\s*[〕\]］)）】]\s*\d+\s*号")
_TITLE = re.compile(r"《[^《》\n]{1,120}》")
# A web page's own counters (阅读:356次, 浏览次数：2317, 点击量 1024) are not stated by the report.
# Only as a page field: followed by white space or the line end (阅读量达5000次， is a figure).
_PAGE_COUNTER = re.compile(
    r"(?:阅读|浏览|点击|访问|阅览)(?:次数|量|数|人次)?[ \t\u3000]*[:：]?[ \t\u3000]*\d[\d,]*(?:次|人次)?"
    r"(?=[ \t\u3000]|$)", re.M)
# A quoted name cut by the end of an excerpt (…推行“一次抽查、全): still a name.
_QUOTE_CUT = re.compile(r"“[^“”\n]{1,14}\s*\Z")
_QUOTED = re.compile(r"“[^“”\n]{1,14}”|\"[^\"\n]{1,14}\"|‘[^‘’\n]{1,14}’|「[^「」\n]{1,14}」|『[^『』\n]{1,14}』")
# Sessions of a congress are ordinals: 十一届三次、四次全会, 四届三次全会.
_SESSION_ORDINALS = re.compile(r"届(?:[一二三四五六七八九十\d]+次[、,，和及]?)+")
# Before a numeral these make it an ordinal or a rank (第三, 周一, 前五位), not a quantity.
_ORDINAL_BEFORE = ("第", "初", "周", "星期", "礼拜", "前")
# A duration followed by one of these names a campaign or a plan (三年行动, 五年规划).
_PLAN_AFTER = ("行动", "计划", "规划", "攻坚", "工程", "纲要", "方案")
_TIME_OF_DAY_BEFORE = re.compile(r"(\d{1,2}\s*[时点:]|\d{1,2}\s*时\s*\d{1,2})\s*$")


@dataclass(slots=True)  # (one per candidate number: ~22,000 for a dense 1 MB report)
class _Found:
    start: int
    end: int
    value: float | int | str | None
    unit: str | None
    kind: str
    qualifier: str | None
    low: float | None = None
    high: float | None = None
    number_start: int = 0
    number_end: int = 0
    chinese: bool = False


def find_figures(document: Document, sections: list[Section], citations: list[Citation],
                 metadata: Metadata) -> list[Figure]:
    """Figures in document order, each with its label and the innermost section holding it."""
    text = document.text
    a = _halfwidth(document.analysis_text or text)
    if len(a) != len(text):  # never trust offsets from a copy of another length
        a = _halfwidth(text)
    blocked = Coverage(len(a))
    for span in _blocked_spans(text, a, citations, sections):
        blocked.append(span)
    found = _find_dates(a, metadata)
    taken = sorted((f.start, f.end) for f in found)
    found += _find_quantities(a, blocked, taken)
    found.sort(key=lambda f: f.start)
    blocked_mask = blocked.mask  # (``blocked.free`` tested inline)
    found = [f for f in found if blocked_mask.find(1, f.start, f.end) < 0 and _stands_alone(a, f)]
    figures: list[Figure] = []
    section_index = SectionIndex(sections)
    finder = labels.LabelFinder(text, a)
    aliases = unit_table().aliases
    for f in found:
        if f.kind == "percent":  # (``_negative``'s own first test)
            _negative(a, f)
    for number, f in enumerate(found, start=1):
        # positional (id, text, value, unit, kind, label, qualifier, start, end, section, low,
        # high): half the cost of keywords, for every figure
        figures.append(Figure(
            number, text[f.start:f.end], f.value, aliases.get(f.unit, f.unit), f.kind,
            None, f.qualifier, f.start, f.end,
            section_index.innermost(f.start), f.low, f.high))
    finder.label_all(figures)
    label_fallbacks.label_table_cells(a, figures)
    label_fallbacks.apply_fallbacks(text, figures)
    return figures


def _negative(a: str, f: _Found) -> None:
    """A minus sign standing before a percentage (a table cell ``-20.00%``) belongs to it."""
    if f.kind != "percent" or not isinstance(f.value, (int, float)) or f.start < 1 or f.low is not None:
        return
    if a[f.start - 1] in "-−" and (f.start == 1 or a[f.start - 2] in " \t\n|(:\u3000"):
        f.start -= 1
        f.value = -f.value


# ---------------------------------------------------------------- exclusions


def _blocked_spans(text: str, a: str, citations: list[Citation], sections: list[Section]
                   ) -> list[tuple[int, int]]:
    """Spans no figure may overlap: citations (given, and 《》 / 〔2018〕118号 found here too, so
    the finder is right even before the citation finder runs), short quoted names and the
    numbers of headings."""
    spans = [(c.start, c.end) for c in citations]
    spans += [m.span() for m in _TITLE.finditer(a)]
    for m in _DOC_NUMBER.finditer(a):
        start = m.start()
        while start > 0 and "\u4e00" <= a[start - 1] <= "\u9fff" and m.start() - start < 12:
            start -= 1
        spans.append((start, m.end()))
    spans += [m.span() for m in _QUOTED.finditer(a)]
    spans += [m.span() for m in _QUOTE_CUT.finditer(a)]
    spans += [m.span() for m in _PAGE_COUNTER.finditer(a)]
    spans += [m.span() for m in _SESSION_ORDINALS.finditer(a)]
    for s in sections:
        # the heading's own number: from the heading start to where the title begins
        head = text[s.heading_start:s.heading_end]
        cut = head.find(s.title[:4]) if s.title else -1
        if cut > 0:
            spans.append((s.heading_start, s.heading_start + cut))
    return [(max(0, s), min(len(a), e)) for s, e in spans if s < e]


# ---------------------------------------------------------------- dates


def _find_dates(a: str, metadata: Metadata) -> list[_Found]:
    found: list[_Found] = []
    taken = Coverage(len(a))  # (a mask, not a list to compare each new date with)

    def add(start: int, end: int, y: int, m: int, d: int) -> None:
        try:
            iso = datetime.date(y, m, d).isoformat()
        except ValueError:
            return
        if not taken.free(start, end):
            return
        taken.append((start, end))
        found.append(_Found(start, end, iso, None, "date", None))

    for m in anchored_matches(_DATE_FULL, a, "年", 4, spaced=True, before="0〇零○一二三四五六七八九"):
        y, mo, d = _date_part(m.group("y")), _date_part(m.group("m")), _date_part(m.group("d"))
        if y and mo and d:
            add(m.start(), m.end(), y, mo, d)
    for m in _DATE_NUMERIC.finditer(a):
        add(m.start(), m.end(), int(m.group("y")), int(m.group("m")), int(m.group("d")))
    for m in _DATE_DAY_FIRST.finditer(a):
        add(m.start("d"), m.end(), int(m.group("y")), int(m.group("m")), int(m.group("d")))
    years = [(m.start(), int(m.group(1))) for m in anchored_matches(_YEAR, a, "年", 4, spaced=True, before="0")]
    fallback_year = _report_year(a, metadata, years)
    for m in anchored_matches(_DATE_MONTH_DAY, a, "月", 2, before="0一二三四五六七八九十"):
        mo, d = _date_part(m.group("m")), _date_part(m.group("d"))
        if not (mo and d) or a[m.start() - 1:m.start()] == "每":
            continue  # 每3月1日: a recurring day, not a date
        year = _context_year(a, m.start(), years, fallback_year)
        if year:
            add(m.start(), m.end(), year, mo, d)
    return found


def _date_part(text: str) -> int | None:
    try:
        value = numerals.parse_number(text)
    except numerals.NumeralError:
        return None
    return int(value) if isinstance(value, int) else None


def _report_year(a: str, metadata: Metadata, years: list[tuple[int, int]]) -> int | None:
    """The year the report covers: the metadata's, else the year in its first line, else the
    year the text names most often."""
    if isinstance(metadata.report_year, int) and metadata.report_year > 0:
        return metadata.report_year
    first_line = a.lstrip().split("\n", 1)[0][:120]
    m = _YEAR.search(first_line)
    if m:
        return int(m.group(1))
    if years:
        return Counter(y for _, y in years).most_common(1)[0][0]
    published = str(metadata.published or "")[:4]
    return int(published) if published.isdigit() else None


def _context_year(a: str, pos: int, years: list[tuple[int, int]], fallback: int | None) -> int | None:
    """A month-day date takes the nearest year written earlier in its own paragraph, else the
    year the report covers."""
    paragraph_start = a.rfind("\n", 0, pos) + 1
    i = bisect.bisect_left(years, (pos, 0)) - 1
    if i >= 0 and years[i][0] >= paragraph_start:
        return years[i][1]
    return fallback


# ---------------------------------------------------------------- quantities


def _find_quantities(a: str, blocked: Coverage, taken: list[tuple[int, int]]) -> list[_Found]:
    units = unit_table()
    found: list[_Found] = []
    covered = Coverage(len(a))
    for start, end in taken:
        covered.append((start, end))

    def free(start: int, end: int) -> bool:
        return covered.free(start, end)

    for m in _PERCENT_WORDS.finditer(a):
        if not free(m.start(), m.end()):
            continue
        try:
            value = numerals.parse_number(m.group("a") or m.group("all"))
        except numerals.NumeralError:
            continue
        f = _Found(m.start(), m.end(), value, "%", "percent", None,
                   number_start=m.start(), number_end=m.end(), chinese=True)
        _extend_qualifiers(a, f)
        found.append(f)
        covered.append((f.start, f.end))
    for m in _fractions(a):
        if not free(m.start(), m.end()) or a[m.start() - 1:m.start()] == "第":
            continue
        try:
            value = numerals.parse_number(m.group(0))
        except (numerals.NumeralError, ZeroDivisionError):
            continue
        f = _Found(m.start(), m.end(), value, None, "ratio", None,
                   number_start=m.start(), number_end=m.end(), chinese=True)
        _extend_qualifiers(a, f)
        found.append(f)
        covered.append((f.start, f.end))
    for m in anchored_matches(_HALF, a, "一半", 0):
        if free(m.start(), m.end()):
            f = _Found(m.start(), m.end(), 0.5, None, "ratio", None,
                       number_start=m.start(), number_end=m.end(), chinese=True)
            _extend_qualifiers(a, f)
            found.append(f)
            covered.append((f.start, f.end))
    for m in anchored_matches(_TENTHS, a, "成", 1):
        if not free(m.start(), m.end()):
            continue
        n = m.group("n")
        tenths = int(n) if n.isdigit() else numerals.CN_DIGITS[n]
        f = _Found(m.start(), m.end(), numerals.tidy(tenths / 10), None, "ratio", None,
                   number_start=m.start(), number_end=m.end(), chinese=not n.isdigit())
        _extend_qualifiers(a, f)
        found.append(f)
        covered.append((f.start, f.end))
    for m in anchored_matches(_ARABIC_FRACTION, a, "/", 2):
        numerator, denominator = int(m.group("n")), int(m.group("d"))
        # 1/3, 2/5, 3/100: small proper fractions only, so that 12/31 or 6/18 (dates) stay out
        if not (0 < numerator < denominator and (denominator <= 10 or denominator == 100)):
            continue
        if not free(m.start(), m.end()):
            continue
        f = _Found(m.start(), m.end(), numerals.tidy(numerator / denominator), None, "ratio", None,
                   number_start=m.start(), number_end=m.end())
        _extend_qualifiers(a, f)
        found.append(f)
        covered.append((f.start, f.end))

    # The masks tested directly (``Coverage.free``) in the loop over every number below.
    covered_mask, blocked_mask = covered.mask, blocked.mask
    pos = 0
    while True:
        m = _next_number(a, pos)
        if not m:
            break
        start, pos = m.span()
        if covered_mask.find(1, start, pos) >= 0:
            pos = max(pos, start + 1)
            continue
        f = _quantity_at(a, m, units)
        if f is None:
            # a range that is not one ("3至5"): try the first number alone
            if m.group("b") is not None:
                pos = m.end("a")
            continue
        if covered_mask.find(1, f.start, f.end) >= 0 or blocked_mask.find(1, f.number_start, f.number_end) >= 0:
            continue
        found.append(f)
        covered.append((f.start, f.end))
        pos = f.end
    return found


def _fractions(a: str) -> Iterator[re.Match[str]]:
    """``_FRACTION.finditer(a)``, tried only at the numerals that run up to each 分之.

    (分 and 之 are no numerals: a match is the whole run of numerals before its 分之 (from
    where the last match ended), so that run's first character is the only start to try; the
    engine itself tried every numeral of the text.)"""
    end = 0
    at = a.find("分之")
    while at >= 0:
        start = at
        while start > end and a[start - 1] in _CN_BODY:
            start -= 1
        if start < at:
            m = _FRACTION.match(a, start)
            if m:
                yield m
                end = m.end()
        at = a.find("分之", max(at + 1, end))


def _next_number(a: str, pos: int) -> re.Match[str] | None:
    """``_NUMBER.search(a, pos)``: the first start from ``pos`` where it matches, tried only
    where ``_NUMBER_START`` finds a character it can start with."""
    while True:
        start = _NUMBER_START.search(a, pos)
        if start is None:
            return None
        m = _NUMBER.match(a, start.start())
        if m:
            return m
        pos = start.start() + 1


# The same numerals (1, 2, 10, 一, 三) come back all through a report: each is read once.
_parse_number = functools.lru_cache(maxsize=4096)(numerals.parse_number)


def _quantity_at(a: str, m: re.Match, units: UnitTable) -> _Found | None:
    first, pct, second = m.groups()  # (a, pct, b: by position, a third of the cost of names)
    start, p = m.span()
    chinese = not first[0].isdigit()
    after = a[p:p + 1]
    if chinese:
        if after not in _AFTER_NUMERAL and units.match(a, p) is None:
            return None  # (most Chinese numerals, 一 of 统一 or 一些: no unit, so none of the below)
    elif after not in units.by_first_char and after not in _BEFORE_ARABIC_UNIT:
        return None  # (an Arabic number that nothing a unit needs follows: a year, a code, 1.5)
    before = a[max(0, start - 3):start].rstrip(" ")
    previous = a[start - 1] if start > 0 else ""
    # glued to letters or other digits (G20, 5G, version 1.2.3) or an ordinal (第三)
    if previous and (previous.isascii() and previous.isalnum() or previous in "._/×*"):
        return None  # (7×24小时: a product names round-the-clock service, not a duration)
    if before.endswith(_ORDINAL_BEFORE) and not before.endswith(("每周", "每星期", "每礼拜")):
        return None  # 周一 is a weekday, but 每周1次 is a frequency
    if previous and previous in "”\"’」』" and _short_quote_before(a, start):
        return None  # “六稳”16条: the number belongs to the name
    if chinese and first[0] in "十百千万" and before.endswith(("数", "几", "若干")):
        return None  # 数十家: "dozens", not a stated number
    if chinese and len(first) > 1 and not first.strip(_CN_DIGIT_CHARS):
        return None  # 二〇二〇, 一二: years and codes, not quantities
    try:
        low = _parse_number(first)
        high = _parse_number(second) if second else None
    except numerals.NumeralError:
        return None
    n = len(a)
    if p + 1 < n and a[p] == " " and not chinese and (a[p + 1] in "十百千万亿%" or units.match(a, p + 1)):
        p += 1  # 12 件: a space that PDF extraction put between a digit and a Han character
    qualifier_parts: list[str] = []
    if chinese or p >= n or a[p] not in "十百千万亿":  # (``_take_magnitude``'s own first test)
        magnitude = 1
    else:
        p, magnitude = _take_magnitude(a, p, units)
    if p < n and a[p] in "余多":
        qualifier_parts.append(a[p])
        p += 1
        p, more = _take_magnitude(a, p, units)  # 十余万元, 2千余万元
        magnitude *= more
    if p < n and a[p] in "%‰":
        unit = a[p]
    else:
        unit = units.match(a, p)
    if unit is None:
        return None
    kind = units.kind_of[unit]
    if chinese and unit in units.arabic_only:
        return None
    unit_end = p + len(unit)
    if unit in units.context and not _in_context(a, start, unit_end, units.context[unit]):
        return None  # 1,386路 after 视频监控点位 are channels; 3路公交车 is a bus route
    if unit == "个" and a[unit_end:unit_end + 1] in ("多", "余"):
        for longer in units.by_first_char["个"]:  # 3个多月: 个月 with 多 inside
            if len(longer) > 1 and a.startswith(longer[1:], unit_end + 1):
                qualifier_parts.append(a[unit_end])
                unit, kind = longer, units.kind_of[longer]
                unit_end += len(longer)
                break
    if chinese and first == "一" and len(unit) == 1 and a[unit_end:unit_end + 1] in ("一", "多", "双", "两", unit):
        return None  # 一人一档, 一企一策, 一证多址, 一项项: set phrases, not counts
    value = numerals.tidy(low * magnitude)
    high_value = numerals.tidy(high * magnitude) if high is not None else None
    if unit == "年" and not chinese and (isinstance(low, float) or low >= 1000 or (high or 0) >= 1000):
        return None  # 2020年, 2015-2020年: years
    if unit in ("年",) and a.startswith(("度", "级", "代", "初", "底", "末"), unit_end):
        return None
    if unit == "日" and (before.endswith(("月", "每月")) or (before[-1:] in ("-", "—", "~", "至", "到")
                                                         and before[-2:-1] == "日")):
        return None  # the day of a date (7月1日-10日, 每月5日前), not a number of days
    if kind == "duration" and a.startswith(_PLAN_AFTER, unit_end):
        return None
    if kind == "duration" and chinese and first == "一" and a.startswith(("来", "以来"), unit_end):
        return None  # 一年来: "over the past year", not a stated period
    if pct and unit != "%":
        return None
    if unit == "分" and _TIME_OF_DAY_BEFORE.search(a[max(0, start - 6):start]):
        return None  # 8时30分
    end = unit_end
    if a.startswith(_POST_WORDS, end):
        q = next(q for q in _POST_WORDS if a.startswith(q, end))
        qualifier_parts.append(q)
        end += len(q)
    else:
        if kind == "duration" and a[end:end + 1] in ("多", "余") and (
                end + 1 >= len(a) or a[end + 1] in "时,,。;;、的来以))\n "):
            qualifier_parts.append(a[end])  # 1年多时间
            end += 1
    # (positional: start, end, value, unit, kind, qualifier, low, high, number_start, number_end, chinese)
    f = _Found(start, end, value, unit, kind, None, None, None, start, unit_end, chinese)
    if high_value is not None:
        f.low, f.high = float(value), float(high_value)
    if qualifier_parts:
        f.qualifier = "".join(qualifier_parts)
    if previous and not chinese and high_value is None and previous in _SIGNS and _signed(a, start):
        f.start -= 1  # -3.5%, +8.2% in a table of changes: the sign belongs to the value
        if previous in _MINUS:
            f.value = -value
        return f
    if previous and previous in _PRE_QUALIFIER_ENDS:  # (``_extend_prefix``'s own first test)
        _extend_prefix(a, f)
    return f


def _take_magnitude(a: str, p: int, units: UnitTable) -> tuple[int, int]:
    """(end, multiplier) of the magnitude characters at ``p`` after a number (12万, 3.5亿)."""
    if p >= len(a) or a[p] not in "十百千万亿":
        return p, 1
    unit = units.match(a, p)
    if unit is not None and a[p] == unit[0]:
        return p, 1  # 千米, 千克: the 千 belongs to the unit
    mult = 1
    while p < len(a) and a[p] in "十百千万亿" and mult < 10**12:
        mult *= numerals.MAGNITUDES[a[p]]
        p += 1
    return p, mult


_MINUS = "-\uff0d\u2212"
_SIGNS = _MINUS + "+\uff0b"


def _signed(a: str, start: int) -> bool:
    """Whether a sign (+, -, －, −) stands right before the number at ``start`` and not between
    two numbers or after a code (1-2次, GB/T 9704-2012, ISO-9001: a range or a name)."""
    if start == 0 or a[start - 1] not in _SIGNS:
        return False
    before = a[start - 2] if start >= 2 else ""
    return not (before.isdigit() or before.isascii() and before.isalnum() or before in "._/%‰")


def _in_context(a: str, start: int, unit_end: int, words: tuple[str, ...]) -> bool:
    """Whether one of ``words`` stands in the clause before the number or right after its unit."""
    lo = start
    while lo > 0 and start - lo < 20 and a[lo - 1] not in ",,;;。!?!?::\n":
        lo -= 1
    return any(w in a[lo:start] or a.startswith(w, unit_end) for w in words)


def _short_quote_before(a: str, end: int) -> bool:
    """Whether the quotation closing at ``end`` is short, like a name (“六稳”), rather than a
    list of items that the number then counts (“…、…、…”三条措施, and people: “调解能手”38名)."""
    closing = a[end - 1]
    opening = {"”": "“", "’": "‘", "」": "「", "』": "『"}.get(closing, closing)
    start = a.rfind(opening, max(0, end - 8), end - 1)
    return start >= 0 and end - 1 - start - 1 <= 4 and not re.match(r"\d+[名人位]", a[end:end + 8])  # “调解能手”38名 counts


def _extend_qualifiers(a: str, f: _Found) -> None:
    for q in _POST_QUALIFIERS[:5]:
        if a.startswith(q, f.end):
            f.end += len(q)
            f.qualifier = q
            break
    _extend_prefix(a, f)


def _extend_prefix(a: str, f: _Found) -> None:
    """约90%, 超过300人: a qualifier written before the number joins the span."""
    if not f.start or a[f.start - 1] not in _PRE_QUALIFIER_ENDS:
        return  # (most figures: no qualifier can end right before them)
    for q in _PRE_QUALIFIERS:
        if f.start >= len(q) and a.startswith(q, f.start - len(q)):
            if q in ("近", "超") and f.kind in ("duration",):
                return  # 近3年 is "the last three years", not "nearly"
            if len(q) == 1 and not _word_ends_at(a, f.start, q):
                return  # 签约3家, 最近5年: the character ends another word
            f.start -= len(q)
            f.qualifier = q + (f.qualifier or "")
            return


_ARTICLE_BEFORE = ("是", "作为", "成为", "属于", "这", "那", "每", "哪", "某", "任何", "同")


def _stands_alone(a: str, f: _Found) -> bool:
    """Whether the number and its unit are words of their own in jieba's segmentation, so
    that 统一, 进一步, 一次性, 十分 (very), 一批 and "是一项重要制度" (an article, not a count)
    are not taken for quantities."""
    if f.unit is None or f.kind in ("date", "ratio") or f.unit in "%‰":
        return True
    units = unit_table()
    unit_end = f.number_end
    unit_start = unit_end - len(f.unit)
    if f.chinese:
        numeral = a[f.number_start:unit_end]
        if numeral in units.vague_words:
            return False
        if numeral[0] == "一" and a[max(0, f.number_start - 2):f.number_start].endswith(_ARTICLE_BEFORE):
            return False
        if numeral == "一次" and _ONE_GO_RATE.match(a, unit_end):
            return False  # 一次办结率, 一次性告知率: the name of a rate, not a count
        if numeral[0] == "一" and len(numeral) == 1 + len(f.unit):
            after = pos_tokens.tokens(a, unit_end, min(len(a), unit_end + 4))
            if after and after[0].flag in ("a", "ad", "z"):
                return False  # 一项重要制度: "an important system", not a count
    elif f.unit not in units.ambiguous:
        return True
    number_start, chinese, ambiguous = f.number_start, f.chinese, f.unit in units.ambiguous
    # (the line breaks looked for within the six characters only: a long paragraph is not read)
    lo = a.rfind("\n", max(0, number_start - 6), number_start) + 1
    lo = max(lo, number_start - 6)
    hi = a.find("\n", unit_end, unit_end + 6)
    hi = min(hi if hi >= 0 else len(a), unit_end + 6)
    if not chinese and not _word_may_run_on(a, unit_start, unit_end, hi):
        return True  # (after an Arabic number only a word running on from the unit tells)
    # dictionary words only: HMM would glue a measure word to the next character (62条且)
    for word, start, end in pos_tokens.words(a, lo, hi, hmm=False):
        if chinese and start < number_start < end and word[:number_start - start] not in _PREFIXES:
            return False  # 统一, 唯一, 进一步 (but 每半年)
        if chinese and start <= number_start and unit_end < end:
            return False  # 一次性, 一部分
        if start == unit_start and unit_end < end and ambiguous and not (
                f.qualifier and f.end > unit_end and end <= f.end):
            return False  # 3分局, 一期工程 (but 10所以上: jieba reads 所|以上 as 所以)
    return True


def _word_may_run_on(a: str, start: int, end: int, hi: int) -> bool:
    """Whether jieba's dictionary has a word that starts at ``start`` and ends after ``end``,
    by ``hi`` (分局, 所以).  Without dictionary segmentation (HMM off) a word starting at a Han
    character is always one of its dictionary's words: without one, the unit cannot run on,
    and the window around it need not be segmented."""
    freq = segmenter.for_text(a[start]).FREQ  # (the words of that character loaded)
    return any(freq.get(a[start:stop]) for stop in range(end + 1, hi + 1))


# 一次 + a two-character verb (办结, 通过) + 率 names a rate: "done in one go" rate.
_ONE_GO_RATE = re.compile(r"性?[\u4e00-\u9fff]{2}率")


def _word_ends_at(a: str, end: int, word: str) -> bool:
    """Whether ``word`` is a word of its own right before ``end`` (约 alone, not 签约)."""
    lo = max(0, end - len(word) - 3)
    toks = pos_tokens.words(a, lo, end, hmm=False)
    return bool(toks) and toks[-1][0] == word


# Characters that jieba may glue before a numeral without making it part of another word.
_PREFIXES = frozenset("每近约逾共达计仅另各满超分")


