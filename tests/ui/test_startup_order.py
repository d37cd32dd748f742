"""Start-up order: the window paints before the store's libraries load, the list is read without them, and
what the quick read gives is what the store gives."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from smartcity_assess.services.assessments import score_many
from smartcity_assess.services.demo import load_demo
from smartcity_assess.services.frameworks import open_store
from smartcity_assess.services.listing import quick_scored_list

ROOT = Path(__file__).resolve().parents[2]

PAINT_ONLY = """
import sys
from smartcity_assess.ui.app import MainWindow, create_application
app = create_application()
window = MainWindow(None)
window.show_window()
app.processEvents()
heavy = [m for m in ("sqlalchemy", "sqlmodel", "pydantic", "pandas", "numpy", "pyqtgraph", "reportlab", "yaml")
         if m in sys.modules]
print(",".join(heavy) or "none", window.pages.currentWidget().text(), window.new_action.isEnabled())
"""

QUICK_LIST = """
import sys
from smartcity_assess.services.listing import quick_scored_list
rows = quick_scored_list(sys.argv[1])
print(len(rows), "sqlalchemy" in sys.modules)
"""


def _run(code: str, *args: str, tmp_path) -> str:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"))
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    result = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, check=True)
    return result.stdout.strip()


def test_the_window_paints_with_menus_and_a_loading_list_before_any_heavy_library(tmp_path):
    heavy, *rest = _run(PAINT_ONLY, tmp_path=tmp_path).split(" ")
    assert heavy == "none"
    assert " ".join(rest) == "Loading the assessments… False"  # nothing that needs the store works yet


def test_the_list_is_read_without_sqlalchemy(tmp_path, db_path):
    store = open_store(db_path)
    load_demo(store)
    store.close()
    assert _run(QUICK_LIST, str(db_path), tmp_path=tmp_path) == "6 False"


def test_the_quick_read_gives_what_the_store_gives(db_path):
    store = open_store(db_path)
    load_demo(store)
    try:
        expected = [(s.info, s.framework.code, s.score) for s in score_many(store)]
    finally:
        store.close()
    quick = [(s.info, s.framework.code, s.score) for s in quick_scored_list(db_path)]
    assert quick == expected


def test_the_quick_read_leaves_what_it_cannot_be_sure_of_to_the_store(tmp_path, db_path):
    assert quick_scored_list(tmp_path / "missing.db") is None  # a new database: created by the store
    assert quick_scored_list("postgresql://somewhere/db") is None
    open_store(db_path).close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    assert quick_scored_list(db_path) is None  # refused by the store, in its words


def test_an_assessment_opened_while_the_store_still_opens_opens_once_it_is_ready(qtbot, db_path, app_settings):
    from smartcity_assess.services.assessments import new_assessment
    from smartcity_assess.ui.app import MainWindow
    from smartcity_assess.ui.loading import quick_rows

    store = open_store(db_path)
    assessment = new_assessment(store, "Bandung", 2026)
    window = MainWindow(None, settings=app_settings)
    qtbot.addWidget(window)
    window._ensure_list_page().set_rows(quick_rows(db_path))  # what start-up shows before the store is open
    window.list_page.select(assessment)
    window.open_selected()  # Enter or a double click, a moment too early
    assert window.walk is None
    window.attach_store(store)
    assert window.session is not None and window.session.assessment_id == assessment
    window.release()
