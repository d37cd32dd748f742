"""Shared fixtures. Qt runs offscreen: set before anything imports Qt."""

import os
import uuid

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
    yield
    from smartcity_assess import app_log

    app_log.stop_logging()  # a test that met a bug started the log in its own folder: not the next one's


PG_ENV = "SMARTCITY_ASSESS_TEST_PG"


@pytest.fixture(scope="session")
def pg_server() -> str:
    """The URL of a PostgreSQL server whose superuser the tests may use (CI starts one)."""
    url = os.environ.get(PG_ENV)
    if url:
        return url
    message = (
        f"no PostgreSQL server for these tests: run `bash .ci/postgres.sh` (as root; it needs Debian's postgresql) "
        f"and set {PG_ENV} to the URL it prints"
    )
    if os.environ.get("CI"):
        pytest.fail(message)  # CI starts a server: these tests are never skipped there
    pytest.skip(message)


@pytest.fixture
def pg_url(pg_server) -> str:
    """A new, empty database on the test server for one test; dropped afterwards."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"sca_test_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    admin = create_engine(pg_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(pg_server).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def backend_url(request, tmp_path) -> str:
    """The same test on the embedded database and on a PostgreSQL server."""
    if request.param == "sqlite":
        return str(tmp_path / "backend.db")
    return request.getfixturevalue("pg_url")


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
