"""Scoring 1,000 stored assessments of the built-in framework, straight from the database.

Goals (issue 2): under 1 s in total, and within 3× of only reading the same response rows with
plain sqlite3 into a pandas DataFrame (the unavoidable part of the work), measured in this run.
"""

from __future__ import annotations

import random
import sqlite3
import tempfile
from pathlib import Path

import pandas as pd
from _common import median, random_rows, report, report_ratio, timings_ms

from smartcity_assess.services.assessments import score_many
from smartcity_assess.services.frameworks import BUILTIN_FRAMEWORK_CODE, open_store

ASSESSMENTS = 1000
REPEAT = 11


def fill(store) -> None:
    """1,000 assessments (100 cities × 10 years), every indicator answered, a few N/A."""
    info = store.find_framework(BUILTIN_FRAMEWORK_CODE)
    framework = store.framework(info.id)
    rng = random.Random(2026)
    for n in range(ASSESSMENTS):
        assessment_id = store.create_assessment(f"City {n // 10:03d}", 2015 + n % 10, info.id, actor="bench")
        store.save_responses(assessment_id, random_rows(framework, rng), actor="bench")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        store = open_store(path)
        fill(store)
        scored = score_many(store)
        assert len(scored) == ASSESSMENTS and all(s.score.overall.score is not None for s in scored)

        from smartcity_assess.persistence.store import Store

        # A fresh Store each time, so its framework cache does not hide a cold start; on the one
        # engine, since opening (migration check, integrity check) is measured on its own below.
        def score_all() -> None:
            score_many(Store(store.engine))

        def open_database() -> None:
            Store.open(path).close()

        def plain_read() -> None:
            with sqlite3.connect(path) as conn:
                pd.read_sql_query("SELECT assessment_id, indicator_code, level, na, target FROM responses", conn)

        # Interleaved, so that load from other processes on a shared machine falls on both alike.
        opening = timings_ms(open_database, REPEAT)
        scoring, baseline = [], []
        for _ in range(REPEAT):
            scoring += timings_ms(score_all, 1, warmup=0)
            baseline += timings_ms(plain_read, 1, warmup=0)
        store.close()

    print(f"score_many: {ASSESSMENTS} assessments × {len(scored[0].framework.indicators)} indicators, fresh store")
    ok = report("score 1,000 assessments from the database, median", median(scoring), 1000)
    report("baseline: plain sqlite3 read of the rows into pandas, median", median(baseline))
    ok &= report_ratio("ratio scoring / plain read", median(scoring) / median(baseline), 3.0)
    report("opening the database (schema and integrity checks), median", median(opening))
    raise SystemExit(0 if ok else 1)


if __name__ == "__main__":
    main()
