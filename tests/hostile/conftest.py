"""Fixtures of the hostile-input suite: a demo database, and its whole content to compare row for row."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from smartcity_assess.services.demo import load_demo
from smartcity_assess.services.frameworks import open_store

TABLES = ("cities", "frameworks", "assessments", "responses", "evidence_blobs", "evidence_files", "audit_entries")


def database_rows(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table, sorted: what 'the database is unchanged' is checked against."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {t: sorted(connection.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES}
    finally:
        connection.close()


def set_stored(path: Path, sql: str, *params) -> None:
    """Change the database behind the app's back, as another tool (or a damaged copy) would."""
    connection = sqlite3.connect(path)
    with connection:
        connection.execute(sql, params)
    connection.close()


@pytest.fixture
def demo_db(db_path) -> Path:
    store = open_store(db_path)
    load_demo(store)
    store.close()
    return db_path


@pytest.fixture
def draft_id(demo_db) -> str:
    """The 2026 Bandung draft (94 % done), as the CLI names it."""
    store = open_store(demo_db)
    try:
        info = next(a for a in store.list_assessments(city="Bandung (demo)") if not a.is_final)
        return info.id.hex
    finally:
        store.close()
