"""Cited titles in 《》 and document numbers (placeholder; built in its own change)."""

from __future__ import annotations

from reviewer.model import Citation, Document


def find_citations(document: Document) -> list[Citation]:
    return []
