"""The one pure entry point: ``analyze(document) -> Analysis``.

Each finder reads ``document.analysis_text`` (Simplified, same length as the shown text) and
returns spans into ``document.text``.  Order matters only where a finder uses another's output.
"""

from __future__ import annotations

import gc
from collections.abc import Callable

from reviewer.analysis import citations, figures, metadata, outline
from reviewer.checks import figure_checks, outline_checks
from reviewer.model import Analysis, Document, Metadata

# ``analyze``'s optional ``step(name, partial)``: told after the outline, after the figures and
# at the end, so that a window can show each part while the rest is still being found.
Step = Callable[[str, Analysis], None]


def analyze(document: Document, step: Step | None = None) -> Analysis:
    """The outline, citations, metadata, figures and checks of ``document``.

    The finders make many small objects (figures, tokens, placed figures) and no reference
    cycles; the cyclic garbage collector is paused while they run, as ``html_to_text`` does:
    its full passes rescan every figure found so far, which made a 5 MB report cost ~12% more
    per character than a 1 MB one."""
    paused = gc.isenabled()
    gc.disable()
    try:
        return _analyze(document, step)
    finally:
        if paused:
            gc.enable()


def _analyze(document: Document, step: Step | None) -> Analysis:
    sections = outline.find_sections(document)
    if step is not None:
        step("outline", Analysis(document=document, metadata=Metadata(), sections=sections, figures=[],
                                 citations=[], checks=[]))
    cites = citations.find_citations(document)
    meta = metadata.find_metadata(document, sections)
    figs = figures.find_figures(document, sections, cites, meta)
    if step is not None:
        step("figures", Analysis(document=document, metadata=meta, sections=sections, figures=figs,
                                 citations=list(cites), checks=[]))
    checks, advisories = outline_checks.find_outline_checks(document, meta, sections)
    checks += figure_checks.find_figure_checks(document, sections, figs, meta.report_year)
    for number, check in enumerate(checks + advisories, start=1):
        check.id = number
    for number, citation in enumerate(cites, start=1):
        citation.id = number
    result = Analysis(document=document, metadata=meta, sections=sections, figures=figs,
                      citations=cites, checks=checks, advisories=advisories)
    if step is not None:
        step("checks", result)
    return result
