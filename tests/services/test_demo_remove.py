"""Sample data can be removed again: exactly the demo rows go, in one transaction; real work stays row for row."""

from __future__ import annotations

import sqlite3

from smartcity_assess.services.assessments import new_assessment, record_response
from smartcity_assess.services.demo import load_demo, remove_demo

REAL_TABLES = ("cities", "assessments", "responses", "evidence_files", "evidence_blobs", "frameworks")


def rows(db_path, table: str) -> set[tuple]:
    with sqlite3.connect(db_path) as conn:
        return set(conn.execute(f"SELECT * FROM {table}"))


def test_removing_the_sample_data_leaves_exactly_the_real_work(store, db_path):
    real = new_assessment(store, "Bandung", 2026, assessor="Ana")
    record_response(store, real, "GOV-01", level=3, note="own finding")
    store.add_evidence(real, "GOV-01", "sop.txt", b"our own file", actor="Ana")
    before = {t: rows(db_path, t) for t in REAL_TABLES}
    load_demo(store)
    assert len(store.list_assessments()) == 7

    assert remove_demo(store, actor="Ana") == 6

    assert {t: rows(db_path, t) for t in REAL_TABLES} == before  # every real row as it was, no demo row left
    deleted = [e for e in rows(db_path, "audit_entries") if e[3] == "delete"]
    assert len(deleted) == 6 and {e[2] for e in deleted} == {"Ana"}  # who removed them is on record
    assert remove_demo(store) == 0  # nothing left to remove


def test_demo_remove_on_the_command_line(run):
    assert run("demo")[0] == 0
    code, out, _ = run("demo", "--remove")
    assert (code, out.strip()) == (0, "removed 6 sample assessments")
    assert run("assessments", "list")[1].startswith("no assessments yet")
    assert run("demo", "--remove")[1].strip() == "there is no sample data to remove"
