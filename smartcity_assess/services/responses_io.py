"""Reading and writing response files (CSV, XLSX) for an assessment."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..core.errors import UserError
from ..core.response_table import EXPORT_COLUMNS, export_rows, parse_response_rows
from ..persistence.store import Store
from .field_sheets import is_field_sheet, read_field_sheet
from .tables import read_table_sheets, write_table


@dataclass(frozen=True)
class ImportResult:
    rows: int  # responses in the file
    changed: int  # of those, the ones that differ from what was stored


def import_responses(
    store: Store, assessment_id: uuid.UUID, path: str | Path, *, actor: str | None = None
) -> ImportResult:
    """All-or-nothing: validates every row before writing any. Says how many rows there were, how many changed.

    A field sheet (forms export) is recognised by its `_form` sheet and read sheet by sheet.
    """
    sheets = read_table_sheets(path)  # its errors already name the file; read before taking the write lock
    with store.transaction():  # merged with what is stored at the moment of writing, not before
        store.lock_for_write(assessment_id)
        framework = store.framework(store.assessment(assessment_id).framework_id)
        current = {code: record.as_input() for code, record in store.responses(assessment_id).items()}
        if is_field_sheet(sheets):
            entries = read_field_sheet(sheets, Path(path).name, framework, current)
        else:
            try:
                entries = parse_response_rows(framework, next(iter(sheets.values())), current)
            except UserError as exc:
                raise UserError(f"{Path(path).name}: {exc}") from None
        changed = sum(1 for code, e in entries.items() if e.as_fields() != _stored_fields(current.get(code)))
        store.save_responses(assessment_id, {code: e.as_fields() for code, e in entries.items()}, actor=actor)
    return ImportResult(rows=len(entries), changed=changed)


def _stored_fields(stored) -> dict:
    from ..core.responses import ResponseInput

    return (stored if stored is not None else ResponseInput()).as_fields()


def responses_frame(store: Store, assessment_id: uuid.UUID, lang: str = "en") -> pd.DataFrame:
    framework = store.framework(store.assessment(assessment_id).framework_id)
    rows = export_rows(framework, store.responses(assessment_id), lang)
    frame = pd.DataFrame(rows, columns=list(EXPORT_COLUMNS))
    for column in ("level", "target", "value_year", "due"):
        frame[column] = frame[column].astype("Int64")
    return frame


def export_responses(store: Store, assessment_id: uuid.UUID, path: str | Path, lang: str = "en") -> Path:
    return write_table(path, {"responses": responses_frame(store, assessment_id, lang)})
