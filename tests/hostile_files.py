"""Generators of hostile inputs, each built small on disk (bombs included) in a given folder.

Shared by ``tests/test_hostile_inputs.py`` and ``tests/bench/bench_hostile.py``.  Each generator
returns the command-line arguments that feed the input to the program (``{db}`` is replaced by
the library's path); ``EXPECT`` says whether the input must be refused (exit 1 with a message)
or must open (exit 0), and which words the message must hold.
"""

from __future__ import annotations

import os
import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REPORT_LINE = "二〇二三年，本区共办理行政复议案件120件，同比增长15%。"

_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Default Extension="bin" ContentType="application/octet-stream"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
</Types>"""
_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""
_DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
</Relationships>"""


def _paragraph(text: str, ilvl: int | None = None) -> str:
    numbering = (f'<w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="1"/></w:numPr></w:pPr>'
                 if ilvl is not None else "")
    return f"<w:p>{numbering}<w:r><w:t>{text}</w:t></w:r></w:p>"


def make_docx(path: Path, paragraphs: list[str], levels: str = "", extra: Callable[[zipfile.ZipFile], None] | None = None) -> Path:
    """A minimal Word package: document, numbering with ``levels`` (``w:lvl`` elements)."""
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}">'
                f"<w:body>{''.join(paragraphs)}</w:body></w:document>")
    numbering = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="{W_NS}">'
                 f'<w:abstractNum w:abstractNumId="0">{levels}</w:abstractNum>'
                 f'<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/_rels/document.xml.rels", _DOC_RELS)
        z.writestr("word/document.xml", document)
        z.writestr("word/numbering.xml", numbering)
        if extra is not None:
            extra(z)
    return path


def _level(ilvl: int, start: int, fmt: str, text: str) -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/></w:lvl>')


def docx_counter_bomb(folder: Path) -> list[str]:
    """A 2,600,000,000 list start in lowerLetter: 100 M letters per label before the fix."""
    path = make_docx(folder / "counter.docx", [_paragraph(REPORT_LINE, 0) for _ in range(50)],
                     _level(0, 2_600_000_000, "lowerLetter", "%1."))
    return ["import", str(path), "--db", "{db}"]


def docx_level_nine(folder: Path) -> list[str]:
    """List level 9 (Word shows 0-8): was refused as a damaged file."""
    levels = "".join(_level(i, 1, "decimal", f"%{min(i + 1, 9)}.") for i in range(11))
    path = make_docx(folder / "level9.docx", [_paragraph(REPORT_LINE, 9), _paragraph(REPORT_LINE, 10)], levels)
    return ["import", str(path), "--db", "{db}"]


def docx_ratio_bomb(folder: Path) -> list[str]:
    """A part that inflates 1000-fold (64 MB of zeros in 64 KB)."""
    def zeros(z: zipfile.ZipFile) -> None:
        with z.open("word/media/image1.bin", "w") as out:
            chunk = bytes(1 << 20)
            for _ in range(64):
                out.write(chunk)

    path = make_docx(folder / "ratio.docx", [_paragraph(REPORT_LINE)], extra=zeros)
    return ["import", str(path), "--db", "{db}"]


def docx_huge_xml(folder: Path) -> list[str]:
    """A document.xml that declares 60 MB (compressible whitespace inside the body)."""
    filler = " " * (60 * 1024 * 1024)
    path = make_docx(folder / "hugexml.docx", [_paragraph(REPORT_LINE), filler])
    return ["import", str(path), "--db", "{db}"]


def fifo_report(folder: Path) -> list[str]:
    path = folder / "report.txt"
    os.mkfifo(path)
    return ["import", str(path), "--db", "{db}"]


def dev_zero_report(folder: Path) -> list[str]:
    return ["analyze", "--format", "text", "/dev/zero"]


def fifo_db(folder: Path) -> list[str]:
    path = folder / "fifo.db"
    os.mkfifo(path)
    return ["list", "--db", str(path)]


def fifo_merge(folder: Path) -> list[str]:
    path = folder / "other.db"
    os.mkfifo(path)
    return ["merge", str(path), "--db", "{db}"]


def dev_zero_merge(folder: Path) -> list[str]:
    return ["merge", "/dev/zero", "--db", "{db}"]


def html_zlib_charset(folder: Path) -> list[str]:
    path = folder / "zlib.html"
    body = f"<p>{REPORT_LINE}</p>" * 5
    path.write_bytes(f'<html><head><meta charset="zlib"></head><body>{body}</body></html>'.encode("gb18030"))
    return ["import", str(path), "--db", "{db}"]


def txt_starting_with_pdf(folder: Path) -> list[str]:
    path = folder / "notes.txt"
    path.write_text("%PDF-1.7 是常见的文件格式。\n" + REPORT_LINE * 3 + "\n", encoding="utf-8")
    return ["import", str(path), "--db", "{db}"]


def mht_deep(folder: Path) -> list[str]:
    """5,000 nested multipart containers."""
    depth = 5000
    parts = ["MIME-Version: 1.0\n"]
    for i in range(depth):
        parts.append(f'Content-Type: multipart/related; boundary="b{i}"\n\n--b{i}\n')
    parts.append("Content-Type: text/html; charset=utf-8\n\n<p>" + REPORT_LINE + "</p>\n")
    parts.extend(f"--b{i}--\n" for i in reversed(range(depth)))
    path = folder / "deep.mht"
    path.write_text("".join(parts), encoding="utf-8")
    return ["analyze", "--format", "text", str(path)]  # import takes no .mht


