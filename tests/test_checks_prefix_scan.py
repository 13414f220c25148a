"""The repeat check's period words and narrowing words, read on from the previous figure of a
sentence (``PrefixScan``), are what searching from the sentence start finds."""

from __future__ import annotations

import random
import re

from reviewer.checks import repeats
from reviewer.checks.context import sentence_starts
from reviewer.checks.prefix_scan import PrefixScan

ALPHABET = (list("0123456789。\n,年月季度上下半一二三四五六七八九十两个前近来件案其中分别本当专项行动活期间以累计截至止去同历预划将拟目标力争新增发包括周")
            + ["2023年", "12月", "上半年", "三季度", "前3个月", "近两年", "十年来", "其中", "截至", "计划"])


def _texts(seed: int, count: int):
    rng = random.Random(seed)
    for _ in range(count):
        yield "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 80))), rng


def _queries(text: str, rng: random.Random) -> list[tuple[int, int, int]]:
    """(sentence, start, end) in the order the repeat check asks: sentences and ends rising,
    now and then a window that does not open at the sentence start, or an end asked again."""
    starts = sentence_starts(text)
    out = []
    for sentence, start in enumerate(starts):
        stop = starts[sentence + 1] if sentence + 1 < len(starts) else len(text)
        ends = sorted(rng.randint(start, stop) for _ in range(rng.randint(0, 5)))
        for end in ends:
            lo = rng.randint(start, end) if rng.random() < 0.2 else start
            out.append((sentence, lo, end))
    return out


def test_period_words_read_on_are_those_found_from_the_start():
    for text, rng in _texts(7, 3000):
        sentence_starts.cache_clear()
        scan = PrefixScan(repeats.PERIOD, repeats.PERIOD_NOT_LAST, text, sentence_starts(text),
                          repeats.PERIOD_HOLDS)
        for sentence, lo, end in _queries(text, rng):
            assert scan.findall(sentence, lo, end) == repeats.PERIOD.findall(text, lo, end), (text, lo, end)


def test_narrowing_read_on_is_what_a_search_from_the_start_finds():
    for text, rng in _texts(8, 3000):
        sentence_starts.cache_clear()
        starts = sentence_starts(text)
        scan = PrefixScan(repeats.NARROWING, repeats.NARROWING_NOT_LAST, text, starts)
        for sentence, _, end in _queries(text, rng):
            expected = repeats.NARROWING.search(text, starts[sentence], end) is not None
            assert scan.search(sentence, end) == expected, (text, starts[sentence], end)


# NARROWING with its N年来 written plainly, as a numeral run before 年来
PLAIN_NARROWING = re.compile(
    r"其中|分别|包括|新增|新发|本月|当月|本周|上半年|下半年|季度|前[一二三四五六七八九十\d]+个?月|专项|"
    r"行动|活动|期间|以来|累计|截至|截止|上年|去年|前年|同期|历年|近[一二三四五六七八九十两\d]+年|"
    r"[一二三四五六七八九十两\d]+年来|预计|计划|将|拟|目标|力争")


def test_narrowing_finds_a_word_where_the_plain_pattern_does():
    for text, rng in _texts(9, 3000):
        sentence_starts.cache_clear()
        starts = sentence_starts(text)
        for sentence, _, end in _queries(text, rng):
            expected = PLAIN_NARROWING.search(text, starts[sentence], end) is not None
            assert (repeats.NARROWING.search(text, starts[sentence], end) is not None) == expected, text
