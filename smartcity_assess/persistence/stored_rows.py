"""Rows read back from the database are checked like input: the file may have been edited with
another tool, restored from a damaged copy, or written by something else altogether.

quick_check (db.check_integrity) only proves the pages are sound. A response whose level is 'abc'
or 9 on a 1–5 scale, a date that does not parse, a framework definition that is not JSON: each
is refused here in one sentence naming the assessment and the indicator, instead of a traceback
later or — worse — a score computed from it without a word.
"""

from __future__ import annotations

import math
from datetime import datetime

from sqlalchemy import Boolean, Select, Table, select, type_coerce
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.types import NullType

from ..core.errors import UserError

RESTORE = "nothing was changed: restore the database from a copy (migrations leave one beside it)"


class DamagedData(UserError):
    """The database holds a row the app cannot have written."""


def damaged(what: str, problem: str) -> DamagedData:
    return DamagedData(f"the database holds a damaged {what}: {problem}; {RESTORE}")


def raw_select(table: Table) -> Select:
    """Every column of the table as the driver returns it, without SQLAlchemy's conversions (they
    raise on a bad value, and then nothing says which row it was)."""
    return select(*(type_coerce(column, NullType()).label(column.name) for column in table.columns))


class RowReader:
    """Converts raw rows of one table as SQLAlchemy would, naming the field that does not convert."""

    def __init__(self, table: Table, dialect: Dialect):
        self._processors = {}
        self._flags = [c.name for c in table.columns if isinstance(c.type, Boolean)]
        for column in table.columns:
            try:
                processor = column.type.dialect_impl(dialect).result_processor(dialect, None)
            except (InvalidRequestError, TypeError):  # (its message formatting fails on a None type code)
                # psycopg names the column's server type to choose a processor; its values come typed
                # already (numbers, UUIDs, aware datetimes), so there is nothing to convert
                processor = None
            if processor is not None:
                self._processors[column.name] = processor

    def values(self, row) -> tuple[dict, str | None]:
        """(the row's values converted, the first problem or None)."""
        values = dict(row._mapping)
        for name in self._flags:  # SQLite's conversion would read any text as true
            if values[name] not in (None, 0, 1):
                return values, f"{name} {_shown(values[name])} is not true or false"
        for name, processor in self._processors.items():
            raw = values.get(name)
            try:
                values[name] = processor(raw)
            except (TypeError, ValueError, OverflowError, AttributeError):
                return values, f"{name} {_shown(raw)} cannot be read"
        return values, None


def _shown(value) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:40] + "…"


def response_problem(values: dict) -> str | None:
    """Type problems of a response row (scale checks need the framework: core.responses)."""
    value = values["value"]
    if value is not None and (
        isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value)
    ):
        return f"value {_shown(value)} is not a finite number"
    for field in ("note", "updated_by"):
        if not isinstance(values[field], str):
            return f"{field} {_shown(values[field])} is not a text"
    if not isinstance(values["updated_at"], datetime):
        return f"updated_at {_shown(values['updated_at'])} is not a date and time"
    return None
