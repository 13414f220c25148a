"""Breakdowns whose parts do not add up to the stated total (``sum_mismatch``).

A reviewer trusts a report less when "受理552件,其中…" lists parts that add up to 588.  The
rule fires only on unambiguous shapes, because every false alarm costs the reviewer time:

- a total, then 其中/分别/包括 and a list of parts of the same unit (forward);
- a list of parts, then 合计/共计/总计 and the total (backward);
- a remainder total (其余66件…) running straight into a list that ends with 另外/其他 (implicit);
- a total with its breakdown in brackets: 21件(甲17件,乙4件);
- a list at the start of a sentence or paragraph (其中,…; or, ending in 其他/其余, after
  "…情况如下:") whose total is in the sentence before;
- a total, then a part and its negation (已办结532件,未办结38件), which make the whole.

Parts that exceed every possible total are always a contradiction.  Parts that fall short are
one only when the list claims to be complete (其他/其余/另外 among the parts, 分别为 right after
a single total, or a stated 合计 without 等): "其中" often names only some of the parts.  Shares
of one whole (分别占…84.6%、16.6%) that add up past 100 % are a mismatch too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reviewer.checks.context import (
    CLAUSE_END,
    LIST_SEPARATORS,
    OPEN_PARENS,
    SENTENCE_WINDOW,
    Placed,
    own_label,
    sentence_starts,
)
from reviewer.model import Check

FORWARD = re.compile(r"其中|分别为|分别是|分别有|分别|包括|包含|具体为|具体是")
EXHAUSTIVE_CONNECTOR = re.compile(r"分别为|分别是|分别有|分别|具体为|具体是")
PARTIAL_HINT = re.compile(r"前[一二三四五六七八九十\d]+|主要|重点|部分|较多|较大|排名|典型")
TOTAL_AFTER = re.compile(
    r"[,,、]\s*(?:以上|上述)?[^,,、;;。]{0,4}"
    r"(?:(?:合计|共计|总计|总共|一共)[^,,、;;。]{0,12}|(?<!公)共[^,,、;;。]{0,2})$")
OTHER_PERIODS = re.compile(r"\d{4}年[、和与及至到-]|近[一二两三四五六七八九十\d]+年|上年|去年|前年|同期|往年|历年")
TOTAL_AFTER_ETC = re.compile(r"^[^,、;。]{0,6}?等[,、]?\s*(?:合计|共计|总计|总共|一共|共)[^,、;。]{0,6}$")
TRAILING_CONNECTOR = re.compile(r"(?:分别为|分别是|分别有|分别|具体为|具体是|依次为|依次是)[::]?\s*$")
REMAINDER = re.compile(r"其他|其它|其余|另外|剩余|余下|剩下")
LIST_BREAK = re.compile(
    r"其中|分别|合计|共计|总计|总共|一共|累计|(?<!公)共(?![享建同治创])|此外|同时|另有|[一二三四五六七八九十]是")
MAX_GAP = 40
STAGE = re.compile(
    r"^(?:已|共|累计|全部|均|依法)?(?:结案|办结|审结|按期办结|按时办结|立案|受理|检查|出动|挽回|罚没|"
    r"移送|发放|开展|组织|培训|办理|完成|整改|处理|回复|答复|化解|查处|查办|抽检|抽查|收到)")
# Sentences that break a total down under a "…如下:" heading: 按类别划分,… / 从案件来源看,…
BREAKDOWN_OPENER = re.compile(
    r"^(?:其中|具体(?:来看|看|而言|是|为)|按照?[^,,。;;]{1,12}(?:划分|分类|统计|区分|来分|分)"
    r"|从[^,,。;;]{1,12}(?:看|分析|来看|上看)"
    r"|分[^,,。;;]{1,8}(?:看|统计))")


def find_sum_mismatches(text: str, placed: Sequence[Placed]) -> tuple[list[Check], dict[int, list[Placed]]]:
    """The sum checks of ``text``, and for every figure read as a part of a breakdown, the
    totals it may belong to.

    The rate checks use them: a part is never a denominator, and a share (其中甲600件,占60%)
    is measured against its total.
    """
    outer = [p for p in placed if p.key[0] in ("count", "money", "measure") and not p.in_parens]
    starts = sentence_starts(text)
    by_sentence: dict[int, list[Placed]] = {}
    for p in outer:
        by_sentence.setdefault(p.sentence, []).append(p)
    checks: list[Check] = []
    totals_of: dict[int, list[Placed]] = {}
    seen: set[tuple[int, ...]] = set()

    def judge(parts: list[Placed], candidates: list[Placed], exhaustive: bool, stated: bool = False) -> None:
        ids = tuple(p.id for p in parts)
        for part in parts:
            totals_of.setdefault(part.id, list(candidates))
        if not candidates or ids in seen:
            return
        seen.add(ids)
        check = _judge(text, parts, candidates, exhaustive, stated)
        if check is not None:
            checks.append(check)

    for k, first in enumerate(outer):
        prev = outer[k - 1] if k and outer[k - 1].sentence == first.sentence else None
        between = text[prev.end if prev else starts[first.sentence]:first.start]
        # 24项(其中3项为子项),新增9项; blanking brackets never makes a connector, so only a
        # stretch that has one is masked
        connector = _last(FORWARD, _mask_brackets(between)) if FORWARD.search(between) else None
        if connector is not None:
            at = (prev.end if prev else starts[first.sentence]) + connector.start()
            parts = _run_from(text, outer, k)
            lo = k
            while lo > 0 and outer[lo - 1].start >= at - SENTENCE_WINDOW:
                lo -= 1
            candidates = [p for p in outer[lo:k] if p.sentence == first.sentence
                          and p.key == first.key and p.end <= at]
            in_clause = [p for p in candidates if not _has_any(text[p.end:at], CLAUSE_END)]
            candidates = in_clause or candidates
            nearest = candidates[-1] if candidates else None
            if nearest is not None and OTHER_PERIODS.search(_mask_brackets(text[nearest.end:first.start])):
                candidates, nearest = [], None  # "2023年405件,2021年、2022年分别320件、360件"
            elif not candidates and not text[starts[first.sentence]:at].strip():
                candidates = _prior_totals(text, starts, by_sentence, first)
            exhaustive = _has_remainder(text, parts) or _complementary(text, parts)
            # "共受理300件,分别为…": the connector follows the total at once
            close = nearest is not None and len(_COMMA_OR_SPACE.sub("", text[nearest.end:at])) <= 2
            if close and EXHAUSTIVE_CONNECTOR.match(connector.group()):
                exhaustive = exhaustive or not PARTIAL_HINT.search(text[nearest.end:first.start])
            if close and exhaustive:
                candidates = [nearest]
            judge(parts, candidates, exhaustive)
            continue
        # implicit: "其余66件一审案件驳回起诉10件,…,另外19件" (total runs into its first part)
        if prev is not None and prev.key == first.key and _joined(between):
            parts = _run_from(text, outer, k)
            floor = outer[k - 2].end if k >= 2 else starts[prev.sentence]
            if len(parts) >= 2 and (REMAINDER.search(own_label(text, prev, floor))
                                    or _has_remainder(text, parts)):
                judge(parts, [prev], True)
                continue
        # backward: "A件,B件,C件,合计X件" (both patterns need a 共 or a 计: tested first)
        if prev is not None and prev.key == first.key and ("共" in between or "计" in between) \
                and (TOTAL_AFTER.search(between) or TOTAL_AFTER_ETC.search(between)):
            parts = _run_back(text, outer, k - 1)
            complete = "等" not in between  # "甲120件、乙30件等共计175件" names examples only
            if len(parts) >= 2 and first.value >= max(p.value for p in parts):
                judge(parts, [first], complete, stated=complete)
    for total, done, undone in _complements(text, outer):
        judge([done, undone], [total], True, stated=True)
    for total, fields in _field_lists(text, outer):
        judge(fields, [total], True, stated=True)
    # headless: a list opening its clause under a colon heading ("…情况如下:\n投诉举报类324件,…")
    for k, first in enumerate(outer):
        # a run of three holds the next two figures, of the same sentence and key (tested
        # first: the cheaper of the two tests that skip a figure)
        if k + 2 >= len(outer) or not (outer[k + 1].key == outer[k + 2].key == first.key
                                       and outer[k + 2].sentence == first.sentence):
            continue
        prev = outer[k - 1] if k else None
        if prev is not None and prev.sentence == first.sentence and not _has_any(
                text[prev.end:first.start], CLAUSE_END):
            continue
        parts = _run_from(text, outer, k)
        if len(parts) < 3:
            continue
        floor = max(0, first.start - SENTENCE_WINDOW)
        clause_start = max(floor - 1, *(text.rfind(c, floor, first.start) for c in CLAUSE_END)) + 1
        introduced = FORWARD.search(text[clause_start:first.start])  # "居前三位的分别是…"
        exhaustive = _has_remainder(text, parts)
        if not (exhaustive or introduced):
            continue  # an unannounced list of figures may be anything: a list of results
        candidates = _prior_totals(text, starts, by_sentence, first, after_colon=True)
        if candidates and max(c.value for c in candidates) >= max(p.value for p in parts):
            judge(parts, candidates, exhaustive)
    for total, parts in _bracketed(text, placed, starts):
        judge(parts, [total], False)
    checks += _share_sums(text, placed)
    return checks, totals_of


def _last(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    matches = list(pattern.finditer(text))
    return matches[-1] if matches else None


def _mask_brackets(text: str) -> str:
    """``text`` with what stands inside brackets blanked out (same length, same offsets):
    a 其中 inside ``(其中3项为子项)`` opens no list outside them."""
    if "(" not in text:  # the usual stretch: nothing to blank (a close alone blanks nothing)
        return text
    out, depth = [], 0
    for ch in text:
        if ch in "((":
            depth += 1
        elif ch in "))" and depth:
            depth -= 1
            out.append(" ")
            continue
        out.append(" " if depth else ch)
    return "".join(out)


def _has_any(stretch: str, chars: str) -> bool:
    """True when one of ``chars`` stands in ``stretch`` (sliced once by the caller)."""
    return _char_class(chars).search(stretch) is not None


_CLASSES: dict[str, re.Pattern[str]] = {}


def _char_class(chars: str) -> re.Pattern[str]:
    """``[chars]`` compiled once: one search in C, where ``any(c in stretch for c in chars)``
    ran a generator per test (tens of thousands of tests in a dense megabyte)."""
    pattern = _CLASSES.get(chars)
    if pattern is None:
        pattern = _CLASSES[chars] = re.compile(f"[{re.escape(chars)}]")
    return pattern


_LIST_SEPARATOR = _char_class(LIST_SEPARATORS)
_CLAUSE_END = _char_class(CLAUSE_END)
_NOT_JOINED = _char_class(LIST_SEPARATORS + CLAUSE_END + OPEN_PARENS)
_COMMA = _char_class(",,")


def _joined(between: str) -> bool:
    """True when two figures stand in one clause with only words between them."""
    return (len(between) <= 25 and _NOT_JOINED.search(between) is None
            and not LIST_BREAK.search(between))


def _continues(text: str, left: Placed, right: Placed) -> bool:
    """True when ``right`` is the next item of a list that ``left`` belongs to.

    A clause that opens with a stage of the work (结案、办结、移送…) states a sibling indicator,
    not one more category: "其中食品类224件,结案383件".
    """
    if right.key != left.key or right.sentence != left.sentence:
        return False
    between = text[left.end:right.start]
    if not (len(between) <= MAX_GAP and _LIST_SEPARATOR.search(between) is not None
            and _CLAUSE_END.search(between) is None and not LIST_BREAK.search(between)):
        return False
    return not (STAGE.match(own_label(text, right, left.end)) and "类" not in between)


def _run_from(text: str, outer: Sequence[Placed], k: int) -> list[Placed]:
    """The list that starts at ``outer[k]``.

    A list joined by 、 ends at the first comma: "其中食品120件、药品80件,办结200件" lists two parts,
    unless the next item is plainly one more category (其他类…, or …类 after …类).
    """
    run = [outer[k]]
    enumerated = False
    for index in range(k + 1, len(outer)):
        nxt = outer[index]
        if not _continues(text, run[-1], nxt):
            break
        between = _outside_brackets(text[run[-1].end:nxt.start])
        if len(run) == 1:
            enumerated = "、" in between and _COMMA.search(between) is None
        elif enumerated and _COMMA.search(between) is not None and not _same_series(text, run[-1], nxt):
            break
        run.append(nxt)
    return run


def _same_series(text: str, left: Placed, right: Placed) -> bool:
    """True when ``right`` still reads as one more category: 其他类…, or …类 after …类."""
    label = own_label(text, right, left.end)
    return bool(REMAINDER.search(label)) or ("类" in label and "类" in own_label(text, left))


_BRACKETED = re.compile(r"[((][^()()]*[))]")
_COMMA_OR_SPACE = re.compile(r"[,\s]")


def _outside_brackets(text: str) -> str:
    return _BRACKETED.sub("", text) if "(" in text else text  # (no bracket: nothing to drop)


def _run_back(text: str, outer: Sequence[Placed], k: int) -> list[Placed]:
    run = [outer[k]]
    for j in range(k - 1, -1, -1):
        if not _continues(text, outer[j], run[0]):
            break
        run.insert(0, outer[j])
    return run


# Pairs of categories that between them cover everything: a penalty case follows the simple or
# the ordinary procedure, a person is a man or a woman …
COMPLEMENTS = (
    (re.compile("简易程序"), re.compile("(?:普通|一般)程序")),
    (re.compile("(?:^|[^男女])男(?:性|职工|干部)?$"), re.compile("(?:^|[^男女])女(?:性|职工|干部)?$")),
    (re.compile("城镇"), re.compile("农村")),
    (re.compile("线上"), re.compile("线下")),
)
# Lists of categories that between them cover everything: a case (案件) is a civil, a
# criminal or an administrative one.  Each part's label is one category, every category once.
PARTITIONS = (
    ("民事", "刑事", "行政"),
)


def _complementary(text: str, parts: list[Placed]) -> bool:
    """True when the parts are the halves of a known complete pair (简易程序/一般程序), or the
    members of a known complete partition (民事、刑事、行政), each once."""
    floors = [0] + [p.end for p in parts[:-1]]
    labels = [own_label(text, p, f) for p, f in zip(parts, floors)]
    for partition in PARTITIONS:
        if len(parts) == len(partition) and sorted(
                re.sub(r"(?:案件|类|案)$", "", FORWARD.sub("", label).strip()) for label in labels
        ) == sorted(partition):
            return True
    if len(parts) != 2:
        return False
    first = own_label(text, parts[0])
    second = own_label(text, parts[1], parts[0].end)
    return any(a.search(first) and b.search(second) or b.search(first) and a.search(second)
               for a, b in COMPLEMENTS)


def _has_remainder(text: str, parts: list[Placed]) -> bool:
    """True when one of the parts is 其他/其余/另外: the list then claims to be complete."""
    for part in parts:
        label = own_label(text, part)
        if not ("其" in label or "余" in label or "另" in label or "剩" in label):
            continue  # (most parts) every remainder word holds one of these: no pattern to try
        # "…、其他执法单位分别为251名": the connector is not part of the last name
        label = TRAILING_CONNECTOR.sub("", label)
        # "余下以街道办事处为被告的21件": the remainder word opens a long label
        if REMAINDER.search(label[-8:]) or REMAINDER_LEAD.match(label):
            return True
    return False


REMAINDER_LEAD = re.compile(r"^\s*(?:余下|其余|剩余|剩下|其他|其它)")


def _prior_totals(text: str, starts: list[int], by_sentence: dict[int, list[Placed]], first: Placed,
                  after_colon: bool = False) -> list[Placed]:
    """Totals for a list that opens its sentence: the figures of the sentence before.

    A heading-like sentence that ends with a colon ("具体情况如下:") passes on to the one before
    it, and so do the breakdown sentences under such a heading ("按类别划分,…。按金额划分,…");
    with ``after_colon`` (a list with no connector of its own) such a heading is required.
    """
    def body(index: int) -> str:
        return text[starts[index]:starts[index + 1] if index + 1 < len(starts) else len(text)]

    own_opener = bool(BREAKDOWN_OPENER.match(body(first.sentence).strip()))
    sentence = first.sentence - 1
    colon = skipped = False
    for _ in range(8):
        if sentence < 0:
            break
        stripped = body(sentence).strip()
        heading = stripped.endswith(":")
        if not colon and own_opener and BREAKDOWN_OPENER.match(stripped) and not heading:
            skipped = True
            sentence -= 1
            continue
        same = [p for p in by_sentence.get(sentence, ()) if p.key == first.key]
        if len(same) >= 2 and not (colon or heading) and all(
                any(c in text[a.end:b.start] for c in LIST_SEPARATORS) for a, b in zip(same, same[1:])):
            return []  # "甲类12件,乙类17件。其中…": a list of parts before, no total to pick from
        if same:
            return same if colon or heading or own_opener or not (after_colon or skipped) else []
        if heading:
            colon = True
        elif stripped:
            return []
        sentence -= 1
    return []


def _bracketed(text: str, placed: Sequence[Placed], starts: list[int]) -> list[tuple[Placed, list[Placed]]]:
    """Totals followed at once by a bracketed breakdown: ``21件(甲17件,乙4件)``."""
    groups: dict[int, list[Placed]] = {}
    for p in placed:
        if not p.in_parens:
            continue
        opening = _opening(text, starts[p.sentence], p.start)
        if opening is not None:
            groups.setdefault(opening, []).append(p)
    found = []
    by_end = {p.end: p for p in placed if not p.in_parens}
    for opening, members in groups.items():
        total = by_end.get(opening)
        if total is None or len(members) < 2 or any(m.key != total.key for m in members):
            continue
        found.append((total, members))
    return found


def _opening(text: str, floor: int, pos: int) -> int | None:
    depth = 0
    for i in range(pos - 1, floor - 1, -1):
        if text[i] in "))":
            depth += 1
        elif text[i] in "((":
            if depth == 0:
                return i
            depth -= 1
    return None


FIELD_TOTAL = re.compile(r"^;\s*(?:以上|上述)?(?:合计|共计|总计)[::]?\s*$")
FIELD_NEXT = re.compile(r"^;\s*[^,、;。:：\d]{1,12}[::]\s*$")


def _field_lists(text: str, outer: Sequence[Placed]) -> list[tuple[Placed, list[Placed]]]:
    """Statistics written as fields, closed by a stated total:
    ``行政许可:1234件;行政处罚:567件;行政强制:89件;合计:1900件``."""
    found = []
    for k in range(2, len(outer)):
        total = outer[k]
        gap_start = outer[k - 1].end
        # FIELD_TOTAL opens with ";": most gaps are not sliced and matched at all
        if gap_start >= total.start or text[gap_start] != ";" or not FIELD_TOTAL.match(text[gap_start:total.start]):
            continue
        fields = [outer[k - 1]]
        first = k - 1  # the index of fields[0] in outer
        for j in range(k - 2, -1, -1):
            left = outer[j]
            if (left.key != total.key or left.sentence != total.sentence
                    or not FIELD_NEXT.match(text[left.end:fields[0].start])):
                break
            fields.insert(0, left)
            first = j
        lead = text[outer[first - 1].end if first else 0:fields[0].start]
        if not re.search(r"[::]\s*$", lead):
            fields = fields[1:]  # 全年办理1000件;行政许可:…: a figure before the fields is no field
        if len(fields) >= 2 and all(f.key == total.key and f.sentence == total.sentence for f in fields):
            found.append((total, fields))
    return found


NEGATED = re.compile(r"^(?:尚|仍|暂)?(?:未|没有|不)(?P<stem>[\u4e00-\u9fff]{2,6})$")


def _complements(text: str, outer: Sequence[Placed]) -> list[tuple[Placed, Placed, Placed]]:
    """A total followed by a part and its negation, which together are the whole:
    ``受理560件,已办结532件,未办结38件`` / ``参考27名,通过23名,未通过4名``."""
    found = []
    for k in range(2, len(outer)):
        total, done, undone = outer[k - 2], outer[k - 1], outer[k]
        if not (total.sentence == done.sentence == undone.sentence and total.key == done.key == undone.key):
            continue
        if _has_any(text[total.end:undone.start], CLAUSE_END + "、"):
            continue  # (优秀126卷、合格231卷、不合格23卷: siblings of a list, not a total and its halves)
        if re.search(r"\d", text[total.end:done.start] + text[done.end:undone.start]):
            continue  # another figure (a growth rate) stands between them
        if OTHER_PERIODS.search(own_label(text, total, max(0, total.start - SENTENCE_WINDOW))):
            continue  # 较上年的400件: last year's figure is no total of this year's parts
        before = outer[k - 3] if k >= 3 and outer[k - 3].sentence == total.sentence else None
        lead_from = before.end if before else max(0, total.start - SENTENCE_WINDOW)
        if FORWARD.search(text[lead_from:total.start]):
            continue  # 共570卷,其中优秀212卷,合格301卷,不合格57卷: the "total" is itself a part
        negated = NEGATED.match(own_label(text, undone, done.end).strip(" ,、"))
        if negated is None:
            continue
        stem = negated.group("stem")
        label = own_label(text, done, total.end).strip(" ,、")
        if re.fullmatch(f"(?:已|已经|均已|共|累计)?{re.escape(stem)}", label):
            found.append((total, done, undone))
    return found


def _judge(text: str, parts: list[Placed], candidates: list[Placed], exhaustive: bool,
           stated: bool = False) -> Check | None:
    """The check for one breakdown, or None when some reading of it is consistent.

    A comma list that adds up to a possible total after its first few parts was read too far
    (the next clause states a sibling indicator), so it is consistent too.  Parts beyond the
    total, or short of a total the text states as their sum (合计), are an error; short of a
    total whose list only claims completeness (其他类…) is a warning.
    """
    total_of_parts = sum(p.value for p in parts)
    slack = sum(p.precision for p in parts) + 1e-6
    if any(abs(c.value - total_of_parts) <= slack + c.precision for c in candidates):
        return None
    running, running_slack = 0.0, 1e-6
    for count, part in enumerate(parts, start=1):
        running += part.value
        running_slack += part.precision
        cut = count < len(parts) and any(c in text[part.end:parts[count].start] for c in ",,")
        if cut and count >= 2 and any(abs(c.value - running) <= running_slack + c.precision
                                      for c in candidates):
            return None
    biggest = max(candidates, key=lambda c: c.value)
    if total_of_parts > biggest.value + slack + biggest.precision:
        return _check(biggest, parts, total_of_parts, "error")
    if exhaustive and len(candidates) == 1 and len(parts) >= 2:
        return _check(candidates[0], parts, total_of_parts, "error" if stated else "warning")
    return None


def _check(total: Placed, parts: list[Placed], total_of_parts: float, severity: str) -> Check:
    difference = total_of_parts - total.value
    more = "多" if difference > 0 else "少"
    # the arithmetic itself: each part as written, then their sum against the stated total
    added = "+".join(p.figure.text for p in parts)
    message = (f"分项合计{added}={format_amount(total_of_parts, total)},与所述{total.figure.text}不符"
               f"({more}{format_amount(abs(difference), total)})")
    sections = sorted({p.figure.section for p in [total, *parts] if p.figure.section is not None})
    return Check(kind="sum_mismatch", severity=severity, message=message,
                 figures=[total.id, *[p.id for p in parts]], sections=sections,
                 detail={"expected": tidy_number(total.value), "actual": tidy_number(total_of_parts),
                         "difference": tidy_number(difference), "unit": total.key[1]})


def tidy_number(value: float) -> float | int:
    """``value`` without float noise, as an int when it is whole (4826.0 -> 4826)."""
    rounded = round(value, 6)
    return int(rounded) if rounded == int(rounded) else rounded


def format_amount(value: float, like: Placed) -> str:
    """``value`` written the way ``like`` writes its figure (万元 stays 万元, 名 stays 名)."""
    unit = like.figure.unit if like.figure.unit and like.figure.unit in like.figure.text else like.key[1]
    text = like.figure.text
    for words, size in (("亿億", 100_000_000), ("万萬", 10_000)):
        if any(word in text for word in words):
            return f"{tidy_number(value / size)}{words[0]}{unit}"
    return f"{tidy_number(value)}{unit}"


SHARE_LEAD = re.compile(r"占[^,,、;;。]{0,12}分别[为是]?$|分别占[^,,、;;。]{0,12}$")


def _share_sums(text: str, placed: Sequence[Placed]) -> list[Check]:
    """Shares of one whole that add up to more than 100 % ("分别占总数的84.6%、15.6%")."""
    checks = []
    percents = [p for p in placed if p.key == ("percent", "%") and not p.in_parens]
    k = 0
    while k < len(percents):
        first = percents[k]
        floor = percents[k - 1].end if k and percents[k - 1].sentence == first.sentence else 0
        lead = text[max(floor, first.start - 20):first.start]
        run = [first]
        if SHARE_LEAD.search(lead):
            for i in range(k + 1, len(percents)):  # (a slice would copy the rest each time)
                nxt = percents[i]
                between = text[run[-1].end:nxt.start]
                if nxt.sentence != first.sentence or between.strip() not in ("、", ",", ",", "和", "及"):
                    break
                run.append(nxt)
        if len(run) >= 2:
            total = sum(p.value for p in run)
            slack = sum(p.precision for p in run)
            if total > 100 + slack + 1e-9:
                excess = tidy_number(total - 100)
                sections = sorted({p.figure.section for p in run if p.figure.section is not None})
                checks.append(Check(
                    kind="sum_mismatch", severity="error",
                    message=f"各部分占比合计{tidy_number(total)}%,超过100%(多{excess}个百分点)",
                    figures=[p.id for p in run], sections=sections,
                    detail={"expected": 100, "actual": tidy_number(total), "difference": excess, "unit": "%"}))
        k += len(run)
    return checks


def judge_breakdown(text: str, parts: list[Placed], candidates: list[Placed], exhaustive: bool,
                    stated: bool = False) -> Check | None:
    """The sum check for ``parts`` against their possible totals (for lists other modules find)."""
    return _judge(text, parts, candidates, exhaustive, stated)
