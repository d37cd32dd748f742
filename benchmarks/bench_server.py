"""A national dataset on a PostgreSQL server: scoring, compare across cities, the app's list.

    SMARTCITY_ASSESS_TEST_PG=postgresql+psycopg://postgres@127.0.0.1:PORT/postgres python benchmarks/bench_server.py

(`bash .ci/postgres.sh` starts a throwaway server and prints that URL.) Builds 50 and then 514 cities
× 10 years of the built-in framework (5,140 assessments, ~170,000 responses) in a new database,
and prints each figure with its ratio to a plain psycopg read of the same response rows, and how
it grows from 50 to 514 cities. Goal (issue 12): each under 2 s at 514 cities.
"""

from __future__ import annotations

import os
import random
import time
import uuid

import psycopg
from _common import median, report, report_ratio, timings_ms
from sqlalchemy import create_engine, insert, text
from sqlalchemy.engine import make_url

from smartcity_assess.persistence.models import FINAL, utcnow
from smartcity_assess.persistence.store import ASSESSMENTS, CITIES, RESPONSES, city_key
from smartcity_assess.services.assessments import score_many
from smartcity_assess.services.compare import compare_cities
from smartcity_assess.services.frameworks import BUILTIN_FRAMEWORK_CODE, open_store

YEARS = range(2017, 2027)
REPEAT = 3


def fill(store, first: int, last: int, rng: random.Random) -> None:
    """Cities first..last-1, ten final years each, every indicator answered (bulk rows: a benchmark's data)."""
    info = store.find_framework(BUILTIN_FRAMEWORK_CODE)
    codes = [i.code for i in store.framework(info.id).indicators]
    now = utcnow()
    with store.engine.begin() as conn:
        for n in range(first, last):
            city_id, name = uuid.uuid4(), f"Kota {n:03d}"
            conn.execute(insert(CITIES).values(id=city_id, name=name, name_key=city_key(name), created_at=now))
            assessments, responses = [], []
            for year in YEARS:
                aid = uuid.uuid4()
                assessments.append(
                    dict(
                        id=aid,
                        city_id=city_id,
                        year=year,
                        framework_id=info.id,
                        framework_code=info.code,
                        assessor="bench",
                        status=FINAL,
                        is_demo=False,
                        created_at=now,
                        updated_at=now,
                        finalized_at=now,
                        finalized_by="bench",
                    )
                )
                responses += [
                    dict(
                        id=uuid.uuid4(),
                        assessment_id=aid,
                        indicator_code=c,
                        level=rng.randint(1, 5),
                        na=False,
                        target=None,
                        value=None,
                        note="",
                        updated_by="bench",
                        updated_at=now,
                        revision=uuid.uuid4(),
                        revision_number=1,
                    )
                    for c in codes
                ]
            conn.execute(insert(ASSESSMENTS), assessments)
            conn.execute(insert(RESPONSES), responses)


def measure(store, url: str, cities: int) -> dict[str, float]:
    names = [f"Kota {n:03d}" for n in range(cities)]
    libpq = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)

    def plain_read():
        with psycopg.connect(libpq) as conn:
            conn.execute("SELECT assessment_id, indicator_code, level, na, target FROM responses").fetchall()

    return {
        "plain": median(timings_ms(plain_read, REPEAT)),
        "score all": median(timings_ms(lambda: score_many(store), REPEAT)),
        "compare cities": median(timings_ms(lambda: compare_cities(store, 2026, names), REPEAT)),
        "list": median(timings_ms(lambda: [(s.info.city, s.score.overall.score) for s in score_many(store)], REPEAT)),
    }


def main() -> None:
    server = os.environ.get("SMARTCITY_ASSESS_TEST_PG")
    if not server:
        raise SystemExit("set SMARTCITY_ASSESS_TEST_PG to a PostgreSQL server URL (bash .ci/postgres.sh starts one)")
    name = f"sca_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(server).set(database=name).render_as_string(hide_password=False)
    try:
        store = open_store(url)
        rng = random.Random(514)
        results = {}
        done = 0
        for cities in (50, 514):
            start = time.perf_counter()
            fill(store, done, cities, rng)
            done = cities
            with store.engine.begin() as conn:
                conn.execute(text("ANALYZE"))
                rows = conn.execute(text("SELECT count(*) FROM responses")).scalar()
            print(
                f"{cities} cities × {len(YEARS)} years: {cities * len(YEARS)} assessments, {rows} responses "
                f"(built in {time.perf_counter() - start:.0f} s)"
            )
            results[cities] = measure(store, url, cities)
            figures = results[cities]
            report("  plain psycopg read of the response rows, median", figures["plain"])
            for what, goal in (("score all", 2000), ("compare cities", 2000), ("list", 2000)):
                report(f"  {what}, median", figures[what], goal)
                report_ratio(f"  {what} / plain read", figures[what] / figures["plain"])
        print("growth from 50 to 514 cities (×10.3 the rows):")
        for what in ("plain", "score all", "compare cities", "list"):
            report_ratio(f"  {what}", results[514][what] / results[50][what])
        store.close()
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


if __name__ == "__main__":
    main()
