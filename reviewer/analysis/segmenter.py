"""jieba, loaded lazily and once, with the domain dictionary from ``resources/`` and its cache
in the application's cache directory (never the current directory or a shared temp folder)."""

from __future__ import annotations

import functools
import logging
import sys
import threading
import time

from reviewer import paths

_lock = threading.Lock()
_tokenizer = None
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
    """The initialised jieba tokenizer (the first call costs about half a second)."""
    global _tokenizer, load_seconds
    if _tokenizer is not None:
        return _tokenizer
    with _lock:
        if _tokenizer is None:
            started = time.perf_counter()
            jieba = import_jieba()
            jieba.setLogLevel(logging.WARNING)
            tok = jieba.Tokenizer()
            tok.tmp_dir = str(paths.cache_dir())
            tok.cache_file = str(paths.cache_dir() / "jieba.cache")
            tok.initialize()
            user_dict = paths.resource("dictionaries", "domain_dict.txt")
            if user_dict.is_file():
                tok.load_userdict(str(user_dict))
            _tokenizer = tok
            load_seconds = time.perf_counter() - started
    return _tokenizer


def cut(text: str) -> list[str]:
    return list(_cut(text))


def cut_with_spans(text: str) -> list[tuple[str, int, int]]:
    """Words with their code-point spans in ``text``."""
    return list(_cut_with_spans(text))


# Only short pieces (a heading's clause, a window around a number) are segmented, and the same
# pieces come back often within a report and across reports: each is segmented once.
@functools.lru_cache(maxsize=8192)
def _cut(text: str) -> tuple[str, ...]:
    return tuple(tokenizer().lcut(text, HMM=True))


@functools.lru_cache(maxsize=8192)
def _cut_with_spans(text: str) -> tuple[tuple[str, int, int], ...]:
    return tuple(tokenizer().tokenize(text, HMM=True))


def clear_caches() -> None:
    """Forget the segmented pieces (benchmarks measure a report as if it were the first)."""
    _cut.cache_clear()
    _cut_with_spans.cache_clear()
