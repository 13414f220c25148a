"""Breakdowns that run over several sentences, and a sub-category larger than its category
(``sum_mismatch``).

- ``共办理案件1000件。其中,处罚300件,罚没2亿元;许可200件。……其他行为90件。``: a 其中 list
  after a total may run on over clauses and sentences of its paragraph; when it closes with a
  catch-all (其他/其余) it claims to be complete, so its parts must add up to the total.  The
  total must be the only figure of its kind in its sentence: two possible totals, no check.
- ``投诉举报类12件,…。其中市场监管领域投诉举报案件13件``: a part of one field cannot exceed the
  whole category it narrows.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from reviewer.checks.context import Placed, own_label
from reviewer.checks.sums import OTHER_PERIODS, REMAINDER, STAGE, judge_breakdown
from reviewer.model import Check

MAX_SENTENCES = 4
MAX_SHARE_OFF = 0.1
NARROWING = re.compile(r"领域|行业|方面|系统")
SUBSET_WINDOW = 300


def find_spanning_mismatches(text: str, placed: Sequence[Placed]) -> list[Check]:
    """Sum checks of lists over several sentences and of sub-categories over their category."""
    outer = [p for p in placed if p.key[0] in ("count", "money", "measure") and not p.in_parens]
    checks = []
    per_sentence = Counter((p.sentence, p.key) for p in outer)
    for k, total in enumerate(outer):
        if per_sentence[(total.sentence, total.key)] != 1:
            continue  # two figures of its kind in the total's sentence: two possible totals
        parts = _spanning_list(text, outer, k)
        if parts:
            check = judge_breakdown(text, parts, [total], True)
            if check is not None:
                checks.append(check)
    checks += _narrower_exceeds(text, outer)
    return checks


def _spanning_list(text: str, outer: Sequence[Placed], k: int) -> list[Placed]:
    total = outer[k]
    later = []
    for i in range(k + 1, len(outer)):  # not outer[k + 1:]: copying the rest for every k is quadratic
        p = outer[i]
        if p.sentence > total.sentence + MAX_SENTENCES:
            break
        if p.key == total.key:
            later.append(p)
    if not later:
        return []
    between = text[total.end:later[0].start]
    if "\n" in between or not re.search(r"[。;]\s*其中", between):
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
    sentences = {p.sentence for p in parts}
    if len(parts) < 3 or len(sentences) < 2:
        return []
    # read over several sentences, a sum far from the total means the list was misread
    return parts if abs(sum(p.value for p in parts) - total.value) <= MAX_SHARE_OFF * total.value else []


def _narrower_exceeds(text: str, outer: Sequence[Placed]) -> list[Check]:
    checks = []
    for k, whole in enumerate(outer):
        label = own_label(text, whole, outer[k - 1].end if k else 0)
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
