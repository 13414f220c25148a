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
import functools
import re
import time
from dataclasses import dataclass

from reviewer import segmenter
from reviewer.model import Figure

MAX_LABEL = 16  # characters; longer phrases keep their end, cut at a word boundary
BEFORE_WINDOW = 28
AFTER_WINDOW = 20

# Clause boundaries: a label never crosses one.  Brackets count only around long asides.
_DELIMITERS = re.compile(r"[,,;;。!?!?::\n]")
_LONG_ASIDE = re.compile(r"[((][^()()\n]{7,}[))]")
_CLAUSE_END = frozenset(",;。!?\n")
_FIELD_STOP = frozenset(",;。!?:\n ()[]【】、")
_SENTENCE_END = re.compile(r"[。;;!?!?\n]")

# Words at the end of the phrase before a number that only link it to the number.
TAIL_WORDS = frozenset("""共 共计 累计 合计 总计 计 达 达到 高达 多达 为 是 有 共有 约 近 了 从 由 已 已经 均
都 分别 各 总共 一共 至 到 对 将 把 给 向 在 仅 只 就 也 还 再 又 即 亦 去年 上年 同期 全年 今年 年内
其中 其 超过 超 逾 不少于 不低于 不足 不到 大约 将近 接近 约为 分别为 依次 依次为 共为 的 了 等 等等 及
和 与 或 全部 全 再次 先后 相继 共达 累计达 总计达 合计达 分别达到 均为 均达 均达到 另外 另有 占 仅占
约占 低于 高于 不高于 少于 多于 为期""".split())
# Verbs that say little about what is counted: ``开展23项抽查`` is labelled ``抽查``, while
# ``抽取2777户企业`` keeps its verb (``抽取企业``).
LIGHT_VERBS = frozenset("""开展 举办 组织 建立 建成 确定 组成 成立 设立 推动 完成 实现 形成 制定 出台 打造 培育
创建 建设 派驻 购买 发放 深入 走进 覆盖 包括 涉及 达成 召开 举行 设置 新增 新建 印发 发布 下发 进行 开设
设有 拥有 具有 涉 共有 帮助 协调 指导 接待 服务 担任 分发 组建 引进 推出 打通 提供""".split())
# Words at the start of a phrase that are not part of what is counted.
LEAD_WORDS = frozenset("""同时 其中 此外 另外 并 并且 而 且 以及 还 也 共 累计 全年 今年 去年 年内
目前 截至 截止 截止目前 截至目前 至今 以来 疫情 期间 疫情期间 疫情以来 全局 全区 全市 全县 全省 我局
我区 我市 我县 我委 我院 本局 本单位 我单位 我们 先后 相继 共计 一年来 今年以来 上半年 下半年
通过 为 对 在 向 经 将 把 按照 根据 依据 围绕 针对 其 该 此 这 那 已 已经 均 都 分别 积极
主动 全面 深入 有效 切实 不断 持续 另 另有 有 共有 是 即 其余 剩余 合计 总计 来 以来 内 以内 后 之后 中
之内 等 等等 力争 确保 争取""".split())
_LEAD_POS = frozenset({"c", "p", "d", "t", "m", "q", "x", "u", "uj", "ul", "uz", "ug", "ud", "uv",
                       "y", "e", "f", "zg"})
_TAIL_POS = frozenset({"c", "p", "d", "x", "u", "uj", "ul", "uz", "ug", "ud", "uv", "y", "e", "m"})
_NOUN_POS = ("n", "vn", "j", "an", "nz", "nr", "ns", "nt", "ng", "l", "i", "s", "eng")
_MODIFIER_POS = ("v", "a", "b", "vn", "ad", "z", "f", "s")
_STOP_AFTER_POS = frozenset({"p", "d", "c", "u", "uj", "ul", "uz", "ug", "ud", "uv", "m", "q", "r", "y",
                             "e", "zg", "x"})
