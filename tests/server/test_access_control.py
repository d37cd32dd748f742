"""Who may do what on a central server: enforced by PostgreSQL's roles and row-level security.

Each role logs in through the app's services and through plain psycopg; what the server refuses
leaves every row as it was.
"""

import uuid

import psycopg
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from smartcity_assess.cli import main
from smartcity_assess.core.errors import UserError
from smartcity_assess.services import assessments, server, team
from smartcity_assess.services.assessments import new_assessment, record_response
from smartcity_assess.services.frameworks import open_store

CITY_TABLES = ("assessments", "responses", "response_revisions", "audit_entries", "evidence_files", "team_members")


def rows(url) -> dict:
    """Every row of the tables that hold a city's data, as the owner sees them."""
    engine = create_engine(url)
    with engine.connect() as conn:
        out = {t: sorted(map(repr, conn.execute(text(f"SELECT * FROM {t}")).all())) for t in CITY_TABLES}
    engine.dispose()
    return out


def as_login(url: str, login: str) -> str:
    return make_url(url).set(username=login, password=None).render_as_string(hide_password=False)


def libpq(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


@pytest.fixture
def central(pg_url):
    """A server database set up by its owner: Bandung and Cimahi drafts, three logins."""
    server.init(pg_url)
    suffix = uuid.uuid4().hex[:6]
    logins = {name: f"{name}_{suffix}" for name in ("ana", "cici", "rudi")}
    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        for login in logins.values():
            conn.execute(text(f"CREATE ROLE {login} LOGIN"))
    store = open_store(pg_url)
    ids = {city: new_assessment(store, city, 2026, assessor="lead") for city in ("Kota Bandung", "Kota Cimahi")}
    code = next(i.code for i in store.framework(store.assessment(ids["Kota Bandung"]).framework_id).indicators)
    store.close()
    server.grant(pg_url, logins["ana"], "assessor", ["Kota Bandung"])
    server.grant(pg_url, logins["rudi"], "reviewer", ["Kota Bandung"])
    server.grant(pg_url, logins["cici"], "viewer")
    yield {"url": pg_url, "ids": ids, "code": code, "logins": logins}
    with admin.connect() as conn:
        conn.execute(text(f"DROP OWNED BY {', '.join(logins.values())}"))
        for login in logins.values():
            conn.execute(text(f"DROP ROLE {login}"))
    admin.dispose()


def test_an_assessor_writes_the_granted_city_only(central):
    url, ids, code = central["url"], central["ids"], central["code"]
    ana = open_store(as_login(url, central["logins"]["ana"]))
    record_response(ana, ids["Kota Bandung"], code, level=3)
    assert ana.response(ids["Kota Bandung"], code).level == 3
    before = rows(url)
    with pytest.raises(UserError) as refused:
        record_response(ana, ids["Kota Cimahi"], code, level=3)
    assert refused.value.text("en") == "you may not change Kota Cimahi's assessments on this server"
    assert "tidak berhak mengubah penilaian Kota Cimahi" in refused.value.text("id")
    with pytest.raises(UserError):
        assessments.finalize(ana, ids["Kota Bandung"])  # approving is the reviewer's
    assert rows(url) == before
    ana.close()


def test_the_evaluation_team_of_a_city_is_changed_by_its_assessors_only(central):
    url, ids = central["url"], central["ids"]
    ana_url = as_login(url, central["logins"]["ana"])
    ana = open_store(ana_url)
    team.set_member(ana, ids["Kota Bandung"], "Siti Aminah", "lead")
    assert [m.name for m in ana.team(ids["Kota Bandung"])] == ["Siti Aminah"]
    before = rows(url)
    with pytest.raises(UserError) as refused:
        team.set_member(ana, ids["Kota Cimahi"], "Siti Aminah", "lead")
    assert refused.value.text("en") == "you may not change Kota Cimahi's assessments on this server"
    ana.close()
    with psycopg.connect(libpq(ana_url)) as conn:  # psql, behind the app's back
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO team_members (id, assessment_id, name, role, nip, position, added_at) "
                "VALUES (gen_random_uuid(), %s, 'Mallory', 'reviewer', '', '', now())",
                (ids["Kota Cimahi"],),
            )
        conn.rollback()
    assert rows(url) == before


def test_a_reviewer_finalizes_and_then_the_assessor_cannot_change_it(central):
    url, ids, code = central["url"], central["ids"], central["code"]
    rudi = open_store(as_login(url, central["logins"]["rudi"]))
    record_response(rudi, ids["Kota Bandung"], code, level=4)
    assessments.finalize(rudi, ids["Kota Bandung"])
    rudi.close()
    before = rows(url)
    with psycopg.connect(libpq(as_login(url, central["logins"]["ana"]))) as conn:
        changed = conn.execute("UPDATE responses SET level = 1").rowcount  # psql, behind the app's back
        conn.commit()
    assert changed == 0  # a final's responses are sealed, whoever asks
    assert rows(url) == before


def test_a_viewer_reads_everything_and_writes_nothing(central):
    url, ids, code = central["url"], central["ids"], central["code"]
    cici_url = as_login(url, central["logins"]["cici"])
    cici = open_store(cici_url)
    assert {a.city for a in cici.list_assessments()} == {"Kota Bandung", "Kota Cimahi"}
    before = rows(url)
    for city in ("Kota Bandung", "Kota Cimahi"):
        with pytest.raises(UserError):
            record_response(cici, ids[city], code, level=2)
    cici.close()
    with psycopg.connect(libpq(cici_url)) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("UPDATE assessments SET status = 'final'")
    assert rows(url) == before


def test_the_audit_trail_only_grows(central):
    url = central["url"]
    record_response_url = as_login(url, central["logins"]["ana"])
    store = open_store(record_response_url)
    record_response(store, central["ids"]["Kota Bandung"], central["code"], note="BCC SOP")
    store.close()
    before = rows(url)
    with psycopg.connect(libpq(record_response_url)) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("DELETE FROM audit_entries")
    with psycopg.connect(libpq(record_response_url)) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("UPDATE audit_entries SET actor = 'someone else'")
    assert rows(url) == before


def test_server_commands_on_the_command_line(central, capsys):
    url = central["url"]
    assert main(["--db", url, "server", "grant", "nobody_here", "--role", "viewer"]) == 2
    assert "there is no login nobody_here on the server" in capsys.readouterr().err
    assert main(["--db", url, "server", "revoke", central["logins"]["ana"], "--city", "Kota Bandung"]) == 0
    ana = open_store(as_login(url, central["logins"]["ana"]))
    with pytest.raises(UserError, match="may not change Kota Bandung"):
        record_response(ana, central["ids"]["Kota Bandung"], central["code"], level=2)
    ana.close()


def test_server_commands_refuse_a_file(tmp_path, capsys):
    assert main(["--db", str(tmp_path / "x.db"), "server", "init"]) == 2
    assert "need a PostgreSQL URL" in capsys.readouterr().err
