"""Table files (CSV, XLSX) in and out, safely: bounded reading, exports that cannot execute.

Reading refuses, before parsing, what no real response table needs (core.limits): a file over
TABLE_FILE_MAX_BYTES; a workbook whose zip declares more parts or more uncompressed bytes than the
caps, or a larger shared-string table (the zip reader stops at the declared size, so a part cannot
grow past it). Workbooks are read streaming (read-only mode), and a formula cell is refused with
its cell named: the import takes values, and a formula saved without its result would read empty.

Writing goes through files.atomic_write (all or nothing). XLSX cells are typed numbers or text —
a text beginning with "=" is text, never a formula; CSV texts get the OWASP prefix (core.cells).
Every text is checked first: one a workbook cannot hold (a control character, more than 32,767
characters) is refused naming its row and column, before anything is written.
"""

from __future__ import annotations

import csv
import io
import math
import struct
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

import pandas as pd

from ..core import limits
from ..core.cells import neutralised, unneutralised
from ..core.clean_text import text_problem
from ..core.errors import UserError
from ..files import atomic_write

TABLE_SUFFIXES = (".csv", ".xlsx")
SHARED_STRINGS = "xl/sharedStrings.xml"


def table_kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in TABLE_SUFFIXES:
        raise UserError(f"{path.name}: use a .csv or .xlsx file")
    return suffix


# ---- reading ---------------------------------------------------------------------------------------


def _delimiter(header: str) -> str:
    """The header row tells the separator: Excel in Indonesian (and most of Europe) saves with ';'."""
    return max((",", ";", "\t"), key=header.count)  # the first on a tie, so "," when there is none


def read_table_sheets(path: str | Path) -> dict[str, list[list]]:
    """Every table of the file by sheet name, in order (a CSV is one, named ""), as lists of cells (text
    from CSV; text, numbers, booleans or None from XLSX); UserError naming the file for anything it cannot be."""
    path = Path(path)
    kind = table_kind(path)
    try:
        size = path.stat().st_size
        if size > limits.TABLE_FILE_MAX_BYTES:
            most = limits.TABLE_FILE_MAX_BYTES // limits.MIB
            raise UserError(f"the file is {size:,} bytes; a response table may have at most {most} MB")
        return {"": _read_csv(path)} if kind == ".csv" else _read_xlsx(path)
    except FileNotFoundError:
        raise UserError(f"{path}: file not found") from None
    except UnicodeDecodeError:
        raise UserError(f"{path}: not UTF-8 text; save the CSV as UTF-8") from None
    except csv.Error as exc:
        raise UserError(f"{path}: not a readable CSV file ({exc})") from None
    except UserError as exc:
        raise UserError(f"{path}: {exc}") from None
    except OSError as exc:
        raise UserError(f"{path}: cannot read the file ({exc.strerror or exc})") from None
    except Exception as exc:  # openpyxl and zipfile raise many types for damaged workbooks
        raise UserError(f"{path}: not a readable XLSX workbook ({type(exc).__name__})") from None


def _mb(size: int) -> str:
    return f"{size / limits.MIB:.1f} MB"


def _bounded(rows: Iterable[list]) -> Iterator[list]:
    for number, row in enumerate(rows, start=1):
        if number > limits.TABLE_MAX_ROWS:
            raise UserError(f"more than {limits.TABLE_MAX_ROWS:,} rows; a response table has one per indicator")
        if len(row) > limits.TABLE_MAX_COLUMNS and any(c not in (None, "") for c in row[limits.TABLE_MAX_COLUMNS :]):
            raise UserError(f"row {number}: more than {limits.TABLE_MAX_COLUMNS} columns")
        yield row[: limits.TABLE_MAX_COLUMNS]


def _read_csv(path: Path) -> list[list]:
    # one cell may hold a whole note plus our prefix; past the cap the csv module stops reading it
    if csv.field_size_limit() < limits.TABLE_CELL_MAX_CHARS + 1:
        csv.field_size_limit(limits.TABLE_CELL_MAX_CHARS + 1)
    # utf-8-sig: spreadsheets on Windows write a byte-order mark that must not become part of a header.
    with path.open(newline="", encoding="utf-8-sig") as handle:
        delimiter = _delimiter(handle.readline(limits.TABLE_CELL_MAX_CHARS * limits.TABLE_MAX_COLUMNS))
        handle.seek(0)
        reader = csv.reader(handle, delimiter=delimiter)
        try:
            return [[unneutralised(cell) for cell in row] for row in _bounded(reader)]
        except csv.Error as exc:
            if "field larger than field limit" in str(exc):
                raise UserError(
                    f"row {reader.line_num}: a cell is longer than {limits.TABLE_CELL_MAX_CHARS:,} characters"
                ) from None
            raise


def check_workbook_size(path: Path) -> None:
    """Refuse, from the zip's directory alone, a workbook larger than the caps once unpacked."""
    with path.open("rb") as handle:
        parts = _declared_parts(handle)
        if parts is not None and parts > limits.XLSX_MAX_PARTS:
            raise UserError(f"the workbook holds {parts:,} parts; a response workbook has a few dozen")
    with zipfile.ZipFile(path) as archive:
        infos = archive.infolist()
        total = sum(i.file_size for i in infos)
        shared = sum(i.file_size for i in infos if i.filename == SHARED_STRINGS)
    if total > limits.XLSX_MAX_UNCOMPRESSED_BYTES:
        raise UserError(
            f"the workbook unpacks to {_mb(total)}, more than a response workbook may "
            f"({_mb(limits.XLSX_MAX_UNCOMPRESSED_BYTES)})"
        )
    if shared > limits.XLSX_MAX_SHARED_STRINGS_BYTES:
        raise UserError(
            f"the workbook's shared-string table is {_mb(shared)}, more than a response workbook may have "
            f"({_mb(limits.XLSX_MAX_SHARED_STRINGS_BYTES)})"
        )


