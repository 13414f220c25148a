"""jieba tokens with part-of-speech tags, for the few characters around one number.

Only short windows are segmented, never a whole report; the part-of-speech table is loaded once
per process (``warm_up`` does it ahead, on a worker).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from reviewer.analysis import segmenter

# Single characters that end a compound noun naming a place or a unit of an organisation
# (疏导点, 执法中队, 调解室); jieba may split them from the word before.
_PLACE_SUFFIXES = {"点": ("m",), "所": ("c",), "组": ("zg",)}  # and the tags jieba gives them alone


@dataclass(slots=True)  # (made ~100,000 times for a 1 MB report: slots make that cheaper)
class Token:
    word: str
    flag: str
    start: int
    end: int


pos_load_seconds: float | None = None  # the part-of-speech table's share of loading jieba


def warm_up() -> None:
    """Load jieba's whole dictionary and tag table now (about half a second, once per process),
    e.g. in a background thread at start-up, so that the first report does not wait for them."""
    global pos_load_seconds
    segmenter.tokenizer()
    pos_load_seconds = 0.0  # it comes with the dictionary (see ``segmenter``)


# jieba.posseg's patterns, as it splits a text before tagging (jieba 0.42.1, posseg/__init__.py).
_RE_HAN = re.compile(r"([\u4E00-\u9FD5a-zA-Z0-9+#&\._]+)")
_RE_SKIP = re.compile(r"(\r\n|\s)")
_RE_ENG = re.compile(r"[a-zA-Z0-9]+")
# The characters jieba.posseg's ``[\.0-9]+`` matches, tested as a set (the words of a Han block,
# and the joining of one-character Latin words, are ``segmenter.plain_route``'s).
_NUM_CHARS = frozenset(".0123456789")


@functools.lru_cache(maxsize=8192)
def _tag(text: str) -> tuple[tuple[str, str], ...]:
    """``jieba.posseg.POSTokenizer(tokenizer).cut(text, HMM=False)`` as (word, flag) pairs, the
    same algorithm over the same tables, without importing jieba.posseg: its import parses the
    whole tag table (~0.25 s), where this reads only the words of ``text``'s characters."""
    global pos_load_seconds
    tok = segmenter.for_text(text)
    table = segmenter.tags()
    if pos_load_seconds is None:
        pos_load_seconds = 0.0  # it comes with the dictionary (see ``segmenter``)
    out: list[tuple[str, str]] = []
    for block in _RE_HAN.split(text):
        if not block:
            continue  # (split's empty ends around a window of Han only: nothing to tag, 4 regex calls)
        if _RE_HAN.match(block):
            out += [(word, "eng" if latin else table.get(word, "x")) for word, latin in segmenter.plain_route(tok, block)]
            continue
        for piece in _RE_SKIP.split(block):
            if _RE_SKIP.match(piece):
                out.append((piece, "x"))
                continue
            eng = _RE_ENG.match(piece) is not None  # (sic: jieba tests the piece, not the character)
            for ch in piece:
                if ch in _NUM_CHARS:
                    out.append((ch, "m"))
                elif eng:
                    out.append((ch, "eng"))
                else:
                    out.append((ch, "x"))
    return tuple(out)


def tokens(a: str, start: int, end: int) -> list[Token]:
    """Words of ``a[start:end]`` with part-of-speech tags and absolute offsets."""
    return [Token(word, flag, start + s, start + e) for word, flag, s, e in _joined(a[start:end])]


@functools.lru_cache(maxsize=8192)
def _joined(window: str) -> tuple[tuple[str, str, int, int], ...]:
    """The tagged words of ``window`` with their offsets in it, a place suffix joined to its
    noun.  (The label finder asks for the same window several times: this is done once.)"""
    tagged = _tag(window)
    out: list[tuple[str, str, int, int]] = []
    pos = 0
    for k, (word, flag) in enumerate(tagged):
        end = pos + len(word)
        if (word in _PLACE_SUFFIXES and flag in _PLACE_SUFFIXES[word] and out and len(out[-1][0]) >= 2
                and out[-1][1] in ("v", "vn", "n")):  # (the word after looked at only then)
            nxt = tagged[k + 1] if k + 1 < len(tagged) else None
            if nxt is None or nxt[1] in ("x", "m", "eng") or nxt[0] in ("和", "及", "、"):
                # 疏导|点, 法律服务|所, 专业巡查|组: jieba reads the suffix of a compound noun
                # that ends the phrase as a numeral, a conjunction or a bound morpheme
                prev = out.pop()
                out.append((prev[0] + word, "n", prev[2], end))
                pos = end
                continue
        out.append((word, flag, pos, end))
        pos = end
    return tuple(out)


def words(a: str, start: int, end: int, hmm: bool = True) -> list[tuple[str, int, int]]:
    """Plain segmentation (no tags) of ``a[start:end]`` with absolute offsets."""
    return [(w, start + s, start + e) for w, s, e in _words(a[start:end], hmm)]


@functools.lru_cache(maxsize=8192)
def _words(window: str, hmm: bool) -> tuple[tuple[str, int, int], ...]:
    return segmenter.with_spans(segmenter.segment(window, hmm))


def clear_caches() -> None:
    """Forget the tagged and segmented windows (benchmarks measure a report as if it were the
    first one this process reads)."""
    _tag.cache_clear()
    _joined.cache_clear()
    _words.cache_clear()
    segmenter.clear_caches()


Label = tuple[str | None, tuple[int, int] | None]
