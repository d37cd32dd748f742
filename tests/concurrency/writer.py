"""A separate process that writes to an assessment database the way one front end would.

Run by tests/concurrency and benchmarks/bench_concurrency.py as `python writer.py COMMAND ...`:
  save DB ID FIELD COUNT [STOP]
                           COUNT saves of FIELD (level|note|target) over the first plain indicators,
                           each naming the revision this process last saw of that response, as the
                           app does (or fewer: it stops once the file STOP exists); prints JSON
                           {"last": {code: value}, "saved", "revisions", "conflicts", "refused"}
  cycle DB ID TIMES [STOP] finalize, then reopen, TIMES times; then creates the file STOP
  open DB                  open (create) the database, as every command does first
  demo DB                  load the sample data
Only public services are used, so what is tested is what the app and the CLI do.
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
import uuid
from pathlib import Path

from smartcity_assess.core.errors import ReadOnlyError, UserError
from smartcity_assess.services import assessments
from smartcity_assess.services.demo import load_demo
from smartcity_assess.services.frameworks import open_store

INDICATORS = 8


def value_for(field: str, i: int, rng: random.Random, writer: int):
    """The i-th value a writer sets. Each writer draws its own levels (seeded by its process id): two
    writers of one field setting the same values in step would change nothing, and so never clash."""
    if field in ("level", "target"):
        return rng.randint(1, 5)
    return f"note {i} by {field}-writer {writer}"


def plain_codes(store, assessment_id) -> list[str]:
    framework = store.framework(store.assessment(assessment_id).framework_id)
    return [i.code for i in framework.indicators if i.metric is None][:INDICATORS]


def wait_for_start() -> None:
    """With $SCA_WRITERS_START set: wait (at most a minute) until that file exists, so that writers
    started one after another write at the same time rather than each alone."""
    start = os.environ.get("SCA_WRITERS_START")
    if start:
        Path(f"{start}.ready.{os.getpid()}").touch()  # this one is ready: the test waits for all of them
    deadline = time.monotonic() + 60
    while start and not Path(start).exists() and time.monotonic() < deadline:
        time.sleep(0.005)


def save(db: str, assessment: str, field: str, count: int, stop: str | None = None) -> dict:
    store = open_store(db)
    assessment_id = uuid.UUID(assessment)
    codes = plain_codes(store, assessment_id)
    wait_for_start()
    checked = hasattr(assessments, "NOT_CHECKED")  # the benchmark also runs this against older code
    seen: dict[str, object] = {}
    actor = f"{field}-writer-{os.getpid()}"  # who wrote what can be told apart between processes
    rng = random.Random(os.getpid())
    last, saved, revisions, conflicts, refused = {}, 0, 0, 0, 0
    for i in range(count):
        if stop and Path(stop).exists():
            break
        code, value = codes[i % len(codes)], value_for(field, i, rng, os.getpid())
        options = {"seen": seen[code]} if checked and code in seen else {}
        try:
            record = assessments.record_response(store, assessment_id, code, actor=actor, **options, **{field: value})
        except ReadOnlyError:
            refused += 1
            continue
        except UserError as exc:
            if getattr(exc, "code", "") != "changed_elsewhere":
                raise
            conflicts += 1
            seen.pop(code, None)
            continue
        revision = getattr(record, "revision", None)
        # A save that changed nothing makes no revision: what it returns is then someone else's, or
        # the one this process saw already.
        revisions += revision is not None and revision != seen.get(code) and record.updated_by == actor
        seen[code] = revision
        last[code] = value
        saved += 1
    store.close()
    return {"last": last, "saved": saved, "revisions": revisions, "conflicts": conflicts, "refused": refused}


def cycle(db: str, assessment: str, times: int, stop: str | None = None) -> dict:
    store = open_store(db)
    assessment_id = uuid.UUID(assessment)
    rng = random.Random(times)
    for _ in range(times):
        time.sleep(rng.uniform(0.002, 0.02))
        assessments.finalize(store, assessment_id, actor="finalizer")  # the door every front end uses
        time.sleep(rng.uniform(0.0, 0.005))
        assessments.reopen(store, assessment_id, actor="finalizer", reason="race trial")
    store.close()
    if stop:
        Path(stop).touch()
    return {"cycles": times}


def main(argv: list[str]) -> None:
    command, db, *rest = argv
    if command == "save":
        result = save(db, rest[0], rest[1], int(rest[2]), *rest[3:])
    elif command == "cycle":
        result = cycle(db, rest[0], int(rest[1]), *rest[2:])
    elif command == "open":
        open_store(db).close()
        result = {}
    elif command == "demo":
        store = open_store(db)
        load_demo(store)
        store.close()
        result = {}
    else:
        raise SystemExit(f"unknown command {command}")
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