_CHANGE_VERBS = frozenset("""提升 提高 压缩 缩短 降低 下降 减少 增加 增长 上升 增至 降至 扩大 缩减 调整 延长
压减 压降 削减 精简 缩小 下调 上调 调减 调增 减至 减到 缩至 提速 增 降 减 升""".split())
# "由A…至B" / "从A…到B": B is a new level of what A measures, whatever verb sits between.
_FROM_MARKERS = ("由", "从")
_TO_LEVEL = re.compile(r"[\u4e00-\u9fff]{0,4}?[至到为]")
# A clause that starts with a frequency (每月不少于1次) or a generic measure noun (时间为3至6个月)
# says how often or how long; the activity is named by the clause before it.
_FREQUENCY = re.compile(r"(?:每|平均每)(?:[一两二三四五六]个?)?(?:天|日|周|星期|旬|月|季度|季|半年|年|学期)(?:均|至少|都)?")
_GENERIC_MEASURES = frozenset("时间 数量 人数 金额 比例 期限 时长 次数 总数 规模 周期 频次 总量".split())
_COMPARISON_MARKERS = frozenset("比 较 同比 环比 相比 相较 比上年 较上年 较去年 比去年".split())
_RESTART_WORDS = frozenset("是 分别是 依次是 主要是 包括 等 等等".split())
_BASELINE_WORDS = frozenset("上年 去年 去年同期 上年同期 同期 上一年 前一年 上年度".split())
_KEEP_LEAD = frozenset("再 未 不 非 无 尚未 没有 暂不 仍 未能 不予 不再".split())
_LEVEL_VERBS = frozenset("控制 保持 稳定 维持 稳定保持 控制住".split())
# Nouns after "N的" that only frame the clause (在…的基础上), never what N measures.
# Nouns whose value a number gives (…0.5个工作日的审核时限, 不低于5%的比例).
_MEASURE_NOUN_ENDINGS = ("时限", "时间", "期限", "时长", "周期", "比例", "比重", "标准", "金额", "费用", "额度",
                         "幅度", "总额", "规模", "面积", "长度", "速度", "增幅", "降幅", "占比", "率")
_FRAME_NOUNS = frozenset("基础 基础上 情况 情况下 前提 前提下 同时 时候 过程 过程中 水平 程度 状态 基础之上".split())
# Prepositions that are verbs when nothing follows the number (通过23名: "23 passed").
_VERB_PREPOSITIONS = frozenset("通过 经过".split())
_LOCATIVES = frozenset("内 中 里 外 下 间".split())
_OBJECT_MARKERS = frozenset("对 为 将 把 向 给".split())
_SHARE_WORDS = frozenset("占 占比 约占 仅占 占到".split())
_PREPOSITIONS = frozenset("为 对 向 将 把 给 与 从 由 在 按 以 被 让 替 帮 比 较 到 至 于 等 等等".split())
_GENERIC_NOUNS = frozenset("单位 人 人员 人民币 左右 方面".split())
_QUOTE_PAIRS = {"“": "”", "‘": "’", "「": "」", "『": "』", "《": "》", "\"": "\""}
# Pronouns dropped from the start of a phrase (jieba also tags 本科 or 各类 as pronouns).
_PRONOUNS = frozenset("""我 我们 本 该 其 此 这 那 这些 那些 此次 这次 其中 其余 有关 相关 所有 上述 以上 前述
我局 我区 我市 我县 本局 本区 本市 自身 自己 大家 各自""".split())
_OPENING_QUOTES = frozenset("“‘「『《")
_LEADING_TIME = re.compile(r"^(?:\d{4}\s*年度?|\d{1,2}\s*月份?|\d{1,2}\s*日|[上下]半年|年初|年底|年末|年内|"
                           r"今年|去年|全年|当年|同年|以来|至今|期间)+")
_LEADING_SUBJECT = re.compile(r"^(我|本|全|该|各)(局|区|市|县|委|院|厅|办|所|队|中心|单位|部门|系统)")


