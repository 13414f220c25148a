"""The analysis grows linearly with the report, counted in work, not timed.

Timing tests flake on a busy machine; counting does not.  The bundled sample (dense with
figures) is analysed two and four times over: every line of the core executed, and the calls of
the functions that once hid an all-pairs loop or a walk over every character, may at most about
double when the text doubles.  A quadratic step (comparing every pair of figures, as the repeat
check once did) makes its count grow fourfold and fails here at once.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

from reviewer.analysis import figures, pos_tokens
from reviewer.load.dispatch import document_from_text
from reviewer.pipeline import analyze

SAMPLE = Path(__file__).resolve().parents[1] / "resources" / "samples" / "sample_fazhi_2023.txt"
# Invented reports with tables, shares, changes and spanning lists: what the sample lacks.
_FIXTURES = Path(__file__).resolve().parent / "fixtures"
CHECK_FIXTURES = sorted((_FIXTURES / "checks").glob("*.txt")) + sorted(
    p for p in _FIXTURES.glob("heldout*/reports/*.txt") if "|" in p.read_text(encoding="utf-8"))
CORE = str(Path(__file__).resolve().parents[1] / "reviewer")
# Functions whose calls are counted one by one, besides the lines of the whole core.
HOT = ("_transposed_variants", "_inner_modifier", "_transposed", "_swaps", "own_label", "place_figures",
       "place_figures_both", "_opened_after", "_run_from", "_continues", "_field_lists", "_period", "narrowed",
       "sentence_starts", "_bracket_depth", "_quantity_at", "_stands_alone", "label", "tokens",
       "find_conflicting_repeats", "find_sum_mismatches", "_normalise",
       # the checks merged later: shares, spanning lists, table sums, changes, tables as text
       "find_share_mismatches", "_distant_rates", "_prose_groups", "_table_groups", "_in_cell",
       "_sentence_total", "_window", "_sentence_of", "_part_rates", "find_spanning_mismatches",
       "_spanning_list", "_narrower_exceeds", "find_table_sum_mismatches", "_content", "_quoted_total",
       "find_change_mismatches", "_amount_and_rate", "_two_years", "_stated_amount", "table_cells",
       "cell_labels", "_line_tables", "_short_line_runs", "_row", "_cell", "_combine",
       # the scans that replaced a regex search at every character or a search per word
       "anchored_matches", "_next_number", "_first_opener", "_glossed_before", "_take_magnitude")
# Doubling the text may cost a little more than twice (a longer document has a few more
# headings to look back over); a quadratic step would cost four times.
MAX_GROWTH = 2.3


def _work(text: str) -> tuple[int, Counter]:
    """Lines of the core executed while analysing ``text``, and the calls of the hot functions."""
    document = document_from_text(text)
    pos_tokens.clear_caches()  # no window segmented for an earlier text is reused
    analyze(document)  # jieba and the tables loaded before counting
    pos_tokens.clear_caches()
    figures._parse_number.cache_clear()
    lines = 0
    calls: Counter = Counter()

    def tracer(frame, event, arg):
        nonlocal lines
        if not frame.f_code.co_filename.startswith(CORE):
            return None
        if event == "call" and frame.f_code.co_name in HOT:
            calls[frame.f_code.co_name] += 1
        lines += 1
        return tracer

    sys.settrace(tracer)
    try:
        analyze(document)
    finally:
        sys.settrace(None)
    return lines, calls


@pytest.mark.skipif(not SAMPLE.is_file(), reason="the bundled sample is missing")
def test_doubling_the_report_at_most_doubles_the_work():
    sample = SAMPLE.read_text(encoding="utf-8")
    small_lines, small_calls = _work("\n".join([sample] * 2))
    large_lines, large_calls = _work("\n".join([sample] * 4))
    assert large_lines <= MAX_GROWTH * small_lines, (small_lines, large_lines)
    grown = {name: (small_calls[name], large_calls[name]) for name in large_calls
             if large_calls[name] > MAX_GROWTH * max(small_calls[name], 1) and large_calls[name] > 4}
    assert not grown, f"calls more than doubled (2 copies, 4 copies): {grown}"


@pytest.mark.skipif(not CHECK_FIXTURES, reason="the check fixtures are missing")
def test_the_later_checks_grow_linearly_too():
    """The fixtures of the checks (tables, shares, changes, lists) one, two and four times over:
    each further copy costs what the second one did (a small text has a fixed part, so the
    marginal cost per copy is compared, not the totals); an all-pairs step would make the third
    and fourth copies cost more than the second."""
    unit = "\n".join(p.read_text(encoding="utf-8") for p in CHECK_FIXTURES)
    (one, one_calls), (two, two_calls), (four, four_calls) = (
        _work("\n".join([unit] * k)) for k in (1, 2, 4))
    assert (four - two) / 2 <= 1.15 * (two - one), (one, two, four)
    later = ("find_share_mismatches", "find_spanning_mismatches", "find_table_sum_mismatches",
             "find_change_mismatches", "table_cells", "_row", "_sentence_of", "_window")
    assert all(one_calls[name] for name in later), {name: one_calls[name] for name in later}
    grown = {name: (one_calls[name], two_calls[name], four_calls[name]) for name in four_calls
             if (four_calls[name] - two_calls[name]) / 2 > 1.15 * (two_calls[name] - one_calls[name]) + 1}
    assert not grown, f"each further copy costs more than the second (1, 2, 4 copies): {grown}"
