"""Packages: export and import of the built-in framework answered with 50 MB of evidence, and the
merge of two packages of a 500-indicator framework.

Goals (issue 11): export and import each under 3 s, peak memory not growing with the evidence
size (streamed: measured with 10 MB and with 50 MB of evidence); merging a package of a
500-indicator framework into a database that changed the same assessment, under 1 s. Baseline:
writing and reading the same evidence bytes as a plain zip with zipfile, in this run.
"""

from __future__ import annotations

import os
import random
import sqlite3
import tempfile
import tracemalloc
import zipfile
from pathlib import Path

from _common import median, random_rows, report, report_ratio, timings_ms

from smartcity_assess.core.framework_loader import load_framework_text
from smartcity_assess.services.assessments import new_assessment
from smartcity_assess.services.evidence import add_evidence
from smartcity_assess.services.frameworks import BUILTIN_FRAMEWORK_CODE, open_store
from smartcity_assess.services.merging import import_package
from smartcity_assess.services.packages import export_package

MB = 1024 * 1024
FILE_SIZE = 5 * MB
REPEAT = 5


def answered_with_evidence(folder: Path, name: str, evidence_mb: int):
    store = open_store(folder / f"{name}.db")
    framework = store.framework(store.find_framework(BUILTIN_FRAMEWORK_CODE).id)
    aid = new_assessment(store, "Bandung", 2025, actor="bench")
    store.save_responses(aid, random_rows(framework, random.Random(11)), actor="bench")
    codes = [i.code for i in framework.indicators]
    for n in range(evidence_mb * MB // FILE_SIZE):
        add_evidence(store, aid, codes[n % len(codes)], f"photo-{n}.jpg", os.urandom(FILE_SIZE), actor="bench")
    return store, aid


def peak_mb(fn) -> float:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / MB
    finally:
        tracemalloc.stop()


def big_framework_text(indicators: int) -> str:
    rubric = "{1: a, 2: b, 3: c, 4: d, 5: e}"
    lines = [
        "code: bench-500",
        'version: "1"',
        "title: Bench",
        "levels: {1: L1, 2: L2, 3: L3, 4: L4, 5: L5}",
        "bands: [{min: 0, label: Low}, {min: 3, label: High}]",
        "default_target: 4",
        "pillars:",
    ]
    for p in range(5):
        lines += [f"  - code: P{p}", f"    name: Pillar {p}", "    weight: 1", "    indicators:"]
        for i in range(indicators // 5):
            lines += [f"      - {{code: P{p}-{i:03d}, name: I{i}, question: Q, weight: 1, rubric: {rubric}}}"]
    return "\n".join(lines) + "\n"


def merge_setup(folder: Path):
    """A lead and an assessor on a 500-indicator framework; both changed it since the lead's package."""
    text = big_framework_text(500)
    framework = load_framework_text(text)
    lead, ani = open_store(folder / "lead500.db"), open_store(folder / "ani500.db")
    for store in (lead, ani):
        store.add_framework(framework, text)
    aid = new_assessment(lead, "Bandung", 2025, framework_code="bench-500", actor="lead")
    lead.save_responses(aid, random_rows(framework, random.Random(1)), actor="lead")
    start = export_package(lead, aid, folder / "start500.scapkg", actor="lead")
    import_package(ani, start, actor="ani")
    codes = [i.code for i in framework.indicators]
    ani.save_responses(
        aid, {c: {"level": 1 + (n % 5), "na": False, "note": "ani"} for n, c in enumerate(codes[:250])}, actor="ani"
    )
    lead.save_responses(aid, {c: {"note": "lead"} for c in codes[200:300]}, actor="lead")  # 50 overlap: conflicts
    return lead, aid, export_package(ani, aid, folder / "ani500.scapkg", actor="ani")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store, aid = answered_with_evidence(folder, "fifty", 50)
        small, small_id = answered_with_evidence(folder, "ten", 10)
        out = folder / "out.scapkg"

        def export() -> None:
            export_package(store, aid, out, actor="bench")

        runs = iter(range(10_000))

        def import_fresh() -> None:
            target = open_store(folder / f"fresh-{next(runs)}.db")
            try:
                import_package(target, out, actor="bench")
            finally:
                target.close()

        blobs = [os.urandom(FILE_SIZE) for _ in range(10)]

        def baseline_zip() -> None:
            with zipfile.ZipFile(folder / "plain.zip", "w") as zf:
                for n, data in enumerate(blobs):
                    zf.writestr(f"e{n}", data)
            with zipfile.ZipFile(folder / "plain.zip") as zf:
                for info in zf.infolist():
                    zf.read(info)

        exports, imports, baseline = [], [], []
        for _ in range(REPEAT):  # interleaved: load from others on the machine falls on all alike
            exports += timings_ms(export, 1, warmup=0)
            imports += timings_ms(import_fresh, 1, warmup=0)
            baseline += timings_ms(baseline_zip, 1, warmup=0)
        size = out.stat().st_size / MB

        export_peak_50 = peak_mb(export)
        import_peak_50 = peak_mb(import_fresh)
        export_package(small, small_id, out, actor="bench")
        export_peak_10 = peak_mb(lambda: export_package(small, small_id, out, actor="bench"))
        import_peak_10 = peak_mb(import_fresh)

        lead, _, ani_package = merge_setup(folder)
        merges = []
        for n in range(REPEAT):
            copy = folder / f"merge-{n}.db"
            # each run merges into the same starting state: a copy of the lead's database
            with sqlite3.connect(folder / "lead500.db") as src, sqlite3.connect(copy) as dst:
                src.backup(dst)
            target = open_store(copy)
            merges += timings_ms(lambda target=target: import_package(target, ani_package, actor="lead"), 1, warmup=0)
            target.close()
        result = import_package(lead, ani_package, actor="lead")
        for s in (store, small, lead):
            s.close()

    print(f"package of the built-in framework, all answered, 50 MB of evidence in 10 files: {size:.1f} MB")
    ok = report("export, median", median(exports), 3000)
    ok &= report("import into an empty database (all checks), median", median(imports), 3000)
    report("baseline: plain zipfile write + read of the same 50 MB, median", median(baseline))
    report_ratio("ratio export / baseline", median(exports) / median(baseline))
    report_ratio("ratio import / baseline", median(imports) / median(baseline))
    report("export peak memory (tracemalloc), 10 MB of evidence", export_peak_10, unit="MB")
    report("export peak memory (tracemalloc), 50 MB of evidence", export_peak_50, unit="MB")
    ok &= report_ratio("ratio export peak 50 MB / 10 MB", export_peak_50 / export_peak_10, 1.5)
    report("import peak memory (tracemalloc), 10 MB of evidence", import_peak_10, unit="MB")
    report("import peak memory (tracemalloc), 50 MB of evidence", import_peak_50, unit="MB")
    ok &= report_ratio("ratio import peak 50 MB / 10 MB", import_peak_50 / import_peak_10, 1.5)
    print(f"merge: 500 indicators, {result.line()}")
    ok &= report("merge of the assessor's package into the lead's, median", median(merges), 1000)
    raise SystemExit(0 if ok else 1)


if __name__ == "__main__":
    main()