# Single characters that end a compound noun naming a place or a unit of an organisation
# (疏导点, 执法中队, 调解室); jieba may split them from the word before.
_PLACE_SUFFIXES = {"点": ("m",), "所": ("c",), "组": ("zg",)}  # and the tags jieba gives them alone
# Places that jieba tags zg when they stand alone (2个村被评为…), unlike 且 or 员.
_ZG_PLACES = frozenset("村组园厂")
_HEAD_NOUN_ENDINGS = ("队", "站", "所", "室", "点", "中心", "组", "岗", "窗口")


@dataclass
class Token:
    word: str
    flag: str
    start: int
    end: int


pos_load_seconds: float | None = None  # reading jieba's part-of-speech table, once per process


def warm_up() -> None:
    """Load jieba and its part-of-speech table now (about a second, once per process), e.g. in
    a background thread at start-up, so that the first report does not wait for them."""
    _pos_tokenizer()


@functools.lru_cache(maxsize=1)
def _pos_tokenizer():
    global pos_load_seconds
    tokenizer = segmenter.tokenizer()
    started = time.perf_counter()
    import jieba.posseg

    pos = jieba.posseg.POSTokenizer(tokenizer)
    pos_load_seconds = time.perf_counter() - started
    return pos


@functools.lru_cache(maxsize=8192)
def _tag(text: str) -> tuple[tuple[str, str], ...]:
    return tuple((p.word, p.flag) for p in _pos_tokenizer().cut(text, HMM=False))


def tokens(a: str, start: int, end: int) -> list[Token]:
    """Words of ``a[start:end]`` with part-of-speech tags and absolute offsets."""
    tagged = _tag(a[start:end])
    out: list[Token] = []
    pos = start
    for k, (word, flag) in enumerate(tagged):
        nxt = tagged[k + 1] if k + 1 < len(tagged) else None
        if (word in _PLACE_SUFFIXES and flag in _PLACE_SUFFIXES[word] and out and len(out[-1].word) >= 2
                and out[-1].flag in ("v", "vn", "n")
                and (nxt is None or nxt[1] in ("x", "m", "eng") or nxt[0] in ("和", "及", "、"))):
            # 疏导|点, 法律服务|所, 专业巡查|组: jieba reads the suffix of a compound noun that
            # ends the phrase as a numeral, a conjunction or a bound morpheme
            prev = out.pop()
            out.append(Token(prev.word + word, "n", prev.start, pos + len(word)))
        else:
            out.append(Token(word, flag, pos, pos + len(word)))
        pos += len(word)
    return out


def words(a: str, start: int, end: int, hmm: bool = True) -> list[tuple[str, int, int]]:
    """Plain segmentation (no tags) of ``a[start:end]`` with absolute offsets."""
    return [(w, start + s, start + e)
            for w, s, e in segmenter.tokenizer().tokenize(a[start:end], HMM=hmm)]


Label = tuple[str | None, tuple[int, int] | None]


