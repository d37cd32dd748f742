"""A damaged or misplaced database file is refused in one sentence and left exactly as it was."""

import hashlib
import random
import sqlite3

import pytest
from sqlalchemy.exc import DatabaseError

from smartcity_assess.persistence.db import DatabaseUnavailable
from smartcity_assess.persistence.store import Store
from smartcity_assess.services.demo import load_demo
from smartcity_assess.services.frameworks import open_store

PAGE = 4096


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def damaged_db(tmp_path):
    """The demo database with one page in the middle overwritten by noise, as a failing disk leaves it."""
    path = tmp_path / "damaged.db"
    store = open_store(path)
    load_demo(store)
    store.close()
    pages = path.stat().st_size // PAGE
    assert pages > 10
    noise = random.Random(7).randbytes(PAGE)
    with path.open("r+b") as f:
        f.seek(PAGE * (pages // 2))
        f.write(noise)
    return path


def test_opening_a_damaged_database_is_refused_and_changes_nothing(damaged_db):
    before = digest(damaged_db)
    with pytest.raises(DatabaseUnavailable, match=r"is damaged \(.+\); nothing was changed"):
        open_store(damaged_db)
    assert digest(damaged_db) == before
    assert not list(damaged_db.parent.glob("*.before-*"))  # no migration ran, so no backup was made


def test_cli_reports_a_damaged_database_in_one_line(damaged_db, capsys):
    from smartcity_assess.cli import main

    before = digest(damaged_db)
    assert main(["--db", str(damaged_db), "assessments", "list"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: the database {damaged_db} is damaged") and err.count("\n") == 1
    assert digest(damaged_db) == before


def test_damage_found_during_a_command_is_one_line_too(db_path, capsys, monkeypatch):
    from smartcity_assess.cli import main

    def fails(*args, **kwargs):
        damage = sqlite3.DatabaseError("database disk image is malformed")
        damage.sqlite_errorcode = sqlite3.SQLITE_CORRUPT  # as SQLite reports it: classified by its code
        raise DatabaseError("SELECT …", {}, damage)

    monkeypatch.setattr(Store, "list_assessments", fails)
    assert main(["--db", str(db_path), "assessments", "list"]) == 2
    err = capsys.readouterr().err
    assert err == f"error: {db_path} is not a Smart City Assess database, or it is damaged\n"


def test_a_database_in_a_folder_that_does_not_exist_is_refused(tmp_path):
    missing = tmp_path / "no-such-folder" / "x.db"
    with pytest.raises(DatabaseUnavailable, match="does not exist"):
        open_store(missing)
    assert not missing.parent.exists()


def test_a_database_error_that_is_a_bug_of_ours_is_not_blamed_on_the_user(db_path, monkeypatch):
    from smartcity_assess.cli import main

    def fails(*args, **kwargs):
        bug = sqlite3.OperationalError("no such column: colour")  # our SQL, not the user's file
        bug.sqlite_errorcode = sqlite3.SQLITE_ERROR
        raise DatabaseError("SELECT colour", {}, bug)

    monkeypatch.setattr(Store, "list_assessments", fails)
    with pytest.raises(DatabaseError):  # a traceback (and the log), exit status 1: not "error: your file…"
        main(["--db", str(db_path), "assessments", "list"])
