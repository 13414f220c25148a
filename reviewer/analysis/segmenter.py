"""jieba, loaded lazily and once, with the domain dictionary from ``resources/`` and its cache
in the application's cache directory (never the current directory or a shared temp folder).

The finders segment short pieces only, through ``cut``, ``cut_with_spans`` and ``for_text``:
those load the dictionary's words for the piece's characters (``dictionary_shards``), which
keeps a cold start short.  ``tokenizer()`` gives the whole dictionary, for any other use.
"""

from __future__ import annotations

import functools
import logging
import math
import re
import sys
import threading
import time
from pathlib import Path

from reviewer import paths
from reviewer.analysis import dictionary_shards

_lock = threading.Lock()
_tokenizer = None  # a jieba.Tokenizer whose FREQ fills by first character as pieces need it
_shards: dictionary_shards.Shards | None = None  # None: the whole dictionary is loaded
_tags: dict[str, str] = {}  # part-of-speech tags, filled alongside FREQ
load_seconds: float | None = None


def import_jieba():
    """``import jieba`` without pkg_resources: jieba's ``_compat`` imports it (~0.07 s and a
    deprecation warning) only to open its dictionary, and opens the file beside its own module
    when the import fails, which is where the dictionary is (a PyInstaller bundle included)."""
    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        import jieba

        return jieba
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # makes the import fail
    try:
        import jieba
    finally:
        del sys.modules["pkg_resources"]
    return jieba


def tokenizer():
    """The initialised jieba tokenizer with its whole dictionary (about half a second the first
    time)."""
    tok = _load()
    if _shards is not None:
        _shards.ensure_all()
    return tok


def for_text(text: str):
    """The jieba tokenizer, ready to segment ``text`` (and only pieces of ``text``) exactly as
    with the whole dictionary."""
    tok = _load()
    if _shards is not None:
        _shards.ensure(text)
    return tok


def tags() -> dict[str, str]:
    """jieba's part-of-speech table with the domain dictionary's tags, for the words loaded by
    ``for_text`` (the table ``jieba.posseg`` would read)."""
    _load()
    return _tags


def _load():
    global _tokenizer, _shards, _tags, load_seconds
    if _tokenizer is not None:
        return _tokenizer
    with _lock:
        if _tokenizer is None:
            started = time.perf_counter()
            jieba = import_jieba()
            jieba.setLogLevel(logging.WARNING)
            user_dict = paths.resource("dictionaries", "domain_dict.txt")
            main_dict = Path(jieba.__file__).with_name(jieba.DEFAULT_DICT_NAME)
            cache = paths.cache_dir() / dictionary_shards.cache_name(
                getattr(jieba, "__version__", "x"), main_dict, user_dict)
            data = dictionary_shards.read(cache)
            tok = jieba.Tokenizer()
            tok.tmp_dir = str(paths.cache_dir())
            tok.cache_file = str(paths.cache_dir() / "jieba.cache")
            try:
                _shards = dictionary_shards.Shards(data, tok.FREQ, {}) if data is not None else None
            except (ValueError, EOFError, TypeError):  # a damaged file: built again below
                _shards = None
            if _shards is None:
                tok, _tags, force_split = _load_whole(tok, jieba, user_dict)
                dictionary_shards.write(cache, dictionary_shards.build(tok.FREQ, tok.total, _tags, force_split))
            else:
                _tags = _shards.tags
                tok.total = _shards.total
                tok.initialized = True
                for word in _shards.force_split:  # what load_userdict does for a frequency of 0
                    jieba.finalseg.add_force_split(word)
            _speed_up(tok)
            _tokenizer = tok
            load_seconds = time.perf_counter() - started
    return _tokenizer


def _speed_up(tok) -> None:
    """Give ``tok`` ``best_ends``: jieba's ``get_DAG`` and ``calc`` in one faster pass, with the
    same route (every segmentation here goes through it: ``segment``, ``pos_tokens``).  Each
    word's log-probability is computed once (the sum formed in jieba's order, so every float is
    the same); the memo follows ``FREQ`` and ``total``: it starts afresh if either changes."""
    state = {"freq": None, "total": None, "logtotal": 0.0, "weight": {}}

    def weights() -> tuple[dict, dict, float]:
        freq = tok.FREQ
        if state["freq"] is not freq or state["total"] != tok.total:
            state.update(freq=freq, total=tok.total, logtotal=math.log(tok.total), weight={})
        return freq, state["weight"], state["logtotal"]

    def best_ends(sentence: str) -> list[int]:
        """``calc`` over ``get_DAG`` in one pass, as the end of the best route's word at each
        position: each fragment is sliced and looked up once, and no DAG is built (a tie goes to
        the longer word, as ``max`` over jieba's (probability, end) pairs gives it)."""
        tok.check_initialized()
        freq, weight, logtotal = weights()
        log = math.log
        n = len(sentence)
        probs = [0.0] * (n + 1)
        ends = [0] * n
        for idx in range(n - 1, -1, -1):
            best: float | None = None
            best_end = end = idx + 1
            frag = sentence[idx]
            count = freq.get(frag)
            while count is not None:
                if count:
                    w = weight.get(frag)
                    if w is None:
                        w = weight[frag] = log(count) - logtotal
                    p = w + probs[end]
                    if best is None or p >= best:
                        best, best_end = p, end
                if end == n:
                    break
                end += 1
                frag = sentence[idx:end]
                count = freq.get(frag)
            if best is None:  # no word starts here: the character alone
                char = sentence[idx]
                w = weight.get(char)
                if w is None:
                    w = weight[char] = log(freq.get(char) or 1) - logtotal
                best = w + probs[idx + 1]
            probs[idx] = best
            ends[idx] = best_end
        return ends

    tok.best_ends = best_ends


