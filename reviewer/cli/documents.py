"""``export --memo`` and ``export --annotated``: the Word documents an office sends on, with a
line for each saying where it went (and, for the annotated copy, what could not be placed)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from reviewer.messages import render


def export_documents(lib: Any, doc_uuids: list[str] | None, memo: Path | None, annotated: Path | None,
                     language: str) -> Iterator[str]:
    """Write the memo and/or the annotated copy; yields one message per file written."""
    if memo is not None:
        from reviewer.export.memo import export_memo

        yield render("exported_memo", path=str(export_memo(lib, memo, doc_uuids, language)))
    if annotated is not None and doc_uuids:
        from reviewer.export.annotated_docx import export_annotated

        result = export_annotated(lib, doc_uuids[0], annotated, language)
        yield render("exported_annotated", path=str(result.path), count=result.total)
        if not result.from_source:
            yield render("annotated_from_text")
        if result.unplaced:
            yield render("annotated_unplaced", count=len(result.unplaced), quotes="、".join(result.unplaced[:5]))
