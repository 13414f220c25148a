"""Turn the bytes of a text report into a string, guessing the encoding Chinese-first.

Reports reach reviewers as UTF-8 (with or without a BOM), UTF-16 from Windows tools, GB18030/GBK
from older mainland systems and Big5 from Taiwan and Hong Kong.  General-purpose detectors often
mistake short GBK texts for other legacy encodings, so the order here is fixed: BOMs, strict
UTF-8, then GB18030 against Big5 judged by which decoding yields common characters, and only then
charset-normalizer.  Binary data (images, archives, old Office files) is refused with a clear
message instead of being decoded into noise.
"""

from __future__ import annotations

import codecs
import re
from collections import Counter
from dataclasses import dataclass, field

from reviewer.messages import ReviewerError

# Magic numbers of files that are certainly not text.  Old Office files get their own message.
_BINARY_MAGIC = (
    b"\x89PNG", b"GIF87a", b"GIF89a", b"\xff\xd8\xff", b"PK\x03\x04", b"PK\x05\x06", b"%PDF",
    b"7z\xbc\xaf\x27\x1c", b"Rar!", b"\x1f\x8b", b"BZh", b"\x7fELF", b"MZ", b"II*\x00",
    b"MM\x00*", b"RIFF", b"OggS", b"\x00\x00\x01\x00", b"SQLite format 3", b"ID3", b"fLaC",
)
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# A handful of stray NUL bytes (a bad copy, a truncated download) may be dropped; a text where
# more than this share of the bytes are NUL is treated as binary.
_MAX_NUL_SHARE = 0.01
# Share of control characters (other than tab/newline/carriage return/form feed) above which a
# decoded "text" is really binary data.
_MAX_CONTROL_SHARE = 0.02
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Below U+0020 and not a tab, line feed, form feed or carriage return.
_CONTROL_NOT_SPACE = re.compile("[\x00-\x08\x0b\x0e-\x1f]")
_CONTROL_BYTES = bytes(b for b in range(1, 32) if b not in (9, 10, 12, 13, 27))


@dataclass
class DecodedText:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def looks_binary_magic(data: bytes) -> bool:
    """True when the bytes start like a known binary format (image, archive, PDF, executable)."""
    return data.startswith(_BINARY_MAGIC) or data.startswith(OLE_MAGIC)


def decode_text(data: bytes, path: str = "", hint: str | None = None, pdf_header_is_text: bool = False) -> DecodedText:
    """Decode report bytes; raises ReviewerError ``binary_file``/``undecodable``/``legacy_office``.

    ``hint`` is an encoding declared by the file itself (an HTML ``<meta charset>``); it is tried
    right after the BOMs and strict UTF-8.  ``pdf_header_is_text``: a .txt that starts with
    "%PDF-" and that no PDF reader could open (the control-byte test below still applies).
    """
    if data.startswith(OLE_MAGIC):
        raise ReviewerError("legacy_office", path=path)
    if looks_binary_magic(data) and not (pdf_header_is_text and data.startswith(b"%PDF-")):
        raise ReviewerError("binary_file", path=path)
    bom = _decode_with_bom(data)
    if bom is not None:
        return _checked(bom, path)
    warnings: list[str] = []
    utf16 = _decode_bomless_utf16(data)
    if utf16 is not None:
        return _checked(utf16, path)
    # Outside UTF-16, multi-byte Chinese encodings never use bytes below 0x20 inside a character,
    # so control bytes in the raw data mean binary data, whatever the encoding.
    sample = data[:200_000]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > max(4, len(sample) * _MAX_CONTROL_SHARE):
        raise ReviewerError("binary_file", path=path)
    nuls = data.count(0)
    if nuls:
        if nuls > max(8, len(data) * _MAX_NUL_SHARE):
            raise ReviewerError("binary_file", path=path)
        data = data.replace(b"\x00", b"")
        warnings.append(f"removed {nuls} NUL byte(s)")
    decoded = _decode_strict(data, hint)
    if decoded is None:
        decoded = _decode_lenient(data, path)
    decoded.warnings[:0] = warnings
    return _checked(decoded, path)


