"""Chinese and Arabic numerals as reports write them: ``1,170``, ``347.39万``, ``两千``,
``一百零五``, ``二〇二〇``, ``五分之一``, ``百分之三十``, financial forms ``壹贰叁``.

Pure functions, no state: the figure finder decides *where* a number is; this module only says
what a numeral text is worth, so that it can be tested exhaustively on its own.
"""

from __future__ import annotations

import re

# Digit characters, including the financial (大写) forms and the circle zero.
CN_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "○": 0, "洞": 0,
    "一": 1, "壹": 1, "幺": 1,
    "二": 2, "两": 2, "兩": 2, "贰": 2, "貳": 2,
    "三": 3, "叁": 3, "參": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}
# Multipliers inside a section of four digits.
CN_SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
# Multipliers that close a section.
CN_BIG_UNITS: dict[str, int] = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}

CN_NUMERAL_CHARS = "".join(CN_DIGITS) + "".join(CN_SMALL_UNITS) + "".join(CN_BIG_UNITS)
# A magnitude written after an Arabic number: 347.39万, 6.8万, 3千, 1.2亿, 5百万.
MAGNITUDES: dict[str, int] = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "萬": 10_000,
                              "亿": 100_000_000, "億": 100_000_000}

_ARABIC = re.compile(r"^[+-]?\d+(?:,\d{3})*(?:\.\d+)?$")
_FULLWIDTH = str.maketrans("０１２３４５６７８９．，％", "0123456789.,%")


class NumeralError(ValueError):
    """The text is not a numeral this module understands."""


def is_chinese_numeral(text: str) -> bool:
    return bool(text) and all(ch in CN_NUMERAL_CHARS for ch in text)


def parse_chinese_int(text: str) -> int:
    """Value of a Chinese integer numeral: ``十五`` 15, ``一百零五`` 105, ``两万三千`` 23000,
    ``二〇二〇`` 2020 (digit by digit when no multiplier is written)."""
    if not is_chinese_numeral(text):
        raise NumeralError(f"not a Chinese numeral: {text!r}")
    if all(ch in CN_DIGITS for ch in text):
        if len(text) == 1:
            return CN_DIGITS[text]
        return int("".join(str(CN_DIGITS[ch]) for ch in text))
    total = 0  # completed sections above the current one (…亿, …万)
    section = 0  # the current section below 万
    digit: int | None = None
    for ch in text:
        if ch in CN_DIGITS:
            if digit is not None and CN_DIGITS[ch] != 0:
                raise NumeralError(f"two digits in a row: {text!r}")
            digit = CN_DIGITS[ch] if CN_DIGITS[ch] != 0 else None
        elif ch in CN_SMALL_UNITS:
            section += (1 if digit is None else digit) * CN_SMALL_UNITS[ch]
            digit = None
        else:  # 万 / 亿
            big = CN_BIG_UNITS[ch]
            section += digit or 0
            digit = None
            if section == 0 and total == 0:
                section = 1
            if big == 100_000_000:
                total = (total + section) * big
            else:
                # 一亿二千万: the 万 section sits below the 亿 already in total
                total = total + section * big
            section = 0
    return total + section + (digit or 0)


def format_chinese_int(value: int) -> str:
    """The usual Chinese writing of a non-negative integer (``105`` -> ``一百零五``).

    Used to generate test data and by views that echo a number back in Chinese."""
    if value < 0:
        raise ValueError("negative")
    if value == 0:
        return "零"
    digits = "零一二三四五六七八九"

    def below_10000(n: int, leading: bool) -> str:
        out = []
        zero = False
        for mult, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            d = n // mult % 10
            if d == 0:
                if out:
                    zero = True
                continue
            if zero or (not out and not leading and mult < 1000):
                out.append("零")
            zero = False
            if not (leading and not out and mult == 10 and d == 1):
                out.append(digits[d])
            out.append(name)
        return "".join(out)

    parts = []
    groups = []
    n = value
    while n:
        groups.append(n % 10_000)
        n //= 10_000
    names = ["", "万", "亿", "万亿"]
    first = True
    pending_zero = False
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            pending_zero = not first
            continue
        if pending_zero and group >= 1000:
            parts.append("零")  # below_10000 writes its own 零 for a group under 1000
        pending_zero = False
        parts.append(below_10000(group, leading=first))
        parts.append(names[index])
        first = False
    return "".join(parts)


def parse_arabic(text: str) -> float | int:
    """``1,170`` -> 1170, ``347.39`` -> 347.39 (full-width digits accepted)."""
    text = text.translate(_FULLWIDTH).strip()
    if not _ARABIC.match(text):
        raise NumeralError(f"not an Arabic number: {text!r}")
    text = text.replace(",", "")
    return float(text) if "." in text else int(text)


def parse_number(text: str) -> float | int:
    """Any numeral a report writes for one quantity, in base units.

    ``1.2万`` 12000, ``3千`` 3000, ``两千`` 2000, ``五分之一`` 0.2, ``百分之三十`` 30,
    ``半`` 0.5."""
    text = text.translate(_FULLWIDTH).strip()
    if not text:
        raise NumeralError("empty")
    if text == "半":
        return 0.5
    if text.startswith("百分之"):
        return parse_number(text[3:])
    if "分之" in text:
        denominator, _, numerator = text.partition("分之")
        return tidy(parse_number(numerator) / parse_number(denominator))
    if _ARABIC.match(text):
        return parse_arabic(text)
    match = re.match(r"^([+-]?\d+(?:,\d{3})*(?:\.\d+)?)([十百千万萬亿億]+)$", text)
    if match:
        base = parse_arabic(match.group(1))
        for ch in match.group(2):
            base *= MAGNITUDES[ch]
        return tidy(base)
    if "点" in text or "點" in text:
        return parse_chinese_decimal(text)
    return parse_chinese_int(text)


def parse_chinese_decimal(text: str) -> float | int:
    """``九十九点五`` 99.5, ``三点五万`` 35000: digits after 点 are read one by one."""
    whole, _, rest = text.replace("點", "点").partition("点")
    digits = rest.rstrip("".join(CN_BIG_UNITS))
    magnitude = rest[len(digits):]
    if not whole or not digits or any(ch not in CN_DIGITS for ch in digits):
        raise NumeralError(f"not a Chinese decimal: {text!r}")
    value = float(f"{parse_chinese_int(whole)}.{''.join(str(CN_DIGITS[ch]) for ch in digits)}")
    for ch in magnitude:
        value *= CN_BIG_UNITS[ch]
    return tidy(value)


def tidy(value: float | int) -> float | int:
    """An int when the value is whole (347.39万 -> 3473900, not 3473900.0000000005)."""
    if isinstance(value, int):
        return value
    rounded = round(value, 6)
    if rounded == int(rounded):
        return int(rounded)
    return rounded
