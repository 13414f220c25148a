"""Section outline by the heading layers of GB/T 9704 (placeholder; built in its own change)."""

from __future__ import annotations

from reviewer.model import Document, Section


def find_sections(document: Document) -> list[Section]:
    return []