class LabelFinder:
    """Labels for the figures of one document (``text`` shown, ``a`` its Simplified copy)."""

    def __init__(self, text: str, a: str):
        self.text = text
        self.a = a
        bounds = [m.start() for m in _DELIMITERS.finditer(a) if not _hard_wrap(a, m.start())]
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

    def same_sentence(self, x: int, y: int) -> bool:
        i = bisect.bisect_left(self.sentence_ends, x)
        return i >= len(self.sentence_ends) or self.sentence_ends[i] >= y

    def label_all(self, figures: list[Figure]) -> None:
        previous: Figure | None = None
        for n, f in enumerate(figures):
            floor, ceiling = self.clause(f.start, f.end)
            same_clause = previous is not None and floor < previous.end <= f.start
            if same_clause:
                floor = previous.end
                if previous.label_start == previous.end and previous.label_end is not None:
                    # 106个单位3763人: 单位 is what the figure before counts
                    floor = max(floor, min(previous.label_end, f.start))
            nxt = figures[n + 1] if n + 1 < len(figures) else None
            if nxt is not None and nxt.start < ceiling:
                ceiling = nxt.start
            in_sentence = previous if previous is not None and self.same_sentence(previous.end, f.start) else None
            label, span = self.label(f, floor, ceiling, previous if same_clause else None, in_sentence)
            f.label = label or None
            if span is not None and label:
                f.label_start, f.label_end = span
            previous = f

    def label(self, f: Figure, floor: int, ceiling: int, previous: Figure | None,
              in_sentence: Figure | None) -> Label:
        a = self.a
        header = _change_column(a, f)
        if header is not None:
            return header  # 类别|数量|同比 … 环评审批|264件|+8.2%: the change column names its cells
        if previous is not None and previous.label and _from_to(a, previous, f):
            return previous.label, _span(previous)  # 由120个工作日压减至60个工作日
        if a[floor:f.start].strip() and _TARGET_ONLY.fullmatch(a[floor:f.start]) and floor > 1 and a[floor - 1] == "\n" \
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
        baseline = [t for t in before if t.word in _BASELINE_WORDS]
        before, changed = _strip_tail(before)
        before = _after_restart(before)
        comparison = _comparison(before)
        before = comparison or _strip_lead(before)
        noun = _noun_after(after)
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
        if not before and baseline and raw_last in ("的", "为", "是", "达") and not changed:
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
        if before and "".join(t.word for t in before) in _SHARE_WORDS and in_sentence is not None \
                and in_sentence.label:
            return in_sentence.label + self._shown("占比", f.start), None  # 568项,占比92%
        if before:
            said = "".join(t.word for t in before)
            if _FREQUENCY.fullmatch(said) or said in _GENERIC_MEASURES:
                activity = self._activity_before(f, in_sentence)
                if activity and said in _GENERIC_MEASURES:
                    # 跟班学习,时间为3至6个月 -> 跟班学习时间
                    return self.text[activity[0].start:activity[-1].end] + self.text[before[0].start:before[-1].end], None
                if activity:
                    return self._phrase(activity)  # 开展动态巡查,每月不少于1次 -> 动态巡查
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
        kept = [t for i, t in enumerate(toks) if not (0 < i < len(toks) - 1 and _interior_filler(toks, i))]
        if len(kept) == len(toks):
            return self._phrase(toks)
        return "".join(self.text[t.start:t.end] for t in kept), None

    def _join(self, before: list[Token], noun: list[Token], with_de: bool = False) -> Label:
        before = _cap(before, max(4, MAX_LABEL - sum(len(t.word) for t in noun)))
        head = self.text[before[0].start:before[-1].end] if before else ""
        de = "的" if with_de and not head.endswith("的") else ""
        return head + de + self.text[noun[0].start:noun[-1].end], None


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


_OWNERS = frozenset("我局 本局 我委 我院 我厅 我办 我区 我市 我县 本单位 我单位".split())
_OWNER_BODIES = frozenset("局 委 院 厅 办 区 市 县 单位".split())


def _interior_filler(toks: list[Token], i: int) -> bool:
    """A word inside a phrase that says nothing of what is counted: an aspect particle after a
    verb (维持|了) and the reporting body as an owner after a verb (了|我局|具体行政行为)."""
    t, prev, nxt = toks[i], toks[i - 1], toks[i + 1]
    if t.word == "了" and t.flag == "ul":
        return prev.flag.startswith("v") and not nxt.flag.startswith(("v", "x", "u"))
    after_verb = prev.flag.startswith("v") or prev.word == "了"
    if t.word in _OWNERS:
        return after_verb and not nxt.flag.startswith(("v", "x", "u"))
    if t.word in ("我", "本") and nxt.word in _OWNER_BODIES:  # jieba: 我|局
        return after_verb and i + 2 < len(toks) and not toks[i + 2].flag.startswith(("v", "x", "u"))
    if t.word in _OWNER_BODIES and prev.word in ("我", "本") and i >= 2:
        return _interior_filler(toks, i - 1)
    return False


def _span(f: Figure) -> tuple[int, int] | None:
    if f.label_start is None or f.label_end is None:
        return None
    return f.label_start, f.label_end


