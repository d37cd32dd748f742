"""The store, the services, scoring, compare and the report, on SQLite and on a PostgreSQL server alike."""

import json

import pytest
from pypdf import PdfReader
from sqlalchemy import inspect, text

from smartcity_assess.core.comparison import comparison_to_dict
from smartcity_assess.core.errors import ChangedElsewhere, ReadOnlyError, UserError
from smartcity_assess.persistence import db
from smartcity_assess.reporting import write_report
from smartcity_assess.services import assessments
from smartcity_assess.services.assessments import new_assessment, record_response, score_many
from smartcity_assess.services.compare import BY_YEAR, compare_years
from smartcity_assess.services.demo import load_demo
from smartcity_assess.services.frameworks import builtin_framework_files, open_store


@pytest.fixture
def backend_store(backend_url):
    store = open_store(backend_url)
    yield store
    store.close()


def test_migrations_reach_head_with_every_table(backend_store):
    with backend_store.engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
        head = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    assert head == db.SCHEMA_HEAD
    assert {"assessments", "responses", "response_revisions", "audit_entries", "database_info"} <= tables
    assert backend_store.device_id  # made once, by the migration


def test_opening_again_changes_nothing(backend_url):
    open_store(backend_url).close()
    store = open_store(backend_url)
    assert len(store.list_frameworks()) == len(builtin_framework_files())  # each built-in framework once
    store.close()


def test_field_level_writes_revisions_and_refusals(backend_store):
    store = backend_store
    draft = new_assessment(store, "Kota Bandung", 2026, assessor="lead")
    code = next(i.code for i in store.framework(store.assessment(draft).framework_id).indicators if i.metric is None)
    first = record_response(store, draft, code, level=2, actor="ana")
    record_response(store, draft, code, note="SOP drafted", actor="budi", seen=first.revision)
    with pytest.raises(ChangedElsewhere) as stale:  # a level written over a level changed since
        record_response(store, draft, code, level=5, actor="ana", seen=None)
    assert stale.value.current.level == 2
    stored = store.response(draft, code)
    assert (stored.level, stored.note, stored.revision_number) == (2, "SOP drafted", 2)
    history = store.response_history(draft, code)
    assert [r.parent_id for r in history] == [None, history[0].id]
    assessments.finalize(store, draft, actor="lead")
    with pytest.raises(ReadOnlyError):
        record_response(store, draft, code, level=4)
    with pytest.raises(UserError):
        new_assessment(store, "kota bandung ", 2026)  # one city, one year, one framework
    actions = [a.action for a in store.audit_trail(draft)]
    assert actions.count("set") == 2 and actions[-2:] == ["submit", "approve"]  # finalize: one-step sign-off


@pytest.fixture(scope="module")
def sqlite_demo(tmp_path_factory):
    store = open_store(tmp_path_factory.mktemp("demo") / "demo.db")
    load_demo(store)
    yield store
    store.close()


def figures(store) -> dict:
    return {
        (s.info.city, s.info.year): (
            round(s.score.overall.score, 12),
            s.score.overall.completion,
            [(p.code, round(p.score, 12) if p.score is not None else None) for p in s.score.pillars],
        )
        for s in score_many(store)
    }


def test_scores_compare_and_report_agree_between_backends(pg_url, sqlite_demo, tmp_path):
    server = open_store(pg_url)
    load_demo(server)
    assert figures(server) == figures(sqlite_demo)
    on_server = comparison_to_dict(compare_years(server, "Bandung (demo)"), BY_YEAR)
    on_file = comparison_to_dict(compare_years(sqlite_demo, "Bandung (demo)"), BY_YEAR)
    assert json.dumps(on_server, sort_keys=True) == json.dumps(on_file, sort_keys=True)
    final = next(i for i in server.list_assessments(city="Bandung (demo)") if i.year == 2025)
    path = write_report(server, final.id, tmp_path / "server.pdf", lang="id")
    text_of_pdf = " ".join(page.extract_text() for page in PdfReader(path).pages)
    assert "Bandung (demo)" in text_of_pdf and "2025" in text_of_pdf
    server.close()
