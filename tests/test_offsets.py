"""Code points (the core) against UTF-16 units (Qt): one conversion, exact around 𠀀 and emoji."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ui.offsets import OffsetMap


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def test_pure_bmp_text_maps_by_identity():
    text = "某某区2023年受理投诉举报4826件,增长8.6%。"
    offsets = OffsetMap(text)
    assert offsets.is_identity
    assert [offsets.to_utf16(i) for i in range(len(text) + 1)] == list(range(len(text) + 1))
    assert offsets.to_cp(7) == 7


def test_spans_after_astral_characters_shift_by_one_unit_each():
    text = "甲𠀀乙😀丙4826件"
    offsets = OffsetMap(text)
    start = text.index("4826")
    assert start == 5
    # 𠀀 and 😀 each take two UTF-16 units: the figure starts at unit 7, not 5.
    assert offsets.span_to_utf16(start, start + 4) == (7, 11)
    assert text.encode("utf-16-le")[14:22].decode("utf-16-le") == "4826"
    assert offsets.span_to_cp(7, 11) == (5, 9)


def test_position_inside_a_surrogate_pair_maps_to_its_character():
    text = "a😀b"
    offsets = OffsetMap(text)
    assert offsets.to_cp(1) == 1
    assert offsets.to_cp(2) == 1  # the low surrogate of 😀
    assert offsets.to_cp(3) == 2
    assert offsets.span_to_cp(0, 2) == (0, 2)  # a selection ending mid-pair keeps the emoji


def test_offsets_are_clamped_to_the_text():
    offsets = OffsetMap("𠀀x")
    assert offsets.to_utf16(-3) == 0
    assert offsets.to_utf16(99) == 3
    assert offsets.to_cp(99) == 2


@given(st.text(alphabet=st.sampled_from(["a", "中", "𠀀", "😀", "\n", "é"]), max_size=60))
def test_round_trip_matches_python_utf16_encoding(text):
    offsets = OffsetMap(text)
    assert offsets.utf16_length == _utf16_len(text)
    for cp in range(len(text) + 1):
        u16 = offsets.to_utf16(cp)
        assert u16 == _utf16_len(text[:cp])
        assert offsets.to_cp(u16) == cp


def test_qt_cursor_selects_the_same_characters_as_the_core_span(qapp):
    from ui.qt import QTextCursor, QTextDocument

    text = "前言𠀀说明😀\n受理投诉举报4826件,其中食品类1532件。"
    doc = QTextDocument()
    doc.setPlainText(text)
    offsets = OffsetMap(text)
    for figure in ("4826件", "1532件"):
        start = text.index(figure)
        u_start, u_end = offsets.span_to_utf16(start, start + len(figure))
        cursor = QTextCursor(doc)
        cursor.setPosition(u_start)
        cursor.setPosition(u_end, QTextCursor.MoveMode.KeepAnchor)
        assert cursor.selectedText() == figure
        # The naive mapping (code points used as Qt positions) lands two units early.
        cursor.setPosition(start)
        cursor.setPosition(start + len(figure), QTextCursor.MoveMode.KeepAnchor)
        assert cursor.selectedText() != figure


def test_astral_characters_are_found_in_any_slice_of_a_long_text():
    """The check scans a long text a slice at a time (one ``max`` over 5 MB held the window's
    interpreter lock for 40 ms): a character beyond U+FFFF is found wherever it is."""
    from ui import offsets

    step = offsets._SCAN_SLICE
    plain = "报告" * step
    assert not offsets.has_astral(plain) and not offsets.has_astral("") and not offsets.has_astral("abc")
    for at in (0, step - 1, step, len(plain) - 1):
        text = plain[:at] + "𠀀" + plain[at + 1:]
        assert offsets.has_astral(text), at
        assert OffsetMap(text).to_utf16(len(text)) == len(text) + 1
