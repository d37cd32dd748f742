"""Reading a number as a person types it, the same on every computer.

Assessors in Indonesia write 72,5 and their colleagues abroad 72.5, and a spreadsheet may add
thousands separators. The reading must not depend on the system's locale (the same keystrokes
would mean different numbers on different laptops), so the rule is fixed:
- one separator, comma or point, is the decimal mark: "72,5" and "72.5" are 72.5, "1.250" is 1.25;
- with both kinds, the last one is the decimal mark and the others must group thousands:
  "1.234,5" and "1,234.5" are 1234.5;
- several of one kind only group thousands: "1.234.567" is 1234567;
- no other characters, and the result must be finite (NaN and infinity are refused).
"""

from __future__ import annotations

import math
import re

_PLAIN = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:G\d{3})+(?:D\d+)?")  # G: thousands separator, D: decimal mark


class NotANumber(ValueError):
    """The text is not a number (this includes "nan")."""


class NotFinite(ValueError):
    """The text is an infinite number or too large for a float ("inf", "1e999")."""


def parse_decimal(text: str) -> float:
    """The number the text means, by the fixed rule above; NotANumber or NotFinite otherwise."""
    text = text.strip()
    if text.lower().lstrip("+-") in {"inf", "infinity"}:  # "nan" fails the shape check below
        raise NotFinite(text)
    value = float(_normalised(text))
    if math.isinf(value):
        raise NotFinite(text)
    return value


def _normalised(text: str) -> str:
    """The text in Python's own notation (point as the decimal mark, no grouping), or NotANumber."""
    commas, points = text.count(","), text.count(".")
    if commas + points <= 1:
        candidate = text.replace(",", ".")
    else:
        decimal = max(text.rfind(","), text.rfind("."))
        mark = text[decimal]
        group = "." if mark == "," else ","
        several_of_one_kind = (commas == 0) or (points == 0)
        if several_of_one_kind:  # "1.234.567": all of them group thousands
            shape = text.replace(mark, "G")
        else:
            shape = text[:decimal].replace(group, "G") + "D" + text[decimal + 1 :]
            if mark in text[:decimal]:
                raise NotANumber(text)
        if not _GROUPED.fullmatch(shape):
            raise NotANumber(text)
        candidate = shape.replace("G", "").replace("D", ".")
    if not _PLAIN.fullmatch(candidate):
        raise NotANumber(text)
    return candidate
