"""Reading and writing response files (CSV, XLSX) for an assessment."""

from __future__ import annotations

import csv
import uuid
from pathlib import Path

import pandas as pd

from ..core.errors import UserError
from ..core.response_table import EXPORT_COLUMNS, export_rows, parse_response_rows
from ..persistence.store import Store
from .field_sheets import is_field_sheet, open_workbook, read_field_sheet

TABLE_SUFFIXES = (".csv", ".xlsx")


def _table_kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in TABLE_SUFFIXES:
        raise UserError(f"{path.name}: use a .csv or .xlsx file")
    return suffix


def _delimiter(header: str) -> str:
    """The header row tells the separator: Excel in Indonesian (and most of Europe) saves with ';'."""
    return max((",", ";", "\t"), key=header.count)  # the first on a tie, so "," when there is none


def read_table_rows(path: str | Path) -> list[list]:
    path = Path(path)
    if _table_kind(path) == ".xlsx":
        workbook = open_workbook(path)
        try:
            return [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
        finally:
            workbook.close()
    try:
        # utf-8-sig: spreadsheets on Windows write a byte-order mark that must not become part of a header.
        with path.open(newline="", encoding="utf-8-sig") as handle:
            delimiter = _delimiter(handle.readline())
            handle.seek(0)
            return list(csv.reader(handle, delimiter=delimiter))
    except FileNotFoundError:
        raise UserError(f"{path}: file not found") from None
    except UnicodeDecodeError:
        raise UserError(f"{path}: not UTF-8 text; save the CSV as UTF-8") from None
    except csv.Error as exc:
        raise UserError(f"{path}: not a readable CSV file ({exc})") from None
    except OSError as exc:
        raise UserError(f"{path}: cannot read the file ({exc.strerror or exc})") from None


def import_responses(store: Store, assessment_id: uuid.UUID, path: str | Path, *, actor: str | None = None) -> int:
    """All-or-nothing: validates every row before writing any. Returns the number of rows imported.

    A field sheet (forms export) is recognised by its `_form` sheet and read sheet by sheet.
    """
    path = Path(path)
    framework = store.framework(store.assessment(assessment_id).framework_id)
    current = {code: record.as_input() for code, record in store.responses(assessment_id).items()}
    if _table_kind(path) == ".xlsx":
        workbook = open_workbook(path)
        try:
            if is_field_sheet(workbook):
                entries = read_field_sheet(workbook, path.name, framework, current)
                store.save_responses(assessment_id, {c: e.as_fields() for c, e in entries.items()}, actor=actor)
                return len(entries)
        finally:
            workbook.close()
    rows = read_table_rows(path)  # its errors already name the file
    try:
        entries = parse_response_rows(framework, rows, current)
    except UserError as exc:
        raise UserError(f"{path.name}: {exc}") from None
    store.save_responses(assessment_id, {code: e.as_fields() for code, e in entries.items()}, actor=actor)
    return len(entries)


def responses_frame(store: Store, assessment_id: uuid.UUID, lang: str = "en") -> pd.DataFrame:
    framework = store.framework(store.assessment(assessment_id).framework_id)
    rows = export_rows(framework, store.responses(assessment_id), lang)
    frame = pd.DataFrame(rows, columns=list(EXPORT_COLUMNS))
    for column in ("level", "target", "value_year", "due"):
        frame[column] = frame[column].astype("Int64")
    return frame


def write_table(path: str | Path, sheets: dict[str, pd.DataFrame]) -> Path:
    """Tables to .csv (the first one) or .xlsx (one sheet each, in order); UserError when it cannot be."""
    path = Path(path)
    kind = _table_kind(path)
    try:
        if kind == ".csv":
            next(iter(sheets.values())).to_csv(path, index=False, encoding="utf-8")
        else:
            with pd.ExcelWriter(path) as writer:
                for name, frame in sheets.items():
                    frame.to_excel(writer, index=False, sheet_name=name)
    except OSError as exc:
        raise UserError(f"{path}: cannot write the file ({exc.strerror or exc})") from None
    return path


def export_responses(store: Store, assessment_id: uuid.UUID, path: str | Path, lang: str = "en") -> Path:
    return write_table(path, {"responses": responses_frame(store, assessment_id, lang)})
