"""Whatever bytes a user opens, loading ends in a Document or a ReviewerError, never another
exception; and every loaded text is already normalised."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewer.load.cleaning import normalise
from reviewer.load.dispatch import document_from_bytes
from reviewer.messages import ReviewerError

PREFIXES = [b"", b"%PDF-1.4\n", b"PK\x03\x04", b"\xef\xbb\xbf", b"\xff\xfe", b"<html><body>",
            "一、工作情况\n".encode("gb18030"), b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"]


@pytest.mark.parametrize("kind", ["txt", "html", "docx", "pdf", "unknown"])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(prefix=st.sampled_from(PREFIXES), body=st.binary(max_size=400))
def test_any_bytes_give_a_document_or_a_clear_error(kind, prefix, body):
    try:
        doc = document_from_bytes(prefix + body, "fuzz", kind, ".x")
    except ReviewerError as exc:
        assert exc.message("en") and exc.message("zh")
        return
    assert doc.text and normalise(doc.text) == doc.text
    assert len(doc.analysis_text) == len(doc.text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_any_text_in_any_common_encoding_loads(text):
    for encoding in ("utf-8", "utf-16", "gb18030"):
        try:
            data = text.encode(encoding)
        except UnicodeEncodeError:
            continue
        try:
            doc = document_from_bytes(data, "fuzz.txt", "txt", ".txt")
        except ReviewerError as exc:
            assert exc.code in ("no_text", "binary_file", "undecodable", "empty_file")
            continue
        assert normalise(doc.text) == doc.text
