"""What each figure counts: the short phrase a reviewer would write beside ``1170件`` (``立案``).

A label is the phrase just before the number inside its clause (``全年共立案1170件`` -> ``立案``),
with function words at its edges removed (共, 累计, 达到, 为, 全年, 其中 …).  When the number
modifies a noun written after it (``为198户企业``, ``配备两名专业法律顾问``) the noun is the
label, joined to a verb or a ``…的`` phrase just before the number.  A figure in a clause that
only says "…changed to N" (``由40个工作日缩短至5日``) shares the label of the figure before it.

Only the few characters around each number are segmented (jieba with part-of-speech tags),
never the whole report: that is what keeps analysis of a 30 KB report within milliseconds.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from reviewer import segmenter
from reviewer.model import Figure

MAX_LABEL = 16  # characters; longer phrases are cut at a word boundary from the front
BEFORE_WINDOW = 26
AFTER_WINDOW = 14

# Clause boundaries: a label never crosses one.
_DELIMITERS = re.compile(r"[,,;;。!?!?::\n()()【】\[\]]")

# Words at the end of the phrase before a number that only link it to the number.
TAIL_WORDS = frozenset("""共 共计 累计 合计 总计 计 达 达到 高达 多达 为 是 有 共有 约 近 了 从 由 已 已经 均
都 分别 各 总共 一共 至 到 对 将 把 给 向 在 仅 只 就 也 还 再 又 即 亦 去年 上年 同期 全年 今年 年内
其中 其 超过 超 逾 不少于 不低于 不足 不到 大约 将近 接近 约为 分别为 依次 依次为 共为 数 总数
数量 人数 个数 次数 的 了 等 等等 及 和 与 或 同比 全部 全 再次 先后 相继 等共 共达 累计达""".split())
# Words at the start of a phrase that are not part of what is counted.
LEAD_WORDS = frozenset("""同时 其中 此外 另外 并 并且 而 且 以及 还 也 共 累计 全年 今年 去年 年内
目前 截至 截止 截止目前 截至目前 至今 以来 疫情 期间 疫情期间 疫情以来 全局 全区 全市 全县 全省 我局
我区 我市 我县 我委 我院 本局 本单位 我单位 我们 先后 相继 累计 共计 一年来 今年以来 上半年 下半年
通过 为 对 在 向 经 将 把 按照 根据 依据 围绕 针对 其 该 此 这 那 已 已经 均 都 分别 又 再 进一步 积极
主动 全面 深入 有效 切实 不断 持续 新 另 另有 有 共有 是 即""".split())
_LEAD_POS = frozenset({"c", "p", "d", "r", "t", "m", "q", "x", "u", "uj", "ul", "uz", "ug", "ud", "uv",
                       "y", "e", "f", "zg"})
_TAIL_POS = frozenset({"c", "p", "d", "x", "u", "uj", "ul", "uz", "ug", "ud", "uv", "y", "e", "m",
                       "q", "zg"})
_NOUN_POS = ("n", "vn", "j", "an", "nz", "nr", "ns", "nt", "ng", "b", "l", "i")
_CHANGE_VERBS = frozenset("""提升 提高 压缩 缩短 降低 下降 减少 增加 增长 上升 增至 降至 扩大 缩减 调整 延长
增 降 减 升""".split())
_PREPOSITIONS = frozenset("为 对 向 将 把 给 与 从 由 在 按 以 被 让 替 帮 比 较".split())
_LEADING_SUBJECT = re.compile(r"^(我|本|全|该|各)(局|区|市|县|委|院|厅|办|所|队|中心|单位|部门|系统)")


@dataclass
class Token:
    word: str
    flag: str
    start: int
    end: int


@functools.lru_cache(maxsize=1)
def _pos_tokenizer():
    import jieba.posseg

    return jieba.posseg.POSTokenizer(segmenter.tokenizer())


@functools.lru_cache(maxsize=4096)
def _tag(text: str) -> tuple[tuple[str, str], ...]:
    return tuple((p.word, p.flag) for p in _pos_tokenizer().cut(text))


def tokens(a: str, start: int, end: int) -> list[Token]:
    """Words of ``a[start:end]`` with part-of-speech tags and absolute offsets."""
    out = []
    pos = start
    for word, flag in _tag(a[start:end]):
        out.append(Token(word, flag, pos, pos + len(word)))
        pos += len(word)
    return out


def words(a: str, start: int, end: int, hmm: bool = True) -> list[tuple[str, int, int]]:
    """Plain segmentation (no tags) of ``a[start:end]`` with absolute offsets."""
    return [(w, start + s, start + e)
            for w, s, e in segmenter.tokenizer().tokenize(a[start:end], HMM=hmm)]


class LabelFinder:
    """Labels for the figures of one document (``text`` shown, ``a`` its Simplified copy)."""

    def __init__(self, text: str, a: str):
        self.text = text
        self.a = a
        self.delims = [m.start() for m in _DELIMITERS.finditer(a)]

    def clause(self, start: int, end: int) -> tuple[int, int]:
        import bisect

        i = bisect.bisect_left(self.delims, start)
        floor = self.delims[i - 1] + 1 if i > 0 else 0
        j = bisect.bisect_left(self.delims, end)
        ceiling = self.delims[j] if j < len(self.delims) else len(self.a)
        return floor, ceiling

    def label_all(self, figures: list[Figure]) -> None:
        previous: Figure | None = None
        for n, f in enumerate(figures):
            floor, ceiling = self.clause(f.start, f.end)
            same_clause = previous is not None and previous.end > floor and previous.end <= f.start
            if same_clause:
                floor = previous.end
            nxt = figures[n + 1] if n + 1 < len(figures) else None
            if nxt is not None and nxt.start < ceiling:
                ceiling = nxt.start
            label, span = self.label(f, floor, ceiling,
                                     previous if same_clause else None)
            f.label = label
            if span is not None:
                f.label_start, f.label_end = span
            previous = f

    def label(self, f: Figure, floor: int, ceiling: int, previous: Figure | None
              ) -> tuple[str | None, tuple[int, int] | None]:
        a = self.a
        lo = max(floor, f.start - BEFORE_WINDOW)
        before = tokens(a, lo, f.start) if lo < f.start else []
        if lo > floor and before:
            before = before[1:]  # the window may have cut the first word
        after = tokens(a, f.end, min(ceiling, f.end + AFTER_WINDOW)) if f.end < ceiling else []
        raw_last = before[-1].word if before else ""
        changed = False
        # strip the words that only link the phrase to the number
        while before:
            last = before[-1]
            if last.word in ("至", "到") and len(before) > 1 and before[-2].word in _CHANGE_VERBS | {"缩短至"}:
                before = before[:-2]
                changed = True
                continue
            if last.word in TAIL_WORDS or last.flag in _TAIL_POS or not last.word.strip():
                before = before[:-1]
                continue
            break
        before = _strip_lead(before)
        noun = _noun_after(after)
        if changed and not before and previous is not None:
            return previous.label, _span(previous)
        if noun and (not before or raw_last in _PREPOSITIONS or raw_last == "的"):
            if raw_last == "的" and before:
                return self._join(before, noun, with_de=True)
            return self._phrase(noun)
        if noun and before and before[-1].flag.startswith("v") and len(before) <= 2 \
                and before[-1].word not in _CHANGE_VERBS:
            return self._join(before, noun)
        if before:
            return self._phrase(_cap(before))
        if previous is not None and previous.label and not noun:
            if previous.end == f.start:
                # 50岁以上69人: the figure before says who is counted
                return previous.text, (previous.start, previous.end)
            return previous.label, _span(previous)
        if noun:
            return self._phrase(noun)
        return None, None

    def _phrase(self, toks: list[Token]) -> tuple[str | None, tuple[int, int] | None]:
        if not toks:
            return None, None
        start, end = toks[0].start, toks[-1].end
        return self.text[start:end], (start, end)

    def _join(self, before: list[Token], noun: list[Token], with_de: bool = False
              ) -> tuple[str | None, tuple[int, int] | None]:
        before = _cap(before, MAX_LABEL - sum(len(t.word) for t in noun))
        head = self.text[before[0].start:before[-1].end] if before else ""
        de = "的" if with_de and not head.endswith("的") else ""
        return head + de + self.text[noun[0].start:noun[-1].end], None


def _span(f: Figure) -> tuple[int, int] | None:
    if f.label_start is None or f.label_end is None:
        return None
    return f.label_start, f.label_end


def _strip_lead(toks: list[Token]) -> list[Token]:
    while toks:
        first = toks[0]
        if first.word in LEAD_WORDS or first.flag in _LEAD_POS or not first.word.strip():
            toks = toks[1:]
            continue
        joined = "".join(t.word for t in toks[:2])
        m = _LEADING_SUBJECT.match(joined)
        if m and len(toks) > 2:
            # 我局 / 全区 as the subject of the clause
            cut = len(m.group(0))
            while toks and cut > 0:
                cut -= len(toks[0].word)
                toks = toks[1:]
            continue
        break
    # the phrase may end up starting or ending inside brackets or with 的
    while toks and toks[-1].word in ("的", "、", "和", "及", "与"):
        toks = toks[:-1]
    while toks and toks[0].word in ("的", "、", "和", "及", "与"):
        toks = toks[1:]
    return toks


def _cap(toks: list[Token], limit: int = MAX_LABEL) -> list[Token]:
    """Keep the end of a long phrase, cut at a word boundary, preferring a cut after an adverb,
    a preposition or a verb that opens the clause."""
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
    return _strip_lead(kept) or kept


def _noun_after(after: list[Token]) -> list[Token]:
    """The noun phrase written right after the number (``户企业`` -> ``企业``)."""
    out: list[Token] = []
    for i, t in enumerate(after):
        if t.flag.startswith(_NOUN_POS) or (t.flag.startswith("v") and i + 1 < len(after)
                                            and after[i + 1].flag.startswith(_NOUN_POS) and out == []
                                            and len(t.word) > 1 and t.word not in _CHANGE_VERBS
                                            and False):
            out.append(t)
            continue
        if t.word == "、" and out and i + 1 < len(after) and after[i + 1].flag.startswith(_NOUN_POS):
            out.append(t)
            continue
        break
    return out
