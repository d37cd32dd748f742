"""Loading comparison data: 50 cities × 10 years of the built-in framework, straight from the database.

Goal (issue 5): the comparison data of all 500 assessments — assessments listed, answers read, every
assessment scored and each city's years laid side by side in a comparison table — in under 300 ms (median),
printed with the ratio to a plain sqlite3 read of the same rows, measured in this run. Also printed:
the two operations the Compare view runs, one city over 10 years and one year across 50 cities.
Run from a checkout: `python benchmarks/bench_compare.py`.
"""

from __future__ import annotations

import random
import sqlite3
import tempfile
import time
from pathlib import Path

from _common import median, random_rows, report, report_ratio, timings_ms

from smartcity_assess.core.comparison import ComparedAssessment, build_comparison
from smartcity_assess.persistence.store import Store
from smartcity_assess.services.assessments import score_many
from smartcity_assess.services.compare import compare_cities, compare_years
from smartcity_assess.services.frameworks import BUILTIN_FRAMEWORK_CODE, open_store

CITIES = 50
YEARS = tuple(range(2016, 2026))
REPEAT = 9
GOAL_MS = 300.0


def fill(store: Store) -> None:
    """Every indicator answered (a few N/A), every assessment final, as a real history would be."""
    info = store.find_framework(BUILTIN_FRAMEWORK_CODE)
    framework = store.framework(info.id)
    rng = random.Random(2026)
    for city in range(CITIES):
        for year in YEARS:
            assessment_id = store.create_assessment(f"City {city:02d}", year, info.id, actor="bench")
            store.save_responses(assessment_id, random_rows(framework, rng), actor="bench")
            store.finalize(assessment_id, actor="bench")


def load_all_comparisons(path: Path) -> int:
    """The whole comparison data set from a cold store: one comparison table per city over its years."""
    store = Store.open(path)
    try:
        by_city: dict[str, list[ComparedAssessment]] = {}
        for s in score_many(store, store.list_assessments()):
            by_city.setdefault(s.info.city, []).append(ComparedAssessment(str(s.info.year), s.framework, s.score))
        return sum(len(build_comparison(columns).table) for columns in by_city.values())
    finally:
        store.close()


def plain_read(path: Path) -> int:
    """The unavoidable part: the same response rows (with city and year) read with sqlite3 into tuples."""
    with sqlite3.connect(path) as conn:
        rows = conn.execute(
            "SELECT c.name, a.year, r.indicator_code, r.level, r.na, r.target FROM responses r "
            "JOIN assessments a ON a.id = r.assessment_id JOIN cities c ON c.id = a.city_id"
        ).fetchall()
    return len(rows)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        store = open_store(path)
        start = time.perf_counter()
        fill(store)
        print(f"filled {CITIES} cities × {len(YEARS)} years in {time.perf_counter() - start:.1f} s")
        assert plain_read(path) == CITIES * len(YEARS) * 33
        cities = [f"City {c:02d}" for c in range(CITIES)]

        all_ms = median(timings_ms(lambda: load_all_comparisons(path), REPEAT))
        base_ms = median(timings_ms(lambda: plain_read(path), REPEAT))
        years_ms = median(timings_ms(lambda: compare_years(store, "City 07"), REPEAT))
        cities_ms = median(timings_ms(lambda: compare_cities(store, 2025, cities), REPEAT))
        store.close()

    met = report("all 500 assessments → 50 comparison tables, median", all_ms, GOAL_MS)
    report("baseline: plain sqlite3 read of the same 16,500 rows, median", base_ms)
    report_ratio("ratio comparison data / plain read", all_ms / base_ms)
    report("one city over 10 years (Compare view), median", years_ms)
    report("one year across 50 cities (Compare view), median", cities_ms)
    raise SystemExit(0 if met else 1)


if __name__ == "__main__":
    main()
