"""The word lists and token rules that trim a phrase to what a figure counts.

Linking words at a phrase's edges (共, 累计, 达到, 为, 全年, 其中 …), light verbs, pronouns and
framing nouns are dropped; a compound noun that jieba splits keeps its suffix; a phrase is capped
at a word boundary.  ``labels.LabelFinder`` decides which phrase; these rules decide its edges.
"""

from __future__ import annotations

import re

from reviewer.analysis.pos_tokens import Token
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
# a rate per period or per head (每月, 每人): the activity before it names the figure (轮训,每人40学时)
_FREQUENCY = re.compile(r"(?:每|平均每|人均)(?:[一两二三四五六]个?)?(?:天|日|周|星期|旬|月|季度|季|半年|年|学期|人|名|户)?"
                        r"(?:均|至少|都)?")
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
# The characters these two can start with (and any decimal digit, ``\d``): a phrase that starts
# with none of them is not joined and matched at all.
_LEADING_TIME_FIRST = frozenset("上下年今去全当同以至期")
_LEADING_SUBJECT_FIRST = frozenset("我本全该各")
_LEADING_FIRST = _LEADING_TIME_FIRST | _LEADING_SUBJECT_FIRST


# Places that jieba tags zg when they stand alone (2个村被评为…), unlike 且 or 员.
_ZG_PLACES = frozenset("村组园厂")
_HEAD_NOUN_ENDINGS = ("队", "站", "所", "室", "点", "中心", "组", "岗", "窗口")

_OWNERS = frozenset("我局 本局 我委 我院 我厅 我办 我区 我市 我县 本单位 我单位".split())
_OWNER_BODIES = frozenset("局 委 院 厅 办 区 市 县 单位".split())


# The only words ``_interior_filler`` may drop: a phrase with none of them inside keeps them all.
FILLER_WORDS = frozenset({"了", "我", "本"}) | _OWNERS | _OWNER_BODIES


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
    if len("".join([t.word for t in toks])) <= 10:
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
        if last.word not in _MAY_END_TAIL and last.flag not in _TAIL_POS and last.word.strip():
            break  # (most phrases end in a content word: none of the tests below applies)
        if last.word == "平均" and len(toks) > 1 and toks[-2].word in ("至", "到", "为", "达", "达到"):
            toks = toks[:-1]  # 压缩至平均7个工作日
            continue
        if last.word == "在" and len(toks) > 1 and toks[-2].word in _LEVEL_VERBS:
            toks = toks[:-2]  # 再犯罪率控制在0.2%以下
            continue
        if last.word == "比" and len(toks) > 1 and toks[-2].word == "占":  # (jieba's words are never empty)
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
        word = first.word
        if (len(toks) > 2 and word.isascii() and word.isdigit() and len(word) <= 2
                and toks[1].word in ("、", ".", "\uff0e")):
            toks = toks[2:]  # 2、行政复议全年收到…: the number of a heading run into the text
            continue
        # (one set test for the words that may stop here; none of them is a time or a subject)
        if word in _MAY_KEEP_LEAD and _keeps_lead(word, toks):
            break
        head = word[:1]  # (``_leading_time_or_subject``'s own first test, made before the call)
        m = _leading_time_or_subject(toks) if (not head or head in _LEADING_FIRST or head.isdecimal()) else None
        if m and sum(len(t.word) for t in toks) > len(m.group(0)):
            # 2020年 / 我局 / 全区: the time or the subject of the clause
            cut = len(m.group(0))
            while toks and cut > 0:
                cut -= len(toks[0].word)
                toks = toks[1:]
            continue
        flag = first.flag
        # (``_leading_organisation``'s own first test, made before the call)
        org = _leading_organisation(toks) if len(toks) >= 3 and flag.startswith(("n", "j")) else 0
        if org:
            toks = toks[org:]  # 河西区局移出…的企业: the body that acts is not what is counted
            continue
        if (word in LEAD_WORDS or flag in _LEAD_POS or not word.strip()
                or (flag == "r" and word in _PRONOUNS)):
            toks = toks[1:]
            continue
        break
    for t in toks:  # (``_balanced``'s own first test, made before the call: most have no mark)
        if t.word in _MARKS:
            toks = _balanced(toks)
            break
    while toks and toks[-1].word in _LINKS_BEFORE:
        toks = toks[:-1]
    while toks and toks[0].word in _LINKS_AFTER:
        toks = toks[1:]
    return toks