def _from_to(a: str, previous: Figure, f: Figure) -> bool:
    """``由120个工作日压减至不超过60个工作日``: the figure before opens with 由/从 and only a
    short verb ending in 至/到/为 stands between the two figures."""
    if not a[max(0, previous.start - 1):previous.start].endswith(_FROM_MARKERS):
        return False
    return bool(_TO_LEVEL.fullmatch(a[previous.end:f.start].strip()))


_SCOPE_CHARS = frozenset("全本各该我辖这此")


def _counted_before(before: list[Token], raw_last: str, after: list[Token], noun: list[Token]) -> bool:
    """``组织村组干部一百余人入户走访``: a verb and its object written right before the number
    name what it counts when what follows the measure word is a verb phrase (入户走访, 下沉社区),
    even one that jieba starts with a noun."""
    def nounish(t: Token) -> bool:
        return _is_noun(t) or t.flag == "zg"  # 网格|员: jieba tags a lone 员 zg

    if len(before) < 2 or raw_last != before[-1].word or not nounish(before[-1]):
        return False
    i = len(before)
    while i > 0 and nounish(before[i - 1]):
        i -= 1
    counted = before[i:]
    if (i == 0 or not any(t.flag.startswith("v") and t.flag != "vn" for t in before[:i])
            or not any(t.flag.startswith("n") or t.flag == "zg" for t in counted)
            or any(t.flag in ("ns", "s", "nt", "t", "f") for t in counted)
            or counted[0].word[0] in _SCOPE_CHARS or before[i - 1].word[-1:] in _SCOPE_CHARS):
        return False  # 组织全县1260名执法人员参加: 全县 is the scope, not what is counted
    if not noun or noun[0] is not after[0]:
        return False
    if after[0].flag == "v" and after[0].word not in LIGHT_VERBS:
        return True  # 50名下沉社区
    k = after.index(noun[0]) + 1
    return (k < len(after) and after[k].flag in ("v", "vd", "vi", "vn")
            and after[k].word not in LIGHT_VERBS and after[k].word not in _CHANGE_VERBS)


def _after_restart(toks: list[Token]) -> list[Token]:
    """``排名前五位的案件类分别是食品类`` -> ``食品类``; ``商贸城等发放宣传单`` -> ``发放宣传单``: what
    follows a copula or the end of a list is the phrase that names the figure."""
    for i in range(len(toks) - 2, -1, -1):
        if toks[i].word in _RESTART_WORDS:
            return toks[i + 1:]
    return toks


def _after_light_verb(toks: list[Token]) -> list[Token]:
    """A long phrase keeps what follows its last light verb (``各类企业基本实现网上登记`` ->
    ``网上登记``, ``各部门共开展行政执法检查`` -> ``行政执法检查``); a short one stays whole."""
    if sum(len(t.word) for t in toks) <= 10:
        return toks
    for i in range(len(toks) - 2, 0, -1):
        if toks[i].word in LIGHT_VERBS and sum(len(t.word) for t in toks[i + 1:]) >= 2:
            return toks[i + 1:]
    return toks


def _comparison(toks: list[Token]) -> list[Token]:
    """``较上年增长``, ``比2019年提高``: a change stated against a baseline keeps the baseline."""
    if not toks or toks[-1].word not in _CHANGE_VERBS:
        return []
    for i in range(len(toks) - 1, -1, -1):
        if toks[i].word in _COMPARISON_MARKERS:
            return _strip_lead(toks[:i]) + toks[i:]  # the subject stays: 市场主体同比增长
    return []


