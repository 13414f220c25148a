"""Stated rates that are not the quotient of their own figures (``rate_mismatch``), and growth
rates or changes that are not the change between their two figures (``change_mismatch``).

"调解案件2672件,调解成功2354件,调解成功率88.09%": 2354/2672 = 88.0988 %, which a careful
writer rounds to 88.10 %.  The rule pairs a rate (…率 x%) with a numerator in the same
sentence whose words name what the rate measures (成功率 ↔ 调解成功, 办结率 ↔ 办结), and with
the nearest figure of the same unit before it as the denominator (never a part of a breakdown).
A rate that equals the rounded quotient is fine; a truncated one is a warning; anything else is
an error.  A share right after a part of a breakdown (其中投诉1425件,占66.7%) is measured
against the breakdown's total.  A growth rate (同比增长…) is checked only when last year's
figure stands right before it (较上年的160件增长20%); otherwise it is left alone.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence

from reviewer.checks.context import (
    CLAUSE_END,
    LIST_SEPARATORS,
    SENTENCE_WINDOW,
    Placed,
    approximate_slack,
    is_rough_rate,
    own_label,
)
from reviewer.model import Check

RATE_WORD = re.compile(r"率(?:大约为|大约|约为|为约|约|为|是|达|达到|提高到|提升到|保持|保持在|稳定在|均为)?[::]?\s*$")
GROWTH = re.compile(r"同比|环比|增长|下降|提高|提升|增幅|降幅|上年|去年|上升|减少|增加|较")
STEM_PREFIX = re.compile(r"^(?:其中|全年|综合|总体|整体|平均|实际|全局|全区|全县|全市)+")
NEGATIONS = ("不", "未", "非")
# Words for closing a case that reports use interchangeably: 结案率 over 办结 cases.
CLOSING = ("结案", "办结", "审结")
SHARE_WORD = re.compile(r"^[,,]?占(?:比|比为|比达|[^,,、;;。]{0,8}(?:总数|总量|总额|总件数)的?)?$")
WIDER_BASE = re.compile(r"全国|全省|全市|全区|全县|同比|上年")
# Beyond this gap the pairing is more likely wrong than the report.
MAX_PLAUSIBLE_GAP = 10.0


def find_rate_mismatches(text: str, placed: Sequence[Placed],
                         totals_of: Mapping[int, list[Placed]]) -> list[Check]:
    """Rate checks of ``text``.

    ``totals_of`` maps each part of a breakdown to its possible totals: a part is never a
    denominator, and a share right after a part ("其中甲600件,占60%") is measured against them.
    """
    checks = []
    for n, rate in enumerate(placed):
        if rate.key[0] != "percent":
            continue  # _rate_checks reads percents only
        check = _rate_checks(text, placed, n, totals_of)
        # a rate written 约82% is wrong only when it is off by more than a point
        if check is not None and not (is_rough_rate(rate.figure)
                                      and abs(check.detail["difference"]) <= approximate_slack(rate.figure)):
            checks.append(check)
    return checks


def _rate_checks(text: str, placed: Sequence[Placed], n: int,
                 totals_of: Mapping[int, list[Placed]]) -> Check | None:
    """The one check of the rate ``placed[n]``, or None: the first reading that applies."""
    rate = placed[n]
    if rate.key == ("percent", "个百分点") and not rate.in_parens:
        return _change_check(text, placed, n)
    if rate.key != ("percent", "%") or rate.in_parens:
        return None
    label = own_label(text, rate, placed[n - 1].end if n else 0)
    for reading in (_share_check, _growth_check):
        check = reading(text, placed, n, label, totals_of)
        if check is not None:
            return check
    check = _change_check(text, placed, n)
    if check is not None:
        return check
    check = _named_share_check(text, placed, n, label, totals_of)
    if check is not None:
        return check
    match = RATE_WORD.search(label)
    if not match or GROWTH.search(label):
        return None
    stem = STEM_PREFIX.sub("", label[:match.start()].strip())
    if len(stem) < 2:
        return None
    check = _rate_check(text, placed, n, stem, totals_of)
    if check is not None and "约" in label[match.start():] \
            and abs(check.detail["difference"]) <= approximate_slack(rate.figure):
        return None
    return check


GROWTH_RATE = re.compile(r"^[,,]?(?:同比|较上年|比上年|较去年|比去年)?(?P<dir>增长|上升|增加|提高|下降|减少|降低)了?$")
BASELINE = re.compile(r"上年|去年|上一年|上年度|上年同期|去年同期")
UPWARD = ("增长", "上升", "增加", "提高")


def _growth_check(text: str, placed: Sequence[Placed], n: int, label: str,
                  _totals_of: Mapping[int, list[Placed]] | None = None) -> Check | None:
    """A growth rate stated right after both years' figures: ``受理200件,较上年的160件增长20%``
    or ``办理1500件,上年为1200件,同比增长25%`` — the rate must be (this year ÷ last year − 1)."""
    match = GROWTH_RATE.match(label)
    if n < 2 or not match:
        return None
    rate, base, current = placed[n], placed[n - 1], placed[n - 2]
    if not (rate.sentence == base.sentence == current.sentence) or base.key != current.key:
        return None
    if base.in_parens or current.in_parens or base.value <= 0 or base.key[0] == "percent":
        return None
    if not BASELINE.search(own_label(text, base, current.end)) or any(c in text[current.end:rate.start] for c in CLAUSE_END):
        return None
    sign = 1 if match.group("dir") in UPWARD else -1
    growth = sign * (current.value - base.value) / base.value * 100
    # rounded figures (1.2万户 over 1.1万户) allow a range of growth rates
    low_base, high_base = base.value - base.precision, base.value + base.precision
    ends = [sign * ((current.value + dc) / b - 1) * 100 for dc in (-current.precision, current.precision)
            for b in (low_base, high_base) if b > 0]
    decimals = _decimals(rate.figure.text)
    scale = 10 ** decimals
    expected = _round(growth, scale)
    if min(ends) - 0.5 / scale <= rate.value <= max(ends) + 0.5 / scale:
        return None
    if abs(rate.value - growth) > 3 * MAX_PLAUSIBLE_GAP:
        return None
    high, low = (current, base) if sign > 0 else (base, current)  # a fall reads (old − new) ÷ old
    shown = f"({high.figure.text}−{low.figure.text})÷{base.figure.text}={growth:.{decimals + 2}f}%"
    severity = "error"
    message = f"{shown},应为{expected:.{decimals}f}%,与所述{rate.figure.text}不符"
    if not current.precision and not base.precision and abs(rate.value - math.floor(growth * scale + 1e-9) / scale) < 0.5 / scale:
        severity = "warning"
        message = f"{shown},四舍五入应为{expected:.{decimals}f}%,所述{rate.figure.text}是截断而非四舍五入"
    sections = sorted({p.figure.section for p in (current, base, rate) if p.figure.section is not None})
    return Check(kind="change_mismatch", severity=severity, message=message,
                 figures=[current.id, base.id, rate.id], sections=sections,
                 detail={"expected": expected, "actual": rate.value,
                         "difference": round(rate.value - growth, 6), "quotient": round(growth, 6),
                         "decimals": decimals, "difference_kind": "growth"})


CHANGE_VERB = r"(?:提高|提升|上升|增加|增长|下降|降低|减少|压缩|缩短|缩减|扩大)"
FROM_TO = re.compile(rf"^[^,;。]{{0,6}}?{CHANGE_VERB}?(?:到|至|为){CHANGE_VERB}?[^,;。\d]{{0,4}}$")
CHANGE_AFTER = re.compile(rf"^[,]?\s*(?:共|累计|同比)?(?:{CHANGE_VERB}|减幅|降幅|增幅)(?:比例|幅度)?(?:了|达|达到|为)?$")


def _change_check(text: str, placed: Sequence[Placed], n: int) -> Check | None:
    """A change stated after both ends of it: ``由90.2%提高到96.5%,提高了5.3个百分点`` (the
    points must be the difference) or ``由20个工作日压缩至5个工作日,压缩75%`` (the percent must
    be the relative change; 提速 is left alone: it may be read as time saved or as speed gained)."""
    if n < 2:
        return None
    rate, after, before = placed[n], placed[n - 1], placed[n - 2]
    if not (rate.sentence == after.sentence == before.sentence) or after.in_parens or before.in_parens:
        return None
    if not CHANGE_AFTER.match(text[after.end:rate.start]) or not FROM_TO.match(text[before.end:after.start]):
        return None
    opening = text[max(0, before.start - 4):before.start]
    if "由" not in opening and "从" not in opening:
        return None
    decimals = _decimals(rate.figure.text)
    scale = 10 ** decimals
    if rate.key == ("percent", "个百分点"):
        if before.key != ("percent", "%") or after.key != before.key:
            return None
        change = abs(after.value - before.value)
        slack = before.precision + after.precision
        low, high = change - slack, change + slack
        how = "percentage points"
    else:
        if before.key != after.key or before.key[0] == "percent" or before.value <= 0:
            return None
        change = abs(after.value - before.value) / before.value * 100
        ends = [abs(a - b) / b * 100 for a in (after.value - after.precision, after.value + after.precision)
                for b in (before.value - before.precision, before.value + before.precision) if b > 0]
        low, high = min(ends), max(ends)
        how = "relative change"
    if low - 0.5 / scale <= rate.value <= high + 0.5 / scale or abs(rate.value - change) > 3 * MAX_PLAUSIBLE_GAP:
        return None
    expected = _round(change, scale)
    unit = "个百分点" if rate.key[1] == "个百分点" else "%"
    message = (f"由{before.figure.text}到{after.figure.text},变化应为{expected:.{decimals}f}{unit},"
               f"与所述{rate.figure.text}不符")
    sections = sorted({p.figure.section for p in (before, after, rate) if p.figure.section is not None})
    return Check(kind="change_mismatch", severity="error", message=message,
                 figures=[before.id, after.id, rate.id], sections=sections,
                 detail={"expected": expected, "actual": rate.value,
                         "difference": round(rate.value - change, 6), "quotient": round(change, 6),
                         "decimals": decimals, "difference_kind": how})


def _share_check(text: str, placed: Sequence[Placed], n: int, label: str,
                 totals_of: Mapping[int, list[Placed]]) -> Check | None:
    """A share stated right after a part of a breakdown: 其中投诉1425件,占66.7%."""
    if not n or not SHARE_WORD.match(label) or WIDER_BASE.search(label):
        return None
    rate, part = placed[n], placed[n - 1]
    between = text[part.end:rate.start]
    if part.sentence != rate.sentence or part.key[0] != "count" or between not in (label, "," + label, "," + label):
        return None
    totals = [t for t in totals_of.get(part.id, []) if t.key == part.key and t.value > 0]
    if not totals:
        return None
    return _compare(rate, part, totals)


NAMED_SHARE = re.compile(r"^[,]?\s*(?P<stem>[\u4e00-\u9fff]{2,10}?)(?:所)?占比(?:为|是|达|达到)?[::]?$")


def _named_share_check(text: str, placed: Sequence[Placed], n: int, label: str,
                       totals_of: Mapping[int, list[Placed]]) -> Check | None:
    """A share named after the figure right before it, measured against the one before that:
    ``抽查1200次,联合抽查300次,联合抽查占比25%``.  The words before 占比 must end the
    numerator's own label, and the denominator's label must share their last two characters."""
    match = NAMED_SHARE.match(label)
    if n < 2 or not match or WIDER_BASE.search(label) or GROWTH.search(label):
        return None
    stem = STEM_PREFIX.sub("", match.group("stem"))
    rate, numerator, denominator = placed[n], placed[n - 1], placed[n - 2]
    if len(stem) < 2 or any(word in stem for word in NEGATIONS):
        return None
    if not (rate.sentence == numerator.sentence == denominator.sentence):
        return None
    if numerator.key[0] != "count" or numerator.key != denominator.key or denominator.value <= 0:
        return None
    if numerator.in_parens or denominator.in_parens or denominator.id in totals_of:
        return None
    if any(c in text[denominator.end:rate.start] for c in CLAUSE_END):
        return None
    own = own_label(text, numerator, denominator.end)
    if not own.endswith(stem):
        return None
    if stem[-2:] not in own_label(text, denominator):
        return None
    return _compare(rate, numerator, [denominator])


def _rate_check(text: str, placed: Sequence[Placed], n: int, stem: str,
                parts: Mapping[int, list[Placed]]) -> Check | None:
    rate = placed[n]
    lo = n
    # back over the rate's own sentence only (sentences rise with the figures): no other is read
    while lo > 0 and placed[lo - 1].start >= rate.start - SENTENCE_WINDOW and placed[lo - 1].sentence == rate.sentence:
        lo -= 1
    before = [p for p in placed[lo:n] if not p.in_parens and p.key[0] == "count"]
    numerator = None
    for index in range(len(before) - 1, -1, -1):
        candidate = before[index]
        floor = before[index - 1].end if index else 0
        if _names(stem, own_label(text, candidate, floor)):
            numerator = candidate
            break
    if numerator is None or _separated(text, numerator, rate):
        return None
    denominators = [p for k, p in enumerate(before) if p.end <= numerator.start and p.key == numerator.key
                    and p.id not in parts and not _compared(text, p, before[k - 1].end if k else 0)]
    if not denominators or denominators[-1].value <= 0:
        return None
    return _compare(rate, numerator, denominators)


# last year's figure (较2023年的1528件) or the change itself (减少154件): never a rate's base
COMPARED = re.compile(r"(?:较|比|与|同比|环比)[^,,;;。\d]{0,8}(?:\d{4}年[^,,;;。\d]{0,4})?$"
                      r"|(?:增加|减少|增长|下降|上升|降低|多|少)了?$")


def _compared(text: str, figure: Placed, floor: int) -> bool:
    """True when ``figure`` is another period's value or a change, not a count of this one."""
    label = own_label(text, figure, floor)
    return bool(COMPARED.search(label) or BASELINE.search(label))


