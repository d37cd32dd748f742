"""What makes a recorded response valid against its framework.

One function serves the app's autosave path and the all-or-nothing file import, so both
refuse the same things with the same words.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from .errors import UserError
from .framework import Framework, Indicator
from .text import localize

MIN_YEAR, MAX_YEAR = 1900, 2200  # a year outside this is a typing mistake


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
        raise UserError(f"'{code}' is not an indicator of framework {framework.code} {framework.version}")
    return indicator


def validate_response(framework: Framework, code: str, entry: ResponseInput) -> ResponseInput:
    """The response as it will be stored (level derived from a metric value), or a UserError naming the field."""
    indicator = indicator_or_error(framework, code)
    levels = framework.level_numbers
    level = entry.level
    if level is not None and level not in levels:
        raise UserError(f"level: {level} is outside the scale {levels[0]}–{levels[-1]}")
    if entry.target is not None and entry.target not in levels:
        raise UserError(f"target: {entry.target} is outside the scale {levels[0]}–{levels[-1]}")
    if entry.value is not None:
        if not math.isfinite(entry.value):
            raise UserError(f"value: '{entry.value}' is not a finite number")
        if indicator.metric is None:
            raise UserError(f"value: {code} is not a measured indicator, so it takes no value")
        derived = framework.level_for_value(indicator, entry.value)
        if level is not None and level != derived:
            raise UserError(
                f"level: {level} contradicts the value {entry.value:g} {localize(indicator.metric.unit)}, "
                f"which gives level {derived}"
            )
        level = derived
    if entry.na and (level is not None or entry.value is not None):
        raise UserError("na: an indicator marked N/A cannot also have a level or a value")
    for name in ("value_year", "due"):
        year = getattr(entry, name)
        if year is not None and not MIN_YEAR <= year <= MAX_YEAR:
            raise UserError(f"{name}: {year} is not a plausible year")
    return ResponseInput(
        level=level,
        na=entry.na,
        target=entry.target,
        value=entry.value,
        note=entry.note or "",
        value_source=(entry.value_source or "").strip(),
        value_year=entry.value_year,
        recommendation=(entry.recommendation or "").strip(),
        responsible=(entry.responsible or "").strip(),
        due=entry.due,
    )