# Words a phrase neither ends with (a link or an opening mark) nor starts with (a closing mark).
_LINKS_BEFORE = frozenset("的 、 和 及 与 “ ‘".split())
_LINKS_AFTER = frozenset("的 、 和 及 与 ” ’".split())
# The first words that may end ``_strip_lead`` at once (``_keeps_lead`` says whether they do).
_MAY_KEEP_LEAD = _OPENING_QUOTES | _NEGATIONS | _KEEP_LEAD | {'"', "一次", "一次性"}


def _keeps_lead(word: str, toks: list[Token]) -> bool:
    """Whether the phrase ``toks`` keeps its first word ``word`` whatever follows."""
    if word in _OPENING_QUOTES or word == '"' and any(t.word == '"' for t in toks[1:]):
        return True  # “双随机、一公开”抽查: the quoted name is part of the phrase
    if word in _NEGATIONS:
        return True  # 不受理3件, 尚未整改4家: without its negation the label says the opposite
    if word in ("一次", "一次性") and "".join(t.word for t in toks).endswith("率"):
        return True  # 一次办结率, 一次性告知率: "in one go" is part of the rate's name
    return word in _KEEP_LEAD  # 再犯罪率, 未结案件, 不予受理: the prefix changes what is counted


def _leading_time_or_subject(toks: list[Token]) -> re.Match[str] | None:
    """``_LEADING_TIME`` on the first four words, else ``_LEADING_SUBJECT`` on the first three;
    the words are joined only when the first one starts as one of them can."""
    head = toks[0].word[:1]
    if not head or head in _LEADING_TIME_FIRST or head.isdecimal():
        m = _LEADING_TIME.match("".join(t.word for t in toks[:4]))
        if m:
            return m
    if not head or head in _LEADING_SUBJECT_FIRST:
        return _LEADING_SUBJECT.match("".join(t.word for t in toks[:3]))
    return None


_CLOSING = {"”": "“", "’": "‘", "」": "「", "』": "『", "》": "《", ")": "(", "\uff09": "\uff08"}
# Every word ``_balanced`` looks at; a phrase with none of them is balanced as it is.
_MARKS = frozenset(_CLOSING) | frozenset(_QUOTE_PAIRS) | frozenset("(\uff08")
# Every last word a test of ``_strip_tail`` may remove or stop at, besides its parts of speech and
# blanks (TAIL_WORDS, a change verb, a closing mark, 平均, 在, 比, 至, 到, 为).
_MAY_END_TAIL = TAIL_WORDS | _CHANGE_VERBS | frozenset(_CLOSING) | frozenset("平均 在 比 至 到 为".split())


def _balanced(toks: list[Token]) -> list[Token]:
    """Drop a start that closes a quotation or bracket opened outside the phrase
    (``宣传周”等节点开展主题宣传活动`` -> ``等节点开展主题宣传活动``)."""
    for t in toks:  # (a loop, not any() over a generator: most phrases have no mark at all)
        if t.word in _MARKS:
            break
    else:
        return toks
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
_ORGANISATION_LAST = frozenset(ending[-1] for ending in _ORGANISATION_ENDINGS)


def _leading_organisation(toks: list[Token]) -> int:
    """How many leading words name an organisation that is the subject of a verb right after
    it (``河西区局 移出 …``), or 0."""
    if len(toks) < 3 or not toks[0].flag.startswith(("n", "j")):
        return 0  # (every name below starts with a noun)
    for n in (1, 2, 3):
        if len(toks) < n + 2:
            return 0
        if toks[n].flag != "v" or toks[n - 1].word[-1:] not in _ORGANISATION_LAST:
            continue  # (the cheap tests of the ones below first)
        name = "".join(t.word for t in toks[:n])
        if (len(name) <= 8 and name.endswith(_ORGANISATION_ENDINGS) and toks[n].flag == "v"
                and all(t.flag.startswith(("n", "j")) for t in toks[:n])
                and toks[n].word not in _CHANGE_VERBS and toks[n].word not in TAIL_WORDS):
            return n
    return 0


def _cap(toks: list[Token], limit: int = MAX_LABEL) -> list[Token]:
    """Keep the end of a long phrase, cut at a word boundary."""
    total = len("".join([t.word for t in toks]))
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
    if not out:  # (most numbers: no noun after them, and nothing to test below)
        return []
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
