"""Start-up: the database is refused in one sentence when it is in use or too new; otherwise the
window opens where the assessor left off. `smartcity-assess` without a command starts the app."""

from __future__ import annotations

import sqlite3

import pytest

from smartcity_assess import cli
from smartcity_assess.services.assessments import new_assessment
from smartcity_assess.services.demo import load_demo
from smartcity_assess.services.frameworks import open_store
from smartcity_assess.ui import app as app_module
from smartcity_assess.ui.db_lock import lock_database


@pytest.fixture
def started(qtbot):
    windows = []

    def start(db, settings):
        result = app_module.start(str(db), settings)
        if result is not None:
            qtbot.addWidget(result[1])
            windows.append(result[1])
        return result

    yield start
    for window in windows:
        window.release()


def test_a_database_open_in_another_copy_is_one_sentence(started, db_path, app_settings, errors):
    other_copy = lock_database(str(db_path))
    assert started(db_path, app_settings) is None
    assert len(errors) == 1 and "already open in another Smart City Assess window" in errors[0]
    other_copy.unlock()


def test_a_database_from_a_newer_version_is_one_sentence(started, db_path, app_settings, errors):
    open_store(db_path).close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    assert started(db_path, app_settings) is None
    assert len(errors) == 1 and "newer version" in errors[0]


def test_the_window_reopens_the_last_assessment(started, db_path, app_settings):
    store = open_store(db_path)
    assessment_id = new_assessment(store, "Bandung", 2027)
    store.close()
    app_settings.last_assessment = str(assessment_id)
    _app, window = started(db_path, app_settings)
    assert window.isVisible()
    assert window.session is not None and window.session.assessment_id == assessment_id
    assert window.pages.currentWidget() is window.walk


def test_no_command_opens_the_app(monkeypatch):
    seen = []
    monkeypatch.setattr(app_module, "run", lambda db: seen.append(db) or 0)
    assert cli.main([]) == 0
    assert cli.main(["--db", "/tmp/x.db"]) == 0
    assert seen == [None, "/tmp/x.db"]


def damage(path, page: int = 35) -> None:
    """Garbage over one page in the middle of the file, as a failing disk or a bad copy leaves it."""
    with open(path, "r+b") as f:
        f.seek(4096 * page)
        f.write(bytes(range(256)) * 16)


@pytest.fixture
def damaged_demo(db_path):
    store = open_store(db_path)
    load_demo(store)
    store.close()
    assert db_path.stat().st_size > 4096 * 40
    damage(db_path)
    return db_path


def test_a_damaged_database_is_one_sentence_and_a_failed_start(started, damaged_demo, app_settings, errors):
    assert started(damaged_demo, app_settings) is None
    assert len(errors) == 1 and "damaged" in errors[0] and "Traceback" not in errors[0]
    assert app_module.run(str(damaged_demo)) == 2  # the lock was let go: a second try meets the same sentence
    assert len(errors) == 2 and errors[1] == errors[0]


def test_the_app_has_its_icon(qapp):
    from smartcity_assess.ui.app import create_application

    assert not create_application().windowIcon().isNull()


def test_restart_picks_up_at_the_indicator_left(tmp_path, store, app_settings, qapp):
    from smartcity_assess.services.assessments import new_assessment
    from smartcity_assess.ui.app import start

    assessment_id = new_assessment(store, "Kota Bandung", 2026)
    db = store.location
    store.close()
    _app, window = start(db, app_settings)
    window.open_assessment(assessment_id)
    window.walk.go_to_code("WIFI-02")
    window.close()
    window.release()

    _app, window = start(db, app_settings)
    try:
        assert window.walk is not None and window.walk.current_code == "WIFI-02"
    finally:
        window.close()
        window.release()


def test_the_suggested_file_name_is_clean(store):
    from smartcity_assess.services.assessments import new_assessment
    from smartcity_assess.ui.exports import suggested_name

    assessment_id = new_assessment(store, "Bandung (demo)", 2026)
    assert suggested_name(store, assessment_id, "pdf") == "bandung-demo-2026.pdf"