def _strip_tail(toks: list[Token]) -> tuple[list[Token], bool]:
    """Remove linking words between the phrase and the number; say whether the phrase ended in
    "changed to" (压缩至, 提高到), so the number is a new level of the thing named before."""
    changed = False
    seen_de = False
    while toks:
        last = toks[-1]
        if last.word == "平均" and len(toks) > 1 and toks[-2].word in ("至", "到", "为", "达", "达到"):
            toks = toks[:-1]  # 压缩至平均7个工作日
            continue
        if last.word == "在" and len(toks) > 1 and toks[-2].word in _LEVEL_VERBS:
            toks = toks[:-2]  # 再犯罪率控制在0.2%以下
            continue
        if len(toks) > 1 and toks[-2].word + last.word == "占比":
            break  # 人员占比超过一半: 占比 names the figure
        if last.word in ("至", "到", "为") and len(toks) > 1 and toks[-2].word in _CHANGE_VERBS:
            toks = toks[:-2]
            changed = True
            continue
        if last.word in _CHANGE_VERBS and len(last.word) > 1 and last.word.endswith(("至", "到")):
            toks = toks[:-1]
            changed = True
            continue
        if last.word in _CLOSING and any(t.word == _CLOSING[last.word] for t in toks[:-1]):
            break  # 法治文化公园(广场): the bracket closes inside the phrase
        if seen_de and last.flag.startswith(("d", "a")) and last.word not in TAIL_WORDS:
            break  # 情节轻微的127起案件: the modifier before 的 stays whole
        if last.word in TAIL_WORDS or last.flag in _TAIL_POS or not last.word.strip():
            seen_de = seen_de or last.word == "的"
            toks = toks[:-1]
            continue
        break
    return toks, changed


_NEGATIONS = frozenset("不 未 尚未 仍未 暂未 没有 未能 不予 无法 未予".split())


def _strip_lead(toks: list[Token]) -> list[Token]:
    while toks:
        first = toks[0]
        if (len(toks) > 2 and first.word.isascii() and first.word.isdigit() and len(first.word) <= 2
                and toks[1].word in ("、", ".", "\uff0e")):
            toks = toks[2:]  # 2、行政复议全年收到…: the number of a heading run into the text
            continue
        if first.word in _OPENING_QUOTES or first.word == '"' and any(t.word == '"' for t in toks[1:]):
            break  # “双随机、一公开”抽查: the quoted name is part of the phrase
        if first.word in _NEGATIONS:
            break  # 不受理3件, 尚未整改4家: without its negation the label says the opposite
        m = _LEADING_TIME.match("".join(t.word for t in toks[:4])) or _LEADING_SUBJECT.match(
            "".join(t.word for t in toks[:3]))
        if m and sum(len(t.word) for t in toks) > len(m.group(0)):
            # 2020年 / 我局 / 全区: the time or the subject of the clause
            cut = len(m.group(0))
            while toks and cut > 0:
                cut -= len(toks[0].word)
                toks = toks[1:]
            continue
        if first.word in ("一次", "一次性") and "".join(t.word for t in toks).endswith("率"):
            break  # 一次办结率, 一次性告知率: "in one go" is part of the rate's name
        if first.word in _KEEP_LEAD:
            break  # 再犯罪率, 未结案件, 不予受理: the prefix changes what is counted
        org = _leading_organisation(toks)
        if org:
            toks = toks[org:]  # 河西区局移出…的企业: the body that acts is not what is counted
            continue
        if (first.word in LEAD_WORDS or first.flag in _LEAD_POS or not first.word.strip()
                or (first.flag == "r" and first.word in _PRONOUNS)):
            toks = toks[1:]
            continue
        break
    toks = _balanced(toks)
    while toks and toks[-1].word in ("的", "、", "和", "及", "与", "“", "‘"):
        toks = toks[:-1]
    while toks and toks[0].word in ("的", "、", "和", "及", "与", "”", "’"):
        toks = toks[1:]
    return toks


_CLOSING = {"”": "“", "’": "‘", "」": "「", "』": "『", "》": "《", ")": "(", "\uff09": "\uff08"}


def _balanced(toks: list[Token]) -> list[Token]:
    """Drop a start that closes a quotation or bracket opened outside the phrase
    (``宣传周”等节点开展主题宣传活动`` -> ``等节点开展主题宣传活动``)."""
    cut = 0
    for i, t in enumerate(toks):
        opening = _CLOSING.get(t.word)
        if opening and not any(u.word == opening for u in toks[cut:i]):
            cut = i + 1
    toks = toks[cut:] if cut else toks
    for i, t in enumerate(toks):  # an opening mark whose closing mark is cut off: stop before it
        closing = _QUOTE_PAIRS.get(t.word) or {"(": ")", "\uff08": "\uff09"}.get(t.word)
        if closing == t.word and sum(u.word == t.word for u in toks[:i]) % 2:
            continue  # "法律进企业"活动: a straight quote after an odd number of them closes
        if closing and not any(u.word == closing for u in toks[i + 1:]):
            return toks[:i]
    return toks


