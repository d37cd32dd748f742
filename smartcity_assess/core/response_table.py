"""Response tables (CSV/XLSX rows of text) ↔ validated responses.

Columns: indicator, level, target, na, value, note, value_source, value_year, recommendation, responsible,
due. Exports add read-only columns that an
import accepts and ignores, so an exported file can be edited in a spreadsheet and imported back.
Any bad cell refuses the whole table, naming its row (as a spreadsheet numbers it) and column.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .errors import UserError
from .framework import Framework
from .numbers import NotANumber, NotFinite, parse_decimal
from .responses import REPORT_FIELDS, ResponseInput, merge_response, validate_response
from .text import localize

REPORT_COLUMNS = REPORT_FIELDS
IMPORT_COLUMNS = ("indicator", "level", "target", "na", "value", "note", *REPORT_COLUMNS)
INFO_COLUMNS = ("pillar", "name", "level_name", "unit", "updated_by", "updated_at")
EXPORT_COLUMNS = (
    "indicator",
    "pillar",
    "name",
    "level",
    "level_name",
    "target",
    "na",
    "value",
    "unit",
    "note",
    *REPORT_COLUMNS,
    "updated_by",
    "updated_at",
)

TRUE_WORDS = {"true", "yes", "y", "1", "x", "ya", "n/a", "na"}
FALSE_WORDS = {"false", "no", "n", "0", "tidak", ""}


class TableError(UserError):
    def __init__(self, row: int | None, column: str | None, problem: str):
        where = ", ".join(p for p in (f"row {row}" if row else "", f"column {column}" if column else "") if p)
        super().__init__(f"{where}: {problem}" if where else problem)


def _check_header(header: list[str]) -> list[str]:
    names = [h.strip().lower() for h in header]
    if "indicator" not in names:
        raise TableError(1, None, f"no 'indicator' column (expected columns: {', '.join(IMPORT_COLUMNS)})")
    for name in names:
        if name and name not in IMPORT_COLUMNS and name not in INFO_COLUMNS:
            raise TableError(1, name, f"unknown column (expected: {', '.join(IMPORT_COLUMNS)})")
    duplicates = {n for n in names if n and names.count(n) > 1}
    if duplicates:
        raise TableError(1, sorted(duplicates)[0], "appears twice")
    return names


def _whole(text: str, column: str, row: int) -> int | None:
    if text == "":
        return None
    try:
        number = float(text)
    except ValueError:
        raise TableError(row, column, f"'{text}' is not a number") from None
    if not number.is_integer():
        raise TableError(row, column, f"'{text}' is not a whole {'level' if column in ('level', 'target') else 'year'}")
    return int(number)


def _number(text: str, column: str, row: int) -> float | None:
    if text == "":
        return None
    try:
        return parse_decimal(text)  # the app's rule: "85,5" and "85.5" alike, on every computer
    except NotFinite:
        raise TableError(row, column, f"'{text}' is not a finite number") from None
    except NotANumber:
        raise TableError(row, column, f"'{text}' is not a number") from None


def _flag(text: str, column: str, row: int) -> bool:
    word = text.lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise TableError(row, column, f"'{text}' is not yes or no")


def parse_response_rows(
    framework: Framework, rows: Iterable[list], current: Mapping[str, ResponseInput] | None = None
) -> dict[str, ResponseInput]:
    """Validate a whole table (first row = header). Raises TableError for the first bad cell.

    A column the file does not have leaves that field as it is in `current` (the stored responses):
    a file of levels alone must not wipe the notes. A column that is there but empty clears it.
    """
    current = current or {}
    iterator = iter(rows)
    try:
        header = _check_header([cell_text(c) for c in next(iterator)])
    except StopIteration:
        raise TableError(None, None, "the file is empty") from None
    result: dict[str, ResponseInput] = {}
    for row_number, raw in enumerate(iterator, start=2):
        cells = [cell_text(c) for c in raw]
        if not any(cells):
            continue
        if len(cells) > len(header) and any(cells[len(header) :]):
            raise TableError(row_number, None, f"has {len(cells)} cells but the header names {len(header)} columns")
        values = dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=False))
        if "note" in values:  # a note is taken as it is, spaces and line ends included: the round trip is exact
            at = header.index("note")
            values["note"] = cell_text(raw[at], strip=False) if at < len(raw) else ""
        code = values["indicator"]
        if not code:
            raise TableError(row_number, "indicator", "is empty")
        if code in result:
            raise TableError(row_number, "indicator", f"'{code}' appears twice")
        result[code] = parse_response_row(framework, code, values, row_number, current.get(code))
    return result


def parse_response_row(
    framework: Framework, code: str, values: Mapping[str, str], row_number: int, current: ResponseInput | None
) -> ResponseInput:
    """One row's cells (column → text; a column not given keeps what is stored) as the validated response."""
    given = {field: read(values[field], field, row_number) for field, read in _READERS.items() if field in values}
    try:
        return validate_response(framework, code, merge_response(current, given))
    except UserError as exc:
        column, _, problem = str(exc).partition(": ")
        if column in IMPORT_COLUMNS:
            raise TableError(row_number, column, problem) from None
        raise TableError(row_number, "indicator", str(exc)) from None


def _text(text: str, column: str, row: int) -> str:
    return text


# column → how its cell is read (text, column, row number) -> field value
_READERS = {
    "level": _whole,
    "target": _whole,
    "na": _flag,
    "value": _number,
    "note": _text,
    "value_source": _text,
    "value_year": _whole,
    "recommendation": _text,
    "responsible": _text,
    "due": _whole,
}


def cell_text(value, *, strip: bool = True) -> str:
    """Cells from CSV are text; from XLSX they may be numbers, booleans or empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip() if strip else str(value)


# "yes" in the language of the export; both read back as true (TRUE_WORDS)
YES_WORD = {"en": "yes", "id": "ya"}


def export_rows(framework: Framework, responses: Mapping[str, object], lang: str = "en") -> list[dict]:
    """One row per indicator in framework order; unanswered indicators have empty cells."""
    rows = []
    for ind in framework.indicators:
        record = responses.get(ind.code)
        level = getattr(record, "level", None)
        rows.append(
            {
                "indicator": ind.code,
                "pillar": ind.pillar_code,
                "name": localize(ind.name, lang),
                "level": level,
                "level_name": localize(framework.levels[level], lang) if level is not None else "",
                "target": getattr(record, "target", None),
                "na": YES_WORD.get(lang, YES_WORD["en"]) if getattr(record, "na", False) else "",
                "value": getattr(record, "value", None),
                "unit": localize(ind.metric.unit, lang) if ind.metric else "",
                "note": getattr(record, "note", ""),
                **{column: getattr(record, column, None) for column in REPORT_COLUMNS},
                "updated_by": getattr(record, "updated_by", ""),
                "updated_at": record.updated_at.isoformat(timespec="seconds") if record is not None else "",
            }
        )
    return rows
