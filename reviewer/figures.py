"""Every stated quantity with value, unit, kind and label (placeholder; built in its own change)."""

from __future__ import annotations

from reviewer.model import Citation, Document, Figure, Metadata, Section


def find_figures(document: Document, sections: list[Section], citations: list[Citation],
                 metadata: Metadata) -> list[Figure]:
    return []
