"""One indicator stated twice with different values (``conflicting_repeat``).

Reports often repeat a key figure: once in a summary, once in the detail.  When "受理案件552件"
becomes "受理案件525件" a few pages later, one of them is wrong.  The rule is strict, since
legitimate repeats with other values are common (each campaign reports its own 出动执法人员):
the two figures must share their whole normalised label (at least four characters, not a
generic word), their kind and unit, the period the sentence names, and both must be exact (no
余/约/以上).  And the two sentences must be the same statement: they share another figure with
the same label and value (an anchor), as a summary and its detail do — unless the two numbers
differ only by two neighbouring digits swapped (4380 / 4830), a typing slip.

A report's opening summary (the text before its first heading) restates its key results, so a
result stated there and again in the body needs no anchor when the label alone leaves no doubt
(``全年共立案查处违法用地案件86件`` … ``立案查处违法用地案件89件``): a long, specific label (at
least six characters once 全年/共/全市 are stripped), stated with one value in the summary and
one in the body, where neither sentence narrows it (其中/分别 breakdowns, 新增/本月/上半年/
专项/累计 qualifiers, last year's figure, another scope such as 全市 against 本局).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from reviewer.checks.context import SENTENCE_WINDOW, Placed, own_label, sentence_starts
from reviewer.checks.prefix_scan import PrefixScan
from reviewer.checks.sums import format_amount, tidy_number
from reviewer.model import Check, Section

_LEAD_WORDS = (
    "其中|另外|此外|同时|全年|年内|共|共计|合计|总计|累计|一共|我局|全局|本局|全区|全县|全市|"
    "全镇|全乡|全省|全州|全旗|全街道|本街道|街道|我县|我镇|我乡|我区|我市|我委|本委|全委|全系统|"
    "依法|先后|已|均|还|并|又|再|有|现有|目前|截至|截止|到|至|在|对|为|以|和|与|及|了|各类|各项|将|拟|力争")
LEAD = re.compile(f"^(?:{_LEAD_WORDS})+")
# The first characters of LEAD's words: a label that starts with none of them has no lead.
_LEAD_FIRST = frozenset(word[0] for word in _LEAD_WORDS.split("|"))
TIME = re.compile(r"\d{4}年(?:度)?|\d{1,2}月(?:份|底|末|初)?|\d{1,2}日|上半年|下半年|全年|年底|年初|以来")
_TIME_CHARS = "年月日来"  # every TIME match holds one of them
# What names the period of a figure: years, months, halves and quarters (截至11月底 ≠ 全年).
PERIOD = re.compile(r"\d{4}年|\d{1,2}月|[上下]半年|[一二三四1-4]季度|前[一二三四五六七八九十\d]+个?月")
# The characters that stand in a PERIOD match other than last ("0": any digit), for PrefixScan.
PERIOD_NOT_LAST = "0上下半一二三四季前五六七八九十个"
PERIOD_HOLDS = "年月度"  # every PERIOD match holds one of them
# Every PERIOD match ends with one of these pairs (2023年, 11月, 前三月, 3个月, 上半年, 一季度):
# found once per document, they tell most stretches before a figure (全年, 年度 and all) that
# no period word stands there.  (Found from their last characters, each checked with the
# character before it: a search for the pairs tries every digit of the text.)
_PERIOD_BEFORE_LAST = {"年": "半", "月": "一二三四五六七八九十个", "度": "季"}  # or a digit before 年, 月
# Labels too generic to name an indicator (a set: a label holds no line break once normalised).
GENERIC = frozenset("企业 单位 事项 部门 人员 案件 问题 次数 人次 项目 活动 资料 家 户 件 个".split())
CHECKED_KINDS = ("count", "money", "measure", "duration")  # what a repeat check compares
SKIP = re.compile(r"同比|环比|增长|下降|增加|减少|提高|上年|去年|较|比|占|平均|人均|每")
# The characters that stand in a SKIP match other than last, for PrefixScan.
SKIP_NOT_LAST = "同环增下减提上去平人"
MIN_LABEL = 4
# A summary and the body: the label must be specific enough on its own.
MIN_SUMMARY_LABEL = 6
# Words before a figure in its sentence that narrow it to a part, a stretch of time or another
# period than the report's: such a figure may rightly differ from the summary's.  It is only
# ever searched for (is there one?), so 十年来 is written from its 年来, the numeral before looked
# back at: every word then opens with a character, which lets ``re`` skip to the characters that
# can open one (eight times faster over CJK text than trying each word at each character).  A
# search from a sentence start looks back at the sentence end (no numeral): the same answer.
NARROWING = re.compile(
    r"其中|分别|包括|新增|新发|本月|当月|本周|上半年|下半年|季度|前[一二三四五六七八九十\d]+个?月|专项|"
    r"行动|活动|期间|以来|累计|截至|截止|上年|去年|前年|同期|历年|近[一二三四五六七八九十两\d]+年|"
    r"年来(?<=[一二三四五六七八九十两\d]年来)|预计|计划|将|拟|目标|力争")
# The same for NARROWING: the first characters of its words, its numerals, 个 and the 年 of 年来.
NARROWING_NOT_LAST = "0其分包新本当上下半季前一二三四五六七八九十两个专行活期以累截去同历近年预计目力"
SCOPE = re.compile(r"[全本我](?:市|区|县|镇|乡|省|州|旗|局|委|街道|系统|行业)")
YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*年")
# The title line in the opening lines: the year it names is the year the report covers.
TITLE_LINE = re.compile(r"报告|总结|情况|工作")
OPENING_LINES = 8
_QUOTES_AND_SPACES = re.compile(r"[\s“”\"'‘’|]")
# The first number of a figure's text, after whatever precedes it (约, ¥).
_NUMBER = re.compile(r"\D*([\d.,]+)")


def find_conflicting_repeats(text: str, placed: Sequence[Placed], report_year: int | None = None,
                             sections: Sequence[Section] = ()) -> list[Check]:
    """Pairs of figures that state the same indicator for the same period with different values.

    ``report_year`` is the year the report covers (the metadata finder's); without it the year
    is read from the opening lines.  ``sections`` (the outline's) tell where headings stand."""
    starts = sentence_starts(text)
    own_year = str(report_year) if report_year else _report_year(text)
    periods = _Periods(text, own_year, starts)
    labels: dict[int, str] = {}
    statements = _Statements(placed, labels)
    # The figures all three rules read (a checked kind, out of brackets, a label long and
    # specific enough), each with its sentence's period words up to it, found once.
    candidates: list[tuple[Placed, str, tuple[str, ...]]] = []
    previous: Placed | None = None
    for fig in placed:
        floor = previous.end if previous is not None and previous.sentence == fig.sentence else starts[fig.sentence]
        previous = fig
        if fig.in_parens:  # neither a statement nor a candidate: its label is never read
            continue
        raw = own_label(text, fig, floor)
        label = labels[fig.id] = _normalise(raw)
        if fig.key[0] in CHECKED_KINDS and len(label) >= MIN_LABEL and label not in GENERIC \
                and not SKIP.search(raw):
            lo = max(starts[fig.sentence], fig.start - SENTENCE_WINDOW)
            candidates.append((fig, label, periods(fig.sentence, lo, fig.start)))
    seen: dict[tuple[str, str, str, tuple[str, ...]], list[Placed]] = {}
    checks = []
    reported: set[tuple[str, str, str, tuple[str, ...]]] = set()
    for fig, label, period in candidates:
        if text.startswith(("的基础上", "基础上"), fig.end):
            window = text[max(starts[fig.sentence], fig.start - SENTENCE_WINDOW):fig.start]
            # "2023年,我局将在追回2365.8万元的基础上…": the base is what was done, not the plan year
            period = tuple(p for p in period if not re.search(re.escape(p) + "[^。]{0,12}?(?:将|拟|要)", window))
        key = (label, fig.key[0], fig.key[1], period)
        earlier = seen.setdefault(key, [])  # the first statement of each distinct value
        if key in reported:
            continue
        for first in earlier:
            if first.sentence == fig.sentence:
                continue
            if abs(first.value - fig.value) <= first.precision + fig.precision + 1e-6:
                continue
            own = {(label, fig.key[1], first.value), (label, fig.key[1], fig.value)}
            anchors = (statements.of(first.sentence) & statements.of(fig.sentence)) - own
            if anchors or _transposed(first.figure.text, fig.figure.text):
                reported.add(key)
                checks.append(_check(first, fig, label))
                break
        for e in earlier:  # (a loop, not all() over a generator: one per candidate)
            if abs(e.value - fig.value) <= e.precision + fig.precision + 1e-6:
                break
        else:
            earlier.append(fig)
    candidates = [(fig, label, period, periods.narrowed(fig.sentence, fig.start))
                  for fig, label, period in candidates]
    checks += _transposed_variants(candidates)
    pairs = {tuple(c.figures) for c in checks}  # one pair found by two rules is one problem
    return checks + [c for c in _summary_repeats(text, placed, starts, labels, candidates, reported, periods, sections)
                     if tuple(c.figures) not in pairs]


class _Statements:
    """What each sentence states: the (label, unit, value) of its figures out of brackets whose
    label has two characters or more.  Only the two sentences of a pair with different values
    are ever compared, so a sentence's set is made when first asked for (``labels`` filled by
    then), not one set per sentence of the report."""

    def __init__(self, placed: Sequence[Placed], labels: dict[int, str]):
        self.placed = placed
        self.labels = labels
        self.sentences = [p.sentence for p in placed]
        self.ordered = self.sentences == sorted(self.sentences)  # (in document order: always, from place_figures)
        self._of: dict[int, set[tuple[str, str, float]]] = {}

    def of(self, sentence: int) -> set[tuple[str, str, float]]:
        said = self._of.get(sentence)
        if said is None:
            if self.ordered:
                figures = self.placed[bisect.bisect_left(self.sentences, sentence):
                                      bisect.bisect_right(self.sentences, sentence)]
            else:
                figures = [p for p in self.placed if p.sentence == sentence]
            said = self._of[sentence] = set()
            for p in figures:
                label = None if p.in_parens else self.labels.get(p.id)
                if label is not None and len(label) >= 2:
                    said.add((label, p.key[1], p.value))
        return said


def _transposed_variants(candidates: list[tuple[Placed, str, tuple[str, ...], bool]]) -> list[Check]:
    """A typing slip (186件 / 168件) between two statements whose labels differ only by a
    modifier inside one of them (立案查处环境违法案件 / 立案查处案件), as a table row shortens
    the text's label: the same indicator, reported once per pair.  ``candidates`` are the
    figures with their label, period and whether their sentence narrows them before."""
    eligible = [(fig, label, period) for fig, label, period, narrowed in candidates if not narrowed]
    # Index the figures by what must match exactly (kind and unit, period, number, the text
    # after the number), then by label; each figure looks up the swaps of its own digits, and
    # only labels of another wording: linear where comparing every pair was quadratic.
    index: dict[tuple, dict[str, list[int]]] = {}
    matches: list[tuple[int, int]] = []
    for j, (fig, label, period) in enumerate(eligible):
        split = _number_and_rest(fig.figure.text)
        if split is None:
            continue
        number, rest = split
        for swapped in _swaps(number):
            for other, found in index.get((fig.key, period, swapped, rest), {}).items():
                if other != label and any(same(a, b) for same in (_inner_modifier, _means_before)
                                          for a, b in ((other, label), (label, other))):
                    matches.extend((i, j) for i in found if eligible[i][0].sentence != fig.sentence)
        index.setdefault((fig.key, period, number, rest), {}).setdefault(label, []).append(j)
    checks = []
    for i, j in sorted(matches):
        (first, first_label, _), (fig, label, _) = eligible[i], eligible[j]
        checks.append(_check(first, fig, min(first_label, label, key=len)))
    return checks


def _inner_modifier(short: str, long: str) -> bool:
    """``long`` is ``short`` with a modifier inserted inside it, both ends kept (at least two
    characters each): 立案查处|环境违法|案件 over 立案查处|案件."""
    if len(short) < MIN_LABEL or len(long) <= len(short):
        return False
    for cut in range(2, len(short) - 1):
        if long.startswith(short[:cut]) and long.endswith(short[cut:]):
            return True
    return False


MEANS = re.compile(r"(?:通过|依托|利用|借助|经由|运用)[^,,、;;。]{2,14}")


def _means_before(short: str, long: str) -> bool:
    """``long`` is ``short`` after a phrase saying how it was done (通过门户网站|主动公开政府信息):
    the means does not change what is counted."""
    return (len(short) >= MIN_SUMMARY_LABEL and len(long) > len(short) and long.endswith(short)
            and MEANS.fullmatch(long[:-len(short)]) is not None)


def _report_year(text: str) -> str | None:
    """The year the report covers, as written before 年 (``2022``): the year of the first of
    its opening lines that reads like a title (…报告, …总结), else the year the text names
    most often (the first named on a tie)."""
    for line in text.lstrip().split("\n", OPENING_LINES)[:OPENING_LINES]:
        m = YEAR.search(line)
        if m and TITLE_LINE.search(line) and len(line.strip()) <= 60:
            return m.group(1)
    counts: dict[str, int] = {}
    for m in YEAR.finditer(text):
        counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    return max(counts, key=lambda y: counts[y]) if counts else None


def period_ends(text: str) -> list[int]:
    """Where the pairs that end a ``PERIOD`` match (``\\d年``, ``个月``, ``季度`` …) start, in order.

    Each of 年, 月, 度 is found by ``str.find`` (a third of the time of a regex scan for the
    three over CJK text) and kept when the character before it can end a period word there."""
    found = []
    for last, before_last in _PERIOD_BEFORE_LAST.items():
        digits = last != "度"  # (a digit before 年 or 月 too: 2023年, 11月)
        at = text.find(last, 1)
        while at >= 0:
            before = text[at - 1]
            if before in before_last or (digits and before.isdecimal()):
                found.append(at - 1)
            at = text.find(last, at + 1)
    found.sort()
    return found


class _Periods:
    """The period words of a figure's sentence up to it, and whether a word there narrows the
    figure, found once: the three repeat checks ask about the same stretches, and the figures
    of a sentence in order, so each reads on from the one before (``PrefixScan``)."""

    def __init__(self, text: str, own_year: str | None, starts: list[int]):
        self.own_year = own_year
        self._periods = PrefixScan(PERIOD, PERIOD_NOT_LAST, text, starts, PERIOD_HOLDS)
        self._narrowing = PrefixScan(NARROWING, NARROWING_NOT_LAST, text, starts)
        self._skip = PrefixScan(SKIP, SKIP_NOT_LAST, text, starts)
        self._ends = period_ends(text)
        self._found: dict[tuple[int, int], tuple[str, ...]] = {}
        self._last_words: list[str] | None = None
        self._last_period: tuple[str, ...] = ()

    def narrowed(self, sentence: int, end: int) -> bool:
        return self._narrowing.search(sentence, end)

    def skipped(self, sentence: int, end: int) -> bool:
        """``SKIP`` in the sentence up to ``end`` (a change, a share, last year's figure)."""
        return self._skip.search(sentence, end)

    def __call__(self, sentence: int, start: int, end: int) -> tuple[str, ...]:
        # no pair of period_ends within [start, end): no period word (nine in ten figures)
        at = bisect.bisect_left(self._ends, start)
        if at == len(self._ends) or self._ends[at] + 2 > end:
            return ()
        found = self._found.get((start, end))
        if found is None:
            words = self._periods.findall(sentence, start, end)
            if words is not self._last_words:  # the same list: no period word since the last figure
                self._last_words, self._last_period = words, _period(words, self.own_year)
            found = self._found[start, end] = self._last_period
        return found


def _period(found: list[str], own_year: str | None) -> tuple[str, ...]:
    """The period words of a sentence, without the report's own year: "2022年全年" in a report
    on 2022 names the same period as a sentence that names no year.  (A ``PERIOD`` match holds
    no white space, so it is compared as found.)"""
    own = None if own_year is None else own_year + "年"
    return tuple(sorted({p for p in found if p != own}))


def _closing_paragraph(text: str, placed: Sequence[Placed], sections: Sequence[Section]) -> set[int]:
    """The figures of the report's closing paragraph, which restates its results as the opening
    summary does (``2022年全年共办理行政处罚案件2,361件,圆满完成年度目标任务``): the last
    paragraph holding a checkable figure, after a heading, when it is not the first paragraph
    under its heading (that one is the heading's own body) and opens no section itself."""
    checkable = [f for f in placed if f.key[0] in CHECKED_KINDS]
    if not checkable or checkable[-1].figure.section is None:
        return set()
    last = checkable[-1]
    start = text.rfind("\n", 0, last.start) + 1
    heading_lines = {text.rfind("\n", 0, s.heading_start) + 1 for s in sections}
    if start in heading_lines:
        return set()
    before = text[:start].rstrip()
    previous_start = before.rfind("\n") + 1
    previous = before[previous_start:].strip()
    if not previous or (previous_start in heading_lines and "。" not in previous.rstrip("。")):
        return set()  # right under its heading: the section's body, not a closing paragraph
    return {f.id for f in checkable if f.start >= start}


def _summary_repeats(text: str, placed: Sequence[Placed], starts: list[int], labels: dict[int, str],
                     candidates: list[tuple[Placed, str, tuple[str, ...], bool]], reported: set,
                     periods: _Periods, sections: Sequence[Section] = ()) -> list[Check]:
    """One result stated in a summary (the opening one, before the first heading, or the
    closing paragraph) and with another value in the body."""
    closing = _closing_paragraph(text, placed, sections)
    groups: dict[tuple[str, str, str, tuple[str, ...]], list[Placed]] = {}
    for fig, label, _, narrowed in candidates:
        if len(label) < MIN_SUMMARY_LABEL or narrowed or periods.skipped(fig.sentence, fig.start):
            continue
        period = periods(fig.sentence, starts[fig.sentence], fig.start)
        groups.setdefault((_core(label), fig.key[0], fig.key[1], period), []).append(fig)
    checks = []
    for key, figs in groups.items():
        if key in reported:
            continue
        summary = [f for f in figs if f.figure.section is None or f.id in closing]
        body = [f for f in figs if f.figure.section is not None and f.id not in closing]
        if not summary or not body or not _one_value(summary) or not _one_value(body):
            continue
        first, second = sorted((summary[0], body[0]), key=lambda f: f.start)  # 先写…后写…
        if abs(first.value - second.value) <= first.precision + second.precision + 1e-6:
            continue
        scopes = [set(SCOPE.findall(text[starts[f.sentence]:f.start])) for f in (first, second)]
        if all(scopes) and scopes[0] != scopes[1]:
            continue
        if (first.id in closing or second.id in closing) and scopes[0] != scopes[1]:
            continue  # a closing 全县共… against the body's own figure: another scope, perhaps
        reported.add(key)
        named = labels[first.id] if labels[first.id] == labels[second.id] \
            else f"{labels[first.id]}”与“{labels[second.id]}"  # as each is written
        checks.append(_check(first, second, named))
    return checks


# Words that do not narrow what is counted: 各类纠纷 are the 纠纷, and 矛盾纠纷 is the usual
# longer name of the same thing.
FILLER = re.compile(r"各类|各种|各项|矛盾(?=纠纷)")


def _core(label: str) -> str:
    """The label without words that do not change what it counts (调处各类纠纷 = 调处矛盾纠纷)."""
    return FILLER.sub("", label)


def _one_value(figs: list[Placed]) -> bool:
    """All the figures state the same value (within their rounding)."""
    return all(abs(f.value - figs[0].value) <= f.precision + figs[0].precision + 1e-6 for f in figs)


def _number_and_rest(text: str) -> tuple[str, str] | None:
    """The first number written in a figure (digits, points, commas) and the text after it."""
    m = _NUMBER.match(text)
    return (m.group(1), text[m.end():]) if m else None


def _swaps(number: str) -> list[str]:
    """``number`` with two neighbouring, different digits swapped, each way it can be done;
    none when it has fewer than three digits (too short to call a swap a typing slip)."""
    # (``number`` holds only digits, points and commas: counted without a test per character)
    if len(number) - number.count(".") - number.count(",") < 3:
        return []
    out = []
    for k in range(len(number) - 1):
        x, y = number[k], number[k + 1]
        if x != y and x not in ".," and y not in ".,":
            out.append(number[:k] + y + x + number[k + 2:])
    return out


def _transposed(a: str, b: str) -> bool:
    """Two numbers written alike but for two neighbouring digits swapped (4380件 / 4830件,
    2.86亿元 / 2.68亿元), at least three digits long: the mark of a typing slip, which needs no
    anchor to be reported."""
    na, nb = _number_and_rest(a), _number_and_rest(b)
    if na is None or nb is None or na[1] != nb[1]:
        return False
    return nb[0] in _swaps(na[0])


def _normalise(raw: str) -> str:
    label = raw.strip()
    if "年" in label or "月" in label or "日" in label or "来" in label:  # (_TIME_CHARS: a TIME scan costs ten of these tests)
        label = TIME.sub("", label)
    label = _QUOTES_AND_SPACES.sub("", label)
    # LEAD is anchored: strip its match until none is left (what repeating ``sub`` did)
    while label[:1] in _LEAD_FIRST and (lead := LEAD.match(label)) is not None:
        label = label[lead.end():]
    return label


def _check(first: Placed, second: Placed, label: str) -> Check:
    difference = second.value - first.value
    message = (f"“{label}”先写{first.figure.text},后写{second.figure.text},"
               f"同一指标前后相差{format_amount(abs(difference), first)}")
    sections = sorted({p.figure.section for p in (first, second) if p.figure.section is not None})
    return Check(kind="conflicting_repeat", severity="warning", message=message,
                 figures=[first.id, second.id], sections=sections,
                 detail={"expected": tidy_number(first.value), "actual": tidy_number(second.value),
                         "difference": tidy_number(difference), "label": label})
