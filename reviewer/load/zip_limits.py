"""Bounds on a zip package (a .docx) checked from its directory before any part is inflated.

The size limit on the file only bounds the compressed bytes: a 4 MB Word file can inflate to
4 GB.  The declared sizes are what ``zipfile`` inflates a member to at most, so checking them
(and their ratio to the compressed size) first keeps a decompression bomb from ever being read.
"""

from __future__ import annotations

import io
import zipfile

from reviewer.messages import ReviewerError

MB = 1024 * 1024
MAX_MEMBERS = 10_000
MAX_TOTAL_UNCOMPRESSED = 256 * MB  # text, styles and the pictures of a long report stay far below
MAX_XML_PART = 32 * MB  # one XML part, parsed whole into a tree (a 300-page report: under 10 MB)
MAX_RATIO = 200  # uncompressed / compressed, for parts big enough to matter
RATIO_FLOOR = 1 * MB  # smaller parts may compress as well as they like


def check_zip(data: bytes, path: str) -> None:
    """Refuse (``docx_bomb``) a package whose parts would inflate beyond the bounds above;
    a file that is no zip at all is left to the reader (which calls it damaged)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return
    if len(infos) > MAX_MEMBERS:
        raise ReviewerError("docx_bomb", path=path, reason=f"{len(infos):,} parts")
    total = 0
    for info in infos:
        total += info.file_size
        if info.filename.lower().endswith((".xml", ".rels")) and info.file_size > MAX_XML_PART:
            raise ReviewerError("docx_bomb", path=path,
                                reason=f"{info.filename[:80]}: {info.file_size / MB:,.0f} MB")
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise ReviewerError("docx_bomb", path=path,
                                reason=f"{info.filename[:80]}: {info.file_size // max(info.compress_size, 1):,}×")
    if total > MAX_TOTAL_UNCOMPRESSED:
        raise ReviewerError("docx_bomb", path=path, reason=f"{total / MB:,.0f} MB")
