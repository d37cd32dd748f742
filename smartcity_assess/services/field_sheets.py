"""Reading a filled-in field sheet back (the writer is reporting.field_sheet): all or nothing.

A field sheet is an XLSX workbook with a hidden sheet `_form` that names its framework, and per pillar a
sheet whose row KEY_ROW holds the column keys. Only answer cells that are filled in count: an empty cell
keeps what is recorded, since a sheet filled in by hand is rarely complete. The level column takes TB
(tidak berlaku) for not applicable.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..core.errors import UserError
from ..core.framework import Framework
from ..core.response_table import IMPORT_COLUMNS, TableError, cell_text, parse_response_row
from ..core.responses import ResponseInput

FORM_SHEET = "_form"
KEY_ROW = 3  # row 1: the pillar's title, row 2: headings in the reader's language, row 3: column keys
NOT_APPLICABLE_WORDS = frozenset({"tb", "n/a", "na", "t/b"})
ANSWER_COLUMNS = tuple(c for c in IMPORT_COLUMNS if c not in ("indicator", "na"))


def sheet_title(pillar_code: str) -> str:
    """Excel allows 31 characters and no []:*?/\\ in a sheet's name."""
    cleaned = "".join("_" if c in "[]:*?/\\" else c for c in pillar_code)
    return cleaned[:31]


def is_field_sheet(sheets: Mapping[str, list[list]]) -> bool:
    return FORM_SHEET in sheets


def read_field_sheet(
    sheets: Mapping[str, list[list]], name: str, framework: Framework, current: Mapping[str, ResponseInput]
) -> dict[str, ResponseInput]:
    """Every filled-in row of every pillar sheet (as services.tables read them), validated; UserError naming
    sheet, row and column otherwise."""
    form = {cell_text(row[0]): cell_text(row[1]) for row in sheets[FORM_SHEET] if len(row) >= 2}
    if form.get("framework") != framework.code:
        raise UserError("form_other_framework", name=name, found=form.get("framework") or "?", uses=framework.code)
    result: dict[str, ResponseInput] = {}
    for title, sheet_rows in sheets.items():
        if title == FORM_SHEET:
            continue
        rows = [[cell_text(c) for c in row] for row in sheet_rows]
        if len(rows) < KEY_ROW or "indicator" not in rows[KEY_ROW - 1]:
            continue  # the instructions sheet, or a sheet the assessor added
        keys = rows[KEY_ROW - 1]
        for row_number, cells in enumerate(rows[KEY_ROW:], start=KEY_ROW + 1):
            values = dict(zip(keys, cells, strict=False))
            code = values.get("indicator", "")
            given = {k: values[k] for k in ANSWER_COLUMNS if values.get(k)}
            if not given:
                continue
            try:
                if not code:
                    raise TableError(row_number, "indicator", "is empty")
                if code in result:
                    raise TableError(row_number, "indicator", f"'{code}' appears twice")
                if given.get("level", "").casefold() in NOT_APPLICABLE_WORDS:
                    del given["level"]
                    given["na"] = "yes"
                result[code] = parse_response_row(framework, code, given, row_number, current.get(code))
            except UserError as exc:
                raise UserError("form_bad_cell", name=name, sheet=title, problem=exc) from None
    if not result:
        raise UserError("form_no_answer", name=name)
    return result
