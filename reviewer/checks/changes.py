"""Stated changes that do not match their two figures (``change_mismatch``).

The shapes that ``rates`` does not read:

- both years' figures, the earlier first, then the growth rate:
  ``2022年受理案件80件,2023年受理案件100件,同比增长25%`` — the rate must be (new − old) ÷ old;
- the current figure, last year's figure and the stated increase or decrease, with or without a
  rate: ``受理807件,较2022年411件增加了396件,同比增长96.4%`` — new − old must be the stated
  change, and the rate must be the change ÷ old;
- the change and its rate without last year's figure: ``办理950件,比上年减少50件,下降5%`` —
  last year's figure is 950 + 50, and the rate must be 50 ÷ 1000;
- the rate right after last year's figure (``176件,较上年的213件降幅为21.0%``, or
  ``同比(150人次)下降25%``), or last year's figure named after the rate
  (``38612件,同比增长9.4%,上年同期为36187件``) — the rate must be the change ÷ last year's.

Last year's figure may stand alone in a bracket (``较2015年(112件次)下降19件次``).
A rate that is the truncated, not the rounded, quotient is a warning; rounding of the last
written digit is no check at all.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from reviewer.checks.context import CLAUSE_END, Placed, own_label
from reviewer.checks.sums import format_amount
from reviewer.model import Check

# the period a change is measured against: last year, or the month or quarter before (环比)
_PRIOR = r"(?:上年|去年|上一年|上月|上个月|上季度|上一季度|上期)度?(?:同期)?"
YEAR_LEAD = re.compile(r"^(?:(?P<year>(?:19|20)\d{2})年?度?|(?P<last>上年|去年|上一年)度?(?:同期)?)")
# the rate's own words: 同比增长, 环比下降, 较去年同期减少, and the nouns 增幅/涨幅/降幅/增速 (下降幅度)
RATE_AFTER = re.compile(r"^[,]?\s*(?:同比|环比|(?:较|比)" + _PRIOR + r")?[,]?\s*"
                        r"(?P<dir>增长|上升|增加|提高|下降|减少|降低|增幅|涨幅|升幅|增速|降幅|减幅|跌幅)了?"
                        r"(?:幅度)?(?:为|达|达到|是)?[::]?$")
BASE_BEFORE = re.compile(r"[,]?\s*(?:较|比|与)(?P<when>(?:19|20)\d{2}年度?|" + _PRIOR + r")(?:同期)?(?:的)?"
                         r"[^,,;。\d]{0,12}$")
AMOUNT_AFTER = re.compile(r"^(?:相比)?[,]?\s*(?P<dir>增加|增长|上升|多|减少|下降|降低|少)了?$")
UPWARD = ("增长", "上升", "增加", "提高", "多", "增幅", "涨幅", "升幅", "增速")
MAX_PLAUSIBLE_GAP = 30.0


def find_change_mismatches(text: str, placed: Sequence[Placed]) -> list[Check]:
    """The change checks of ``text``, in the order of their rate or amount."""
    checks: list[Check] = []
    for n in range(2, len(placed)):
        if placed[n - 2].sentence != placed[n].sentence:
            continue  # every reading below needs three figures of one sentence
        found = (_two_years(text, placed, n) or _stated_amount(text, placed, n) or _amount_and_rate(text, placed, n)
                 or _base_then_rate(text, placed, n) or _base_after_rate(text, placed, n))
        checks.extend(found)
    return checks


def _base_then_rate(text: str, placed: Sequence[Placed], n: int) -> list[Check]:
    """``诉讼案件176件,较上年的213件降幅为21.0%``: the rate right after last year's figure, no
    amount between — the rate must be the change over last year's figure."""
    rate, old, new = placed[n], placed[n - 1], placed[n - 2]
    if rate.key != ("percent", "%") or new.key != old.key or new.key[0] == "percent":
        return []
    if not (rate.sentence == old.sentence == new.sentence) or rate.in_parens or new.in_parens:
        return []
    gap, after = text[new.end:old.start], text[old.end:rate.start]
    if old.in_parens:  # 同比(150件次)下降25%: last year's figure alone in its bracket
        if not (BRACKET_BASE.match(gap) and after[:1] in ")\uff09"):
            return []
        after = after[1:]
    elif not (before := BASE_BEFORE.search(gap)) or before.start() != 0:
        return []
    match = RATE_AFTER.match(after)
    if not match or old.value <= 0:
        return []
    check = _rate(rate, new, old, 1 if match.group("dir") in UPWARD else -1)
    return [check] if check else []


BRACKET_BASE = re.compile(r"^[,]?\s*(?:同比|(?:较|比|与)(?:(?:19|20)\d{2}年度?|" + _PRIOR + r"))[(\uff08]$")


