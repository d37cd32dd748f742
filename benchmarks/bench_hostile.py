"""Hostile and worst-case inputs (issue 15): every limit, the peak memory of the worst inputs still
accepted, and how fast the ones just beyond a limit are refused.

Goals: no accepted input over 500 MB of memory; every refused one refused in under 2 s.
Each case runs in a fresh subprocess (peak RSS of the whole process, so imports and the database
count too); the baseline, measured in the same run, is a subprocess that only opens the database
and loads the framework, so "over baseline" is what the input itself costs. Times are medians.

    python benchmarks/bench_hostile.py
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
import uuid
import zipfile
from pathlib import Path

from _common import median, report

from smartcity_assess.core import limits
from tests.hostile.makers import alias_bomb, framework_yaml, shared_string_workbook

MEMORY_GOAL_MB = 500
REFUSAL_GOAL_MS = 2000
REPEAT = 3


# ---- what one subprocess does ----------------------------------------------------------------------


def child(case: str, folder: Path, db: Path, assessment: str) -> dict:
    from smartcity_assess.cli import main

    kind, _, file_name = case.partition(":")
    commands = {
        "baseline": ["assessments", "list"],
        "framework": ["frameworks", "validate", str(folder / "framework.yaml")],
        "import": ["responses", "import", assessment, str(folder / file_name)],
        "report": ["report", assessment, "--out", str(folder / "report.pdf")],
        "export": ["responses", "export", assessment, "--out", str(folder / "export.xlsx")],
    }
    argv = commands[kind]
    start = time.perf_counter()
    code = main(["--db", str(db), *argv])
    seconds = time.perf_counter() - start
    return {"code": code, "seconds": seconds, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def run_child(case: str, folder: Path, db: Path, assessment: str) -> dict:
    result = subprocess.run(
        [sys.executable, __file__, "--child", case, str(folder), str(db), assessment],
        capture_output=True,
        text=True,
        check=False,
    )
    lines = result.stdout.strip().splitlines()
    if not lines or not lines[-1].startswith("{"):
        raise RuntimeError(f"{case} failed: {result.stderr.strip()[-500:]}")
    return json.loads(lines[-1])


# ---- the inputs ---------------------------------------------------------------------------------------


def biggest_framework() -> str:
    """The largest framework accepted: the most indicators, with long bilingual texts, under the file cap."""
    text = "Lorem ipsum dolor sit amet, kota cerdas dan layanan warga " * 25  # ~1,450 characters
    return framework_yaml(limits.FRAMEWORK_MAX_INDICATORS, pillars=limits.FRAMEWORK_MAX_PILLARS, text=text.strip())


def prepare(folder: Path):
    from smartcity_assess.services.assessments import record_response
    from smartcity_assess.services.demo import load_demo
    from smartcity_assess.services.frameworks import open_store

    db = folder / "bench.db"
    store = open_store(db)
    load_demo(store)
    draft = next(a for a in store.list_assessments(city="Bandung (demo)") if not a.is_final)
    framework = store.framework(draft.framework_id)
    long_note = ("Catatan lapangan: SOP pusat komando belum ada. " * 500)[: limits.NOTE_MAX_CHARS]
    for indicator in framework.indicators:  # every note as long as a note may be
        record_response(store, draft.id, indicator.code, note=long_note)
    store.close()
    assessment = draft.id.hex

    framework_text = biggest_framework()
    assert len(framework_text.encode()) <= limits.FRAMEWORK_FILE_MAX_BYTES, len(framework_text)
    (folder / "framework.yaml").write_text(framework_text)

    codes = [i.code for i in framework.indicators]
    csv_rows = ["indicator,level,note"] + [f"{c},,{long_note}" for c in codes]
    (folder / "full.csv").write_text("\n".join(csv_rows) + "\n")
    # a workbook as large as the caps allow: its shared-string table just under the cap (refused
    # after parsing, by the note limit) — the worst a workbook can make the reader hold
    under_cap = limits.XLSX_MAX_SHARED_STRINGS_BYTES - (1 << 20)
    shared_string_workbook(folder / "cap.xlsx", [["indicator", "note"], [codes[0], "n"]], huge_note=under_cap)
    shared_string_workbook(folder / "full.xlsx", [["indicator", "note"], *[[c, long_note] for c in codes]])
    return db, assessment


def refusals(folder: Path) -> dict[str, tuple[Path, str]]:
    """Inputs just beyond a limit, and how each is read (as a framework or as a response table)."""
    cases = {}

    def put(name: str, data: bytes | str, kind: str):
        path = folder / name
        if isinstance(data, str):
            data = data.encode()
        path.write_bytes(data)
        cases[name] = (path, kind)

    put("alias-bomb.yaml", alias_bomb(), "framework")
    put("too-many-values.yaml", "[" + "0," * (limits.FRAMEWORK_MAX_NODES + 1) + "0]", "framework")
    put("too-many-indicators.yaml", framework_yaml(limits.FRAMEWORK_MAX_INDICATORS + 1), "framework")
    put("too-large.yaml", "# " + "x" * limits.FRAMEWORK_FILE_MAX_BYTES, "framework")
    put("too-deep.yaml", "a: " + "[" * 5000, "framework")
    huge = folder / "huge-shared-string.xlsx"
    shared_string_workbook(huge, [["indicator", "note"], ["GOV-01", "n"]], huge_note=1_400_000_000)
    cases[huge.name] = (huge, "table")
    parts = folder / "many-parts.xlsx"
    with zipfile.ZipFile(parts, "w") as archive:
        for n in range(limits.XLSX_MAX_PARTS + 1):
            archive.writestr(f"p{n}", b"")
    cases[parts.name] = (parts, "table")
    put("too-many-rows.csv", "indicator,level\n" + "GOV-01,3\n" * (limits.TABLE_MAX_ROWS + 1), "table")
    put("too-long-cell.csv", "indicator,note\nGOV-01," + "z" * (limits.TABLE_CELL_MAX_CHARS * 4) + "\n", "table")
    put("too-large.csv", "indicator,note\n" + ("GOV-01,x\n" * (limits.TABLE_FILE_MAX_BYTES // 9 + 1)), "table")
    return cases


def time_refusal(path: Path, kind: str, store, assessment_id: uuid.UUID) -> tuple[float, str]:
    from smartcity_assess.core.errors import UserError
    from smartcity_assess.core.framework_loader import load_framework_file
    from smartcity_assess.services.responses_io import import_responses

    def attempt() -> str:
        try:
            if kind == "framework":
                load_framework_file(path)
            else:
                import_responses(store, assessment_id, path)
        except UserError as exc:
            return str(exc)
        raise AssertionError(f"{path.name} was accepted")

    times, message = [], ""
    for _ in range(REPEAT):
        start = time.perf_counter()
        message = attempt()
        times.append((time.perf_counter() - start) * 1000)
    return median(times), message


# ---- the printout --------------------------------------------------------------------------------------


def print_limits() -> None:
    print("limits (smartcity_assess/core/limits.py):")
    for name in dir(limits):
        if name.isupper() and name not in ("KIB", "MIB"):
            value = getattr(limits, name)
            shown = f"{value / limits.MIB:g} MB" if name.endswith("_BYTES") and value >= limits.MIB else f"{value:,}"
            print(f"  {name:<34} {shown}")


def main() -> int:
    print_limits()
    met = True
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db, assessment = prepare(folder)
        baseline = run_child("baseline", folder, db, assessment)
        print(f"\nbaseline: open the demo database and list it, peak {baseline['peak_mb']:.0f} MB")
        print("worst inputs still accepted (or parsed before a content check refuses them):")
        accepted = [
            ("framework", "framework: 2,000 indicators, 50 pillars, long texts", 0),
            ("import:full.csv", "CSV: every note 20,000 characters", 0),
            ("import:full.xlsx", "XLSX: every note 20,000 characters", 0),
            ("import:cap.xlsx", "XLSX: shared strings 1 MB under the cap (note then refused)", 2),
            ("export", "XLSX export: every note 20,000 characters", 0),
            ("report", "PDF report: every note 20,000 characters", 0),
        ]
        size = (folder / "framework.yaml").stat().st_size
        for case, label, expected in accepted:
            result = run_child(case, folder, db, assessment)
            assert result["code"] == expected, (case, result)
            ok = report(f"{label}, peak", result["peak_mb"], MEMORY_GOAL_MB, unit="MB")
            over = result["peak_mb"] - baseline["peak_mb"]
            print(f"{'':<4}{result['seconds'] * 1000:8.0f} ms, {over:+.0f} MB over baseline")
            met &= ok
        print(f"  (the framework file is {size / limits.MIB:.1f} MB)")

        from smartcity_assess.services.frameworks import open_store

        store = open_store(db)
        print("refused inputs, median of", REPEAT, "attempts:")
        for name, (path, kind) in refusals(folder).items():
            ms, message = time_refusal(path, kind, store, uuid.UUID(assessment))
            met &= report(f"{name} ({path.stat().st_size / limits.MIB:.2f} MB)", ms, REFUSAL_GOAL_MS)
            print(f"    → {message[message.find(': ') + 2 :][:110]}")
        store.close()
    print("all goals met" if met else "SOME GOALS NOT MET")
    return 0 if met else 1


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        print(json.dumps(child(sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4]), sys.argv[5])))
        sys.exit(0)
    sys.exit(main())
