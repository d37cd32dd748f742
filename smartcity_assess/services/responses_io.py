"""Reading and writing response files (CSV, XLSX) for an assessment."""

from __future__ import annotations

import uuid
from pathlib import Path

import pandas as pd

from ..core.errors import UserError
from ..core.response_table import EXPORT_COLUMNS, export_rows, parse_response_rows
from ..persistence.store import Store
from .tables import read_table_rows, write_table


def import_responses(store: Store, assessment_id: uuid.UUID, path: str | Path, *, actor: str | None = None) -> int:
    """All-or-nothing: validates every row before writing any. Returns the number of rows imported."""
    framework = store.framework(store.assessment(assessment_id).framework_id)
    rows = read_table_rows(path)  # its errors already name the file
    current = {code: record.as_input() for code, record in store.responses(assessment_id).items()}
    try:
        entries = parse_response_rows(framework, rows, current)
    except UserError as exc:
        raise UserError(f"{Path(path).name}: {exc}") from None
    store.save_responses(assessment_id, {code: e.as_fields() for code, e in entries.items()}, actor=actor)
    return len(entries)


def responses_frame(store: Store, assessment_id: uuid.UUID, lang: str = "en") -> pd.DataFrame:
    framework = store.framework(store.assessment(assessment_id).framework_id)
    rows = export_rows(framework, store.responses(assessment_id), lang)
    frame = pd.DataFrame(rows, columns=list(EXPORT_COLUMNS))
    for column in ("level", "target"):
        frame[column] = frame[column].astype("Int64")
    return frame


def export_responses(store: Store, assessment_id: uuid.UUID, path: str | Path, lang: str = "en") -> Path:
    return write_table(path, {"responses": responses_frame(store, assessment_id, lang)})
