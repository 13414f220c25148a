"""The words before a figure with bracketed asides left out (``shares._label_without_brackets``),
read in C when no aside closes before the figure, agree with the walk back over each character."""

from __future__ import annotations

import random

from reviewer.checks import shares

ALPHABET = list(",、;。!?\n:()〔〕[]案件办结率 ") + ["其中", "12件"]


class _At:
    def __init__(self, start: int):
        self.start = start


def _walked(text: str, start: int) -> str:
    words: list[str] = []
    i, depth = start, 0
    while i > 0 and start - i < 60:
        ch = text[i - 1]
        if ch in ")〕]":
            depth += 1
        elif ch in "(〔[" and depth:
            depth -= 1
        elif not depth:
            if ch in ",、;。!?\n:":
                break
            words.append(ch)
        i -= 1
    return "".join(reversed(words))


def test_the_words_before_a_figure_are_those_walked_back():
    rng = random.Random(9)
    for _ in range(4000):
        # half with no closing bracket (openings kept: no aside closes, so they are words)
        chars = ALPHABET if rng.random() < 0.5 else [c for c in ALPHABET if c not in ")〕]"]
        text = "".join(rng.choice(chars) for _ in range(rng.randint(0, 90)))
        start = rng.randint(0, len(text))
        assert shares._label_without_brackets(text, _At(start)) == _walked(text, start), (text, start)
