"""What each figure counts: the short phrase a reviewer would write beside ``1170件`` (``立案``).

Chinese states a quantity in three shapes, and the label follows the shape:

- *phrase, number* — ``全年共立案1170件``: the phrase just before the number in its clause,
  with linking words at its edges removed (共, 累计, 达到, 为, 全年, 其中 …) -> ``立案``;
- *number, noun* — ``为198户企业``, ``等三家金融机构``, ``在用的488千米燃气管道``: the noun
  written after the number, joined to a lone verb (``抽取2777户企业`` -> ``抽取企业``) or to the
  ``…的`` phrase before it (``失联的1405户企业`` -> ``失联的企业``);
- *number, predicate* — ``其中27件已结``: the predicate after the number (``已结``).

A figure in a clause that only says "…changed to N" (``由40个工作日缩短至5日``) shares the label of
the figure before it; a change against a baseline keeps it (``较上年增长``); a share takes the label
of the figure it divides (``43人,占23.1%``); a figure after a field name and a colon takes the field
name (``发布日期:2021-01-08``); a date with nothing before it takes the event of the next clause.

Only the few characters around each number are segmented (jieba with part-of-speech tags), never
the whole report: that is what keeps analysis of a 30 KB report within milliseconds.
"""

from __future__ import annotations

import bisect
import re

from reviewer.analysis.label_phrases import (
    _BASELINE_WORDS,
    _CHANGE_VERBS,
    _CLAUSE_END,
    _DELIMITERS,
    _FIELD_STOP,
    _FRAME_NOUNS,
    _FREQUENCY,
    _FROM_MARKERS,
    _GENERIC_MEASURES,
    _GENERIC_NOUNS,
    _LONG_ASIDE,
    _MEASURE_NOUN_ENDINGS,
    _OBJECT_MARKERS,
    _SENTENCE_END,
    _SHARE_WORDS,
    _VERB_PREPOSITIONS,
    AFTER_WINDOW,
    BEFORE_WINDOW,
    FILLER_WORDS,
    LIGHT_VERBS,
    MAX_LABEL,
    TAIL_WORDS,
    _after_light_verb,
    _after_restart,
    _cap,
    _comparison,
    _content_clause,
    _counted_before,
    _from_to,
    _head_after_de,
    _interior_filler,
    _is_noun,
    _noun_after,
    _predicate_after,
    _span,
    _strip_lead,
    _strip_tail,
)
from reviewer.analysis.pos_tokens import Label, Token, tokens
from reviewer.model import Figure

# _DELIMITERS without the line break, and the line break alone
_INLINE_DELIMITERS = re.compile(_DELIMITERS.pattern.replace(r"\n", ""))
_LINE_BREAK = re.compile("\n")
# 较上年76件, 比去年同期1490.2万元: the figure right after the baseline is the baseline's
_COMPARED_WITH = frozenset("较 比 与 同 相比 相较".split())