_ORGANISATION_ENDINGS = ("局", "委", "办", "院", "厅", "政府", "法院", "检察院", "中心", "支队", "大队", "所",
                         "分局", "党委", "党组", "办公室")


def _leading_organisation(toks: list[Token]) -> int:
    """How many leading words name an organisation that is the subject of a verb right after
    it (``河西区局 移出 …``), or 0."""
    for n in (1, 2, 3):
        if len(toks) < n + 2:
            return 0
        name = "".join(t.word for t in toks[:n])
        if (len(name) <= 8 and name.endswith(_ORGANISATION_ENDINGS) and toks[n].flag == "v"
                and all(t.flag.startswith(("n", "j")) for t in toks[:n])
                and toks[n].word not in _CHANGE_VERBS and toks[n].word not in TAIL_WORDS):
            return n
    return 0


def _cap(toks: list[Token], limit: int = MAX_LABEL) -> list[Token]:
    """Keep the end of a long phrase, cut at a word boundary."""
    total = sum(len(t.word) for t in toks)
    if total <= limit:
        return toks
    kept: list[Token] = []
    length = 0
    for t in reversed(toks):
        if length + len(t.word) > limit and kept:
            break
        kept.insert(0, t)
        length += len(t.word)
    if len(kept) > 1 and len(kept[0].word) == 1 and not _is_noun(kept[0]):
        kept = kept[1:]  # 排查|出立案后…: a lone character left of the cut belongs to the word cut off
    return _strip_lead(kept) or kept


def _is_noun(t: Token) -> bool:
    return t.flag.startswith(_NOUN_POS) and t.word not in ("等", "中", "内")


def _noun_after(after: list[Token]) -> list[Token]:
    """The noun phrase written right after the number (``户企业`` -> ``企业``): modifiers, then
    nouns, joined by 、 and quoted names (``66名“市场秩序监督员”``); a ``的`` right after the
    number opens it too (``0.5个工作日的审核时限``)."""
    i = 0
    if after and after[0].word == "的":
        i = 1
    out: list[Token] = []
    seen_noun = False
    lone_head: Token | None = None  # 2个村被评为…: a lone 村 that jieba tags zg
    while i < len(after):
        t = after[i]
        closing = _QUOTE_PAIRS.get(t.word)
        if closing:
            j = i + 1
            while j < len(after) and after[j].word != closing:
                j += 1
            if j >= len(after) or j - i > 10:
                break
            out.extend(after[i:j + 1])
            seen_noun = True
            i = j + 1
            continue
        if t.word == "、" and out and i + 1 < len(after):
            out.append(t)
            seen_noun = False
            i += 1
            continue
        if t.word in ("(", "(") and out:
            j = i + 1
            while j < len(after) and after[j].word not in (")", ")"):
                j += 1
            if j < len(after) and j - i <= 4:
                out.extend(after[i:j + 1])
                i = j + 1
                continue
            break
        if t.word in ("的", "了", "进行", "开展", "予以", "纳入", "依法", "均", "全部", "已", "已经", "尚"):
            break
        if (seen_noun and t.flag == "nt" and i + 1 < len(after) and after[i + 1].flag in ("v", "d", "p")
                and after[i + 1].word not in LIGHT_VERBS):
            break  # 66件一审案件|人民法院驳回…: an organisation that starts the next predicate
        if _is_noun(t) or (t.flag == "zg" and not out):  # 村(社区): jieba tags a lone 村 zg
            out.append(t)
            seen_noun = True
            if t.flag == "zg" and len(out) == 1 and t.word in _ZG_PLACES:
                lone_head = t
            i += 1
            continue
        if t.flag in _STOP_AFTER_POS:
            break
        nxt = after[i + 1] if i + 1 < len(after) else None
        after_next = after[i + 2] if i + 2 < len(after) else None
        if (seen_noun and t.flag.startswith("v") and nxt is not None and _is_noun(nxt)
                and after_next is not None and after_next.word == "的"):
            out.append(t)  # 重点排污单位的…: a verb between two nouns right before 的
            i += 1
            continue
        if (seen_noun and t.flag == "v" and len(t.word) == 2 and t.word not in LIGHT_VERBS
                and t.word not in _CHANGE_VERBS and nxt is not None and _is_noun(nxt)
                and nxt.word.endswith(_HEAD_NOUN_ENDINGS)):
            out.append(t)  # 街道|执法|中队: a verb inside a compound that names a unit
            i += 1
            continue
        if (seen_noun and (t.flag == "f" or t.word in _LOCATIVES) and nxt is not None
                and (_is_noun(nxt) or nxt.word in _QUOTE_PAIRS)):
            out.append(t)  # 部门内“双随机”抽查
            i += 1
            continue
        if (not seen_noun and not out and t.flag.startswith(_MODIFIER_POS) and t.word not in LEAD_WORDS
                and nxt is not None
                and (_is_noun(nxt) or nxt.word == "、")):
            # one modifier before the noun: 液化燃气瓶; 超市、菜市场 (jieba tags 超市 as a verb);
            # two verbs before any noun are a predicate (不予受理申请人), not a noun phrase
            out.append(t)
            seen_noun = nxt.word == "、"
            i += 1
            continue
        break
    while out and not (_is_noun(out[-1]) or out[-1].word in _QUOTE_PAIRS.values() or out[-1].word in (")", ")")
                       or out[-1] is lone_head):
        out.pop()
    if not any(_is_noun(t) or t.word in _QUOTE_PAIRS or t is lone_head for t in out):
        return []
    return out


