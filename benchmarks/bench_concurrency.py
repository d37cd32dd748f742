"""Several processes writing one database file at once: saves, conflicts, lost updates.

Issue 10's figures on the old main: two processes autosaving the same indicators (one levels, one
notes) for 20 s made 16,652 saves with 1,285 silent overwrites and 300 wrong audit rows; a finalize
racing a save let a change in after it in 46 of 50 trials. This script runs the same shapes for a
fixed number of saves with the writers of tests/concurrency, and prints the counts (goal: 0 lost,
0 overwrites, 0 wrong audit rows, 0 changes while final) and the throughput of two writers against
one writer in the same run.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

import _common  # noqa: F401  (puts the checkout on sys.path)

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "concurrency"))

from checks import audit_findings, final_windows, lost_values, start_writer

from smartcity_assess.services.assessments import new_assessment
from smartcity_assess.services.frameworks import open_store

SAVES = 2000
RACE_SAVES = 50000  # an upper bound: the saver stops when the cycles are done
RACE_CYCLES = 50


def fresh(folder: Path, name: str):
    path = folder / f"{name}.db"
    store = open_store(path)
    assessment_id = new_assessment(store, "Kota Bandung", 2026, assessor="bench")
    store.close()
    return path, assessment_id


def run_writers(path, assessment_id, fields) -> tuple[dict, float]:
    start = time.perf_counter()
    processes = {field: start_writer("save", path, assessment_id, field, SAVES) for field in fields}
    results = {}
    for field, process in processes.items():
        out, err = process.communicate()
        if process.returncode:
            raise SystemExit(f"writer {field} failed:\n{err}")
        results[field] = json.loads(out)
    return results, time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path, one_id = fresh(folder, "one")
        _, single_seconds = run_writers(path, one_id, ("level",))

        path, assessment_id = fresh(folder, "two")
        results, seconds = run_writers(path, assessment_id, ("level", "note"))
        store = open_store(path)
        saves = sum(r["saved"] for r in results.values())
        conflicts = sum(r["conflicts"] for r in results.values())
        lost = lost_values(store, assessment_id, results)
        findings = audit_findings(store, assessment_id, {"level": "level-writer", "note": "note-writer"})
        store.close()

        path, same_id = fresh(folder, "same")
        start = time.perf_counter()
        a = start_writer("save", path, same_id, "level", SAVES)
        b = start_writer("save", path, same_id, "level", SAVES)
        same = [json.loads(p.communicate()[0]) for p in (a, b)]
        same_seconds = time.perf_counter() - start

        path, race_id = fresh(folder, "race")
        stop = folder / "cycles-done"
        saver = start_writer("save", path, race_id, "level", RACE_SAVES, stop)
        finalizer = start_writer("cycle", path, race_id, RACE_CYCLES, stop)
        race = json.loads(saver.communicate()[0])
        finalizer.communicate()
        store = open_store(path)
        trail = store.audit_trail(race_id)
        windows = final_windows(trail)
        sets = [e.at for e in trail if e.action == "set"]
        spoiled = sum(1 for lo, hi in windows if any(lo <= t <= hi for t in sets))
        store.close()

    print(f"two processes, one writing levels and one notes of the same 8 responses, {SAVES} saves each:")
    print(
        f"  saves {saves}, conflicts {conflicts}, lost {lost}, overwrites {findings['overwrites']}, "
        f"wrong audit rows {findings['wrong_audit_rows']}"
    )
    print(
        f"  {saves / seconds:.0f} saves/s together; one writer alone {SAVES / single_seconds:.0f} saves/s; "
        f"ratio two/one {(saves / seconds) / (SAVES / single_seconds):.2f}"
    )
    same_saved = sum(r["saved"] for r in same)
    same_conflicts = sum(r["conflicts"] for r in same)
    print(f"two processes writing the same field (levels) of the same responses, {SAVES} saves each:")
    print(
        f"  applied {same_saved}, refused as changed elsewhere {same_conflicts}, "
        f"accounted for {same_saved + same_conflicts} of {2 * SAVES}; {2 * SAVES / same_seconds:.0f} saves/s"
    )
    print(f"a finalize/reopen cycle racing a saver, {len(windows)} trials:")
    print(
        f"  trials with a change while final {spoiled}; saves applied {race['saved']}, "
        f"refused while final {race['refused']}"
    )
    ok = lost == 0 and findings == {"overwrites": 0, "wrong_audit_rows": 0} and spoiled == 0
    raise SystemExit(0 if ok else 1)


if __name__ == "__main__":
    main()
