"""What a reviewer types as a figure's corrected value — ``347.93万元``, ``两千``, ``95.6%`` —
read with the same numeral parser and unit table as the figure finder, so a correction is stored
as a number in base units (3479300 元), never as the text typed."""

from __future__ import annotations

from dataclasses import dataclass

from reviewer.analysis.numerals import NumeralError, parse_number
from reviewer.analysis.units import unit_table

_FULLWIDTH = str.maketrans("０１２３４５６７８９．，％", "0123456789.,%")


@dataclass(frozen=True)
class TypedValue:
    """A typed entry read as a number; ``unit``/``kind`` are None when none was typed."""

    value: int | float
    unit: str | None
    kind: str | None


def parse_typed_value(text: str) -> TypedValue:
    """``347.93万元`` -> 3479300 元 money; ``两千`` -> 2000; ``95.6%`` -> 95.6 % percent.
    Raises ``NumeralError`` for anything that is not one number with an optional known unit."""
    entry = str(text).translate(_FULLWIDTH).strip().replace(",", "").replace(" ", "")
    if not entry:
        raise NumeralError("empty")
    if entry.startswith("百分之"):
        return TypedValue(parse_number(entry), "%", "percent")
    table = unit_table()
    for cut in range(len(entry), 0, -1):  # the longest numeral first, the rest must be a unit
        number, unit = entry[:cut], entry[cut:]
        unit = table.aliases.get(unit, unit)
        if unit and unit not in table.kind_of:
            continue
        try:
            value = parse_number(number)
        except (NumeralError, KeyError, ValueError, ZeroDivisionError):
            continue
        return TypedValue(value, unit or None, table.kind_of.get(unit) if unit else None)
    raise NumeralError(f"not a number: {text!r}")