def pdf_many_pages(folder: Path) -> list[str]:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(3_001):
        writer.add_blank_page(72, 72)
    path = folder / "pages.pdf"
    with open(path, "wb") as out:
        writer.write(out)
    return ["import", str(path), "--db", "{db}"]


def text_pdf(path: Path, text: str, encrypt: str | None = None) -> Path:
    """A one-page PDF with an ASCII text layer (Helvetica), optionally AES-encrypted with an
    empty user password and an owner password."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    font = DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject("/Helvetica")})
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): DictionaryObject(
        {NameObject("/F1"): writer._add_object(font)})})
    lines = "".join(f"BT /F1 10 Tf 40 {800 - 14 * i} Td ({line}) Tj ET\n" for i, line in enumerate(text.splitlines()))
    stream = DecodedStreamObject()
    stream.set_data(lines.encode("latin-1"))
    page[NameObject("/Contents")] = writer._add_object(stream)
    if encrypt:
        writer.encrypt(user_password="", owner_password="owner-secret", algorithm=encrypt)
    with open(path, "wb") as out:
        writer.write(out)
    return path


def pdf_aes_owner_only(folder: Path) -> list[str]:
    text = "\n".join(f"Annual report line {i}: 120 cases handled, up 15 percent." for i in range(20))
    path = text_pdf(folder / "aes.pdf", text, encrypt="AES-256")
    return ["import", str(path), "--db", "{db}"]


def foreign_sqlite(folder: Path) -> list[str]:
    """Another application's database that happens to have a ``schema_version`` table."""
    path = folder / "other-app.db"
    conn = sqlite3.connect(path)
    conn.executescript("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TEXT, note TEXT);"
                       "INSERT INTO schema_version VALUES (1, '2024', 'theirs');"
                       "CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT);"
                       "INSERT INTO accounts (name) VALUES ('keep me');")
    conn.close()
    return ["list", "--db", str(path)]


def foreign_version_string(folder: Path) -> list[str]:
    path = folder / "version.db"
    conn = sqlite3.connect(path)
    conn.executescript("CREATE TABLE schema_version (version, applied_at TEXT, note TEXT);"
                       "INSERT INTO schema_version VALUES ('2.0-beta', '2024', 'theirs');")
    conn.close()
    return ["list", "--db", str(path)]


def pdf_90k_pages(folder: Path) -> list[str]:
    """The issue's 90,000-page PDF (166 s and 1.4 GB before it was refused); about 10 s to build."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(90_000):
        writer.add_blank_page(72, 72)
    path = folder / "pages90k.pdf"
    with open(path, "wb") as out:
        writer.write(out)
    return ["analyze", "--format", "text", str(path)]


def html_300k_cells(folder: Path) -> list[str]:
    """The issue's page of 300,000 table cells (52 s before)."""
    rows = "".join("<tr>" + "".join(f"<td>格{i}-{j}</td>" for j in range(10)) + "</tr>" for i in range(30_000))
    path = folder / "cells.html"
    path.write_text(f"<html><body><table>{rows}</table></body></html>", encoding="utf-8")
    return ["analyze", "--format", "text", str(path)]


def html_tag_flood(folder: Path) -> list[str]:
    """30 MB of table cells in one row, 6 million elements (over two minutes and 2.6 GB before)."""
    path = folder / "flood.html"
    with open(path, "wb") as out:
        out.write(b"<html><body><table><tr>")
        out.write(b"<td>1" * 6_000_000)
        out.write(b"</table></body></html>")
    return ["analyze", "--format", "text", str(path)]


# Slow to build or to run: the benchmark only.
BENCH_ONLY = {
    "pdf_90k_pages": (pdf_90k_pages, "refused", ("90,000 pages",), 30),
    "html_300k_cells": (html_300k_cells, "opens", (), 120),
}

# name -> (generator, expected outcome, words the English message must hold, time limit in s)
EXPECT: dict[str, tuple[Callable[[Path], list[str]], str, tuple[str, ...], float]] = {
    "docx_counter_bomb": (docx_counter_bomb, "opens", (), 30),
    "docx_level_nine": (docx_level_nine, "opens", (), 30),
    "docx_ratio_bomb": (docx_ratio_bomb, "refused", ("inflate",), 30),
    "docx_huge_xml": (docx_huge_xml, "refused", ("inflate",), 30),
    "fifo_report": (fifo_report, "refused", ("not a regular file",), 20),
    "dev_zero_report": (dev_zero_report, "refused", ("not a regular file",), 20),
    "fifo_db": (fifo_db, "refused", ("not a regular file",), 20),
    "fifo_merge": (fifo_merge, "refused", ("not a regular file",), 20),
    "dev_zero_merge": (dev_zero_merge, "refused", ("not a regular file",), 20),
    "html_zlib_charset": (html_zlib_charset, "opens", (), 30),
    "txt_starting_with_pdf": (txt_starting_with_pdf, "opens", (), 30),
    "mht_deep": (mht_deep, "refused", ("nested too deeply",), 30),
    "pdf_many_pages": (pdf_many_pages, "refused", ("3,001 pages",), 30),
    "pdf_aes_owner_only": (pdf_aes_owner_only, "opens", (), 30),
    "html_tag_flood": (html_tag_flood, "refused", ("500,000 elements",), 20),
    "foreign_sqlite": (foreign_sqlite, "refused", ("not a Report Reviewer library",), 20),
    "foreign_version_string": (foreign_version_string, "refused", ("2.0-beta",), 20),
}