class LabelFinder:
    """Labels for the figures of one document (``text`` shown, ``a`` its Simplified copy)."""

    def __init__(self, text: str, a: str):
        self.text = text
        self.a = a
        # (the line breaks apart, as only they may be a hard wrap: no test per delimiter)
        bounds = [m.start() for m in _INLINE_DELIMITERS.finditer(a)]
        bounds += [m.start() for m in _LINE_BREAK.finditer(a) if not _hard_wrap(a, m.start())]
        for m in _LONG_ASIDE.finditer(a):  # a long aside in brackets: both brackets are boundaries
            bounds += [m.start(), m.end() - 1]
        self.delims = sorted(bounds)
        self.sentence_ends = [m.start() for m in _SENTENCE_END.finditer(a)]

    def clause(self, start: int, end: int) -> tuple[int, int]:
        i = bisect.bisect_left(self.delims, start)
        floor = self.delims[i - 1] + 1 if i > 0 else 0
        j = bisect.bisect_left(self.delims, end)
        ceiling = self.delims[j] if j < len(self.delims) else len(self.a)
        return floor, ceiling

    def label_all(self, figures: list[Figure]) -> None:
        # (``clause`` made inline, and the test whether the figure before ends in the same
        # sentence: three bisections per figure with local names, no method calls)
        delims, sentence_ends, bisect_left = self.delims, self.sentence_ends, bisect.bisect_left
        n_delims, n_ends, size, last = len(delims), len(sentence_ends), len(self.a), len(figures) - 1
        previous: Figure | None = None
        for n, f in enumerate(figures):
            start = f.start
            i = bisect_left(delims, start)
            floor = delims[i - 1] + 1 if i > 0 else 0
            j = bisect_left(delims, f.end, i)
            ceiling = delims[j] if j < n_delims else size
            same_clause = previous is not None and floor < previous.end <= start
            if same_clause:
                floor = previous.end
                if previous.label_start == previous.end and previous.label_end is not None:
                    # 106个单位3763人: 单位 is what the figure before counts
                    floor = max(floor, min(previous.label_end, start))
            if n < last and figures[n + 1].start < ceiling:
                ceiling = figures[n + 1].start
            in_sentence = None  # the figure before, when no sentence ends between the two
            if previous is not None:
                k = bisect_left(sentence_ends, previous.end)
                if k >= n_ends or sentence_ends[k] >= start:
                    in_sentence = previous
            label, span = self.label(f, floor, ceiling, previous if same_clause else None, in_sentence)
            f.label = label or None
            if span is not None and label:
                f.label_start, f.label_end = span
            previous = f

    def label(self, f: Figure, floor: int, ceiling: int, previous: Figure | None,
              in_sentence: Figure | None) -> Label:
        a = self.a
        header = _change_column(a, f) if f.kind == "percent" else None  # (its own first test)
        if header is not None:
            return header  # 类别|数量|同比 … 环评审批|264件|+8.2%: the change column names its cells
        if previous is not None and previous.label and _from_to(a, previous, f):
            return previous.label, _span(previous)  # 由120个工作日压减至60个工作日
        if floor > 1 and a[floor - 1] == "\n" and a[floor:f.start].strip() and _TARGET_ONLY.fullmatch(a[floor:f.start]) \
                and "\u4e00" <= a[floor - 2] <= "\u9fff":
            # 全年办理法律援助案件\n力争突破1,300件: a line broken before the target verb
            start, _ = self.clause(floor - 1, floor - 1)
            wrapped = _strip_lead(tokens(a, max(start, floor - 1 - BEFORE_WINDOW), floor - 1))
            if wrapped and _is_noun(wrapped[-1]):
                return self._tidy(_cap(_after_light_verb(wrapped)))
        lo = max(floor, f.start - BEFORE_WINDOW)
        before = tokens(a, lo, f.start) if lo < f.start else []
        if lo > floor and len(before) > 1:
            before = before[1:]  # the window may have cut the first word
        hi = min(ceiling, f.end + AFTER_WINDOW)
        after = tokens(a, f.end, hi) if f.end < hi else []
        raw_last = before[-1].word if before else ""
        window = before  # (the words before the number as segmented, for a baseline year below)
        if raw_last in _BASELINE_WORDS and len(before) >= 2 and before[-2].word in _COMPARED_WITH:
            return self._phrase(before[-1:])  # 较上年76件下降了18件: last year's figure
        before, changed = _strip_tail(before)
        before = _after_restart(before)
        # (``_comparison``'s own first test made here: most phrases end in no change verb)
        comparison = _comparison(before) if before and before[-1].word in _CHANGE_VERBS else []
        before = comparison or _strip_lead(before)
        noun = _noun_after(after) if after else []  # (most numbers end their clause: nothing after)
        if noun and raw_last in _FROM_MARKERS and after.index(noun[-1]) + 1 < len(after) \
                and after[after.index(noun[-1]) + 1].word in ("至", "到"):
            noun = []  # 由45天精简至20天: jieba's noun is the verb of the change
        if noun and after[0].word == "的":
            # 0.5个工作日的审核时限, 5%的比例: a noun after 的 that the number measures names the
            # figure; another noun only when nothing before does (停止执业三个月的行政处罚 ->
            # 停止执业); a frame never does (…的基础上)
            light = len(before) == 1 and before[0].word in LIGHT_VERBS
            measure = "".join(t.word for t in noun).endswith(_MEASURE_NOUN_ENDINGS)
            if noun[0].word in _FRAME_NOUNS or (before and not light and not measure and raw_last != "为期"):
                noun = []
        if (noun and noun[0].flag == "v" and noun[0].word not in LIGHT_VERBS and before
                and _is_noun(before[-1]) and raw_last == before[-1].word
                and _object_opening(a, floor, before[0].start)):
            noun = []  # 对涉企经营许可事项528项实行分类改革: the object named before, not the verb after
        if raw_last in _OBJECT_MARKERS and ceiling > hi:
            after = tokens(a, f.end, min(ceiling, f.end + 2 * AFTER_WINDOW))
        head = _head_after_de(after) if raw_last in _OBJECT_MARKERS else []
        if head and not (noun and noun[-1].end < len(a) and a[noun[-1].end] == "的"):
            # 对24件违法情节显著轻微、社会危害程度不大的案件免于处罚: the noun the 的 phrase
            # modifies, unless a plain noun phrase runs up to the 的 (对62家重点排污单位的设施)
            noun = head
        if not before and not noun and raw_last in _VERB_PREPOSITIONS:
            return self.text[f.start - len(raw_last):f.start], (f.start - len(raw_last), f.start)
        if not before and raw_last in ("的", "为", "是", "达") and not changed:
            baseline = [t for t in window if t.word in _BASELINE_WORDS]
            if baseline:
                return self._phrase(baseline[-1:])  # 较上年的2,450.2万元, (上年为…): the baseline year's figure
        if not noun and (not before or (len(before) == 1 and before[0].word in LIGHT_VERBS)):
            # 举办11期任前法律知识考试: jieba's tags break the noun phrase, but the clause
            # after the number is only content words ending in a noun
            noun = _content_clause(after, hi == ceiling and ceiling < len(a) and a[ceiling] in _CLAUSE_END)
        if not before and floor > 0 and a[floor - 1] in "::" and f.kind == "date":
            return self._field_name(floor - 1)
        if noun and f.kind != "date":
            if raw_last == "的" and before:
                return self._join(before, noun, with_de=True)
            if before and raw_last == before[-1].word and before[-1].word.startswith("每") and after[0].word == "的":
                return self._join(before[-1:], noun, with_de=True)  # 每平方米50元的标准: a rate per unit
            if (len(before) == 1 and before[0].flag.startswith("v") and raw_last == before[0].word
                    and before[0].word not in _CHANGE_VERBS and before[0].word not in LIGHT_VERBS):
                return self._join(before, noun)
            generic = len(noun) == 1 and noun[0].word in _GENERIC_NOUNS
            if f.kind == "count" and _counted_before(before, raw_last, after, noun):
                return self._phrase(_cap(_after_light_verb(before)))  # 组织村组干部一百余人入户走访
            if not (before and generic) or raw_last in ("等", "等等"):
                return self._phrase(noun)
        if changed and not before and previous is not None and previous.label:
            return previous.label, _span(previous)
        said = "".join([t.word for t in before])
        if before and said in _SHARE_WORDS and in_sentence is not None and in_sentence.label:
            return in_sentence.label + self._shown("占比", f.start), None  # 568项,占比92%
        if before:
            # (_FREQUENCY opens with 每, 平均每 or 人均: tried only on such a phrase)
            if (said[0] in "每平人" and _FREQUENCY.fullmatch(said)) or said in _GENERIC_MEASURES:
                activity = self._activity_before(f, in_sentence)
                if activity and said in _GENERIC_MEASURES:
                    # 跟班学习,时间为3至6个月 -> 跟班学习时间
                    return self.text[activity[0].start:activity[-1].end] + self.text[before[0].start:before[-1].end], None
                if activity:
                    return self._phrase(activity)  # 开展动态巡查,每月不少于1次 -> 动态巡查
            if len(said) <= _SHORT_PHRASE:
                return self._tidy(before)  # (what _after_light_verb and _cap leave of a short phrase)
            return self._tidy(_cap(_after_light_verb(before)))
        if not noun and floor > 0 and a[floor - 1] in "::" and previous is None:
            return self._field_name(floor - 1)  # 罚没金额:56.3万元
        if previous is not None and not noun:
            if previous.end == f.start and previous.kind in ("age", "percent") and previous.qualifier:
                # 50岁以上69人: the figure before says who is counted
                return previous.text, (previous.start, previous.end)
        predicate = _predicate_after(after)
        if predicate:
            return self._tidy(predicate) if f.kind != "date" else self._phrase(_cap(predicate))
        if previous is not None and previous.label:
            return previous.label, _span(previous)
        if in_sentence is not None and in_sentence.label and a[max(floor, f.start - 3):f.start].endswith(
                tuple(_SHARE_WORDS)):
            # 43人,占23.1%: the share of the figure before
            return in_sentence.label + self._shown("占比", f.start), None
        if (in_sentence is not None and in_sentence.label and f.kind == in_sentence.kind
                and raw_last in TAIL_WORDS and raw_last not in ("其中", "其余", "另外", "另有", "其")):
            # 培训2期,共25堂课: a total of the same thing
            return in_sentence.label, _span(in_sentence)
        if f.kind in ("percent", "ratio") and not noun:
            rate = self._rate_before(f, in_sentence)
            if rate:
                return self._phrase(rate)  # …的比例偏低,约为15%: the rate the clause before names
        if f.kind == "date" and ceiling < len(a) and a[ceiling] in ",,":
            # 2020年7月29日,某支队正式成立: what happened that day
            _, end = self.clause(ceiling + 1, ceiling + 1)
            event = _strip_lead(tokens(a, ceiling + 1, min(end, ceiling + 1 + 40)))
            if event:
                return self._phrase(_cap(event))
        return None, None

    def _activity_before(self, f: Figure, in_sentence: Figure | None) -> list[Token]:
        """What the clause before names as the activity (``…开展动态巡查,每月不少于1次`` ->
        ``动态巡查``): its words after any figure, after its last light verb or preposition."""
        a = self.a
        floor, _ = self.clause(f.start, f.end)
        comma = floor - 1
        if comma < 0 or a[comma] not in ",,":
            return []
        start, _ = self.clause(comma, comma)
        if in_sentence is not None and start <= in_sentence.end <= comma:
            start = in_sentence.end
        toks = _strip_lead(tokens(a, max(start, comma - BEFORE_WINDOW), comma))
        for i in range(len(toks) - 2, -1, -1):
            if (toks[i].word in LIGHT_VERBS or toks[i].flag == "p") and sum(len(t.word) for t in toks[i + 1:]) >= 2:
                toks = toks[i + 1:]
                break
        toks = _strip_lead(_cap(toks, 10))
        if not toks or not any(_is_noun(t) or t.flag.startswith("v") for t in toks):
            return []
        return toks

    def _rate_before(self, f: Figure, in_sentence: Figure | None) -> list[Token]:
        """``具有法律专业背景的比例偏低,约为15%``: a share with nothing before it in its clause
        but a copula takes the rate (…的比例, …率, …占比) that ends the clause before, under a
        short judgement (偏低, 较高)."""
        a = self.a
        floor, _ = self.clause(f.start, f.end)
        if not _COPULA_BEFORE_RATE.fullmatch(a[floor:f.start].strip()):
            return []
        comma = floor - 1
        if comma < 0 or a[comma] not in ",,":
            return []
        start, _ = self.clause(comma, comma)
        if in_sentence is not None and start <= in_sentence.end <= comma:
            return []  # the clause before holds a figure: it is not a rate named alone
        m = _RATE_NAMED.search(a, max(start, comma - BEFORE_WINDOW), comma)
        if not m:
            return []
        toks = _strip_lead(tokens(a, m.start(), m.end("rate")))
        toks = _strip_lead(_cap(toks))
        return toks if toks and toks[-1].end == m.end("rate") else []

    def _shown(self, word: str, before: int) -> str:
        """``word`` as the shown text writes it near ``before`` (佔比 in a traditional report)."""
        at = self.a.rfind(word[0], max(0, before - 8), before)
        return self.text[at] + word[1:] if at >= 0 else word

    def _field_name(self, colon: int) -> Label:
        """``发布日期:2021-01-08``: the name of the field before the colon."""
        start = colon
        while start > 0 and colon - start < MAX_LABEL and self.a[start - 1] not in _FIELD_STOP:
            start -= 1
        name = _strip_lead(tokens(self.a, start, colon))
        if not name:
            return None, None
        return self._phrase(name)

    def _phrase(self, toks: list[Token]) -> Label:
        if not toks:
            return None, None
        start, end = toks[0].start, toks[-1].end
        return self.text[start:end], (start, end)

    def _tidy(self, toks: list[Token]) -> Label:
        """The phrase without words inside it that only mark aspect or own
        (``维持了我局具体行政行为`` -> ``维持具体行政行为``); its span only when nothing was dropped."""
        for i in range(1, len(toks) - 1):  # (a loop, not any() over a generator: most have none)
            if toks[i].word in FILLER_WORDS:
                break
        else:
            return self._phrase(toks)
        kept = [t for i, t in enumerate(toks) if not (0 < i < len(toks) - 1 and _interior_filler(toks, i))]
        if len(kept) == len(toks):
            return self._phrase(toks)
        return "".join(self.text[t.start:t.end] for t in kept), None

    def _join(self, before: list[Token], noun: list[Token], with_de: bool = False) -> Label:
        before = _cap(before, max(4, MAX_LABEL - sum(len(t.word) for t in noun)))
        head = self.text[before[0].start:before[-1].end] if before else ""
        de = "的" if with_de and not head.endswith("的") else ""
        return head + de + self.text[noun[0].start:noun[-1].end], None


