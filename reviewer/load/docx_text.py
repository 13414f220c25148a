"""Text of a Word (.docx) report: body paragraphs and table rows in document order.

Word often numbers headings itself (a list level "一、" or "（一）" that is not in the text runs):
the number a reader sees lives in ``numbering.xml``.  It is rendered here into the text, so the
outline finder sees "一、主要举措" exactly as printed.  Hidden text, deleted revisions, field
codes are left out; text boxes become lines of their own before the paragraph that anchors
them; page headers and footers are not part of the body.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field

from reviewer.load.html_text import CELL_SEPARATOR
from reviewer.load.zip_limits import check_zip
from reviewer.messages import ReviewerError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

# Subtrees whose text a reader does not see in the body flow (or sees twice).
_SKIPPED = {f"{W}del", f"{W}moveFrom", f"{W}txbxContent", f"{MC}Fallback", f"{W}instrText",
            f"{W}delText", f"{W}footnoteReference", f"{W}endnoteReference", f"{W}pPr", f"{W}rPr"}


# Word's own bounds: list levels 0-8, counters up to 32767; a label longer than this is no number.
MAX_LEVELS = 9
MAX_COUNTER = 32767
MAX_LABEL_CHARS = 64


def docx_text(data: bytes, path: str = "", max_chars: int | None = None) -> str:
    """The report's text, one paragraph or table row per line (not yet normalised).  The package
    is checked for decompression bombs first; past ``max_chars`` extraction stops (too_large)."""
    check_zip(data, path)
    try:
        from docx import Document as open_docx

        document = open_docx(io.BytesIO(data))
        body = document.element.body
        numbering = Numbering.from_document(document)
        lines: list[str] = []
        total = 0
        for block in _blocks(body):
            for line in _block_lines(block, numbering):
                lines.append(line)
                total += len(line) + 1
            if max_chars is not None and total > max_chars:
                raise ReviewerError("too_large", path=path, size=f"> {max_chars // (1024 * 1024)}",
                                    limit=max_chars // (1024 * 1024))
    except ReviewerError:
        raise
    except MemoryError:
        raise ReviewerError("docx_bomb", path=path, reason="memory") from None
    except Exception:  # python-docx, zipfile and lxml each raise their own kinds
        raise ReviewerError("bad_docx", path=path) from None
    return "\n".join(lines)


def _blocks(container) -> Iterator:
    """Paragraphs and tables of a body or cell, looking through content controls."""
    for child in container:
        if child.tag in (f"{W}p", f"{W}tbl"):
            yield child
        elif child.tag in (f"{W}sdt", f"{W}customXml"):
            content = child.find(f"{W}sdtContent") if child.tag == f"{W}sdt" else child
            if content is not None:
                yield from _blocks(content)


def _block_lines(block, numbering: Numbering) -> list[str]:
    if block.tag == f"{W}p":
        lines = [line for box in _text_boxes(block) for inner in _blocks(box)
                 for line in _block_lines(inner, numbering)]
        return lines + [numbering.label(block) + paragraph_text(block)]
    rows = []
    for tr in block.iter(f"{W}tr"):
        if _ancestor_table(tr) is not block:
            continue  # a row of a nested table: its text is part of its cell
        cells: list[list[str]] = []
        for tc in tr.iter(f"{W}tc"):
            if _ancestor_table(tc) is not block:
                continue
            parts = []
            for inner in _blocks(tc):
                parts.extend(_block_lines(inner, numbering))
            cells.append([part.strip() for part in parts if part.strip()])
        filled = [cell for cell in cells if cell]
        if len(filled) == 1:
            rows.extend(filled[0])  # a layout table around the text: keep its paragraphs
            continue
        while cells and not cells[-1]:
            cells.pop()
        if cells:
            rows.append(CELL_SEPARATOR.join(" ".join(cell) for cell in cells))
    return rows


def _text_boxes(p) -> list:
    """Text boxes anchored in paragraph ``p`` (a letterhead "某某局文件" is often one), each once:
    not the VML copy Word keeps in ``mc:Fallback``, not a box nested in another box."""
    boxes = []
    for box in p.iter(f"{W}txbxContent"):
        parent = box.getparent()
        while parent is not None and parent is not p:
            if parent.tag in (f"{MC}Fallback", f"{W}txbxContent"):
                break
            parent = parent.getparent()
        else:
            boxes.append(box)
    return boxes


def _ancestor_table(element):
    parent = element.getparent()
    while parent is not None and parent.tag != f"{W}tbl":
        parent = parent.getparent()
    return parent


def paragraph_text(p) -> str:
    """Visible text of one ``w:p``: runs, tabs and line breaks, hyperlinks and inserted
    revisions included; hidden runs, deletions and field codes left out."""
    out: list[str] = []
    _collect(p, out)
    return "".join(out)


def _collect(element, out: list[str]) -> None:
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED:
            continue
        if tag == f"{W}r" and _hidden(child):
            continue
        if tag == f"{W}t":
            out.append(child.text or "")
        elif tag == f"{W}tab" or tag == f"{W}ptab":
            out.append("\t")
        elif tag in (f"{W}br", f"{W}cr"):
            out.append("\n")
        elif tag == f"{W}noBreakHyphen":
            out.append("-")
        elif tag == f"{W}p":  # a paragraph nested in an inline content control
            out.append("\n")
            _collect(child, out)
        else:
            _collect(child, out)


def _hidden(run) -> bool:
    rpr = run.find(f"{W}rPr")
    if rpr is None:
        return False
    vanish = rpr.find(f"{W}vanish")
    return vanish is not None and vanish.get(f"{W}val", "true") not in ("0", "false", "off")


# ---------------------------------------------------------------------------------------------
# Word's automatic numbering


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    legal: bool = False  # isLgl: show every level as an Arabic number


@dataclass
class Numbering:
    """Counters for Word's list numbering, advanced paragraph by paragraph in document order."""

    abstract: dict[str, dict[int, Level]] = field(default_factory=dict)
    nums: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)  # numId -> (abstract, starts)
    styles: dict[str, tuple[str, int]] = field(default_factory=dict)  # styleId -> (numId, ilvl)
    counters: dict[str, list[int | None]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)

    @classmethod
    def from_document(cls, document) -> Numbering:
        numbering = cls()
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            return numbering
        # A list defined through a numbering style: the abstractNum with ``numStyleLink`` has no
        # levels; the one with the matching ``styleLink`` holds them (Word's multilevel lists).
        style_link: dict[str, str] = {}
        linked_to: dict[str, str] = {}
        for abstract in root.iter(f"{W}abstractNum"):
            abstract_id = abstract.get(f"{W}abstractNumId")
            levels: dict[int, Level] = {}
            for lvl in abstract.iter(f"{W}lvl"):
                levels[_int(lvl.get(f"{W}ilvl"), 0)] = _level(lvl)
            numbering.abstract[abstract_id] = levels
            link = abstract.find(f"{W}styleLink")
            if link is not None:
                style_link[link.get(f"{W}val")] = abstract_id
            link = abstract.find(f"{W}numStyleLink")
            if link is not None:
                linked_to[abstract_id] = link.get(f"{W}val")
        alias = {a: style_link[name] for a, name in linked_to.items() if name in style_link}
        for num in root.iter(f"{W}num"):
            ref = num.find(f"{W}abstractNumId")
            if ref is None:
                continue
            starts: dict[int, int] = {}
            for override in num.iter(f"{W}lvlOverride"):
                ilvl = _int(override.get(f"{W}ilvl"), 0)
                start = override.find(f"{W}startOverride")
                if start is not None:
                    starts[ilvl] = _counter(start.get(f"{W}val"))
                lvl = override.find(f"{W}lvl")
                if lvl is not None:  # a level redefined for this list only
                    abstract_id = f"{ref.get(f'{W}val')}/{num.get(f'{W}numId')}"
                    base = numbering.abstract.get(ref.get(f"{W}val"), {})
                    numbering.abstract.setdefault(abstract_id, dict(base))[ilvl] = _level(lvl)
                    ref_id = abstract_id
                    break
            else:
                ref_id = alias.get(ref.get(f"{W}val"), ref.get(f"{W}val"))
            numbering.nums[num.get(f"{W}numId")] = (ref_id, starts)
        numbering.styles = _style_numbering(document)
        return numbering

    def label(self, p) -> str:
        """The number Word shows before paragraph ``p`` ("一、", "（一）", "1."), or ""."""
        num_id, ilvl = self._numbering_of(p)
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        abstract_id, starts = self.nums[num_id]
        levels = self.abstract.get(abstract_id)
        if not levels or ilvl not in levels or not 0 <= ilvl < MAX_LEVELS:
            return ""  # Word itself shows levels 0-8 only
        counters = self.counters.setdefault(abstract_id, [None] * MAX_LEVELS)
        if num_id not in self.started:
            self.started.add(num_id)
            for level, start in starts.items():
                if 0 <= level < MAX_LEVELS:
                    counters[level] = start - 1
        level = levels[ilvl]
        current = counters[ilvl]
        counters[ilvl] = level.start if current is None else min(current + 1, MAX_COUNTER)
        for deeper in range(ilvl + 1, MAX_LEVELS):
            counters[deeper] = None
        if level.fmt in ("bullet", "none"):
            return ""
        text = level.text[:MAX_LABEL_CHARS]
        for n in range(MAX_LEVELS, 0, -1):
            token = f"%{n}"
            if token in text:
                lvl = levels.get(n - 1, Level())
                value = counters[n - 1] if counters[n - 1] is not None else lvl.start
                fmt = "decimal" if level.legal and n - 1 != ilvl else lvl.fmt
                text = text.replace(token, format_number(value, fmt)[:MAX_LABEL_CHARS])
        return text[:MAX_LABEL_CHARS]

    def _numbering_of(self, p) -> tuple[str | None, int]:
        ppr = p.find(f"{W}pPr")
        num_id = ilvl = None
        if ppr is not None:
            num_pr = ppr.find(f"{W}numPr")
            if num_pr is not None:
                num_el, lvl_el = num_pr.find(f"{W}numId"), num_pr.find(f"{W}ilvl")
                num_id = num_el.get(f"{W}val") if num_el is not None else None
                ilvl = _int(lvl_el.get(f"{W}val"), 0) if lvl_el is not None else None
            if num_id is None:
                style = ppr.find(f"{W}pStyle")
                if style is not None and style.get(f"{W}val") in self.styles:
                    style_num, style_lvl = self.styles[style.get(f"{W}val")]
                    num_id = style_num
                    ilvl = style_lvl if ilvl is None else ilvl
        return num_id, ilvl or 0