# last year's figure stated after the rate: ``,上年同期为36187件`` or ``(2021年为16件)``
BASE_AFTER = re.compile(r"^[,]?\s*[((]?(?:" + _PRIOR + r"|(?:19|20)\d{2}年度?(?:同期)?)(?:为|是|有)[::]?$")


def _base_after_rate(text: str, placed: Sequence[Placed], n: int) -> list[Check]:
    """``办理许可38612件,同比增长9.4%,上年同期为36187件``: this year's figure, the rate, then
    last year's figure named as such — the rate must be the change over last year's figure."""
    old, rate, new = placed[n], placed[n - 1], placed[n - 2]
    if rate.key != ("percent", "%") or new.key != old.key or new.key[0] == "percent":
        return []
    if not (rate.sentence == old.sentence == new.sentence) or rate.in_parens or new.in_parens:
        return []
    match = RATE_AFTER.match(text[new.end:rate.start])
    if not match or not BASE_AFTER.match(text[rate.end:old.start]) or old.value <= 0:
        return []
    if old.in_parens != (text[rate.end:old.start].lstrip(",\uff0c ")[:1] in ("(", "\uff08")):
        return []
    check = _rate(rate, new, old, 1 if match.group("dir") in UPWARD else -1)
    return [check] if check else []


AMOUNT_ONLY = re.compile(r"^[,]?\s*(?:同比|环比|(?:较|比|与)" + _PRIOR + r"(?:相比)?)"
                         r"[,]?\s*(?P<dir>增加|增长|多|减少|下降|少)了?$")


def _amount_and_rate(text: str, placed: Sequence[Placed], n: int) -> list[Check]:
    """``办理950件,比上年减少50件,下降5%``: last year's figure is this year's less the change
    (1000), and the rate must be the change over it (50 ÷ 1000 = 5 %)."""
    rate, amount, new = placed[n], placed[n - 1], placed[n - 2]
    if rate.key != ("percent", "%") or amount.key != new.key or new.key[0] == "percent":
        return []
    if not (rate.sentence == amount.sentence == new.sentence) or any(p.in_parens for p in (rate, amount, new)):
        return []
    change = AMOUNT_ONLY.match(text[new.end:amount.start])
    rated = RATE_AFTER.match(text[amount.end:rate.start])
    if not change or not rated or (change.group("dir") in UPWARD) != (rated.group("dir") in UPWARD):
        return []
    sign = 1 if change.group("dir") in UPWARD else -1
    old_value = new.value - sign * amount.value
    if old_value <= 0:
        return []
    old = Placed(figure=amount.figure, value=old_value, key=new.key, sentence=new.sentence,
                 in_parens=False, precision=amount.precision + new.precision, label_from=amount.label_from)
    # the arithmetic as the report states it: last year's figure first, then the rate over it
    old_text = format_amount(old_value, new)
    quotient = amount.value / old_value * 100
    shown = (f"上年为{new.figure.text}{'−' if sign > 0 else '+'}{amount.figure.text}={old_text},"
             f"{amount.figure.text}÷{old_text}={quotient:.{_decimals(rate.figure.text) + 2}f}%")
    check = _rate(rate, new, old, sign, shown=shown)
    if check is None:
        return []
    check.figures = [new.id, amount.id, rate.id]
    return [check]


def _two_years(text: str, placed: Sequence[Placed], n: int) -> list[Check]:
    """``2023年收案41件,2024年收案103件,同比增长151.21%``: both years named, earlier first."""
    rate, new, old = placed[n], placed[n - 1], placed[n - 2]
    if rate.key != ("percent", "%") or new.key != old.key or new.key[0] == "percent":
        return []
    if not (rate.sentence == new.sentence == old.sentence) or rate.in_parens or new.in_parens or old.in_parens:
        return []
    match = RATE_AFTER.match(text[new.end:rate.start])
    if not match or any(c in text[old.end:new.start] for c in CLAUSE_END) or old.value <= 0:
        return []
    old_label = own_label(text, old, placed[n - 3].end if n >= 3 else 0)
    new_label = own_label(text, new, old.end)
    old_year, new_year = YEAR_LEAD.match(old_label), YEAR_LEAD.match(new_label)
    if not old_year or not new_year or not old_year.group("year") or not new_year.group("year"):
        return []
    if int(new_year.group("year")) != int(old_year.group("year")) + 1:
        return []
    if _stem(old_label[old_year.end():]) != _stem(new_label[new_year.end():]):
        return []  # 2023年受理66件,2024年办结151件: not one indicator in two years
    sign = 1 if match.group("dir") in UPWARD else -1
    check = _rate(rate, new, old, sign)
    return [check] if check else []


