"""Issue 13's schema: a response's source, year, recommendation, responsible unit and due year; the team.

An old database (schema 0001) is migrated with its rows intact; what is recorded reads back as recorded;
what is refused leaves every row as it was.
"""

import sqlite3
import uuid

import pytest
from alembic import command
from alembic.config import Config

from smartcity_assess.core.errors import ReadOnlyError, UserError
from smartcity_assess.persistence import db
from smartcity_assess.services.assessments import new_assessment, record_response
from smartcity_assess.services.frameworks import open_store
from smartcity_assess.services.team import remove_member, set_member, set_sign_place, sign_place


def rows(path) -> dict[str, list]:
    with sqlite3.connect(path) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {t: sorted(map(repr, conn.execute(f"SELECT * FROM {t}"))) for t in tables}


@pytest.fixture
def assessment(mini_store):
    return new_assessment(mini_store, "Kota Sukabumi", 2026, framework_code="mini")


def test_a_database_of_schema_0001_is_migrated_with_its_responses_kept(tmp_path):
    path = tmp_path / "old.db"
    engine = db.create_db_engine(db.database_url(path))
    config = Config()
    config.set_main_option("script_location", str(db.MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001_initial")
    c, f, a, r = (uuid.uuid4().hex for _ in range(4))  # as SQLAlchemy's Uuid type stores them in SQLite
    with engine.begin() as conn:
        conn.exec_driver_sql(f"INSERT INTO cities VALUES ('{c}', 'Cimahi', 'cimahi', '2025-01-01 00:00:00')")
        conn.exec_driver_sql(
            f"INSERT INTO frameworks VALUES ('{f}', 'x', '1', '{{}}', 'sum', '{{}}', NULL, 0, '2025-01-01 00:00:00')"
        )
        conn.exec_driver_sql(
            f"INSERT INTO assessments VALUES ('{a}', '{c}', 2025, '{f}', 'x', '', 'draft', 0, "
            "'2025-01-01 00:00:00', '2025-01-01 00:00:00', NULL, NULL)"
        )
        conn.exec_driver_sql(
            f"INSERT INTO responses VALUES ('{r}', '{a}', 'G1', 3, 0, NULL, 42.5, 'kept', 'ana', '2025-01-01 00:00:00')"
        )
    engine.dispose()
    store = open_store(path)
    store.close()
    assert db.current_revision(db.create_db_engine(db.database_url(path))) == db.SCHEMA_HEAD
    with sqlite3.connect(path) as conn:
        row = conn.execute(
            "SELECT level, value, note, value_source, value_year, recommendation, responsible, due FROM responses"
        ).fetchone()
        assert row == (3, 42.5, "kept", "", None, "", "", None)
        revision = conn.execute(
            "SELECT level, note, value_source, value_year, recommendation, responsible, due FROM response_revisions"
        ).fetchone()
        assert revision == (3, "kept", "", None, "", "", None)  # its history starts from what was kept
        assert conn.execute("SELECT count(*) FROM team_members").fetchone() == (0,)
    assert list(tmp_path.glob("old.before-*"))  # backed up first


def test_report_fields_are_recorded_one_at_a_time_and_audited(mini_store, assessment):
    record_response(mini_store, assessment, "W1", value=45, value_source="Diskominfo, inventaris titik Wi-Fi")
    record_response(mini_store, assessment, "W1", value_year=2025)
    record_response(mini_store, assessment, "W1", recommendation="Tambah 40 titik Wi-Fi di kelurahan padat")
    record_response(mini_store, assessment, "W1", responsible="Diskominfo", due=2027)
    saved = mini_store.responses(assessment)["W1"]
    assert (saved.value, saved.level, saved.value_source, saved.value_year) == (
        45,
        3,
        "Diskominfo, inventaris titik Wi-Fi",
        2025,
    )
    assert (saved.recommendation, saved.responsible, saved.due) == (
        "Tambah 40 titik Wi-Fi di kelurahan padat",
        "Diskominfo",
        2027,
    )
    fields = [e.field for e in mini_store.audit_trail(assessment) if e.indicator_code == "W1"]
    assert {"value_source", "value_year", "recommendation", "responsible", "due"} <= set(fields)


@pytest.mark.parametrize(("field", "value"), [("due", 27), ("value_year", 20251)])
def test_an_implausible_year_is_refused_and_nothing_changes(mini_store, db_path, assessment, field, value):
    record_response(mini_store, assessment, "G1", level=2)
    before = rows(db_path)
    with pytest.raises(UserError, match=f"{field}: {value} is not a plausible year"):
        record_response(mini_store, assessment, "G1", **{field: value})
    assert rows(db_path) == before


def test_the_team_lists_lead_assessors_reviewer_with_nip(mini_store, assessment):
    set_member(mini_store, assessment, "Rina Wulandari", "assessor")
    set_member(mini_store, assessment, "Dr. Budi Santoso", "reviewer", nip="19700101 199503 1 002")
    set_member(mini_store, assessment, "Siti Aminah", "lead", nip="198203152006042001", position="Kepala Bidang")
    team = mini_store.team(assessment)
    assert [(m.name, m.role, m.nip) for m in team] == [
        ("Siti Aminah", "lead", "198203152006042001"),
        ("Rina Wulandari", "assessor", ""),
        ("Dr. Budi Santoso", "reviewer", "197001011995031002"),
    ]
    set_member(mini_store, assessment, "Rina Wulandari", "assessor", nip="199001012015032003")  # changes, not adds
    assert len(mini_store.team(assessment)) == 3
    remove_member(mini_store, assessment, "Rina Wulandari")
    assert [m.name for m in mini_store.team(assessment)] == ["Siti Aminah", "Dr. Budi Santoso"]
    assert any(e.action == "remove_team_member" for e in mini_store.audit_trail(assessment))


@pytest.mark.parametrize(
    ("name", "role", "nip", "message"),
    [
        ("Andi", "boss", "", "'boss' is not a team role"),
        ("Andi", "lead", "12345", "'12345' is not a NIP: a NIP has 18 digits"),
        ("  ", "assessor", "", "the team member's name is empty"),
        ("Andi", "lead", "", r"the team already has a lead \(Siti\)"),
    ],
)
def test_a_bad_team_member_is_refused_and_nothing_changes(mini_store, db_path, assessment, name, role, nip, message):
    set_member(mini_store, assessment, "Siti", "lead")
    before = rows(db_path)
    with pytest.raises(UserError, match=message):
        set_member(mini_store, assessment, name, role, nip=nip)
    assert rows(db_path) == before


def test_a_final_assessments_team_and_place_are_read_only(mini_store, db_path, assessment):
    set_member(mini_store, assessment, "Siti", "lead")
    mini_store.finalize(assessment)
    before = rows(db_path)
    with pytest.raises(ReadOnlyError):
        set_member(mini_store, assessment, "Andi", "assessor")
    with pytest.raises(ReadOnlyError):
        remove_member(mini_store, assessment, "Siti")
    with pytest.raises(ReadOnlyError):
        set_sign_place(mini_store, assessment, "Cibadak")
    assert rows(db_path) == before


def test_removing_someone_not_in_the_team_says_so(mini_store, assessment):
    with pytest.raises(UserError, match="Nobody is not in the team"):
        remove_member(mini_store, assessment, "Nobody")


def test_the_signing_place_defaults_to_the_city_without_kota(mini_store, assessment):
    assert sign_place("Kota Sukabumi", None) == "Sukabumi"
    assert sign_place("Kabupaten Bandung", None) == "Bandung"
    set_sign_place(mini_store, assessment, "Cikole")
    assert mini_store.assessment(assessment).sign_place == "Cikole"


def test_deleting_a_draft_deletes_its_team(mini_store, assessment):
    set_member(mini_store, assessment, "Siti", "lead")
    mini_store.delete_assessment(assessment)
    assert mini_store.counts()["team_members"] == 0
    assert mini_store.team(uuid.UUID(int=assessment.int)) == []