def _compare(rate: Placed, numerator: Placed, denominators: list[Placed]) -> Check | None:
    """The check for ``rate`` = ``numerator`` / the last of ``denominators``, or None.

    When any of the denominators gives the stated rate, the reading was a guess: no check.
    """
    denominator = denominators[-1]
    stated = rate.value
    decimals = _decimals(rate.figure.text)
    scale = 10 ** decimals
    for other in denominators:
        if other.value > 0 and abs(stated - _round(numerator.value / other.value * 100, scale)) < 0.5 / scale:
            return None
    quotient = numerator.value / denominator.value * 100
    rounded = _round(quotient, scale)
    if quotient > 100 + 1e-9:
        return None
    if abs(stated - quotient) > MAX_PLAUSIBLE_GAP:
        return None
    truncated = math.floor(quotient * scale + 1e-9) / scale
    shown = f"{quotient:.{decimals + 2}f}%"
    expected = f"{rounded:.{decimals}f}%"
    if abs(stated - truncated) < 0.5 / scale:
        severity, how = "warning", "truncation"
        message = (f"{numerator.figure.text}÷{denominator.figure.text}={shown},"
                   f"四舍五入应为{expected},所述{rate.figure.text}是截断而非四舍五入")
    else:
        severity, how = "error", "mismatch"
        message = (f"{numerator.figure.text}÷{denominator.figure.text}={shown},"
                   f"应为{expected},与所述{rate.figure.text}不符")
    sections = sorted({p.figure.section for p in (denominator, numerator, rate)
                       if p.figure.section is not None})
    return Check(kind="rate_mismatch", severity=severity, message=message,
                 figures=[denominator.id, numerator.id, rate.id], sections=sections,
                 detail={"expected": rounded, "actual": stated,
                         "difference": round(stated - quotient, 6), "quotient": round(quotient, 6),
                         "decimals": decimals, "difference_kind": how})


def _round(value: float, scale: int) -> float:
    """Half-up rounding, as people round by hand (Python's round() is half-even)."""
    return math.floor(value * scale + 0.5 + 1e-9) / scale


def _names(stem: str, label: str) -> bool:
    """True when the numerator's words name what the rate measures (成功率 ↔ 调解成功).

    A negated label (不合格) never names a rate that is not negated (合格率), and vice versa.
    """
    if any(word in label for word in NEGATIONS) != any(word in stem for word in NEGATIONS):
        return False
    tail = stem[-2:]
    if tail in CLOSING and any(word in label for word in CLOSING):
        return True
    position = 0
    for ch in tail:
        position = label.find(ch, position)
        if position < 0:
            return False
        position += 1
    return True


def _separated(text: str, numerator: Placed, rate: Placed) -> bool:
    """True when a clause boundary (;) or a whole new list stands between numerator and rate."""
    between = text[numerator.end:rate.start]
    return any(c in between for c in CLAUSE_END) or sum(between.count(c) for c in set(LIST_SEPARATORS)) > 2


def _decimals(text: str) -> int:
    match = re.search(r"\d+(?:\.(\d+))?", text)
    return len(match.group(1) or "") if match else 0
