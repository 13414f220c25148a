"""The checks' readings of a sentence (its starts, a figure's bracket depth, the words before a
figure), now found by regexes, agree with the plain character-by-character definitions."""

from __future__ import annotations

import random

from reviewer.checks import context
from reviewer.model import Figure

ALPHABET = list("法治案件,、。!?\n;:()〔〕[]ab 1\r\t") + ["12件", "3.5万元"]


def _texts(seed: int, count: int = 3000):
    rng = random.Random(seed)
    for _ in range(count):
        yield "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 60))), rng


def _starts(text: str) -> list[int]:
    return [0] + [i + 1 for i, ch in enumerate(text) if ch in context.SENTENCE_END and i + 1 < len(text)]


def _depth(text: str, pos: int) -> int:
    starts = set(_starts(text))
    depth = 0
    for i, ch in enumerate(text[:pos]):
        if i in starts:
            depth = 0
        if ch in context.OPEN_PARENS:
            depth += 1
        elif ch in context.CLOSE_PARENS and depth:
            depth -= 1
    return 0 if pos in starts else depth


def _own_label(text: str, start: int, floor: int) -> str:
    begin, floor = start, max(floor, start - context.LABEL_WINDOW)
    stops = context.LIST_SEPARATORS + context.CLAUSE_END + context.OPEN_PARENS + context.CLOSE_PARENS + "::"
    while begin > floor and text[begin - 1] not in stops:
        begin -= 1
    return text[begin:start]


def test_sentence_starts_are_the_offsets_after_each_end():
    for text, _ in _texts(1):
        context.sentence_starts.cache_clear()
        assert context.sentence_starts(text) == _starts(text)


def _figures_at(positions: list[int]) -> list[Figure]:
    return [Figure(id=n, text="1件", value=1, unit="件", kind="count", label=None, qualifier=None,
                   start=p, end=p) for n, p in enumerate(positions, start=1)]


def test_bracket_depth_at_each_figure_is_counted_from_its_sentence_start():
    for text, rng in _texts(2, 1500):
        positions = sorted({rng.randint(0, len(text)) for _ in range(4)})
        figures = _figures_at(positions)
        context.sentence_starts.cache_clear()
        placed = context.place_figures(text, figures)
        assert [p.in_parens for p in placed] == [_depth(text, p) > 0 for p in positions], text


def test_own_label_reads_back_to_the_last_stop():
    class At:
        def __init__(self, text: str, start: int):
            self.start = start
            self.label_from = context.label_start(text, start)  # as place_figures finds it

    for text, rng in _texts(3):
        start, floor = rng.randint(0, len(text)), rng.randint(0, len(text) + 3)
        assert context.own_label(text, At(text, start), floor) == _own_label(text, start, floor), (text, start, floor)


def test_placed_figures_know_where_their_own_words_begin():
    for text, rng in _texts(4, 1500):
        positions = sorted({rng.randint(0, len(text)) for _ in range(4)})
        figures = _figures_at(positions)
        context.sentence_starts.cache_clear()
        for placed in context.place_figures(text, figures):
            for floor in (0, rng.randint(0, len(text) + 3)):
                assert context.own_label(text, placed, floor) == _own_label(text, placed.start, floor), text


def _precision_by_digits(figure: Figure) -> float:
    """Half a unit of the last written digit, read from the first number and the two
    characters after it (the reading before whole numbers were told apart first)."""
    match = context._DIGITS.search(figure.text)
    decimals, magnitude = 0, 1
    if match:
        decimals = len(match.group(1) or "")
        for ch in figure.text[match.end():match.end() + 2]:
            magnitude *= context._MAGNITUDE.get(ch, 1)
    if decimals == 0 and magnitude == 1 and figure.kind != "percent":
        return 0.0
    return 0.5 * magnitude / (10 ** decimals)


def test_a_figures_precision_is_half_a_unit_of_its_last_digit():
    rng = random.Random(11)
    pieces = list("0123456789.") + list(context._MAGNITUDE) + ["件", "元", "%", "约", "千克", "余"]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        kind = rng.choice(["count", "money", "percent", "measure"])
        figure = Figure(id=0, text=text, value=1, unit="件", kind=kind, label=None, qualifier=None, start=0, end=len(text))
        assert context._precision(figure) == _precision_by_digits(figure), (text, kind)


def test_positions_are_those_of_every_character_of_the_set():
    for text, rng in _texts(13):
        chars = "".join(rng.sample(ALPHABET[:18], rng.randint(0, 4)))
        assert context.positions(text, chars) == [i for i, ch in enumerate(text) if ch in chars], (text, chars)