def _load_whole(tok, jieba, user_dict: Path):
    """``tok`` loaded as jieba loads it (its dictionary, then the domain dictionary), the tag
    table, and the domain words given a frequency of 0 (which HMM must always split)."""
    tok.initialize()
    forced = set(jieba.finalseg.Force_Split_Words)
    if user_dict.is_file():
        tok.load_userdict(str(user_dict))
    force_split = sorted(set(jieba.finalseg.Force_Split_Words) - forced)
    tags = dictionary_shards.parse_tags(tok.get_dict_file())
    tags.update(tok.user_word_tag_tab)  # as jieba.posseg merges them on first use
    return tok, tags, force_split


# jieba's patterns for its accurate mode (jieba 0.42.1, ``Tokenizer.cut``): the runs it segments
# and, between them, the blanks it keeps whole (every other character is a word of its own).
_RE_HAN = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]+)")
_RE_SKIP = re.compile(r"(\r\n|\s)")
# What jieba's ``re_eng`` matches in a one-character word: such words are joined into one.
ENG1 = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def segment(text: str, hmm: bool) -> list[str]:
    """``jieba.lcut(text, HMM=hmm)`` over the words loaded for ``text``: jieba's algorithm with
    ``best_ends`` for its route, without its generators (short pieces pay mostly for those)."""
    tok = for_text(text)
    out: list[str] = []
    for block in _RE_HAN.split(text):
        if not block:
            continue
        if _RE_HAN.match(block):
            (_hmm_block if hmm else _plain_block)(tok, block, out)
            continue
        for piece in _RE_SKIP.split(block):
            if _RE_SKIP.match(piece):
                out.append(piece)
            else:
                out.extend(piece)
    return out


def _plain_block(tok, block: str, out: list[str]) -> None:
    """jieba's ``__cut_DAG_NO_HMM`` over ``block``, appended to ``out``."""
    out.extend(word for word, _ in plain_route(tok, block))


def plain_route(tok, block: str) -> list[tuple[str, bool]]:
    """The words of ``block`` (a run jieba segments) on its best route, runs of one-character
    Latin letters and digits joined into one word, as ``__cut_DAG_NO_HMM`` gives them; beside
    each word, whether it is such a joined run (``jieba.posseg`` tags those ``eng``)."""
    ends = tok.best_ends(block)
    out: list[tuple[str, bool]] = []
    x, n, buf = 0, len(block), ""
    while x < n:
        y = ends[x]
        word = block[x:y]
        if word in ENG1:
            buf += word
        else:
            if buf:
                out.append((buf, True))
                buf = ""
            out.append((word, False))
        x = y
    if buf:
        out.append((buf, True))
    return out


def _hmm_block(tok, block: str, out: list[str]) -> None:
    """jieba's ``__cut_DAG``: the route's words, runs of one-character words read again by the
    HMM (``finalseg``) unless the run is a dictionary word."""
    ends = tok.best_ends(block)
    x, n, buf = 0, len(block), ""
    while x < n:
        y = ends[x]
        if y - x == 1:
            buf += block[x]
        else:
            if buf:
                _unknown_run(tok, buf, out)
                buf = ""
            out.append(block[x:y])
        x = y
    if buf:
        _unknown_run(tok, buf, out)


def _unknown_run(tok, buf: str, out: list[str]) -> None:
    if len(buf) == 1:
        out.append(buf)
    elif not tok.FREQ.get(buf):
        out.extend(import_jieba().finalseg.cut(buf))
    else:
        out.extend(buf)


def with_spans(words: list[str]) -> tuple[tuple[str, int, int], ...]:
    """``words`` with their code-point spans in the text they cut (as jieba's ``tokenize``)."""
    out = []
    start = 0
    for word in words:
        end = start + len(word)
        out.append((word, start, end))
        start = end
    return tuple(out)


def cut(text: str) -> list[str]:
    return list(_cut(text))


def cut_with_spans(text: str) -> list[tuple[str, int, int]]:
    """Words with their code-point spans in ``text``."""
    return list(_cut_with_spans(text))


# Only short pieces (a heading's clause, a window around a number) are segmented, and the same
# pieces come back often within a report and across reports: each is segmented once.
@functools.lru_cache(maxsize=8192)
def _cut(text: str) -> tuple[str, ...]:
    return tuple(segment(text, True))


@functools.lru_cache(maxsize=8192)
def _cut_with_spans(text: str) -> tuple[tuple[str, int, int], ...]:
    return with_spans(segment(text, True))


def clear_caches() -> None:
    """Forget the segmented pieces (benchmarks measure a report as if it were the first)."""
    _cut.cache_clear()
    _cut_with_spans.cache_clear()
