"""Checks on figures: sums, rates, conflicting repeats (placeholder; built in its own change)."""

from __future__ import annotations

from reviewer.model import Check, Document, Figure, Section


def find_figure_checks(document: Document, sections: list[Section], figures: list[Figure]) -> list[Check]:
    return []
