"""Metadata hints for real web copies that have no clean header: a title named only in the
opening sentence, the level the report speaks at (我市), a department named without its city,
and the year a body opens with.  Each returns None (or the input) when the text does not say.
"""

from __future__ import annotations

import re
from collections import Counter

# "现公布某某市人民政府2020年政府信息公开工作年度报告。": the report names itself
TITLE_SENTENCE = re.compile(
    r"(?:现|特|现予|现将|兹)(?:予以)?(?:公布|发布|印发|报告)《?(?P<t>[\u4e00-\u9fff（）()]{2,30}?"
    r"(?:19|20)\d{2}年度?[\u4e00-\u9fff]{2,30}?(?:年度报告|年报|报告|总结))》?(?=[。,，;；如]|$)")
SPEAKER = re.compile(r"我(?P<level>省|市|县|区|州|旗|镇|乡)")
PLACE = re.compile(r"(?:[\u4e00-\u9fff]{1,6}?[省市县区州旗镇乡])+")  # 广安市广安区 of 广安市广安区市场监督管理局
NOT_PLACE = re.compile(r"[全各本我该由在对向经的和与及、将把被为是了]")
OPENING_YEAR = re.compile(r"(?m)^[ \t\u3000]*((?:19|20)\d{2})\s*年度?(?![0-9一二三四五六七八九十]{1,2}月)")
COMPARED = ("比", "较", "于", "与", "同", "至", "到")


def title_from_sentence(text: str, limit: int = 600) -> str | None:
    """A title the opening lines state in a sentence (现公布…年度报告), when no line is one."""
    match = TITLE_SENTENCE.search(text[:limit])
    return match.group("t") if match else None


def speaker_level(text: str) -> str | None:
    """The administrative level the report speaks at (我市 → 市), from its first 我X."""
    match = SPEAKER.search(text)
    return match.group("level") if match else None


def same_level(name: str, level: str | None) -> bool:
    """True when ``name``'s lowest administrative unit is ``level`` (or the level is unknown):
    a city report (我市) is not issued by 黑龙江省人民政府, whose title it only cites."""
    if level is None:
        return True
    place = PLACE.match(name)
    return place is None or place.group()[-1] == level


def with_place(name: str, text: str) -> str:
    """``市商务局`` written with its city where the text does so (某某市商务局), else as is."""
    if not name or name[0] not in "市县区州" or len(name) > 12:
        return name
    prefixes = Counter(m.group(1) for m in re.finditer(f"([\u4e00-\u9fff]{{2}}){re.escape(name)}", text)
                       if not NOT_PLACE.search(m.group(1)))
    if not prefixes:
        return name
    return prefixes.most_common(1)[0][0] + name


def opening_year(text: str) -> int | None:
    """The year a paragraph of the body opens with (``2024年新受理…``), not a compared one."""
    for match in OPENING_YEAR.finditer(text):
        before = text[max(0, match.start(1) - 1):match.start(1)]
        if before not in COMPARED:
            return int(match.group(1))
    return None


def is_compared(text: str, start: int) -> bool:
    """True when the year at ``start`` is a comparison (相比于2023年, 较2022年)."""
    return text[max(0, start - 1):start] in COMPARED
