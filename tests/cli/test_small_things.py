"""Small things users noticed on the command line: each one checked as the user met it."""

from __future__ import annotations

import csv
import time

import pytest

from smartcity_assess.core.text import local_time
from smartcity_assess.services.assessments import new_assessment, record_response
from smartcity_assess.services.frameworks import open_store


@pytest.fixture
def draft_id(db_path) -> str:
    store = open_store(db_path)
    assessment = new_assessment(store, "Bandung", 2026)
    record_response(store, assessment, "GOV-01", na=True)
    record_response(store, assessment, "GOV-02", level=2)
    store.close()
    return str(assessment)


@pytest.mark.parametrize(("lang", "word"), [("id", "ya"), ("en", "yes")])
def test_na_is_written_in_the_language_of_the_export_and_reads_back(run, draft_id, tmp_path, lang, word, db_path):
    out = tmp_path / f"responses-{lang}.csv"
    assert run("responses", "export", draft_id, "--out", str(out), "--lang", lang)[0] == 0
    rows = {r["indicator"]: r for r in csv.DictReader(out.read_text(encoding="utf-8").splitlines())}
    assert (rows["GOV-01"]["na"], rows["GOV-02"]["na"]) == (word, "")
    code, printed, _ = run("responses", "import", draft_id, str(out))
    assert code == 0 and ": 0 changed" in printed  # "ya" reads back as N/A: nothing changes


def test_reopen_needs_a_reason_as_in_the_app(run, draft_id, db_path, capsys):
    assert run("assessments", "finalize", draft_id)[0] == 0
    with pytest.raises(SystemExit) as exited:
        run("assessments", "reopen", draft_id)
    assert exited.value.code == 2 and "--reason" in capsys.readouterr().err
    code, _, err = run("assessments", "reopen", draft_id, "--reason", "   ")
    assert code == 2 and err.startswith("error: say why it is reopened")
    assert run("assessments", "reopen", draft_id, "--reason", "late evidence")[0] == 0


def test_history_of_a_deleted_assessment_says_who_deleted_it_and_when(run, draft_id, monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Jakarta")  # WIB, UTC+7: the times shown are the wall clock's
    time.tzset()
    try:
        assert run("assessments", "finalize", draft_id)[0] == 0
        assert run("assessments", "reopen", draft_id, "--reason", "wrong city")[0] == 0
        assert run("--actor", "Ana", "assessments", "delete", draft_id)[0] == 0
        code, out, _ = run("assessments", "history", draft_id[:8])
        assert code == 0
        last = out.strip().splitlines()[-1]
        assert last.startswith("deleted by Ana on ") and last.endswith(" WIB: the assessment is gone, its trail stays")
        assert "WHEN (UTC)" not in out and " WIB " in out
    finally:
        monkeypatch.undo()
        time.tzset()


def test_local_time_reads_as_the_wall_clock(monkeypatch):
    from datetime import UTC, datetime

    monkeypatch.setenv("TZ", "Asia/Jakarta")
    time.tzset()
    try:
        assert local_time(datetime(2026, 3, 1, 2, 30, tzinfo=UTC)) == "2026-03-01 09:30 WIB"
    finally:
        monkeypatch.undo()
        time.tzset()
