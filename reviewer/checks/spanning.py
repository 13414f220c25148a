"""Breakdowns that run over several sentences, and a sub-category larger than its category
(``sum_mismatch``).

- ``共办理案件1000件。其中,处罚300件,罚没2亿元;许可200件。……其他行为90件。``: a 其中 list
  after a total may run on over clauses and sentences of its paragraph; when it closes with a
  catch-all (其他/其余) it claims to be complete, so its parts must add up to the total.  The
  total must be the only figure of its kind in its sentence: two possible totals, no check.
- ``投诉举报类21件,…。其中城市管理领域投诉举报案件24件``: a part of one field cannot exceed the
  whole category it narrows.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from reviewer.checks.context import SENTENCE_WINDOW, Placed, own_label, sentence_starts
from reviewer.checks.sums import BREAKDOWN_OPENER, OTHER_PERIODS, REMAINDER, STAGE, judge_breakdown
from reviewer.model import Check

MAX_SENTENCES = 4
MAX_LIST = 40  # figures looked at after a total
MAX_SHARE_OFF = 0.1
NARROWING = re.compile(r"领域|行业|方面|系统")
SUBSET_WINDOW = 300


def find_spanning_mismatches(text: str, placed: Sequence[Placed]) -> list[Check]:
    """Sum checks of lists over several sentences and of sub-categories over their category."""
    outer = [p for p in placed if p.key[0] in ("count", "money", "measure") and not p.in_parens]
    checks = []
    # each figure's own label back to the figure before it, read once for both rules below
    labels = [own_label(text, p, outer[k - 1].end if k else 0) for k, p in enumerate(outer)]
    # Only the few figures a list opens after are looked at (most open none), not every figure
    # with its label read as a possible total.
    for k, opened in list_openings(text, [p.end for p in outer], list_openers(text)):
        total = outer[k]
        if _other_period_or_change(labels[k]):
            continue
        parts = _spanning_list(text, outer, k, opened)
        if not parts:
            continue
        # another figure of its kind in the total's sentence, outside the list: two possible totals
        inside = sum(1 for p in parts if p.sentence == total.sentence)
        if _totals_beside(outer, labels, k) == 1 + inside:
            check = judge_breakdown(text, parts, [total], True)
            if check is not None:
                checks.append(check)
    # (the figures of the checks so far, gathered once: per check after, it was quadratic)
    flagged = {i for d in checks for i in d.figures}
    checks += [c for c in _totals_after(text, outer) if not flagged & set(c.figures)]
    checks += _narrower_exceeds(text, outer, labels)
    return checks


# "甲类58件,乙类37件;丙类0件,其他46件。以上共计146件": the total closes the list a sentence later
ABOVE_TOTAL = re.compile(r"^\s*(?:以上|上述)[^,,;。\d]{0,8}?(?:合计|共计|总计|总共|一共|共)[^,,;。\d]{0,4}$")


def _totals_after(text: str, outer: Sequence[Placed]) -> list[Check]:
    """A total that opens its sentence with 以上/上述…合计, over the figures of its kind in the
    sentences before it (at most ``MAX_SENTENCES``, within its paragraph); stated, so the parts
    must add up to it exactly."""
    checks = []
    starts = sentence_starts(text)
    for k, total in enumerate(outer):
        start = starts[total.sentence]
        if k == 0 or total.start - start > 20 or not ABOVE_TOTAL.match(text[start:total.start]):
            continue
        paragraph = text.rfind("\n", max(0, start - SENTENCE_WINDOW), start) + 1
        parts = []
        for p in reversed(outer[max(0, k - MAX_LIST):k]):
            if p.start < paragraph or p.sentence < total.sentence - MAX_SENTENCES:
                break
            if p.key == total.key:
                parts.append(p)
        parts.reverse()
        if len(parts) < 2 or abs(sum(p.value for p in parts) - total.value) > MAX_SHARE_OFF * total.value:
            continue
        check = judge_breakdown(text, parts, [total], True, stated=True)
        if check is not None:
            checks.append(check)
    return checks


def _totals_beside(outer: Sequence[Placed], labels: Sequence[str], k: int) -> int:
    """How many figures of ``outer[k]``'s sentence and key (itself among them) may be a total:
    counted for the few totals a list follows, not for every figure of the report."""
    total = outer[k]
    lo = k
    while lo > 0 and outer[lo - 1].sentence == total.sentence:
        lo -= 1
    hi = k + 1
    while hi < len(outer) and outer[hi].sentence == total.sentence:
        hi += 1
    return sum(1 for j in range(lo, hi)
               if outer[j].key == total.key and not _other_period_or_change(labels[j]))


def _spanning_list(text: str, outer: Sequence[Placed], k: int, opened: int) -> list[Placed]:
    """The list after ``outer[k]`` that opens at ``opened`` (``list_openings``), when it runs
    over clauses or sentences, ends in a catch-all and adds up to about the total; else []."""
    total = outer[k]
    later = []
    for i in range(k + 1, min(len(outer), k + 1 + MAX_LIST)):  # bounded, and no copy of the rest per k
        p = outer[i]
        if p.sentence > total.sentence + MAX_SENTENCES:
            break
        if p.key == total.key:
            later.append(p)
    later = [p for p in later if p.start >= opened]
    if not later:
        return []
    parts: list[Placed] = []
    for part in later:
        if "\n" in text[total.end:part.start] or part.sentence > total.sentence + MAX_SENTENCES:
            return []
        label = own_label(text, part, parts[-1].end if parts else 0)
        if OTHER_PERIODS.search(label) or "同比" in label or STAGE.match(label):
            return []  # last year's figure, or a stage of the work (办结950件): not a category
        parts.append(part)
        if REMAINDER.search(label):
            break
    else:
        return []
    # over sentences or clauses (;): a list inside one clause is the sum check's
    if len(parts) < 3 or not any(c in text[parts[0].end:parts[-1].start] for c in "。;!?"):
        return []
    # read over several sentences, a sum far from the total means the list was misread
    return parts if abs(sum(p.value for p in parts) - total.value) <= MAX_SHARE_OFF * total.value else []


# last year's figure (较上年的98件) or a change (增加48件): never the total a list breaks down
_NOT_A_TOTAL = re.compile(r"(?:较|比|与)[^,;。]{0,8}$|^(?:同比|相比|环比)?(?:增加|减少|增长|下降|上升|降低|多|少)了?$")


def _other_period_or_change(label: str) -> bool:
    return bool(OTHER_PERIODS.search(label) or _NOT_A_TOTAL.search(label))


def list_openers(text: str) -> list[int]:
    """The clause ends of ``text`` (``_OPENER_AFTER``: a superset) that a breakdown phrase (其中,
    按类型分, 从案件类型看) follows, each confirmed once for the document, not once per total
    that might open a list there."""
    return [m.start() for m in _OPENER_AFTER.finditer(text)
            if BREAKDOWN_OPENER.match(text[m.start() + 1:m.start() + 41].lstrip())]


def list_openings(text: str, ends: list[int], openers: list[int]) -> list[tuple[int, int]]:
    """``(k, opening)`` for each figure ending at ``ends[k]`` after which a list opens
    (``_opened_after`` within ``SENTENCE_WINDOW``), in order of k: found from the few openers,
    each taking the figures that end after the opener before it, within the window and after
    the last 。 or line break before it, where asking for each figure cost two calls.

    ``ends`` must not decrease (figures in order, none inside another); else each is asked."""
    if ends != sorted(ends):
        return [(k, at) for k, end in enumerate(ends)
                if (at := _opened_after(text, _End(end), end + SENTENCE_WINDOW, openers)) is not None]
    found = []
    previous = -1
    for at in openers:
        floor = max(0, at - SENTENCE_WINDOW)  # (a break before the window changes nothing)
        barrier = max(text.rfind("。", floor, at), text.rfind("\n", floor, at))
        lo = max(previous, barrier, at - SENTENCE_WINDOW) + 1  # the first end that reaches this opener
        previous = at
        found += [(k, at + 1) for k in range(bisect.bisect_left(ends, lo), bisect.bisect_right(ends, at))]
    return found


class _End:
    """A figure reduced to its end, for ``_opened_after``."""

    __slots__ = ("end",)

    def __init__(self, end: int):
        self.end = end


def _opened_after(text: str, total: Placed | _End, end: int, openers: list[int]) -> int | None:
    """Where the list after ``total`` opens: a sentence or clause that starts with 其中 or a
    breakdown phrase, in the next sentence at most, before ``end``; None when none does.
    ``openers`` (``list_openers``) are where such phrases open: the first after the total is
    the opening unless a line break or a 。 stands before it (the clause ends between open
    nothing, so they are not walked one by one)."""
    first = bisect.bisect_left(openers, total.end)
    if first == len(openers) or openers[first] >= end:
        return None  # no opening in reach
    at = openers[first]
    if text.find("。", total.end, at) >= 0 or text.find("\n", total.end, at) >= 0:
        return None
    return at + 1


# A clause end (_CLAUSE_START) that a breakdown phrase may follow: BREAKDOWN_OPENER's words
# all open with one of these; the phrase itself is matched as before.
_OPENER_AFTER = re.compile(r"[。;,:](?=\s*(?:其中|具体|按|从|分))")


def _narrower_exceeds(text: str, outer: Sequence[Placed], labels: Sequence[str]) -> list[Check]:
    """``labels``: each figure's own label back to the figure before it."""
    checks = []
    for k, whole in enumerate(outer):
        label = labels[k]
        if not label.endswith("类"):
            continue
        category = re.split(r"[中的]", label[:-1])[-1]
        if len(category) < 2:
            continue
        for i in range(k + 1, len(outer)):  # (a slice would copy the rest for every k)
            narrow = outer[i]
            if narrow.start - whole.end > SUBSET_WINDOW:
                break
            if narrow.key != whole.key or narrow.sentence == whole.sentence:
                continue
            words = own_label(text, narrow)
            if OTHER_PERIODS.search(words) or re.search(r"(?:19|20)\d{2}年", words) \
                    or narrow.figure.section != whole.figure.section:
                break
            at = words.find(category)
            if at < 2 or not NARROWING.search(words[:at]) or not re.fullmatch(r"(?:案件|类)?", words[at + len(category):]):
                continue
            if narrow.value > whole.value + whole.precision + narrow.precision:
                message = (f"{re.sub('^其中', '', words)}{narrow.figure.text}多于其所属的{category}类"
                           f"{whole.figure.text}({narrow.figure.text} > {whole.figure.text})")
                sections = sorted({p.figure.section for p in (whole, narrow) if p.figure.section is not None})
                checks.append(Check(kind="sum_mismatch", severity="error", message=message,
                                    figures=[whole.id, narrow.id], sections=sections,
                                    detail={"expected": whole.value, "actual": narrow.value,
                                            "difference": narrow.value - whole.value, "unit": whole.key[1]}))
            break
    return checks
