"""Where a figure sits in its sentence: the shared reading that the figure checks rely on.

The checks must not trust ``Figure.label`` alone (labels come from another finder and may be
imperfect), so they read the text between figures: separators (、,), clause and sentence
boundaries (;。), parentheses and connector words (其中、分别、合计).  All positions are
code-point offsets into ``Document.analysis_text``.
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
from dataclasses import dataclass, field

from reviewer.model import Figure

# The checks read a copy of the text with full-width punctuation (，；：（）！？) folded to its
# half-width form, one character for one, so offsets hold and the patterns below need one form.
# (str.replace per character, not str.translate: translate costs ~0.1 µs a character of CJK text.)
_FOLD = tuple(zip("\uff0c\uff1b\uff1a\uff08\uff09\uff01\uff1f", ",;:()!?"))
SENTENCE_END = "。!?\n"
CLAUSE_END = SENTENCE_END + ";"
LIST_SEPARATORS = ",、"
OPEN_PARENS = "(〔["
CLOSE_PARENS = ")〕]"

# Qualifiers that make a figure approximate: such a figure never takes part in a check.
_APPROX_TEXT = re.compile(r"余|多|约|近|左右|以上|以下|以内|之内|超过|超|不少于|不低于|不足|不到|未满|将近|上下|逾|大约")
# Measure words that count the same thing: 1394名调解员 breaks down into 54人 + 407人 + 933人.
SAME_UNIT = {"名": "人", "位": "人"}
_MAGNITUDE = {"万": 10_000, "亿": 100_000_000, "千": 1_000, "百": 100}


@dataclass(init=False, slots=True)
class Placed:
    """A numeric figure with the facts about its position that the checks use.

    Read only, by convention: not frozen, since a frozen instance is set field by field through
    ``object.__setattr__``, which made placing a figure cost five times as much.  (Never hashed:
    its ``Figure`` is not hashable.)"""

    figure: Figure
    value: float
    key: tuple[str, str]  # (kind, unit): figures compare only within the same key
    sentence: int  # index of the sentence (。!?\n) it stands in
    in_parens: bool
    precision: float  # half a unit of the last written digit, in base units
    # Where ``own_label`` reads from with no floor (``label_start``): found once, where the
    # checks asked for it three times a figure.  None for a figure placed without its text.
    label_from: int | None = field(default=None, repr=False, compare=False)
    # The figure's start, end and id, copied once: the checks read them half a million times
    # in a dense megabyte, and a property call costs five times an attribute.
    start: int = field(init=False, repr=False, compare=False)
    end: int = field(init=False, repr=False, compare=False)
    id: int = field(init=False, repr=False, compare=False)

    def __init__(self, figure: Figure, value: float, key: tuple[str, str], sentence: int, in_parens: bool,
                 precision: float, label_from: int | None = None) -> None:
        # Slots: a tenth of the memory of an instance dict, which a dense 5 MB report fills
        # with 60,000 figures.
        self.figure = figure
        self.value = value
        self.key = key
        self.sentence = sentence
        self.in_parens = in_parens
        self.precision = precision
        self.label_from = label_from
        self.start = figure.start
        self.end = figure.end
        self.id = figure.id


def fold_punctuation(text: str) -> str:
    """``text`` with full-width ，；：（）！？ as , ; : ( ) ! ? (same length, same offsets)."""
    for wide, narrow in _FOLD:
        if wide in text:
            text = text.replace(wide, narrow)
    return text


def positions(text: str, chars: str) -> list[int]:
    """Where each of ``chars`` stands in ``text``, in order: ``str.find`` per character, about
    twice as fast over CJK text as a regex scan for the character class (and no match objects)."""
    found = []
    for ch in chars:
        at = text.find(ch)
        while at >= 0:
            found.append(at)
            at = text.find(ch, at + 1)
    found.sort()
    return found


@functools.lru_cache(maxsize=1)
def sentence_starts(text: str) -> list[int]:
    """Start offsets of the sentences of ``text`` (split after 。!? and line breaks).

    The sum and repeat checks and ``place_figures`` all ask for the same text's: it is found
    once per document (not by a loop over characters) and must not be modified."""
    starts = [at + 1 for at in positions(text, SENTENCE_END)]
    if starts and starts[-1] == len(text):
        starts.pop()  # an end that closes the text opens no sentence
    return [0, *starts]


def is_approximate(figure: Figure) -> bool:
    """True for ``2万余份``, ``98%以上``, ``约46.8万元``: such values cannot contradict a sum."""
    if figure.qualifier:
        return True
    return bool(_APPROX_TEXT.search(figure.text))


def approximate_slack(figure: Figure) -> float:
    """How many points an approximate rate may be off: one when it is written with decimals
    (约19.2%), two when whole (约90% for 91.1% is how people round by eye)."""
    return 1.0 if "." in figure.text else 2.0


def is_rough_rate(figure: Figure) -> bool:
    """True for a percent qualified only by 约/大约/左右 (not 以上, 近, 超过: one-sided bounds)."""
    if figure.kind != "percent" or figure.qualifier not in ROUGH:
        return False
    return not _APPROX_TEXT.search(_ROUGH_WORDS.sub("", figure.text))


def _precision(figure: Figure) -> float:
    """How far the written value may be from the true one, in base units.

    A whole count (71件) is exact; a rounded one (347.39万元, 54万元, 88.09%) may be off by half
    a unit of its last digit (50 元, 5000 元, 0.005 %).
    """
    text = figure.text
    # Most figures (71件): a whole number and no magnitude (``_MAGNITUDE``), exact; told by five ``in`` tests
    # where the digit search and the look after it cost three times as much.
    if figure.kind != "percent" and "." not in text and "万" not in text and "亿" not in text \
            and "千" not in text and "百" not in text:
        return 0.0
    match = _DIGITS.search(text)
    decimals = 0
    magnitude = 1
    if match:
        fraction = match.group(1)
        if fraction:
            decimals = len(fraction)
        end = match.end()
        for ch in text[end:end + 2]:
            if ch in _MAGNITUDE:  # (most figures: a unit, not a magnitude, after the digits)
                magnitude *= _MAGNITUDE[ch]
    if decimals == 0 and magnitude == 1 and figure.kind != "percent":
        return 0.0
    return 0.5 * magnitude / (10 ** decimals)


ROUGH = ("约", "大约", "左右")  # two-sided: 约82% still says "82 give or take a point"
_ROUGH_WORDS = re.compile("|".join(ROUGH))
_DIGITS = re.compile(r"\d+(?:\.(\d+))?")


def place_figures(text: str, figures: list[Figure], rough_rates: bool = False) -> list[Placed]:
    """The exact numeric figures of ``text`` in order, with their sentence and bracket depth.

    Dates and approximate figures are left out: they cannot take part in an arithmetic check.
    With ``rough_rates`` a percent written 约82% or 82%左右 is kept, for the rate checks, which
    allow it a point of slack (a rate 5 points off is wrong however roughly it is put).
    """
    exact, rough = place_figures_both(text, figures)
    return rough if rough_rates else exact


def place_figures_both(text: str, figures: list[Figure]) -> tuple[list[Placed], list[Placed]]:
    """``place_figures`` without and with ``rough_rates``, read in one pass: the rough list is
    the exact one with the rough rates added, and a figure in both is one ``Placed``."""
    starts = sentence_starts(text)
    # The brackets of the whole text, found once; the depth at each figure is counted from the
    # previous figure of the same sentence (reset at each sentence start): every bracket is
    # read once.
    brackets = positions(text, OPEN_PARENS + CLOSE_PARENS)
    exact: list[Placed] = []
    rough: list[Placed] = []
    sentence, depth, next_bracket = -1, 0, 0
    for figure in sorted(figures, key=_START):
        value = figure.value
        if figure.kind == "date" or isinstance(value, str) or value is None or not figure.unit:
            continue
        approximate = bool(figure.qualifier) or _APPROX_TEXT.search(figure.text) is not None  # is_approximate
        if approximate and not is_rough_rate(figure):
            continue
        if figure.low is not None and figure.high is not None and figure.low != figure.high:
            continue
        start = figure.start
        index = max(0, bisect.bisect_right(starts, start) - 1)
        if index != sentence:
            sentence, depth = index, 0
            next_bracket = bisect.bisect_left(brackets, starts[index], next_bracket)
        while next_bracket < len(brackets) and brackets[next_bracket] < start:
            if text[brackets[next_bracket]] in OPEN_PARENS:
                depth += 1
            elif depth:
                depth -= 1
            next_bracket += 1
        one = Placed(figure, float(value), (figure.kind, SAME_UNIT.get(figure.unit, figure.unit)), index,
                     depth > 0, _precision(figure), label_start(text, start))
        rough.append(one)
        if not approximate:
            exact.append(one)
    return exact, rough


_START = operator.attrgetter("start")  # a figure's start, read in C: the sort key of every figure


def gap(text: str, left: Placed | None, right: Placed, sentence_start: int = 0) -> str:
    """The text between two figures (from the sentence start when ``left`` is None)."""
    begin = left.end if left is not None else sentence_start
    return text[begin:right.start]


LABEL_WINDOW = 40
SENTENCE_WINDOW = 400  # how far back in a sentence a total or a denominator is looked for


def own_label(text: str, figure: Placed, floor: int = 0) -> str:
    """The words right before a figure, back to the previous separator or boundary, and not
    before ``floor`` (a figure's end, a sentence start: 0 or more).

    This is the checks' own reading of what a figure counts, independent of ``Figure.label``;
    it is at most ``LABEL_WINDOW`` characters long.  (A floor past ``label_from`` cuts the
    words short: no stop stands between them and the figure.)
    """
    begin = figure.label_from  # (no max() call: the checks ask ~120,000 times a dense megabyte)
    if floor > begin:
        begin = floor
    return text[begin:figure.start]


def label_start(text: str, start: int) -> int:
    """Where the words before ``start`` begin: after the last stop (separator, boundary,
    bracket, colon) of the ``LABEL_WINDOW`` characters before it, else at the window's start."""
    floor = start - LABEL_WINDOW if start > LABEL_WINDOW else 0
    last_stop = _UP_TO_LAST_STOP.match(text, floor, start)
    return last_stop.end() if last_stop else floor


# ``own_label`` keeps the characters after the last of these (found from the end, in one pass).
_LABEL_STOPS = LIST_SEPARATORS + CLAUSE_END + OPEN_PARENS + CLOSE_PARENS + "::"
_UP_TO_LAST_STOP = re.compile(f".*[{re.escape(_LABEL_STOPS)}]", re.S)
