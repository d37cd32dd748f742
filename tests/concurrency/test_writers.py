"""Real separate processes writing one database file at once: nothing lost, nothing refused."""

import json

import pytest

from smartcity_assess.services.frameworks import open_store

from .checks import audit_findings, final_windows, lost_values, start_writer

SAVES = 250
FIELDS = ("level", "note", "target")


def finish(process) -> dict:
    out, err = process.communicate(timeout=240)
    assert process.returncode == 0, err
    return json.loads(out)


@pytest.mark.parametrize("writers", [2, 3])
def test_writers_of_different_fields_never_overwrite_each_other(shared_db, writers):
    path, assessment_id = shared_db
    fields = FIELDS[:writers]
    processes = {field: start_writer("save", path, assessment_id, field, SAVES) for field in fields}
    results = {field: finish(p) for field, p in processes.items()}

    store = open_store(path)
    # every command succeeded: each writer saved all it was asked to, none was told "changed elsewhere"
    assert {f: (r["saved"], r["conflicts"]) for f, r in results.items()} == {f: (SAVES, 0) for f in fields}
    assert lost_values(store, assessment_id, results) == 0
    owners = {field: f"{field}-writer" for field in fields}
    assert audit_findings(store, assessment_id, owners) == {"overwrites": 0, "wrong_audit_rows": 0}
    history = store.response_history(assessment_id)
    assert len(history) == sum(r["revisions"] for r in results.values())  # one per change: none lost, none made up
    by_code = {}
    for revision in history:
        by_code.setdefault(revision.indicator_code, []).append(revision)
    for code, chain in by_code.items():
        assert [r.number for r in chain] == list(range(1, len(chain) + 1)), code
        assert [r.parent_id for r in chain] == [None, *(r.id for r in chain[:-1])], code
        assert store.response(assessment_id, code).revision == chain[-1].id
    store.close()


def test_a_finalize_racing_saves_never_lets_a_change_in_after_it(shared_db, tmp_path):
    path, assessment_id = shared_db
    stop = tmp_path / "finalizer-done"
    saver = start_writer("save", path, assessment_id, "level", 20000, stop)  # saves until the cycles end
    finalizer = start_writer("cycle", path, assessment_id, 50, stop)
    saved, cycles = finish(saver), finish(finalizer)
    assert cycles == {"cycles": 50}

    store = open_store(path)
    trail = store.audit_trail(assessment_id)
    windows = final_windows(trail)
    assert len(windows) == 50
    sets = [a.at for a in trail if a.action == "set"]
    revisions = [r.at for r in store.response_history(assessment_id)]
    inside = [t for t in sets + revisions for lo, hi in windows if lo <= t <= hi]
    assert inside == []  # while final, nothing changed: in 50 finalize/reopen trials
    assert len(revisions) == saved["revisions"]  # and every save the writer was told succeeded is there
    assert saved["refused"] > 0  # the saver did run into the finalized windows
    store.close()
