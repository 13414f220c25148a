"""Open a report file of any supported format and return a cleaned ``Document``.

The file's content decides the reader where it is unambiguous (a PDF or a Word file saved
with the wrong extension still opens); otherwise the extension does.  Every failure a user can
cause (a missing path, a folder, an empty, binary, damaged, scanned or huge file) becomes a
``ReviewerError`` with a message in the user's language, never a traceback.

Size limits: 32 MB for text and HTML files and 64 MB for Word and PDF files (which carry images).
A long annual report is well under 1 MB of text; the limits only stop a wrong file (a log, a
database dump, a scanned archive) from freezing the application.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import stat
import zipfile
from pathlib import Path

from reviewer.load import cleaning, script
from reviewer.load.encodings import OLE_MAGIC, decode_text
from reviewer.messages import ReviewerError
from reviewer.model import Document

MB = 1024 * 1024
MAX_TEXT_BYTES = 32 * MB
MAX_CONTAINER_BYTES = 64 * MB
# Text extracted from a Word or PDF file is held to the same bound as a text file.
MAX_TEXT_CHARS = MAX_TEXT_BYTES

TEXT_EXTENSIONS = {".txt", ".text", ".md", ".csv", ".log", ""}
HTML_EXTENSIONS = {".html", ".htm", ".xhtml", ".shtml"}
MHT_EXTENSIONS = {".mht", ".mhtml"}
DOCX_EXTENSIONS = {".docx", ".docm", ".dotx", ".dotm"}
PDF_EXTENSIONS = {".pdf"}
LEGACY_EXTENSIONS = {".doc", ".dot", ".wps", ".xls", ".et", ".ppt"}


def load_document(path: str | Path) -> Document:
    """Read, extract, clean: the Document every finder and the viewer work on."""
    p = Path(path)
    try:
        exists, is_dir = p.exists(), p.is_dir()
    except (OSError, ValueError) as exc:  # a path with a NUL byte, a too-long name
        raise ReviewerError("unreadable", path=str(p), reason=str(exc)) from None
    if not exists:
        raise ReviewerError("file_missing", path=str(p))
    if is_dir:
        raise ReviewerError("is_directory", path=str(p))
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; what is opened is checked, not
        # the name (which could be swapped in between).
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise ReviewerError("unreadable", path=str(p), reason=exc.strerror or str(exc)) from None
    with os.fdopen(fd, "rb") as handle:
        try:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise ReviewerError("not_regular_file", path=str(p))
            head = handle.read(2048)
            ext = p.suffix.lower()
            kind = sniff_format(head, ext)
            limit = MAX_CONTAINER_BYTES if kind in ("docx", "pdf") else MAX_TEXT_BYTES
            if info.st_size > limit:
                raise ReviewerError("too_large", path=str(p), size=f"{info.st_size / MB:.1f}", limit=limit // MB)
            data = head + handle.read(limit + 1 - len(head))  # bounded: the file may grow meanwhile
        except OSError as exc:
            raise ReviewerError("unreadable", path=str(p), reason=exc.strerror or str(exc)) from None
    if len(data) > limit:
        raise ReviewerError("too_large", path=str(p), size=f"> {limit // MB}", limit=limit // MB)
    if not data.strip():
        raise ReviewerError("empty_file", path=str(p))
    return document_from_bytes(data, str(p), kind, ext)


def sniff_format(head: bytes, ext: str) -> str:
    """'txt', 'html', 'mht', 'docx', 'pdf', 'rtf', 'legacy' or 'unknown', from the first bytes
    and the extension."""
    if head.lstrip(b"\xef\xbb\xbf \t\r\n\x00").startswith(b"%PDF-") or (
            ext not in TEXT_EXTENSIONS and b"%PDF-" in head[:1024]):
        return "pdf"  # a text file may mention "%PDF-"; only a PDF starts with it
    if head.startswith(OLE_MAGIC):
        return "legacy"
    if head.startswith(b"PK\x03\x04"):
        # Word, or another zip (.odt, .xlsx, an archive): the package's contents decide.
        return "docx" if ext in DOCX_EXTENSIONS else "unknown"
    if head.lstrip().startswith(b"{\\rtf"):
        return "rtf"
    if ext in MHT_EXTENSIONS or head.lstrip()[:200].lower().startswith(b"mime-version:"):
        return "mht"
    if ext in DOCX_EXTENSIONS:
        return "docx"  # not a zip: the reader reports it as damaged
    if ext in PDF_EXTENSIONS:
        return "pdf"
    if ext in LEGACY_EXTENSIONS:
        return "legacy"
    if ext in HTML_EXTENSIONS or _looks_like_html(head):
        return "html"
    return "txt" if ext in TEXT_EXTENSIONS else "unknown"


def _looks_like_html(head: bytes) -> bool:
    """An HTML page, or a fragment of one saved as text (many block tags at the start)."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:200].lower()
    if start.startswith((b"<!doctype html", b"<html", b"<?xml")) and b"<html" in head.lower():
        return True
    return len(_HTML_TAG.findall(head)) >= 5


