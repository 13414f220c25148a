"""Traditional-script reports: detect the script and give the rules a Simplified copy of the
text with exactly the same length, so offsets found in the copy are valid in the text shown."""

from __future__ import annotations

import functools

# Script detection reads at most this many characters: enough for any report's verdict, and it
# keeps detection on a multi-megabyte text in the milliseconds.
_DETECT_SAMPLE = 200_000


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
_FOLD_FULL_WIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}


def analysis_form(text: str) -> str:
    """The copy of ``text`` that the rules read: Simplified script, full-width ASCII forms folded
    to ASCII, and exactly the same length, so every offset found in it is valid in ``text``.

    Reports mix both punctuation widths (often within one file); folding lets every rule match
    one form while the reviewer still sees the report as written.
    """
    return to_simplified(text).translate(_FOLD_FULL_WIDTH)


def detect_script(text: str, simplified: str | None = None) -> str:
    """'traditional' when more Han characters are distinctly Traditional than distinctly
    Simplified, else 'simplified'.

    Counting both sides keeps a Simplified report that quotes a Traditional name (or a
    Traditional one with a few characters like 台 that OpenCC would also "convert") right, and
    gives a sensible answer for a heading of three characters.
    """
    sample = text[:_DETECT_SAMPLE]
    if simplified is None or len(simplified) != len(text):
        simple_sample = to_simplified(sample)
    else:
        simple_sample = simplified[:_DETECT_SAMPLE]
    traditional_view = _convert_same_length(sample, "s2t")
    traditional = simple = 0
    for ch, s_ch, t_ch in zip(sample, simple_sample, traditional_view):
        if not ("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or ch >= "\U00020000"):
            continue  # only Han characters have a script
        if s_ch != ch:
            traditional += 1  # the character has a Simplified form: it is written Traditional
        elif t_ch != ch:
            simple += 1  # the character has a Traditional form: it is written Simplified
    return "traditional" if traditional > simple else "simplified"
