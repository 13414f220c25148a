"""Characters: line ends, invisible characters, spaces of every width, radicals, NFC.

The first step of cleaning, shared by every source; ``tidy_spaces`` keeps a space only where a
reader would (between Latin words, before a field label).
"""

from __future__ import annotations

import functools
import re
import unicodedata

from reviewer.paths import resource

# Everything that ends a line in any source: CR LF, CR, vertical tab, form feed, file/group/record
# separators, NEL, Unicode line and paragraph separators.  (CR LF is replaced first, by
# ``str.replace``; a ``\n`` already is one, so it is not matched and rewritten.)
_LINE_BREAKS = re.compile("[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
# Control and invisible format characters that carry nothing a reader sees.
_INVISIBLE_CHARS = ("\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\u00ad\u200b\u200e\u200f"
                    "\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb")
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")
# Horizontal spaces of every width, including no-break and ideographic spaces.
_SPACE_CHARS = " \t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_SPACES = re.compile(f"[{_SPACE_CHARS}]+")
_SURROGATE = re.compile("[\ud800-\udfff]")
_RADICAL = re.compile("[\u2e80-\u2fdf]")
# Any character that one of the steps of ``normalise_characters`` before NFC rewrites: most texts
# have none, and one scan for them is cheaper than a scan per step.
_REWRITTEN = re.compile(f"[\ud800-\udfff\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029{_INVISIBLE_CHARS}"
                        "\u2e80-\u2fdf\u2e3a\u2e3b]")

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
    if " " not in line and line.isprintable():
        return line  # no space of any kind: the tab and the other spaces are not printable
    core = line.strip(_SPACE_CHARS)
    if not core:
        return core
    words = core.split(maxsplit=1)
    if words and len(words[0]) == len(core):
        # No whitespace left at all (every space character is whitespace to str.split): only
        # the ends had spaces, the common line, tidied without a regex pass.
        return core
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
    if _REWRITTEN.search(text) is None:
        return unicodedata.normalize("NFC", text)
    text = _SURROGATE.sub("\ufffd", text)
    text = _LINE_BREAKS.sub("\n", text.replace("\r\n", "\n"))
    text = _INVISIBLE.sub("", text)
    if _RADICAL.search(text):
        table = _radical_table()
        text = _RADICAL.sub(lambda m: table.get(ord(m.group()), m.group()), text)
    if "\u2e3a" in text or "\u2e3b" in text:
        # Two- and three-em dashes: fonts draw the Chinese dash "——" as one glyph (⸺).
        text = text.replace("\u2e3a", "\u2014\u2014").replace("\u2e3b", "\u2014\u2014\u2014")
    return unicodedata.normalize("NFC", text)
