"""A sync with a PostgreSQL server: one assessment of the built-in framework, answered, with 10 MB of evidence.

    SMARTCITY_ASSESS_TEST_PG=postgresql+psycopg://postgres@127.0.0.1:PORT/postgres python benchmarks/bench_sync.py

(`bash .ci/postgres.sh` starts a throwaway server and prints that URL.) Each run gets a new server
database (from a template set up once with `server init`). Prints medians of: the first sync (the
push: every response, its history, the audit chain and the evidence), a pull of it into an empty
laptop, and a second sync that has nothing to do; each against a plain psycopg copy of the same rows
and bytes from the SQLite file into the server, in one transaction. Goal (issue 12): the sync < 2 s.
"""

from __future__ import annotations

import os
import random
import sqlite3
import tempfile
import uuid
from pathlib import Path

import psycopg
from _common import median, random_rows, report, report_ratio, timings_ms
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from smartcity_assess.services import server
from smartcity_assess.services.assessments import new_assessment
from smartcity_assess.services.evidence import add_evidence
from smartcity_assess.services.frameworks import BUILTIN_FRAMEWORK_CODE, open_store
from smartcity_assess.services.sync import sync

MB = 1024 * 1024
FILES = 2  # 2 × 5 MB of photos
REPEAT = 5
TABLES = ("responses", "response_revisions", "audit_entries", "evidence_files")


def laptop(path: Path):
    store = open_store(path)
    framework = store.framework(store.find_framework(BUILTIN_FRAMEWORK_CODE).id)
    aid = new_assessment(store, "Kota Bandung", 2026, actor="bench")
    store.save_responses(aid, random_rows(framework, random.Random(12)), actor="bench")
    codes = [i.code for i in framework.indicators]
    for n in range(FILES):
        add_evidence(store, aid, codes[n], f"photo-{n}.jpg", os.urandom(10 * MB // FILES), actor="bench")
    return store, aid


class Server:
    """New databases on the benchmark's server, each a copy of one set up with `server init`."""

    def __init__(self, admin_url: str):
        self.admin_url = admin_url
        self.admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        self.template = self._create()
        server.init(self.url(self.template))
        create_engine(self.url(self.template)).dispose()
        self.made = [self.template]

    def _create(self, template: str | None = None) -> str:
        name = f"sca_bench_sync_{uuid.uuid4().hex[:8]}"
        with self.admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else "")))
        return name

    def url(self, name: str) -> str:
        return make_url(self.admin_url).set(database=name).render_as_string(hide_password=False)

    def fresh(self) -> str:
        name = self._create(self.template)
        self.made.append(name)
        return self.url(name)

    def close(self) -> None:
        with self.admin.connect() as conn:
            for name in self.made:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        self.admin.dispose()


def plain_copy(sqlite_path: Path, url: str, assessment_id: uuid.UUID) -> None:
    """The baseline: the assessment's rows and evidence bytes read with sqlite3 and written with psycopg."""
    src = sqlite3.connect(sqlite_path)
    key = assessment_id.hex
    rows = []
    for table in TABLES:
        rows += [(table, repr(r)) for r in src.execute(f"SELECT * FROM {table} WHERE assessment_id = ?", (key,))]
    shas = [r[0] for r in src.execute("SELECT DISTINCT sha256 FROM evidence_files WHERE assessment_id = ?", (key,))]
    blobs = [src.execute("SELECT sha256, data FROM evidence_blobs WHERE sha256 = ?", (s,)).fetchone() for s in shas]
    src.close()
    dsn = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(dsn) as conn:
        conn.execute("CREATE TABLE IF NOT EXISTS copy_rows (tbl text, row text)")
        conn.execute("CREATE TABLE IF NOT EXISTS copy_blobs (sha256 text, data bytea)")
        with conn.cursor().copy("COPY copy_rows (tbl, row) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        conn.cursor().executemany("INSERT INTO copy_blobs VALUES (%s, %s)", blobs)
        conn.commit()


def main() -> None:
    admin_url = os.environ.get("SMARTCITY_ASSESS_TEST_PG")
    if not admin_url:
        raise SystemExit("set SMARTCITY_ASSESS_TEST_PG to a PostgreSQL server's URL (bash .ci/postgres.sh)")
    central = Server(admin_url)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            store, aid = laptop(folder / "laptop.db")
            responses = len(store.responses(aid))
            print(f"one assessment: {responses} responses, {FILES} evidence files, 10 MB; medians of {REPEAT}")
            # the server databases are made before the clock runs (one more each for the warm-up call)
            targets = [central.fresh() for _ in range(REPEAT + 1)]
            copy_targets = [central.fresh() for _ in range(REPEAT + 1)]
            urls = []

            def first_sync() -> None:
                urls.append(targets.pop())
                result = sync(store, urls[-1], actor="bench")
                assert result.pushed == responses and result.evidence_bytes == 10 * MB

            pushes = timings_ms(first_sync, REPEAT)
            copies = timings_ms(lambda: plain_copy(folder / "laptop.db", copy_targets.pop(), aid), REPEAT)
            again = timings_ms(lambda: sync(store, urls[-1], actor="bench"), REPEAT)
            assert sync(store, urls[-1], actor="bench").nothing_to_do

            pulls = []
            for n in range(REPEAT):
                other = open_store(folder / f"empty-{n}.db")
                pulls += timings_ms(lambda other=other: sync(other, urls[-1], actor="bench"), 1, warmup=0)
                other.close()
            store.close()

        baseline = median(copies)
        met = report("first sync: push 1 assessment + 10 MB evidence", median(pushes), 2000)
        report("pull of it into an empty laptop", median(pulls), 2000)
        report("second sync, nothing to do", median(again))
        report("baseline: plain psycopg copy of the same rows and bytes", baseline)
        report_ratio("first sync / baseline", median(pushes) / baseline)
        report_ratio("pull / baseline", median(pulls) / baseline)
        report_ratio("no-op sync / baseline", median(again) / baseline)
        if not met:
            raise SystemExit(1)
    finally:
        central.close()


if __name__ == "__main__":
    main()
