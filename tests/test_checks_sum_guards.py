"""The cheap tests the sum check runs before a pattern: whatever the pattern matches passes them."""

from __future__ import annotations

import random

from reviewer.checks import sums

PIECES = [",", ",", "、", "以上", "上述", "等", "合计", "共计", "总计", "总共", "一共", "共", "公", "计", "案件", " ", "件", "甲"]


def test_a_total_after_its_parts_is_named_with_a_gong_or_a_ji():
    rng = random.Random(17)
    matched = 0
    for _ in range(20000):
        between = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 6)))
        if sums.TOTAL_AFTER.search(between) or sums.TOTAL_AFTER_ETC.search(between):
            matched += 1
            assert "共" in between or "计" in between, between
    assert matched > 1000


def test_every_remainder_word_holds_one_of_the_characters_tested_first():
    words = sums.REMAINDER.pattern.split("|") + ["余下", "其余", "剩余", "剩下", "其他", "其它"]  # (REMAINDER_LEAD's)
    assert all(any(ch in word for ch in "其余另剩") for word in words)
    assert set(sums.REMAINDER_LEAD.pattern.split("(?:")[1].rstrip(")").split("|")) <= set(words)
