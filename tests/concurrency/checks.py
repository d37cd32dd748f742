"""What the concurrency tests and benchmark count after the writers are done.

An overwrite: an audit row for a field written by a writer that never wrote that field (a merged
save that reverted someone else's value). A wrong audit row: one whose old value is not what the
row before it (same indicator and field) set. Lost: a writer's last value for a field that is not
what is stored at the end.
"""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

WRITER = Path(__file__).with_name("writer.py")
ROOT = Path(__file__).resolve().parents[2]


def writer_command(*args) -> list[str]:
    return [sys.executable, str(WRITER), *map(str, args)]


def writer_env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def start_writer(*args, start_file=None) -> subprocess.Popen:
    """A writer process; with start_file, it writes only once that file exists (see writer.wait_for_start)."""
    env = writer_env()
    if start_file is not None:
        env["SCA_WRITERS_START"] = str(start_file)
    return subprocess.Popen(writer_command(*args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def audit_findings(store, assessment_id, owners: dict[str, str]) -> dict[str, int]:
    """owners: field → the actor (name prefix) that alone writes it. Returns overwrites and wrong audit rows."""
    trail = [a for a in store.audit_trail(assessment_id) if a.action == "set"]
    per_field = defaultdict(list)
    for entry in trail:
        per_field[(entry.indicator_code, entry.field)].append(entry)
    overwrites = sum(1 for a in trail if a.field in owners and not a.actor.startswith(owners[a.field]))
    wrong = 0
    for rows in per_field.values():
        rows.sort(key=lambda a: a.at)
        wrong += sum(1 for before, row in itertools.pairwise(rows) if row.old_value != before.new_value)
    return {"overwrites": overwrites, "wrong_audit_rows": wrong}


def lost_values(store, assessment_id, results: dict[str, dict]) -> int:
    """results: field → the writer's JSON; counts fields whose final stored value is not the writer's last."""
    stored = store.responses(assessment_id)
    lost = 0
    for field, result in results.items():
        for code, value in result["last"].items():
            if getattr(stored.get(code), field, None) != value:
                lost += 1
    return lost


def release_together(start_file: Path, processes: list) -> None:
    """Wait (a bounded time) until every writer is at its start line, then let them all go at once."""
    deadline = time.monotonic() + 120
    while len(list(start_file.parent.glob(start_file.name + ".ready.*"))) < len(processes):
        if time.monotonic() > deadline or any(p.poll() is not None for p in processes):
            break  # one of them failed to start: its error is reported when it is read
        time.sleep(0.01)
    start_file.touch()


def final_windows(trail) -> list[tuple]:
    """(approved at, reopened at) of each finalize/reopen cycle in an audit trail (finalize signs off at
    once: a submit, then an approval)."""
    windows, begun = [], None
    for entry in trail:
        if entry.action == "approve":
            begun = entry.at
        elif entry.action == "reopen" and begun is not None:
            windows.append((begun, entry.at))
    return windows
