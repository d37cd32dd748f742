"""Store rules: final is read-only in the store itself, every change is audited, evidence is checked."""

import sqlite3

import pytest

from smartcity_assess.core.errors import NotFoundError, ReadOnlyError, UserError
from smartcity_assess.core.framework_loader import load_framework_text
from smartcity_assess.services.assessments import new_assessment, record_response
from tests.conftest import DATA


@pytest.fixture
def assessment(mini_store):
    return new_assessment(mini_store, "Bandung", 2025, framework_code="mini", assessor="Ani")


def test_one_assessment_per_city_year_and_framework(mini_store, assessment):
    with pytest.raises(UserError, match="already has a 2025 assessment with framework mini"):
        new_assessment(mini_store, "  bandung ", 2025, framework_code="mini")
    other = new_assessment(mini_store, "Bandung", 2026, framework_code="mini")
    assert other != assessment
    assert mini_store.list_cities() == ["Bandung"]


def test_changes_are_audited_with_old_and_new_values(mini_store, assessment):
    record_response(mini_store, assessment, "G1", level=2, actor="ani")
    record_response(mini_store, assessment, "G1", level=3, note="SOP drafted", actor="budi")
    trail = [
        (a.actor, a.action, a.indicator_code, a.field, a.old_value, a.new_value)
        for a in mini_store.audit_trail(assessment)
        if a.action == "set"
    ]
    assert ("ani", "set", "G1", "level", None, "2") in trail
    assert ("budi", "set", "G1", "level", "2", "3") in trail
    assert ("budi", "set", "G1", "note", "", "SOP drafted") in trail
    saved = mini_store.responses(assessment)["G1"]
    assert (saved.level, saved.note, saved.updated_by) == (3, "SOP drafted", "budi")


def test_saving_the_same_value_writes_no_audit_row(mini_store, assessment):
    record_response(mini_store, assessment, "G1", level=2)
    count = mini_store.counts()["audit_entries"]
    record_response(mini_store, assessment, "G1", level=2)
    assert mini_store.counts()["audit_entries"] == count


def test_final_assessment_cannot_be_changed_through_the_store(mini_store, assessment, db_path):
    record_response(mini_store, assessment, "G1", level=2)
    evidence = mini_store.add_evidence(assessment, "G1", "sop.pdf", b"%PDF-1.4 draft")
    mini_store.finalize(assessment, actor="lead")
    counts = mini_store.counts()
    with pytest.raises(ReadOnlyError, match="final"):
        mini_store.save_response(assessment, "G1", {"level": 4})
    with pytest.raises(ReadOnlyError):
        mini_store.save_responses(assessment, {"G2": {"level": 1}})
    with pytest.raises(ReadOnlyError):
        mini_store.add_evidence(assessment, "G1", "more.pdf", b"x")
    with pytest.raises(ReadOnlyError):
        mini_store.remove_evidence(evidence.id)
    with pytest.raises(ReadOnlyError):
        mini_store.delete_assessment(assessment)
    with pytest.raises(UserError):
        mini_store.finalize(assessment)
    assert mini_store.counts() == counts
    assert mini_store.responses(assessment)["G1"].level == 2
    info = mini_store.assessment(assessment)
    assert info.is_final and info.finalized_by == "lead"


def test_reopening_is_an_audited_action(mini_store, assessment):
    mini_store.finalize(assessment, actor="lead")
    mini_store.reopen(assessment, actor="head of ICT", reason="typo in G1")
    assert not mini_store.assessment(assessment).is_final
    reopen = [a for a in mini_store.audit_trail(assessment) if a.action == "reopen"]
    assert reopen and reopen[0].actor == "head of ICT" and "typo in G1" in reopen[0].new_value
    record_response(mini_store, assessment, "G1", level=4)
    with pytest.raises(UserError, match="not final"):
        mini_store.reopen(assessment)


def test_evidence_is_stored_with_size_and_sha256_and_checked_on_read(mini_store, assessment, db_path):
    info = mini_store.add_evidence(assessment, "G1", "perwal-20-2022.pdf", b"%PDF perwal")
    assert info.size == 11 and len(info.sha256) == 64 and info.added_by == "tester"
    assert mini_store.evidence_data(info.id) == b"%PDF perwal"
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE evidence_blobs SET data = ?", (b"%PDF tampered",))
    with pytest.raises(UserError, match=r"perwal-20-2022\.pdf is damaged"):
        mini_store.evidence_data(info.id)


def test_removing_evidence_frees_its_content(mini_store, assessment, db_path):
    info = mini_store.add_evidence(assessment, "G1", "a.txt", b"abc")
    mini_store.remove_evidence(info.id)
    assert mini_store.evidence(assessment) == []
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM evidence_blobs").fetchone()[0] == 0


def test_delete_draft_removes_its_rows_but_keeps_the_audit_trail(mini_store, assessment):
    record_response(mini_store, assessment, "G1", level=2)
    mini_store.delete_assessment(assessment)
    with pytest.raises(NotFoundError):
        mini_store.assessment(assessment)
    assert mini_store.counts()["responses"] == 0
    assert any(a.action == "delete" for a in mini_store.audit_trail(assessment))


def test_framework_import_is_idempotent_and_refuses_changed_content_under_the_same_version(mini_store):
    text = (DATA / "mini.yaml").read_text()
    again = mini_store.add_framework(load_framework_text(text), text)
    assert again.code == "mini" and len([f for f in mini_store.list_frameworks() if f.code == "mini"]) == 1
    changed = text.replace("weight: 3", "weight: 4")
    with pytest.raises(UserError, match="already stored with different content; give the changed file a new version"):
        mini_store.add_framework(load_framework_text(changed), changed)


def test_tampered_stored_framework_is_detected(mini_store, db_path):
    info = mini_store.find_framework("mini")
    with sqlite3.connect(db_path) as conn:
        conn.execute(
            "UPDATE frameworks SET definition = replace(definition, '\"weight\":3.0', '\"weight\":9.0') "
            "WHERE code = 'mini'"
        )
    fresh = type(mini_store)(mini_store.engine)  # a new store: no cached copy
    with pytest.raises(UserError, match="altered outside the app"):
        fresh.framework(info.id)


def test_assessment_ids_resolve_from_a_unique_prefix(mini_store, assessment):
    assert mini_store.resolve_assessment_id(str(assessment)[:8]) == assessment
    assert mini_store.resolve_assessment_id(str(assessment).upper()) == assessment
    with pytest.raises(UserError, match="not an assessment id"):
        mini_store.resolve_assessment_id("xyz")
    with pytest.raises(NotFoundError):
        mini_store.resolve_assessment_id("0000ffff")


def test_locked_database_gives_one_sentence(mini_store, assessment, db_path):
    mini_store.engine.dispose()
    blocker = sqlite3.connect(db_path, timeout=0)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(
                "smartcity_assess.persistence.db._set_sqlite_pragmas", lambda c, r: c.execute("PRAGMA busy_timeout=50")
            )
            from smartcity_assess.persistence.db import create_db_engine, database_url
            from smartcity_assess.persistence.store import Store

            quick = Store(create_db_engine(database_url(db_path)))
            with pytest.raises(UserError, match="is locked by another program"):
                quick.save_response(assessment, "G1", {"level": 3})
    finally:
        blocker.rollback()
        blocker.close()
    assert mini_store.responses(assessment) == {}
