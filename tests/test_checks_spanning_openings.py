"""Where a list opens after its total, found from the text's clause ends indexed once, agrees
with the plain walk over every clause end after the total (the reading before the index)."""

from __future__ import annotations

import random
import re

from reviewer.checks import spanning
from reviewer.checks.sums import BREAKDOWN_OPENER

ALPHABET = list("。;,:\n 案件12") + ["其中", "具体来看", "按类型分", "从来源看", "分地区看", "分", "按", "从"]
_CLAUSE_START = re.compile(r"[。;,:]")


def _walk(text: str, total_end: int, end: int) -> int | None:
    for match in _CLAUSE_START.finditer(text, total_end, end):
        if "\n" in text[total_end:match.start()]:
            return None
        if BREAKDOWN_OPENER.match(text[match.end():match.end() + 40].lstrip()):
            return match.end()
        if match.group() == "。":
            return None
    return None


class _At:
    def __init__(self, end: int):
        self.end = end


def test_the_indexed_opening_is_the_walked_one():
    rng = random.Random(5)
    for _ in range(4000):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 50)))
        openers = spanning.list_openers(text)
        total_end = rng.randint(0, len(text))
        end = rng.randint(total_end, len(text) + 3)
        assert spanning._opened_after(text, _At(total_end), end, openers) == _walk(text, total_end, end), \
            (text, total_end, end)
