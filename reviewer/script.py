"""Traditional-script reports: detect the script and give the rules a Simplified copy of the
text with exactly the same length, so offsets found in the copy are valid in the text shown."""

from __future__ import annotations

import functools


@functools.lru_cache(maxsize=1)
def _converter():
    try:
        import opencc

        return opencc.OpenCC("t2s")
    except Exception:  # pragma: no cover - the official wheel exists for our platforms
        return None


def to_simplified(text: str) -> str:
    """Simplified copy of ``text`` with the same length (character by character where OpenCC's
    phrase conversion would change the length)."""
    conv = _converter()
    if conv is None or not text:
        return text
    converted = conv.convert(text)
    if len(converted) == len(text):
        return converted
    # Phrase rules changed the length somewhere: fall back to one character at a time.
    out = []
    for ch in text:
        c = conv.convert(ch)
        out.append(c if len(c) == 1 else ch)
    return "".join(out)


def detect_script(text: str, simplified: str | None = None) -> str:
    """'traditional' when a noticeable share of the Han characters change under t2s."""
    simplified = simplified if simplified is not None else to_simplified(text)
    han = changed = 0
    for a, b in zip(text, simplified):
        if "\u4e00" <= a <= "\u9fff":
            han += 1
            if a != b:
                changed += 1
    if han == 0:
        return "simplified"
    return "traditional" if changed / han > 0.03 else "simplified"