# A phrase this short (``said``, the words of ``before``) is kept whole by ``_after_light_verb``
# (at most 10 characters) and by ``_cap`` (at most MAX_LABEL).
_SHORT_PHRASE = min(10, MAX_LABEL)

_WRAPPED_LINE = 30  # a body line at least this long that stops mid-sentence was wrapped


# A clause that only states a target (力争突破, 确保达到, 超过) before its number.
_TARGET_ONLY = re.compile(r"(?:力争|确保|争取|预计)?(?:突破|达到|超过|实现|完成|达)?\s*")


_CHANGE_HEADER = re.compile(r"(?:同比|环比|比上年|较上年)(?:增减|增长|变化|增幅)?(?:\(%\)|%)?|增幅|增减幅度|增长率")


def _change_column(a: str, f: Figure) -> Label | None:
    """A percent that fills a cell of a "|" table row under a header cell that names a change
    (同比, 增幅, 比上年增减): the header names it, not the row's first cell."""
    if f.kind != "percent":
        return None
    line_start = a.rfind("\n", 0, f.start) + 1
    line_end = a.find("\n", f.end)
    line_end = len(a) if line_end < 0 else line_end
    line = a[line_start:line_end]
    if "|" not in line:
        return None
    cells = line.split("|")
    offset = f.start - line_start
    column = line[:offset].count("|")
    if cells[column].strip() != a[f.start:f.end]:
        return None
    start = line_start
    while start > 0:
        prev_start = a.rfind("\n", 0, start - 1) + 1
        row = a[prev_start:start - 1]
        if row.count("|") != line.count("|"):
            return None
        if not any(ch.isdigit() for ch in row):
            head = row.split("|")[column].strip()
            if not _CHANGE_HEADER.fullmatch(head):
                return None
            begin = prev_start + sum(len(c) + 1 for c in row.split("|")[:column])
            begin += len(row.split("|")[column]) - len(row.split("|")[column].lstrip())
            return head, (begin, begin + len(head))
        start = prev_start
    return None


