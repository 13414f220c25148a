"""jieba tokens with part-of-speech tags, for the few characters around one number.

Only short windows are segmented, never a whole report; the part-of-speech table is loaded once
per process (``warm_up`` does it ahead, on a worker).
"""

from __future__ import annotations

import functools
import time
from dataclasses import dataclass

from reviewer.analysis import segmenter

# Single characters that end a compound noun naming a place or a unit of an organisation
# (疏导点, 执法中队, 调解室); jieba may split them from the word before.
_PLACE_SUFFIXES = {"点": ("m",), "所": ("c",), "组": ("zg",)}  # and the tags jieba gives them alone


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

    # Importing jieba.posseg already parsed the tag table of jieba's dictionary (for its default
    # tagger ``dt``); POSTokenizer(tokenizer) would parse it a second time (~0.25 s).  Ours is
    # that tagger's table (a copy: the domain dictionary's tags are merged into it on first use).
    pos = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)
    pos.tokenizer = tokenizer
    pos.word_tag_tab = dict(jieba.posseg.dt.word_tag_tab)
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
    return [(w, start + s, start + e) for w, s, e in _words(a[start:end], hmm)]


@functools.lru_cache(maxsize=8192)
def _words(window: str, hmm: bool) -> tuple[tuple[str, int, int], ...]:
    return tuple(segmenter.tokenizer().tokenize(window, HMM=hmm))


def clear_caches() -> None:
    """Forget the tagged and segmented windows (benchmarks measure a report as if it were the
    first one this process reads)."""
    _tag.cache_clear()
    _words.cache_clear()
    segmenter.clear_caches()


Label = tuple[str | None, tuple[int, int] | None]
