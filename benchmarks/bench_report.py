"""The PDF gap report: the built-in framework, and a synthetic framework of 500 indicators.

Goals (issue 4): the built-in framework's report (Bandung demo 2026, 3 years) in under 1 s; the
500-indicator report in under 5 s with peak memory under 300 MB (measured in a fresh subprocess:
peak RSS of the whole process, and the tracemalloc peak of Python allocations during the write).
Baseline, measured in the same run: a bare reportlab document (SimpleDocTemplate, built-in Helvetica,
plain string cells) with the same tables — the summary's pillar table, every pillar's indicator table,
the largest gaps, the roadmap and the progress table — so the ratio is the price of our layout:
embedded fonts, wrapped paragraphs, the radar, the rubric texts, the page frame.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml
from _common import interleaved_medians, report, report_ratio

from smartcity_assess.core.framework_loader import load_framework_file
from smartcity_assess.reporting import write_report
from smartcity_assess.reporting.data import gather
from smartcity_assess.services.assessments import earlier_finals, score
from smartcity_assess.services.demo import load_demo
from smartcity_assess.services.frameworks import open_store

SYNTHETIC_PILLARS = 5
SYNTHETIC_PER_PILLAR = 100  # 500 indicators
REPEAT_BUILTIN = 7
REPEAT_SYNTHETIC = 3
LEVELS = {n: {"en": name, "id": nama} for n, name, nama in [
    (1, "Initial", "Rintisan"), (2, "Managed", "Terkelola"), (3, "Defined", "Terdefinisi"),
    (4, "Integrated and measured", "Terpadu dan Terukur"), (5, "Optimised", "Optimum"),
]}  # fmt: skip


def synthetic_framework_file(folder: Path) -> Path:
    """A valid framework of 500 indicators with rubric texts of realistic length in en and id."""
    rng = random.Random(500)
    words = ("data", "layanan", "kota", "warga", "jaringan", "pusat", "komando", "sensor", "terpadu", "anggaran")

    def sentence(n: int) -> str:
        return " ".join(rng.choice(words) for _ in range(n)).capitalize() + "."

    pillars = []
    for p in range(SYNTHETIC_PILLARS):
        indicators = []
        for i in range(SYNTHETIC_PER_PILLAR):
            indicators.append(
                {
                    "code": f"P{p}-{i:03d}",
                    "name": {"en": f"Indicator {p}.{i} " + sentence(4), "id": f"Indikator {p}.{i} " + sentence(4)},
                    "question": {"en": sentence(14), "id": sentence(14)},
                    "weight": rng.choice([1, 1.5, 2]),
                    "rubric": {n: {"en": sentence(22), "id": sentence(22)} for n in LEVELS},
                }
            )
        pillars.append(
            {"code": f"P{p}", "name": {"en": f"Pillar {p}", "id": f"Pilar {p}"}, "weight": 20, "indicators": indicators}
        )
    document = {
        "code": "synthetic-500",
        "version": "1",
        "title": {"en": "Synthetic framework of 500 indicators", "id": "Kerangka sintetis 500 indikator"},
        "levels": LEVELS,
        "bands": [
            {"min": low, "label": label}
            for low, label in ((0, "Poor"), (1.8, "Fair"), (2.6, "Good"), (3.5, "Very good"), (4.2, "Excellent"))
        ],
        "default_target": 4,
        "pillars": pillars,
    }
    path = folder / "synthetic-500.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def synthetic_assessments(store, framework_path: Path):
    """Three years of one city (two final, the last a draft with notes): the report has every section."""
    framework = load_framework_file(framework_path)
    info = store.add_framework(framework, framework_path.read_text(encoding="utf-8"))
    rng = random.Random(2026)
    ids = []
    for year in (2024, 2025, 2026):
        assessment_id = store.create_assessment("Synthetic City", year, info.id, assessor="bench", actor="bench")
        rows = {}
        for indicator in framework.indicators:
            if rng.random() < 0.03:
                rows[indicator.code] = {"na": True}
            else:
                note = "Catatan penilai: bukti kénéh kurang lengkap." if rng.random() < 0.2 else ""
                rows[indicator.code] = {"level": rng.randint(1, 5), "note": note}
        store.save_responses(assessment_id, rows, actor="bench")
        if year < 2026:
            store.finalize(assessment_id, actor="bench")
        ids.append(assessment_id)
    return ids[-1]


def bare_reportlab(store, assessment_id, path: Path) -> None:
    """The same tables as the report, in a bare reportlab document: no fonts, paragraphs or charts."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import PageBreak, SimpleDocTemplate, Table

    from smartcity_assess.reporting.progress import progress
    from smartcity_assess.reporting.roadmap import roadmap

    data = gather(store, assessment_id)
    result = data.current.score

    def fmt(x):
        return "-" if x is None else f"{x:.2f}"

    story = [Table([["pillar", "score", "target", "gap"]] + [[p.code, fmt(p.score), fmt(p.target), fmt(p.gap)]
                                                             for p in result.pillars])]  # fmt: skip
    story.append(Table([[g.code, g.level, g.target, fmt(g.gap)] for g in result.gaps_by_priority()[:5]]))
    by_code = {r.code: r for r in result.indicators}
    for pillar in data.current.framework.pillars:
        rows = [["code", "indicator", "level", "target", "gap", "weight", "files"]]
        for ind in pillar.indicators:
            r = by_code[ind.code]
            rows.append([r.code, ind.name.get("en", "")[:40], r.level, r.target, fmt(r.gap), r.weight, 0])
        story += [PageBreak(), Table(rows, repeatRows=1)]
    items = roadmap(result)
    if items:
        story.append(Table([[i.phase, i.gap.code, i.gap.level, i.gap.target, f"{i.cumulative_share:.0%}"]
                            for i in items], repeatRows=0))  # fmt: skip
    found = progress(data.current, data.earlier)
    if found:
        story.append(Table([[r.code or "overall", *map(fmt, r.scores), fmt(r.change)] for r in found.rows]))
    SimpleDocTemplate(str(path), pagesize=A4).build(story)


