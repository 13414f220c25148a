"""jieba's dictionary split by first character, so a process loads only what it segments.

jieba's own start-up reads its whole dictionary (~500,000 word frequencies, ~0.45 s from its
cache) and ``jieba.posseg`` parses the whole part-of-speech table (~0.25 s), yet a report only
ever segments short pieces: the windows around its numbers and its heading clauses.  Every
dictionary look-up jieba makes while segmenting a piece is for a substring of that piece, so it
starts with one of the piece's characters: with the words of those characters loaded, the
segmentation is exactly the one over the whole dictionary.

The shards are built once from the fully initialised tokenizer (main dictionary, then the
domain dictionary, as jieba loads them) and kept in the cache directory under a name that
changes with jieba's version and the domain dictionary's content.
"""

from __future__ import annotations

import gc
import hashlib
import marshal
import os
import threading
from pathlib import Path

FORMAT = 1
_HEADER_LENGTH = 8


class Shards:
    """The frequencies and tags of one dictionary, by first character, loaded on demand into a
    tokenizer's ``FREQ`` and a shared tag table."""

    def __init__(self, data: bytes, freq: dict, tags: dict):
        """Raises ValueError for a file that is not a whole shard file (truncated, foreign)."""
        try:
            size = int.from_bytes(data[:_HEADER_LENGTH], "little")
            header = marshal.loads(data[_HEADER_LENGTH:_HEADER_LENGTH + size])
            self.total: int = header["total"]
            self.force_split: list[str] = header["force_split"]
            self._index: dict[str, tuple[int, int]] = header["index"]
        except (EOFError, ValueError, TypeError, KeyError) as exc:
            raise ValueError(f"not a shard file: {exc}") from None
        self._base = _HEADER_LENGTH + size
        if len(data) != self._base + max((end for _, end in self._index.values()), default=0):
            raise ValueError("not a whole shard file")
        self._data = data
        self.freq = freq
        self.tags = tags
        self._loaded: set[str] = set()
        self._lock = threading.Lock()
        self.ensure("")  # words that start with no character (none in jieba's, but kept)

    def ensure(self, text: str) -> None:
        """Load the words that start with a character of ``text``."""
        missing = set(text).difference(self._loaded) if text else {""}
        if not missing:
            return
        # Unmarshalling makes many objects and no garbage: the collector would only rescan them.
        collecting = gc.isenabled()
        with self._lock:
            gc.disable()
            try:
                for ch in missing:
                    span = self._index.get(ch)
                    if span is not None:
                        freq, tags = marshal.loads(self._data[self._base + span[0]:self._base + span[1]])
                        self.freq.update(freq)
                        self.tags.update(tags)
            finally:
                if collecting:
                    gc.enable()
            self._loaded.update(missing)  # after the words: another thread never sees a gap

    def ensure_all(self) -> None:
        self.ensure("".join(ch for ch in self._index if ch))


def build(freq: dict[str, int], total: int, tags: dict[str, str], force_split: list[str]) -> bytes:
    """The shard file of a fully loaded dictionary."""
    by_char: dict[str, tuple[dict, dict]] = {}
    for word, count in freq.items():
        by_char.setdefault(word[:1], ({}, {}))[0][word] = count
    for word, tag in tags.items():
        by_char.setdefault(word[:1], ({}, {}))[1][word] = tag
    index: dict[str, tuple[int, int]] = {}
    blobs: list[bytes] = []
    offset = 0
    for ch, shard in by_char.items():
        blob = marshal.dumps(shard)
        index[ch] = (offset, offset + len(blob))
        blobs.append(blob)
        offset += len(blob)
    header = marshal.dumps({"total": total, "force_split": list(force_split), "index": index})
    return len(header).to_bytes(_HEADER_LENGTH, "little") + header + b"".join(blobs)


def cache_name(jieba_version: str, main_dictionary: Path, domain_dictionary: Path) -> str:
    """The shard file's name: it changes with jieba, its dictionary and the domain dictionary."""
    digest = hashlib.sha256(f"{FORMAT}|{jieba_version}|".encode())
    for path in (main_dictionary, domain_dictionary):
        try:
            digest.update(f"{path.name}|{path.stat().st_size}|".encode())
            if path == domain_dictionary:
                digest.update(path.read_bytes())
        except OSError:
            digest.update(b"-")
    return f"jieba_shards_{digest.hexdigest()[:16]}.bin"


def read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def write(path: Path, data: bytes) -> None:
    """Write atomically (several processes may build the same file at once); a read-only cache
    directory only costs the full load next time."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError:
        try:
            tmp.unlink()
        except OSError:
            pass


def parse_tags(dictionary) -> dict[str, str]:
    """The part-of-speech table of jieba's dictionary file (``word freq tag`` lines), read as
    ``jieba.posseg.POSTokenizer.load_word_tag`` reads it."""
    tags: dict[str, str] = {}
    with dictionary as lines:
        for raw in lines:
            line = raw.strip().decode("utf-8") if isinstance(raw, bytes) else raw.strip()
            if not line:
                continue
            word, _, tag = line.split(" ")
            tags[word] = tag
    return tags