def _stated_amount(text: str, placed: Sequence[Placed], n: int) -> list[Check]:
    """``受理807件,较2022年411件增加了396件(,同比增长96.4%)``: amount and rate of a change."""
    amount, old, new = placed[n], placed[n - 1], placed[n - 2]
    if not (amount.key == old.key == new.key) or new.key[0] == "percent":
        return []
    if not (amount.sentence == old.sentence == new.sentence) or amount.in_parens or new.in_parens:
        return []
    if old.in_parens and not (text[old.start - 1:old.start] in "(\uff08" and text[old.end:old.end + 1] in ")\uff09"):
        return []
    after = text[old.end:amount.start]
    if old.in_parens and after[:1] in ")）":  # 较2015年(112件次)下降19件次: last year's figure bracketed
        after = after[1:]
    match = AMOUNT_AFTER.match(after)
    before = BASE_BEFORE.search(text[new.end:old.start])
    if not match or not before or before.start() != 0 or old.value <= 0:
        return []
    sign = 1 if match.group("dir") in UPWARD else -1
    checks = []
    change = new.value - old.value
    slack = new.precision + old.precision + amount.precision + 1e-6
    if abs(sign * change - amount.value) > slack and abs(sign * change - amount.value) <= max(new.value, old.value):
        word = match.group("dir")  # the report's own word: 下降, 减少, 增加
        high, low = (new, old) if sign > 0 else (old, new)  # a fall reads old − new, as it is stated
        message = (f"{high.figure.text}−{low.figure.text}={format_amount(sign * change, new)},"
                   f"与所述{word}{amount.figure.text}不符")
        checks.append(_check(message, "error", [new, old, amount], sign * change, amount.value))
    if n + 1 < len(placed):
        rate = placed[n + 1]
        rate_match = RATE_AFTER.match(text[amount.end:rate.start])
        if rate.key == ("percent", "%") and rate.sentence == amount.sentence and not rate.in_parens and rate_match:
            by_amount = _rate(rate, new, old, sign, amount.value * sign + old.value)
            if (rate_match.group("dir") in UPWARD) == (sign > 0) and (not checks or by_amount):
                check = _rate(rate, new, old, sign)
                if check:
                    checks.append(check)
    return checks


def _rate(rate: Placed, new: Placed, old: Placed, sign: int, new_value: float | None = None,
          shown: str | None = None) -> Check | None:
    """The check for a growth rate ``rate`` from ``old`` to ``new``, or None when it agrees.

    ``new_value`` replaces the new figure's value (the old one plus a stated change); ``shown``
    replaces the arithmetic the message opens with."""
    if new_value is not None:
        new = Placed(figure=new.figure, value=new_value, key=new.key, sentence=new.sentence,
                     in_parens=new.in_parens, precision=new.precision, label_from=new.label_from)
    growth = sign * (new.value - old.value) / old.value * 100
    decimals = _decimals(rate.figure.text)
    scale = 10 ** decimals
    ends = [sign * ((new.value + dn) / (old.value + do) - 1) * 100
            for dn in (-new.precision, new.precision) for do in (-old.precision, old.precision)
            if old.value + do > 0]
    if min(ends) - 0.5 / scale - 1e-9 <= rate.value <= max(ends) + 0.5 / scale + 1e-9:
        return None
    if abs(rate.value - growth) > MAX_PLAUSIBLE_GAP or growth < 0:
        return None  # a negative "growth" means the direction word was misread
    expected = _round(growth, scale)
    high, low = (new, old) if sign > 0 else (old, new)  # a fall reads (old − new) ÷ old
    shown = shown or f"({high.figure.text}−{low.figure.text})÷{old.figure.text}={growth:.{decimals + 2}f}%"
    truncated = math.floor(growth * scale + 1e-9) / scale
    if not new.precision and not old.precision and abs(rate.value - truncated) < 0.5 / scale:
        message = f"{shown},四舍五入应为{expected:.{decimals}f}%,所述{rate.figure.text}是截断而非四舍五入"
        severity = "warning"
    else:
        message = f"{shown},应为{expected:.{decimals}f}%,与所述{rate.figure.text}不符"
        severity = "error"
    return _check(message, severity, [old, new, rate], expected, rate.value, decimals)


def _check(message: str, severity: str, figures: list[Placed], expected: float, actual: float,
           decimals: int | None = None) -> Check:
    sections = sorted({p.figure.section for p in figures if p.figure.section is not None})
    detail = {"expected": round(expected, 6), "actual": actual, "difference": round(actual - expected, 6)}
    if decimals is not None:
        detail["decimals"] = decimals
    return Check(kind="change_mismatch", severity=severity, message=message,
                 figures=[p.id for p in figures], sections=sections, detail=detail)


def _stem(label: str) -> str:
    """A label without its leading 的/度 and the 共/总共 words: what the figure counts."""
    return re.sub(r"^[度的,\s]+|共计|总共|共|累计|全年", "", label)


def _round(value: float, scale: int) -> float:
    return math.floor(value * scale + 0.5 + 1e-9) / scale


def _decimals(text: str) -> int:
    match = re.search(r"\d+(?:\.(\d+))?", text)
    return len(match.group(1) or "") if match else 0
