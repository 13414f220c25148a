"""Report metadata: title, issuer, dates, 文号, script (placeholder; built in its own change)."""

from __future__ import annotations

from reviewer.model import Document, Metadata, Section


def find_metadata(document: Document, sections: list[Section]) -> Metadata:
    return Metadata(script=document.script)
