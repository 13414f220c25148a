"""Checks on figures: breakdowns that do not add up, rates that are not their quotient,
and one indicator stated twice with different values.

Each kind lives in its own module (``sums``, ``rates``, ``repeats``); this one
places the figures in their sentences once and runs them in order.  Precision comes first: a
check is emitted only where the structure of the sentence is unambiguous.
"""

from __future__ import annotations

from reviewer.analysis.tables import all_tables, table_cells
from reviewer.checks.changes import find_change_mismatches
from reviewer.checks.context import fold_punctuation, place_figures_both
from reviewer.checks.rates import find_rate_mismatches
from reviewer.checks.repeats import find_conflicting_repeats
from reviewer.checks.shares import find_share_mismatches
from reviewer.checks.spanning import find_spanning_mismatches
from reviewer.checks.sums import find_sum_mismatches
from reviewer.checks.table_sums import find_table_sum_mismatches
from reviewer.model import Check, Document, Figure, Section


def find_figure_checks(document: Document, sections: list[Section], figures: list[Figure],
                       report_year: int | None = None) -> list[Check]:
    """Every disagreement between the figures of ``document``, in the order of their first figure.

    ``report_year`` (from the metadata) tells the repeat check which year is "this year"."""
    text = fold_punctuation(document.analysis_text)
    # ``rough`` also has the rates written 约82%: the rate checks allow them slack
    placed, rough = place_figures_both(text, figures)
    sums, parts = find_sum_mismatches(text, placed)
    checks = sums + find_rate_mismatches(text, rough, parts)
    rated = {c.figures[-1] for c in checks}  # a growth rate ``rates`` has read already
    checks += [c for c in find_change_mismatches(text, placed) if c.figures[-1] not in rated]
    checked = {i for c in checks for i in c.figures}
    # the tables as text, read once for the share and the table sum checks
    cells = table_cells(text)
    tables = all_tables(text)
    checks += [c for c in find_share_mismatches(text, rough, figures, parts, cells, tables)
               if c.figures[-1] not in checked]
    checks += [c for c in find_spanning_mismatches(text, placed) if not checked & set(c.figures)]
    checks += [c for c in find_table_sum_mismatches(text, placed, tables) if not checked & set(c.figures)]
    checks += find_conflicting_repeats(text, placed, report_year, sections)
    starts = {f.id: f.start for f in figures}
    checks.sort(key=lambda c: min((starts.get(i, 0) for i in c.figures), default=0))
    return checks
