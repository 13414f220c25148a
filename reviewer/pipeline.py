"""The one pure entry point: ``analyze(document) -> Analysis``.

Each finder reads ``document.analysis_text`` (Simplified, same length as the shown text) and
returns spans into ``document.text``.  Order matters only where a finder uses another's output.
"""

from __future__ import annotations

from reviewer.analysis import citations, figures, metadata, outline
from reviewer.checks import figure_checks, outline_checks
from reviewer.model import Analysis, Document


def analyze(document: Document) -> Analysis:
    sections = outline.find_sections(document)
    cites = citations.find_citations(document)
    meta = metadata.find_metadata(document, sections)
    figs = figures.find_figures(document, sections, cites, meta)
    checks, advisories = outline_checks.find_outline_checks(document, meta, sections)
    checks += figure_checks.find_figure_checks(document, sections, figs, meta.report_year)
    for number, check in enumerate(checks + advisories, start=1):
        check.id = number
    for number, citation in enumerate(cites, start=1):
        citation.id = number
    return Analysis(document=document, metadata=meta, sections=sections, figures=figs,
                    citations=cites, checks=checks, advisories=advisories)
