"""Heading markers of GB/T 9704-2012 §7.3.3 and the variants real reports use.

``一、`` / ``(一)`` / ``1.`` / ``(1)``, chapters and 节 above them, and what Word lists and web
copies make of them (``1、``, ``⑴``, ``1)``, ``一 主要工作``).  ``numeral_value`` reads a marker's
number, so the outline, the numbering check and the window agree on what a marker says.
"""

from __future__ import annotations

import re

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
             "七": 7, "八": 8, "九": 9}
CN_NUM = "一二三四五六七八九十百零〇"
FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")

# Horizontal white space as it appears in web copies (nbsp, en space, ideographic space …).
SPACE_CHARS = " \t\u00a0\u2002\u2003\u2009\u3000\u200b"
SPACE = f"[{SPACE_CHARS}]"
SENTENCE_END = "。!?！？;；"
TITLE_STOP = re.compile(f"[{SENTENCE_END}]")

# (pattern, level, style).  Each pattern matches at the marker's position; group "n" is the
# numeral.  Chapters/parts (-1) and 节 (0) are placed above the GB/T layers later.  A numeral
# is written ``[x][x]{0,3}``, not ``[x]{1,4}``: the same matches, but a pattern that opens
# with a character class lets the regex engine skip to the characters in it (twice as fast a
# scan of a report).
MARKERS: list[tuple[re.Pattern[str], int, str]] = [
    (re.compile(f"第(?P<n>[{CN_NUM}]{{1,4}}|[0-9]{{1,2}})(?P<kind>章|部分){SPACE}*[、.．:：]?"), -1, "第一章"),
    (re.compile(f"第(?P<n>[{CN_NUM}]{{1,4}}|[0-9]{{1,2}})节{SPACE}*[、.．:：]?"), 0, "第一节"),
    (re.compile(f"(?P<n>[{CN_NUM}][{CN_NUM}]{{0,3}}){SPACE}*(?:、|[.．](?![0-9]))"), 1, "一、"),
    (re.compile(f"[(（]{SPACE}*(?P<n>[{CN_NUM}]{{1,4}}){SPACE}*[)）]{SPACE}*[、.．]?"), 2, "(一)"),
    (re.compile(f"(?P<n>[0-9０-９][0-9０-９]{{0,2}}){SPACE}*[.．、](?![0-9０-９])"), 3, "1."),
    # Word list numbering copied as the numeral and a tab or spaces (``一 主要工作``, ``1 健全制度``):
    # only alone at a line start before a short title (see _spaced_title).
    (re.compile(f"(?P<n>[{CN_NUM}][{CN_NUM}]{{0,3}})[ \t\u3000]{{1,3}}(?=[\u4e00-\u9fff“《])"), 1, "一 "),
    (re.compile("(?P<n>[0-9][0-9]?)[ \t\u3000]{1,3}(?=[\u4e00-\u9fff“《])"), 3, "1 "),
    # A comma typed for 、 (``二，存在问题``), on the same terms.
    (re.compile(f"(?P<n>[{CN_NUM}][{CN_NUM}]{{0,3}})[,，](?=[\u4e00-\u9fff“《])"), 1, "一，"),
    (re.compile("(?P<n>[\u2488-\u249b])"), 3, "⒈"),
    (re.compile(f"[(（]{SPACE}*(?P<n>[0-9０-９]{{1,3}}){SPACE}*[)）]{SPACE}*[、.．]?"), 4, "(1)"),
    (re.compile("(?P<n>[\u2474-\u2487])"), 4, "⑴"),
    # 1) and 1） are not GB/T layers, but Word lists and some reports use them at line start
    # where (1) would stand.
    (re.compile(f"(?P<n>[0-9０-９][0-9０-９]?){SPACE}*[)）](?![0-9０-９])"), 4, "1)"),
]

# A marker followed by more numerals of a list (``1、2月份``, ``一、二季度``) opens a sentence.
ENUMERATED_NUMERALS = re.compile(
    f"{SPACE}*(?:[0-9]+|[{CN_NUM}]+)(?:{SPACE}*[、,，和及至-]{SPACE}*(?:[0-9]+|[{CN_NUM}]+))*"
    f"{SPACE}*(?:月|季度|日|号|类|级|批|等奖|个月|期)")


def cn_to_int(numeral: str) -> int | None:
    """Value of a Chinese numeral up to 999 (``十一`` → 11, ``二十`` → 20)."""
    if not numeral:
        return None
    if all(ch in CN_DIGITS for ch in numeral):
        value = 0
        for ch in numeral:
            value = value * 10 + CN_DIGITS[ch]
        return value
    total, current = 0, 0
    for ch in numeral:
        if ch in CN_DIGITS:
            current = CN_DIGITS[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current


def numeral_value(raw: str) -> tuple[str, int | None]:
    """(bare numeral as a reader writes it, its value) for any marker numeral."""
    if raw.isascii() and raw.isdigit():  # (the usual numerals first: 1, 12, 一, 十二)
        return str(int(raw)), int(raw)
    if raw[:1] in CN_NUM:  # no digit to translate: a Chinese numeral
        return raw, cn_to_int(raw)
    if len(raw) == 1 and "\u2474" <= raw <= "\u2487":
        value = ord(raw) - 0x2474 + 1
        return str(value), value
    if len(raw) == 1 and "\u2488" <= raw <= "\u249b":
        value = ord(raw) - 0x2488 + 1
        return str(value), value
    ascii_digits = raw.translate(FULLWIDTH_DIGITS)
    if ascii_digits.isdigit():
        return str(int(ascii_digits)), int(ascii_digits)
    return raw, cn_to_int(raw)
# Bounds that keep every step linear on pathological input (a 5 MB text on one line): a marker
# looks back at most LOOKBACK characters for its line start, a title runs at most TITLE_SCAN.
LOOKBACK = 300
TITLE_SCAN = 600
