"""Refusing a file leaves it untouched: it is identified read-only before any pragma is set."""

import hashlib
import sqlite3

import pytest

from smartcity_assess.core.errors import UserError
from smartcity_assess.persistence.store import Store


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def rollback_journal_file(path, *statements):
    with sqlite3.connect(path) as conn:  # journal_mode stays DELETE: header bytes 18-19 are 1, 1
        for statement in statements:
            conn.execute(statement)
    return path


@pytest.mark.parametrize(
    ("statements", "says"),
    [
        (["CREATE TABLE invoices (id INTEGER, total REAL)", "INSERT INTO invoices VALUES (1, 9.5)"], "not a Smart"),
        (
            ["CREATE TABLE alembic_version (version_num TEXT)", "INSERT INTO alembic_version VALUES ('0099_future')"],
            "newer version",
        ),
    ],
)
def test_a_refused_file_keeps_every_byte(tmp_path, statements, says):
    path = rollback_journal_file(tmp_path / "other.db", *statements)
    before, header = digest(path), path.read_bytes()[18:20]
    with pytest.raises(UserError, match=says):
        Store.open(path)
    assert digest(path) == before and path.read_bytes()[18:20] == header == b"\x01\x01"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]  # no -wal or -shm left beside it