def _decode_with_bom(data: bytes) -> DecodedText | None:
    # UTF-32 first: its little-endian BOM begins with UTF-16's.
    for bom, codec, name in ((codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
                             (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
                             (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
                             (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
                             (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be")):
        if data.startswith(bom):
            body = data[len(bom):]
            try:
                return DecodedText(body.decode(codec), name)
            except UnicodeDecodeError:
                text = body.decode(codec, errors="replace")
                return DecodedText(text, name, ["some bytes could not be decoded and were replaced"])
    return None


def _decode_bomless_utf16(data: bytes) -> DecodedText | None:
    """UTF-16 without a BOM: NUL bytes present (ASCII characters, and CJK code points like 一
    U+4E00) and one byte order reads as common characters with no control codes."""
    if len(data) < 4 or len(data) % 2 or data.count(0) < 2:
        return None
    best: DecodedText | None = None
    best_score = 0.6
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _CONTROL_NOT_SPACE.search(text, 0, 20_000):
            continue
        score = max(_plausibility(text, "gb18030"), _plausibility(text, "cp950"))
        if score > best_score:
            best, best_score = DecodedText(text, codec), score
    return best


def _decode_strict(data: bytes, hint: str | None) -> DecodedText | None:
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if hint:
        codec = _codec_for(hint)
        if codec and codec != "utf-8":
            try:
                return DecodedText(data.decode(codec), _display_name(codec))
            except (UnicodeDecodeError, LookupError):
                pass
    candidates = []
    for codec in ("gb18030", "cp950", "big5hkscs"):
        try:
            candidates.append((codec, data.decode(codec)))
        except UnicodeDecodeError:
            continue
    if not candidates:
        return None
    scores = [_plausibility(text, codec) for codec, text in candidates]
    best = max(range(len(candidates)), key=scores.__getitem__)  # the first best, as max() picks
    best_codec, best_text = candidates[best]
    if scores[best] < 0.5:
        # Neither reading gives mostly common characters: let charset-normalizer judge.
        return None
    return DecodedText(best_text, _display_name(best_codec))


def _decode_lenient(data: bytes, path: str) -> DecodedText:
    """Bytes that no Chinese encoding reads cleanly: a few damaged sequences in an otherwise
    good file (a cut download, one stray byte) are replaced with a warning; otherwise
    charset-normalizer judges; otherwise the file is undecodable."""
    for codec, judge in (("utf-8", None), ("gb18030", "gb18030"), ("cp950", "cp950")):
        text = data.decode(codec, errors="replace")
        bad = text.count("\ufffd")
        if bad > max(2, len(text) // 1000):
            continue
        score = (max(_plausibility(text, "gb18030"), _plausibility(text, "cp950")) if judge is None
                 else _plausibility(text, judge))
        if score >= 0.5:
            return DecodedText(text, _display_name(codec),
                               [f"{bad} damaged byte sequence(s) replaced with \ufffd"])
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding:
        text = str(best)
        if _plausibility(text, "gb18030") >= 0.5 or _mostly_ascii(text):
            return DecodedText(text, _display_name(best.encoding))
    raise ReviewerError("undecodable", path=path)


def _checked(decoded: DecodedText, path: str) -> DecodedText:
    """Refuse decoded text that is mostly control characters (binary data that happened to decode)."""
    text = decoded.text
    sample = text[:200_000]
    if sample:
        controls = len(_CONTROL_CHARS.findall(sample))
        if controls > max(4, len(sample) * _MAX_CONTROL_SHARE):
            raise ReviewerError("binary_file", path=path)
        if "\x00" in text:
            nuls = text.count("\x00")
            decoded.text = text.replace("\x00", "")
            decoded.warnings.append(f"removed {nuls} NUL character(s)")
    return decoded


def _plausibility(text: str, codec: str) -> float:
    """Share of the Han characters that are among the frequent ones of the encoding's own table.

    GB2312 level 1 (lead byte B0–D7) holds the 3,755 most used mainland characters; Big5 level 1
    (lead byte A4–C6) the 5,401 most used traditional ones.  Text decoded with the wrong table
    lands mostly outside those blocks, in rare characters, symbols and private-use code points.
    """
    big5 = codec in ("cp950", "big5hkscs", "big5")
    han = frequent = 0
    # Each distinct character is judged once (a report uses a few thousand), counted in C.
    for ch, count in Counter(text[:50_000]).items():
        if ch < "\u0080":
            continue
        han += count
        try:
            raw = ch.encode("cp950" if big5 else "gb2312")
        except UnicodeEncodeError:
            continue
        if len(raw) == 2:
            if big5 and 0xA1 <= raw[0] <= 0xC6:
                frequent += count
            elif not big5 and (0xB0 <= raw[0] <= 0xD7 or 0xA1 <= raw[0] <= 0xA3):
                frequent += count
    if han == 0:
        return 1.0
    return frequent / han


def _mostly_ascii(text: str) -> bool:
    sample = text[:50_000]
    return bool(sample) and sum(1 for ch in sample if ch < "\u0080") > 0.95 * len(sample)


def _codec_for(name: str) -> str | None:
    try:
        info = codecs.lookup(name.strip().lower())
    except (LookupError, ValueError):
        return None
    if not getattr(info, "_is_text_encoding", True):
        return None  # "zlib", "base64", "rot13": a page may declare them, they decode no text
    codec = info.name
    # Declared GB2312/GBK files routinely contain GB18030-only characters; Big5 likewise cp950.
    return {"gb2312": "gb18030", "gbk": "gb18030", "big5": "cp950"}.get(codec, codec)


def _display_name(codec: str) -> str:
    name = codec.lower().replace("_", "-")
    return {"cp950": "big5", "big5hkscs": "big5-hkscs", "utf-8": "utf-8"}.get(name, name)