def _level(lvl) -> Level:
    level = Level()
    start = lvl.find(f"{W}start")
    if start is not None:
        level.start = _counter(start.get(f"{W}val"))
    fmt = lvl.find(f"{W}numFmt")
    if fmt is not None:
        level.fmt = fmt.get(f"{W}val") or "decimal"
    text = lvl.find(f"{W}lvlText")
    if text is not None:
        level.text = text.get(f"{W}val") or ""
    level.legal = lvl.find(f"{W}isLgl") is not None
    return level


def _style_numbering(document) -> dict[str, tuple[str, int]]:
    """Paragraph styles that carry numbering (heading styles of many templates), with basedOn."""
    try:
        root = document.styles.element
    except Exception:
        return {}
    direct: dict[str, tuple[str | None, int | None]] = {}
    based_on: dict[str, str] = {}
    for style in root.iter(f"{W}style"):
        style_id = style.get(f"{W}styleId")
        if not style_id:
            continue
        parent = style.find(f"{W}basedOn")
        if parent is not None:
            based_on[style_id] = parent.get(f"{W}val")
        num_pr = style.find(f"{W}pPr/{W}numPr")
        if num_pr is not None:
            num_el, lvl_el = num_pr.find(f"{W}numId"), num_pr.find(f"{W}ilvl")
            direct[style_id] = (num_el.get(f"{W}val") if num_el is not None else None,
                                _int(lvl_el.get(f"{W}val"), 0) if lvl_el is not None else None)
    resolved: dict[str, tuple[str, int]] = {}
    for style_id in set(direct) | set(based_on):
        seen, current = set(), style_id
        while current and current not in seen:
            seen.add(current)
            if current in direct and direct[current][0]:
                resolved[style_id] = (direct[current][0], direct[current][1] or 0)
                break
            current = based_on.get(current)
    return resolved