def _head_after_de(after: list[Token]) -> list[Token]:
    """The noun phrase right after the first 的 of the clause (the head the number counts), when
    what comes before the 的 describes it (违法情节显著轻微、…的案件) rather than owning it
    (重点排污单位的自动监测设施: the number counts the 单位)."""
    for i, t in enumerate(after):
        if t.flag == "x" and t.word != "、":
            return []
        if t.word == "的":
            describing = any(u.word == "、" or u.flag.startswith(("d", "a", "z")) or u.flag == "zg"
                             for u in after[:i])
            return _noun_after(after[i + 1:]) if describing else []
    return []


def _content_clause(after: list[Token], complete: bool) -> list[Token]:
    """The words after the number when they run to the end of the clause, hold no function
    word and end in a noun (``任前法律知识考试``)."""
    if not complete or not after:
        return []
    toks = [t for t in after if t.word.strip()]
    if not toks or len(toks) > 6 or sum(len(t.word) for t in toks) > MAX_LABEL:
        return []
    if any((t.flag in _STOP_AFTER_POS and t.flag != "r") or t.word in TAIL_WORDS or t.word in _PRONOUNS
           for t in toks):
        return []
    return toks if _is_noun(toks[-1]) else []


def _predicate_after(after: list[Token]) -> list[Token]:
    """What the clause says of the number (``27件已结`` -> ``已结``), up to its end."""
    out = [t for t in after if t.word.strip()]
    while out and (out[0].word in ("为", "是", "的", "来", "以来", "内", "以内", "后", "之后", "之内")
                   or out[0].flag in ("x", "uj", "ul")):
        out = out[1:]
    while out and (out[-1].flag in ("x", "uj", "ul", "y") or out[-1].word in ("的",)):
        out = out[:-1]
    if not out:
        return []
    total = 0
    kept = []
    for t in out:
        if total + len(t.word) > MAX_LABEL:
            break
        kept.append(t)
        total += len(t.word)
    kept = _balanced(kept)
    while kept and kept[-1].word in ("了", "着", "过", "的"):
        kept = kept[:-1]
    return kept
