"""Recording one response through the autosave path (validation, write, audit row).

Goal (issue 2): median under 5 ms. Baseline: one plain sqlite3 INSERT+COMMIT into a table of the
same shape on the same disk, which is the floor any ORM layer stands on.
"""

from __future__ import annotations

import itertools
import sqlite3
import tempfile
from pathlib import Path

from _common import median, report, report_ratio, timings_ms

from smartcity_assess.services.assessments import new_assessment, record_response
from smartcity_assess.services.frameworks import open_store

REPEAT = 300


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "bench.db")
        assessment_id = new_assessment(store, "Bench City", 2026, assessor="bench")
        framework = store.framework(store.assessment(assessment_id).framework_id)
        plain_codes = [i.code for i in framework.indicators if i.metric is None]  # metric ones take a value
        steps = itertools.cycle(itertools.product(plain_codes, (1, 2, 3, 4, 5)))

        def record() -> None:
            code, level = next(steps)
            record_response(store, assessment_id, code, level=level, actor="bench")

        recorded = timings_ms(record, REPEAT, warmup=5)
        store.close()

        raw = sqlite3.connect(Path(tmp) / "raw.db")
        raw.execute("PRAGMA journal_mode=WAL")
        raw.execute("PRAGMA synchronous=NORMAL")
        raw.execute("CREATE TABLE r (id INTEGER PRIMARY KEY, code TEXT, level INTEGER, note TEXT, at TEXT)")
        counter = itertools.count()

        def plain_insert() -> None:
            raw.execute(
                "INSERT INTO r (code, level, note, at) VALUES (?, ?, '', datetime('now'))", ("X", next(counter))
            )
            raw.commit()

        baseline = timings_ms(plain_insert, REPEAT, warmup=5)
        raw.close()

    print(f"record_response: {REPEAT} saves of a level (each: validate, update, audit row, commit)")
    ok = report("record one response, median", median(recorded), 5.0)
    report("record one response, 90th percentile", sorted(recorded)[int(REPEAT * 0.9)])
    report("baseline: plain sqlite3 insert + commit, median", median(baseline))
    report_ratio("ratio record / plain insert", median(recorded) / median(baseline))
    raise SystemExit(0 if ok else 1)


if __name__ == "__main__":
    main()
