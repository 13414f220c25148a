"""The metadata finder makes only the lines it reads: the same lines as the whole list gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.analysis import metadata
from reviewer.load.dispatch import document_from_text

LINES = st.lists(st.sampled_from(["", " ", "\u3000", "报告", "某某市司法局", "2023年1月8日", "一、总体情况",
                                  "全年办理案件12件。", "  缩进的行  "]), max_size=60).map("\n".join)


@settings(max_examples=300, deadline=None)
@given(LINES, st.booleans(), st.integers(min_value=0, max_value=400))
def test_the_lines_read_are_the_whole_lists(text, trailing, body_start):
    document = document_from_text(text + ("\n" if trailing else ""))
    whole = metadata._lines(document)
    read = metadata._read_lines(document, min(body_start, len(document.text)))
    end = min(body_start, len(document.text))
    assert read[:metadata.HEAD_LINES] == whole[:metadata.HEAD_LINES]
    assert read[-metadata.TAIL_LINES:] == whole[-metadata.TAIL_LINES:]
    assert [line for line in read if line.end <= end] == [line for line in whole if line.end <= end]