def measure_memory(db: Path, assessment_id, out: Path) -> dict:
    """Peak memory of writing one report, in a fresh interpreter so earlier runs do not count."""
    code = f"""
import json, resource, sys, tracemalloc, uuid
sys.path.insert(0, {str(Path(__file__).resolve().parent.parent)!r})
from smartcity_assess.persistence.store import Store
from smartcity_assess.reporting import write_report
from smartcity_assess.reporting.data import gather
store = Store.open({str(db)!r})
tracemalloc.start()
write_report(store, uuid.UUID({str(assessment_id)!r}), {str(out)!r})
_, peak = tracemalloc.get_traced_memory()
rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux
print(json.dumps({{"tracemalloc_mb": peak / 2**20, "max_rss_mb": rss_mb}}))
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def pages(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(path).pages)


def main() -> None:
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = folder / "bench.db"
        store = open_store(db)
        load_demo(store)
        (bandung,) = store.list_assessments(city="Bandung (demo)", year=2026)
        synthetic = synthetic_assessments(store, synthetic_framework_file(folder))
        assert score(store, synthetic).score.overall.score is not None

        results = {}
        for name, assessment_id, repeat in (
            ("built-in", bandung.id, REPEAT_BUILTIN),
            ("synthetic", synthetic, REPEAT_SYNTHETIC),
        ):
            out, bare_out = folder / f"{name}.pdf", folder / f"{name}-bare.pdf"
            ours, bare = interleaved_medians(
                lambda i=assessment_id, o=out: write_report(store, i, o),
                lambda i=assessment_id, o=bare_out: bare_reportlab(store, i, o),
                repeat,
            )
            results[name] = (ours, bare, pages(out))
        earlier_years = len(earlier_finals(store, bandung))
        memory = measure_memory(db, synthetic, folder / "memory.pdf")
        store.close()

    ms, bare_ms, page_count = results["built-in"]
    print(f"built-in framework, Bandung (demo) 2026 with {earlier_years} earlier years: {page_count} pages")
    ok &= report("  write_report, median", ms, 1000)
    report("  baseline: bare reportlab, same tables, median", bare_ms)
    report_ratio("  ratio report / bare reportlab", ms / bare_ms)
    ms, bare_ms, page_count = results["synthetic"]
    print(f"synthetic framework, {SYNTHETIC_PILLARS * SYNTHETIC_PER_PILLAR} indicators, 3 years: {page_count} pages")
    ok &= report("  write_report, median", ms, 5000)
    report("  baseline: bare reportlab, same tables, median", bare_ms)
    report_ratio("  ratio report / bare reportlab", ms / bare_ms)
    ok &= report("  peak RSS of a fresh process writing it", memory["max_rss_mb"], 300, unit="MB")
    report("  tracemalloc peak during write_report", memory["tracemalloc_mb"], unit="MB")
    raise SystemExit(0 if ok else 1)


if __name__ == "__main__":
    main()