def _declared_parts(handle) -> int | None:
    """The entry count in the zip's end-of-central-directory record, read before zipfile reads them all."""
    handle.seek(0, io.SEEK_END)
    size = handle.tell()
    tail_size = min(size, 22 + 0xFFFF)
    handle.seek(size - tail_size)
    tail = handle.read(tail_size)
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) < at + 22:
        return None  # not a zip: zipfile says so in its own words
    (entries,) = struct.unpack_from("<H", tail, at + 10)
    if entries == 0xFFFF:  # zip64: the real count is in the zip64 record; a workbook never needs one
        return limits.XLSX_MAX_PARTS + 1
    return entries


def _read_xlsx(path: Path) -> dict[str, list[list]]:
    from openpyxl import load_workbook

    check_workbook_size(path)
    # Our own handle, closed whatever happens: openpyxl leaves its file open when a damaged workbook
    # makes load_workbook raise half-way.
    with path.open("rb") as handle:
        workbook = load_workbook(handle, read_only=True, data_only=False)
        try:
            sheets = {}
            several = len(workbook.worksheets) > 1  # a field sheet: K4 is on every pillar's sheet
            for sheet in workbook.worksheets:
                sheet.reset_dimensions()  # a forged <dimension> must not make every row 16,384 cells wide
                rows = _xlsx_values(sheet.iter_rows(), sheet.title if several else None)
                sheets[sheet.title] = list(_bounded(rows))
            return sheets
        finally:
            workbook.close()


def _xlsx_values(rows, sheet: str | None = None) -> Iterator[list]:
    where = f"sheet {sheet}, " if sheet is not None else ""
    for row in rows:
        values = []
        for cell in row:
            if getattr(cell, "data_type", None) == "f":
                formula = str(cell.value)
                shown = formula if len(formula) <= 40 else formula[:40] + "…"
                raise UserError(
                    f"{where}cell {cell.coordinate} holds a formula ({shown}); the import takes values only: "
                    "paste the cells as values and save again"
                )
            values.append(cell.value)
        yield values


# ---- writing ---------------------------------------------------------------------------------------


def write_table(path: str | Path, sheets: dict[str, pd.DataFrame]) -> Path:
    """Tables to .csv (the first one) or .xlsx (one sheet each, in order), atomically; UserError when it
    cannot be written, the previous file then left as it was."""
    path = Path(path)
    kind = table_kind(path)
    tables = {name: list(_checked_rows(name, frame)) for name, frame in sheets.items()}
    try:
        with atomic_write(path) as handle:
            if kind == ".csv":
                _write_csv(handle, next(iter(tables.values())))
            else:
                _write_xlsx(handle, tables)
    except OSError as exc:
        raise UserError(f"{path}: cannot write the file ({exc.strerror or exc}); nothing was changed") from None
    return path


def _plain(value):
    """A cell value as Python has it: None for missing (NaN, NA), int, float, bool or str."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _checked_rows(sheet: str, frame: pd.DataFrame) -> Iterator[list]:
    """Header and rows of a frame as plain values, every text checked against what a workbook can hold."""
    header = [str(c) for c in frame.columns]
    for column in header:
        _check_cell(sheet, 1, None, column, "")
    yield header
    for number, row in enumerate(frame.itertuples(index=False, name=None), start=2):
        values = [_plain(v) for v in row]
        label = str(values[0]) if values and values[0] is not None else ""
        for column, value in zip(header, values, strict=True):
            if isinstance(value, str):
                _check_cell(sheet, number, column, value, label)
        yield values


def _check_cell(sheet: str, row: int, column: str | None, text: str, label: str) -> None:
    problem = text_problem(text, limits.TABLE_CELL_MAX_CHARS)
    if problem is None:
        return
    where = f"row {row}" + (f" ({label})" if label else "") + (f", column {column}" if column else "")
    raise UserError(f"{sheet} {where}: {problem}; edit it in the app and export again (nothing was written)")


def _write_csv(handle, rows: list[list]) -> None:
    text = io.TextIOWrapper(handle, encoding="utf-8", newline="", write_through=True)
    writer = csv.writer(text)
    for row in rows:
        writer.writerow(["" if v is None else neutralised(v) if isinstance(v, str) else v for v in row])
    text.flush()
    text.detach()  # the handle stays open for atomic_write to sync and rename


def _write_xlsx(handle, tables: dict[str, list[list]]) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    for name, rows in tables.items():
        sheet = workbook.create_sheet(title=name)
        for row in rows:
            cells = []
            for value in row:
                cell = WriteOnlyCell(sheet, value=value)
                if isinstance(value, str):
                    cell.data_type = "s"  # openpyxl makes any text beginning with "=" a formula
                cells.append(cell)
            sheet.append(cells)
    workbook.save(handle)
