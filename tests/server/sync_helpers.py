"""A central server and field laptops for the sync tests: real PostgreSQL, real SQLite files."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

from smartcity_assess.cli import main
from smartcity_assess.services.assessments import new_assessment, record_response
from smartcity_assess.services.evidence import add_evidence
from smartcity_assess.services.frameworks import BUILTIN_FRAMEWORK_CODE, open_store
from tests.conftest import database_rows


def server_rows(url: str) -> dict[str, list[str]]:
    """Every row of every table on the server, as its owner sees them (BLOBs by length and hash)."""
    engine = create_engine(url)
    out = {}
    with engine.connect() as conn:
        for table in sorted(inspect(conn).get_table_names()):
            out[table] = sorted(repr(tuple(r)) for r in conn.execute(text(f'SELECT * FROM "{table}"')).all())
    engine.dispose()
    return out


def as_login(url: str, login: str) -> str:
    return make_url(url).set(username=login, password=None).render_as_string(hide_password=False)


class Laptop:
    """A field laptop: its own SQLite file, used through the services and the command line."""

    def __init__(self, folder: Path, name: str):
        self.name = name
        self.path = folder / f"{name}.db"
        self.store = open_store(self.path)

    def new(self, city="Kota Bandung", year=2026):
        return new_assessment(self.store, city, year, framework_code=BUILTIN_FRAMEWORK_CODE, assessor=self.name)

    def codes(self, assessment_id) -> list[str]:
        framework = self.store.framework(self.store.assessment(assessment_id).framework_id)
        return [i.code for i in framework.indicators if i.metric is None]

    def answer(self, assessment_id, code, **fields):
        return record_response(self.store, assessment_id, code, actor=self.name, **fields)

    def attach(self, assessment_id, code, name, data: bytes):
        return add_evidence(self.store, assessment_id, code, name, data, actor=self.name)

    def sync(self, server_url: str, *ids: str, capsys=None) -> tuple[int, str, str]:
        code = main(["--db", str(self.path), "--actor", self.name, "sync", "--server", server_url, *ids])
        out, err = capsys.readouterr() if capsys is not None else ("", "")
        return code, out, err

    def rows(self):
        return database_rows(self.path)

    def close(self):
        self.store.close()
