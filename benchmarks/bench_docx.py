"""The Word (DOCX) report: the built-in framework, and the synthetic framework of 500 indicators.

Goals (issue 13): the built-in framework's DOCX (Bandung demo 2026, with its earlier years) in under 1 s;
the 500-indicator DOCX in under 5 s. Baseline, measured in the same run: a bare python-docx document with
the same tables as plain text cells (the summary's pillar table, every pillar's indicator table, the
roadmap) and one paragraph per indicator, so the ratio is the price of our layout: styles, shading,
repeated headers, fixed widths, the radar picture and the per-indicator findings.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from _common import interleaved_medians, report, report_ratio
from bench_report import synthetic_assessments, synthetic_framework_file

from smartcity_assess.reporting import write_report
from smartcity_assess.reporting.data import gather
from smartcity_assess.reporting.roadmap import roadmap
from smartcity_assess.services.demo import load_demo
from smartcity_assess.services.frameworks import open_store

REPEAT_BUILTIN = 7
REPEAT_SYNTHETIC = 3


def bare_docx(store, assessment_id, path: Path) -> None:
    """The same tables in a bare python-docx document: default styles, text cells, no picture."""
    import docx

    data = gather(store, assessment_id)
    result = data.current.score
    document = docx.Document()

    def table(rows: list[list[str]]) -> None:
        grid = document.add_table(rows=0, cols=len(rows[0]))
        for values in rows:
            for cell, value in zip(grid.add_row().cells, values, strict=True):
                cell.text = value

    def fmt(x):
        return "-" if x is None else f"{x:.2f}"

    table([["pillar", "score", "target", "gap"]] + [[p.code, fmt(p.score), fmt(p.target), fmt(p.gap)]
                                                    for p in result.pillars])  # fmt: skip
    by_code = {r.code: r for r in result.indicators}
    for pillar in data.current.framework.pillars:
        rows = [["code", "indicator", "level", "target", "gap", "weight", "files"]]
        for ind in pillar.indicators:
            r = by_code[ind.code]
            rows.append([r.code, ind.name.get("en", ""), str(r.level), str(r.target), fmt(r.gap), str(r.weight), "0"])
        table(rows)
        for ind in pillar.indicators:
            document.add_paragraph(f"{ind.code}: {ind.rubric.get(by_code[ind.code].level or 1, {}).get('en', '')}")
    items = roadmap(result)
    if items:
        table([[i.phase, i.gap.code, str(i.gap.level), str(i.gap.target), f"{i.cumulative_share:.0%}"] for i in items])
    document.save(path)


def main() -> None:
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store = open_store(folder / "bench.db")
        load_demo(store)
        (bandung,) = store.list_assessments(city="Bandung (demo)", year=2026)
        synthetic = synthetic_assessments(store, synthetic_framework_file(folder))
        results = {}
        for name, assessment_id, repeat in (
            ("built-in", bandung.id, REPEAT_BUILTIN),
            ("synthetic", synthetic, REPEAT_SYNTHETIC),
        ):
            out, bare_out = folder / f"{name}.docx", folder / f"{name}-bare.docx"
            write_report(store, assessment_id, out)  # warm-up: python-docx and its template load once
            ours, bare = interleaved_medians(
                lambda i=assessment_id, o=out: write_report(store, i, o),
                lambda i=assessment_id, o=bare_out: bare_docx(store, i, o),
                repeat,
            )
            results[name] = (ours, bare, out.stat().st_size / 1024)
        store.close()

    for name, goal, title in (
        ("built-in", 1000, "built-in framework, Bandung (demo) 2026"),
        ("synthetic", 5000, "synthetic framework, 500 indicators, 3 years"),
    ):
        ms, bare_ms, size_kb = results[name]
        print(f"{title}: {size_kb:.0f} KB")
        ok &= report("  write_report(… .docx), median", ms, goal)
        report("  baseline: bare python-docx, same tables, median", bare_ms)
        report_ratio("  ratio report / bare python-docx", ms / bare_ms)
    raise SystemExit(0 if ok else 1)


if __name__ == "__main__":
    main()