_HTML_TAG = re.compile(rb"<(?:p|br|div|span|td|tr|table|li|a|strong|font)\b[^<>]{0,200}>", re.I)


def document_from_bytes(data: bytes, path: str, kind: str, ext: str = "") -> Document:
    """Extract and clean the text of ``data`` read as ``kind`` (see ``sniff_format``)."""
    warnings: list[str] = []
    encoding: str | None
    if kind == "legacy":
        raise ReviewerError("legacy_office", path=path)
    if kind == "rtf":
        raise ReviewerError("unsupported_format", path=path, ext=ext or ".rtf")
    if kind == "unknown" and data.startswith(b"PK\x03\x04") and _is_word_package(data):
        kind = "docx"  # a Word file saved under another extension
    if kind == "docx":
        from reviewer.load.docx_text import docx_text

        raw, encoding, fmt = docx_text(data, path, MAX_TEXT_CHARS), None, "docx"
    elif kind == "pdf":
        from reviewer.load.pdf_text import pdf_text

        try:
            (raw, warnings), encoding, fmt = pdf_text(data, path, MAX_TEXT_CHARS), None, "pdf"
        except ReviewerError as exc:
            if exc.code != "bad_pdf" or ext not in TEXT_EXTENSIONS:
                raise
            # A text file that starts with "%PDF-" (notes about PDFs) but is no PDF: its text.
            return document_from_bytes(data, path, "pdf-as-txt", ext)
    elif kind == "html":
        from reviewer.load.html_text import html_text

        raw, encoding, warnings = html_text(data, path, MAX_TEXT_CHARS)
        fmt = "html"
    elif kind == "mht":
        from reviewer.load.html_text import mht_text

        raw, encoding, warnings = mht_text(data, path, MAX_TEXT_CHARS)
        fmt = "html"
    else:
        try:
            decoded = decode_text(data, path, pdf_header_is_text=kind == "pdf-as-txt")
        except ReviewerError as exc:
            if kind == "unknown" and exc.code in ("binary_file", "undecodable"):
                raise ReviewerError("unsupported_format", path=path, ext=ext or "?") from None
            raise
        raw, encoding, warnings, fmt = decoded.text, decoded.encoding, decoded.warnings, "txt"
    if len(raw) > MAX_TEXT_CHARS:
        raise ReviewerError("too_large", path=path, size=f"{len(raw.encode('utf-8', 'replace')) / MB:.1f}",
                            limit=MAX_TEXT_BYTES // MB)
    text = cleaning.normalise(raw)
    if not text.strip():
        raise ReviewerError("no_text", path=path)
    document = document_from_text(text, path, hashlib.sha256(data).hexdigest(), fmt, encoding)
    document.warnings.extend(warnings)
    return document


def _is_word_package(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def document_from_text(text: str, path: str = "<text>", sha256: str | None = None,
                       fmt: str = "txt", encoding: str | None = "utf-8") -> Document:
    """A Document over already-normalised text (tests, pasted text, the GUI's samples).

    ``analysis_text`` is ``script.analysis_form(text)``: Simplified script with full-width ASCII
    forms folded, the same length as ``text``."""
    simplified = script.analysis_form(text)
    # the text's own digest only when the caller has none (a loaded file passes its bytes')
    digest = sha256 or hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return Document(path=path, sha256=digest,
                    format=fmt, encoding=encoding, text=text, analysis_text=simplified,
                    script=script.detect_script(text, simplified))
