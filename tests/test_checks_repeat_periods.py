"""The period words before a figure, told absent from the pairs that end them (``period_ends``,
found once per document), are those a search of the stretch finds."""

from __future__ import annotations

import random

from reviewer.checks import repeats
from reviewer.checks.context import sentence_starts

ALPHABET = list("0123456789年月度半季个前上下一二三四五十底,。\n案件") + ["2023年", "11月", "上半年", "一季度", "前三个月", "全年"]


def test_a_stretch_without_a_period_end_has_no_period_word():
    rng = random.Random(3)
    for _ in range(3000):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 40)))
        ends = repeats.period_ends(text)
        assert ends == sorted(ends)
        lo = rng.randint(0, len(text))
        hi = rng.randint(lo, len(text))
        if repeats.PERIOD.search(text, lo, hi):
            assert any(lo <= e and e + 2 <= hi for e in ends), (text, lo, hi)


def test_the_periods_before_each_figure_are_those_searched_for():
    rng = random.Random(4)
    for _ in range(1500):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 60)))
        starts = sentence_starts(text)
        own_year = rng.choice([None, "2023"])
        periods = repeats._Periods(text, own_year, starts)
        # figures in order, as the check asks: from the sentence start or a window into it
        for at in sorted(rng.sample(range(len(text) + 1), rng.randint(1, min(6, len(text) + 1)))):
            sentence = max(k for k, s in enumerate(starts) if s <= at)
            start = max(starts[sentence], at - rng.choice([2, 5, 400]))
            expected = repeats._period(repeats.PERIOD.findall(text, start, at), own_year)
            assert periods(sentence, start, at) == expected, (text, start, at)
