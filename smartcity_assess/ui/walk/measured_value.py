"""Reading a measured value as a person types it.

The locale's own format comes first (its decimal mark and group separators), then a decimal point,
then a lone decimal comma: Indonesian users type "72,5" whatever the system's locale says.
NaN and infinity are refused here, before they can be turned into a level.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QLocale


class NotANumber(ValueError):
    """The text is not a number (this includes "nan")."""


class NotFinite(ValueError):
    """The text is an infinite number or too large for a float ("inf", "1e999")."""


def parse_measured_value(text: str, locale: QLocale) -> float:
    """The float the text means, or NotANumber / NotFinite."""
    text = text.strip()
    readings = [(locale, text), (QLocale.c(), text)]
    if text.count(",") == 1 and "." not in text:
        readings.append((QLocale.c(), text.replace(",", ".")))
    overflow = False
    for reader, candidate in readings:
        value, ok = reader.toDouble(candidate)
        if ok:
            if math.isnan(value):
                raise NotANumber(text)
            if math.isinf(value):
                raise NotFinite(text)
            return value
        overflow = overflow or math.isinf(value)  # Qt answers an overflow with inf and ok=False
    if overflow:
        raise NotFinite(text)
    raise NotANumber(text)
