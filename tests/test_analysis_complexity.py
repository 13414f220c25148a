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
CORE = str(Path(__file__).resolve().parents[1] / "reviewer")
# Functions whose calls are counted one by one, besides the lines of the whole core.
HOT = ("_transposed_variants", "_inner_modifier", "_transposed", "_swaps", "own_label", "place_figures",
       "sentence_starts", "_bracket_depth", "_quantity_at", "_stands_alone", "label", "tokens",
       "find_conflicting_repeats", "find_sum_mismatches", "_normalise")
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