def _object_opening(a: str, floor: int, start: int) -> bool:
    """Whether the phrase before a number opens its clause with 对/把/将 (the object marker),
    so the noun before the number is the object and the verb after it the predicate."""
    head = a[floor:start].strip()
    return head in ("对", "把", "将") or not head and a[start:start + 1] in ("对", "把", "将")


def _hard_wrap(a: str, i: int) -> bool:
    """A line break inside a sentence (``…其中财政预决算信息\n24条。``): the line before is a long
    line of body text that stops on a Han character, and the next one goes on with a digit."""
    if a[i] != "\n" or i + 1 >= len(a) or not a[i + 1].isdigit() or not "\u4e00" <= a[i - 1:i] <= "\u9fff":
        return False
    line_start = a.rfind("\n", 0, i) + 1
    return i - line_start >= _WRAPPED_LINE and "\t" not in a[line_start:i] and "  " not in a[line_start:i]


_COPULA_BEFORE_RATE = re.compile(r"(?:仅|只|大约|约|已|均)?(?:为|是|达|达到|只有|仅有|约有)?|约|仅|只")
# A clause that ends in a rate and a short judgement of it (…的比例偏低, 覆盖率不高).
_RATE_NAMED = re.compile(r"[^,,;;。!?!?::\n]{2,}?(?P<rate>比例|比重|占比|率)"
                         r"(?:仍然|仍|明显|相对|总体)?(?:偏低|偏高|较低|较高|不高|不足|过低|过高|很低|很高|低|高)[,,]?$")




