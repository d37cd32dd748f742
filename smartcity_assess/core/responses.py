"""What makes a recorded response valid against its framework.

One function serves the app's autosave path and the all-or-nothing file import, so both
refuse the same things with the same words.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, fields
from types import MappingProxyType
from typing import Any

from .clean_text import clean_text
from .errors import UserError
from .framework import Framework, Indicator
from .limits import NOTE_MAX_CHARS, SOURCE_MAX_CHARS

MIN_YEAR, MAX_YEAR = 1900, 2200  # a year outside this is a typing mistake
# what the report an office signs adds to a response: where a value comes from, and what to do about a gap
REPORT_FIELDS = ("value_source", "value_year", "recommendation", "responsible", "due")
YEAR_FIELDS = ("value_year", "due")


@dataclass(frozen=True)
class ResponseInput:
    """One indicator's response as entered; None means 'empty'."""

    level: int | None = None
    na: bool = False
    target: int | None = None
    value: float | None = None
    note: str = ""
    value_source: str = ""  # where the measured value comes from
    value_year: int | None = None  # the year it describes
    recommendation: str = ""
    responsible: str = ""  # the unit (OPD) that carries the recommendation out
    due: int | None = None  # the year it is due

    def as_fields(self) -> dict:
        return {field.name: getattr(self, field.name) for field in fields(self)}


# An unanswered response, field by field (read-only), and the fields of a response in their one order:
# what the store writes, revisions keep, packages carry and the merge compares.
UNANSWERED: Mapping[str, Any] = MappingProxyType(ResponseInput().as_fields())
RESPONSE_FIELDS = tuple(UNANSWERED)


def merge_response(current: ResponseInput | None, given: Mapping[str, Any]) -> ResponseInput:
    """The response after a person changes the `given` fields; the others keep their current values.

    Choosing a level clears N/A and marking N/A clears the level and the value, as a person would
    expect; a level chosen by hand replaces the measurement that had decided it, and a new
    measurement decides the level afresh. The app's autosave and the file import both follow this.
    """
    merged = (current or ResponseInput()).as_fields()
    merged.update(given)
    if (given.get("level") is not None or given.get("value") is not None) and "na" not in given:
        merged["na"] = False
    if given.get("na"):
        for field in ("level", "value"):
            if given.get(field) is None:  # a level given together with N/A stays, for validation to refuse
                merged[field] = None
    if "level" in given and "value" not in given and merged["value"] is not None:
        merged["value"] = None
    if given.get("value") is not None and "level" not in given:
        merged["level"] = None
    return ResponseInput(**merged)


def indicator_or_error(framework: Framework, code: str) -> Indicator:
    indicator = framework.indicator(code)
    if indicator is None:
        raise UserError("not_an_indicator", indicator=code, framework=f"{framework.code} {framework.version}")
    return indicator


def _bound(value: float | None) -> str:
    return "∞" if value is None else f"{value:g}"


def validate_response(framework: Framework, code: str, entry: ResponseInput) -> ResponseInput:
    """The response as it will be stored (level derived from a metric value), or a UserError naming the field."""
    indicator = indicator_or_error(framework, code)
    levels = framework.level_numbers
    level = entry.level
    if level is not None and level not in levels:
        raise UserError("level_outside_scale", level=level, low=levels[0], high=levels[-1])
    if entry.target is not None and entry.target not in levels:
        raise UserError("target_outside_scale", target=entry.target, low=levels[0], high=levels[-1])
    if entry.value is not None:
        if not math.isfinite(entry.value):
            raise UserError("value_not_finite", value=str(entry.value))
        if indicator.metric is None:
            raise UserError("value_not_measured", indicator=code)
        low, high = indicator.metric.bounds
        if (low is not None and entry.value < low) or (high is not None and entry.value > high):
            raise UserError(
                "value_implausible", value=entry.value, low=_bound(low), high=_bound(high), unit=indicator.metric.unit
            )
        derived = framework.level_for_value(indicator, entry.value)
        if level is not None and level != derived:
            raise UserError(
                "level_contradicts_value", level=level, value=entry.value, unit=indicator.metric.unit, derived=derived
            )
        level = derived
    if entry.na and (level is not None or entry.value is not None):
        raise UserError("na_with_level")
    for name in YEAR_FIELDS:
        year = getattr(entry, name)
        if year is not None and not MIN_YEAR <= year <= MAX_YEAR:
            raise UserError("implausible_year", field=name, year=year)
    return ResponseInput(
        level=level,
        na=entry.na,
        target=entry.target,
        value=entry.value,
        note=clean_text(entry.note or "", "note", NOTE_MAX_CHARS),
        value_source=clean_text((entry.value_source or "").strip(), "value_source", SOURCE_MAX_CHARS, single_line=True),
        value_year=entry.value_year,
        recommendation=clean_text((entry.recommendation or "").strip(), "recommendation", NOTE_MAX_CHARS),
        responsible=clean_text((entry.responsible or "").strip(), "responsible", SOURCE_MAX_CHARS, single_line=True),
        due=entry.due,
    )


def stored_answer_problem(framework: Framework, level, na, target) -> str | None:
    """What is wrong with a stored answer (read back from a database that may have been edited or
    damaged outside the app), or None. A level off the framework's scale would score silently wrong."""
    levels = framework.level_numbers
    for field, number in (("level", level), ("target", target)):
        if number is None:
            continue
        if isinstance(number, bool) or not isinstance(number, int):
            return f"{field} {number!r} is not a whole number"
        if number not in levels:
            return f"{field} {number} is outside the scale {levels[0]}–{levels[-1]}"
    if na not in (0, 1):  # True and False are 1 and 0
        return f"na {na!r} is not true or false"
    if na and level is not None:
        return "it is marked N/A and has a level"
    return None
