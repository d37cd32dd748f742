"""Eight processes writing one central assessment at once: every write applied or a conflict, none lost."""

import json

from smartcity_assess.services.assessments import new_assessment
from smartcity_assess.services.frameworks import open_store
from tests.concurrency.checks import release_together, start_writer

WRITERS = ("level", "note", "target", "level", "note", "target", "level", "note")
WRITES = 200


def test_eight_writers_on_a_server_lose_nothing(pg_url, tmp_path):
    store = open_store(pg_url)
    assessment_id = new_assessment(store, "Kota Cimahi", 2026, assessor="lead")
    store.close()
    go = tmp_path / "go"
    processes = [start_writer("save", pg_url, assessment_id, field, WRITES, start_file=go) for field in WRITERS]
    release_together(go, processes)  # all eight write at once, whatever their start-up took
    results = []
    for process in processes:
        out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err  # every command succeeded: waits, not errors
        results.append(json.loads(out))

    applied = sum(r["saved"] for r in results)
    conflicts = sum(r["conflicts"] for r in results)
    assert applied + conflicts == len(WRITERS) * WRITES  # each write applied or told "changed elsewhere"
    assert conflicts > 0  # writers of the same field did clash, and were told so
    store = open_store(pg_url)
    history = store.response_history(assessment_id)
    assert len(history) == sum(r["revisions"] for r in results)  # every applied change is there: 0 lost
    chains = {}
    for revision in history:
        chains.setdefault(revision.indicator_code, []).append(revision)
    for code, chain in chains.items():
        assert [r.number for r in chain] == list(range(1, len(chain) + 1)), code
        assert [r.parent_id for r in chain] == [None, *(r.id for r in chain[:-1])], code
        assert store.response(assessment_id, code).revision == chain[-1].id
    store.close()
