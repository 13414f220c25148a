"""Traditional-script reports: detect the script and give the rules a Simplified copy of the
text with exactly the same length, so offsets found in the copy are valid in the text shown."""

from __future__ import annotations

import functools
import re
from collections import Counter

# Script detection reads at most this many characters: enough for any report's verdict, and it
# keeps detection on a multi-megabyte text in the milliseconds.
_DETECT_SAMPLE = 20_000
_SURROGATE = re.compile("[\ud800-\udfff]")
# Han characters: CJK extension A and the unified block, compatibility ideographs, and every
# supplementary plane from extension B on.
_HAN = re.compile("[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0010ffff]")


@functools.lru_cache(maxsize=2)
def _converter(config: str = "t2s"):
    try:
        import opencc

        return opencc.OpenCC(config)
    except Exception:  # pragma: no cover - the official wheel exists for our platforms
        return None


def _convert_same_length(text: str, config: str) -> str:
    """``text`` converted by OpenCC ``config``, one code point for one code point.

    Phrase rules may change a line's length (rare); such a line is converted character by
    character instead, and a character whose conversion is not one character stays as it is.
    """
    conv = _converter(config)
    if conv is None or not text:
        return text
    if _SURROGATE.search(text):
        # OpenCC takes UTF-8; a lone surrogate (only in text that skipped cleaning) stays as is.
        parts = _SURROGATE.split(text)
        marks = _SURROGATE.findall(text)
        out = [_convert_same_length(parts[0], config)]
        for mark, part in zip(marks, parts[1:]):
            out += [mark, _convert_same_length(part, config)]
        return "".join(out)
    converted = conv.convert(text)
    if len(converted) == len(text):
        return converted
    out = []
    for line in text.split("\n"):
        done = conv.convert(line)
        if len(done) != len(line):
            chars = []
            for ch in line:
                c = conv.convert(ch)
                chars.append(c if len(c) == 1 else ch)
            done = "".join(chars)
        out.append(done)
    return "\n".join(out)


def to_simplified(text: str) -> str:
    """Simplified copy of ``text`` with the same length (offsets stay valid)."""
    return _convert_same_length(text, "t2s")


# Full-width forms of ASCII (U+FF01–U+FF5E) fold one-to-one onto ASCII: "（一）" reads as "(一)",
# "１２３" as "123", "，" as ",".  The shown text keeps the forms as written.
_FULL_WIDTH = re.compile("[\uff01-\uff5e]")


_CIRCLE_ZERO = re.compile("(?<=[一二三四五六七八九十〇\u25cb\u25ef零])[\u25cb\u25ef]"
                          "|[\u25cb\u25ef](?=[一二三四五六七八九〇\u25cb\u25ef零年])")


def analysis_form(text: str) -> str:
    """The copy of ``text`` that the rules read: Simplified script, full-width ASCII forms folded
    to ASCII, and exactly the same length, so every offset found in it is valid in ``text``.

    Reports mix both punctuation widths (often within one file); folding lets every rule match
    one form while the reviewer still sees the report as written.  A circle typed for the
    numeral zero among Chinese numerals ("二○二一年") reads as 〇.
    """
    folded = _FULL_WIDTH.sub(lambda m: chr(ord(m.group()) - 0xFEE0), to_simplified(text))
    if "\u25cb" in folded or "\u25ef" in folded:
        folded = _CIRCLE_ZERO.sub("\u3007", folded)
    return folded


def detect_script(text: str, simplified: str | None = None) -> str:
    """'traditional' when more Han characters are distinctly Traditional than distinctly
    Simplified, else 'simplified'.

    Counting both sides keeps a Simplified report that quotes a Traditional name (or a
    Traditional one with a few characters like 台 that OpenCC would also "convert") right, and
    gives a sensible answer for a heading of three characters.  Characters are judged one by
    one (``simplified`` is accepted for compatibility and not needed).
    """
    sample = text[:_DETECT_SAMPLE]
    han = set(_HAN.findall("".join(set(sample))))
    changed = _changed_by("t2s", han)
    if not changed:
        return "simplified"  # the common case: a set of the sample, no count per character
    counts = Counter(sample)
    traditional = sum(counts[ch] for ch in changed)
    simple = sum(counts[ch] for ch in _changed_by("s2t", han))
    return "traditional" if traditional > simple else "simplified"


# config -> the characters looked up so far, and those of them OpenCC changes on its own.
# Reports use a few thousand distinct characters, so after the first documents this is a set
# difference and a set intersection, both in C.
_KNOWN: dict[str, set[str]] = {}
_CHANGED: dict[str, set[str]] = {}


def _changed_by(config: str, chars: set[str]) -> set[str]:
    """The characters that OpenCC ``config`` changes, each looked up on its own."""
    known = _KNOWN.setdefault(config, set())
    changed = _CHANGED.setdefault(config, set())
    unknown = sorted(chars - known)
    if unknown:
        conv = _converter(config)
        converted = conv.convert("\n".join(unknown)).split("\n") if conv is not None else []
        if len(converted) != len(unknown):
            converted = unknown  # no converter (or an odd result): no evidence either way
        changed.update(ch for ch, other in zip(unknown, converted) if other != ch)
        known.update(unknown)
    return changed & chars