def _counter(value) -> int:
    """A list's start value within Word's own bounds (0-32767)."""
    return max(0, min(_int(value, 1), MAX_COUNTER))


def _int(value, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


# ---------------------------------------------------------------------------------------------
# Number formats (ST_NumberFormat)

_CN_DIGITS = "零一二三四五六七八九"
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_TW_LEGAL = "零壹貳參肆伍陸柒捌玖"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PARENTHESISED = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_FULL_STOP = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"
_IDEOGRAPH_CIRCLED = "㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩"
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"


def chinese_counting(n: int, digits: str = _CN_DIGITS, units: str = "十百千") -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (as Word's chineseCounting)."""
    if n <= 0:
        return digits[0]
    if n >= 10000:
        return str(n)
    parts: list[str] = []
    values = [(1000, units[2]), (100, units[1]), (10, units[0]), (1, "")]
    pending_zero = False
    for value, unit in values:
        d = n // value % 10
        if d == 0:
            if parts:
                pending_zero = True
            continue
        if pending_zero:
            parts.append(digits[0])
            pending_zero = False
        if not (value == 10 and d == 1 and not parts and digits is _CN_DIGITS):
            parts.append(digits[d])
        parts.append(unit)
    return "".join(parts)


def _letters(n: int, upper: bool) -> str:
    if n <= 0:
        return str(n)
    if n > 26 * MAX_LABEL_CHARS:
        return str(n)  # Word stops repeating letters long before: never build a huge label
    base = "ABCDEFGHIJKLMNOPQRSTUVWXYZ" if upper else "abcdefghijklmnopqrstuvwxyz"
    # Word repeats the letter: 27 → aa, 28 → bb.
    return base[(n - 1) % 26] * ((n - 1) // 26 + 1)


def _roman(n: int, upper: bool) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = []
    for value, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                           (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                           (4, "IV"), (1, "I")):
        while n >= value:
            out.append(numeral)
            n -= value
    text = "".join(out)
    return text if upper else text.lower()


def format_number(n: int, fmt: str) -> str:
    """Counter ``n`` in Word number format ``fmt``; unknown formats fall back to Arabic digits."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting",
               "taiwaneseCountingThousand", "japaneseCounting", "koreanCounting"):
        return chinese_counting(n)
    if fmt == "chineseLegalSimplified":
        return chinese_counting(n, _CN_LEGAL, "拾佰仟")
    if fmt in ("japaneseLegal", "koreanLegal"):
        return chinese_counting(n, _TW_LEGAL, "拾佰仟")
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join("〇一二三四五六七八九"[int(d)] for d in str(max(n, 0)))
    if fmt == "ideographTraditional":
        return _HEAVENLY_STEMS[(n - 1) % 10] if n > 0 else str(n)
    if fmt == "ideographZodiac":
        return _EARTHLY_BRANCHES[(n - 1) % 12] if n > 0 else str(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return _CIRCLED[n - 1] if 1 <= n <= 20 else f"({n})"
    if fmt == "decimalEnclosedParen":
        return _PARENTHESISED[n - 1] if 1 <= n <= 20 else f"({n})"
    if fmt == "decimalEnclosedFullstop":
        return _FULL_STOP[n - 1] if 1 <= n <= 20 else f"{n}."
    if fmt == "ideographEnclosedCircle":
        return _IDEOGRAPH_CIRCLED[n - 1] if 1 <= n <= 10 else f"({chinese_counting(n)})"
    if fmt in ("lowerLetter", "upperLetter"):
        return _letters(n, fmt == "upperLetter")
    if fmt in ("lowerRoman", "upperRoman"):
        return _roman(n, fmt == "upperRoman")
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)
