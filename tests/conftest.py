"""Shared fixtures. Qt runs offscreen: set before anything imports Qt."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SMARTCITY_ASSESS_USER", "tester")

from pathlib import Path

import pytest

from smartcity_assess.cli import main
from smartcity_assess.core.framework_loader import load_framework_file
from smartcity_assess.persistence.store import Store
from smartcity_assess.services.frameworks import open_store

DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path, monkeypatch):
    """No test may touch the real user data folder or settings."""
    monkeypatch.setenv("SMARTCITY_ASSESS_DB", str(tmp_path / "default.db"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("SMARTCITY_ASSESS_LOG_DIR", str(tmp_path / "logs"))
    monkeypatch.setenv("LANGUAGE", "en")  # the CLI's default language follows the system's: tests read English


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "assess.db"


@pytest.fixture
def store(db_path) -> Store:
    """A fresh database with the built-in framework imported."""
    s = open_store(db_path)
    yield s
    s.close()


@pytest.fixture
def mini_framework():
    return load_framework_file(DATA / "mini.yaml")


@pytest.fixture
def mini_store(store, mini_framework) -> Store:
    store.add_framework(mini_framework, (DATA / "mini.yaml").read_text())
    return store


@pytest.fixture
def run(db_path, capsys):
    """Run the command line on the test's database: run(*argv) -> (exit status, stdout, stderr)."""

    def _run(*argv):
        code = main(["--db", str(db_path), *argv])
        out, err = capsys.readouterr()
        return code, out, err

    return _run


def database_rows(path) -> dict[str, list[tuple]]:
    """Every row of every table, sorted: compare before and after to show a refusal changed nothing."""
    import sqlite3

    with sqlite3.connect(path) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {t: sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}
