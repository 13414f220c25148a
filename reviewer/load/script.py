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
    if _has_surrogate(text):
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


def _has_surrogate(text: str) -> bool:
    """Whether ``text`` holds a lone surrogate: the one thing UTF-16 cannot encode, and the
    encoder (a C loop, no regex) finds it several times faster than a search."""
    try:
        text.encode("utf-16-le")
    except UnicodeEncodeError:
        return True
    return False


def to_simplified(text: str) -> str:
    """Simplified copy of ``text`` with the same length (offsets stay valid)."""
    return _convert_same_length(text, "t2s")


# Full-width forms of ASCII (U+FF01–U+FF5E) fold one-to-one onto ASCII: "（一）" reads as "(一)",
# "１２３" as "123", "，" as ",".  The shown text keeps the forms as written.
_FULL_WIDTH = re.compile("[\uff01-\uff5e]")


_CIRCLE_ZERO = re.compile("(?<=[一二三四五六七八九十〇\u25cb\u25ef零])[\u25cb\u25ef]"
                          "|[\u25cb\u25ef](?=[一二三四五六七八九〇\u25cb\u25ef零年])")


def _fold_full_width(text: str) -> str:
    """``text`` with every full-width ASCII form replaced by its ASCII character: one
    ``str.replace`` per distinct form (a report uses a dozen), not a Python call per match."""
    at = 0
    while (match := _FULL_WIDTH.search(text, at)) is not None:
        form = match.group()
        text = text.replace(form, chr(ord(form) - 0xFEE0))  # ASCII: no new match made
        at = match.start()
    return text


def analysis_form(text: str) -> str:
    """The copy of ``text`` that the rules read: Simplified script, full-width ASCII forms folded
    to ASCII, and exactly the same length, so every offset found in it is valid in ``text``.

    Reports mix both punctuation widths (often within one file); folding lets every rule match
    one form while the reviewer still sees the report as written.  A circle typed for the
    numeral zero among Chinese numerals ("二○二一年") reads as 〇.
    """
    folded = _fold_full_width(to_simplified(text))
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
    global _detected
    sample = text[:_DETECT_SAMPLE]
    _detected += 1
    if _detected <= _LOOK_UP_FIRST or _SUPPLEMENTARY.search(sample):
        return _detect_by_look_up(sample)
    traditional = _count_changed("t2s", sample)
    if traditional == 0:
        return "simplified"
    simple = _count_changed("s2t", sample)  # as before, the s2t converter only when needed
    if traditional is None or simple is None:
        return _detect_by_look_up(sample)
    return "traditional" if traditional > simple else "simplified"


# A process's first texts are judged character by character (about 0.5 ms each); after these
# the Han characters each conversion changes are one character class (built in about 10 ms),
# and a text costs about 0.1 ms: worth it in a batch, not for one report.
_LOOK_UP_FIRST = 16
_detected = 0
# The Han characters of the Basic Multilingual Plane (CJK extension A, the unified block, the
# compatibility ideographs): about 28,000, converted by OpenCC in a few milliseconds.
_BMP_HAN = [*range(0x3400, 0x9FFF + 1), *range(0xF900, 0xFAFF + 1)]
_SUPPLEMENTARY = re.compile("[\U00020000-\U0010ffff]")


def _count_changed(config: str, sample: str) -> int | None:
    """How many characters of ``sample`` OpenCC ``config`` changes on their own, or None."""
    changed = _changed_class(config)
    return None if changed is None else len(changed.findall(sample))


@functools.lru_cache(maxsize=2)
def _changed_class(config: str) -> re.Pattern[str] | None:
    """A character class of every BMP Han character that OpenCC ``config`` changes on its own,
    so that a text is judged in one C-level pass.  None without a converter or on an odd
    conversion (then characters are looked up one by one)."""
    conv = _converter(config)
    if conv is None:
        return None
    chars = [chr(code) for code in _BMP_HAN]
    converted = conv.convert("\n".join(chars)).split("\n")
    if len(converted) != len(chars):
        return None
    runs: list[list[int]] = []  # consecutive code points as ranges: a smaller class to compile
    for ch, other in zip(chars, converted):
        if other != ch:
            if runs and runs[-1][1] == ord(ch) - 1:
                runs[-1][1] = ord(ch)
            else:
                runs.append([ord(ch), ord(ch)])
    if not runs:
        return re.compile("(?!)")
    return re.compile("[" + "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in runs) + "]")


def _detect_by_look_up(sample: str) -> str:
    """``detect_script`` character by character, for a sample with characters beyond the BMP."""
    han = set(_HAN.findall("".join(set(sample))))
    changed = _changed_by("t2s", han)
    if not changed:
        return "simplified"
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
