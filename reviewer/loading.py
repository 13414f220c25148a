"""Open a report file of any supported format and return a cleaned ``Document``.

Placeholder: plain text only; the full loader (encodings, docx, pdf, html) is its own change.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from charset_normalizer import from_bytes

from reviewer import cleaning, script
from reviewer.messages import ReviewerError
from reviewer.model import Document


def load_document(path: str | Path) -> Document:
    p = Path(path)
    if not p.exists():
        raise ReviewerError("file_missing", path=str(p))
    if p.is_dir():
        raise ReviewerError("is_directory", path=str(p))
    data = p.read_bytes()
    if not data:
        raise ReviewerError("empty_file", path=str(p))
    try:
        raw = data.decode("utf-8-sig")
        encoding = "utf-8"
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        if best is None:
            raise ReviewerError("undecodable", path=str(p)) from None
        raw, encoding = str(best), best.encoding
    return document_from_text(cleaning.normalise(raw), str(p), hashlib.sha256(data).hexdigest(),
                              "txt", encoding)


def document_from_text(text: str, path: str = "<text>", sha256: str | None = None,
                       fmt: str = "txt", encoding: str | None = "utf-8") -> Document:
    """A Document over already-normalised text (tests, pasted text, the GUI's samples)."""
    simplified = script.to_simplified(text)
    return Document(path=path, sha256=sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest(),
                    format=fmt, encoding=encoding, text=text, analysis_text=simplified,
                    script=script.detect_script(text, simplified))
