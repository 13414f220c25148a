"""Checks on the outline: numbering gaps/repeats and missing required parts (placeholder)."""

from __future__ import annotations

from reviewer.model import Check, Document, Metadata, Section


def find_outline_checks(document: Document, metadata: Metadata,
                        sections: list[Section]) -> tuple[list[Check], list[Check]]:
    """(checks, advisories): numbering gaps/repeats are checks; missing parts are advisories."""
    return [], []
