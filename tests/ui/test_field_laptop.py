"""The app on a field laptop: small screens, the keyboard, and the small things users noticed."""

from __future__ import annotations

from PySide6.QtCore import QSize

from smartcity_assess.services.assessments import new_assessment
from smartcity_assess.services.demo import load_demo
from smartcity_assess.ui import app as app_module
from smartcity_assess.ui.app import MainWindow
from smartcity_assess.ui.dialogs.keys import KeysDialog
from smartcity_assess.ui.i18n import TRANSLATIONS


def test_help_removes_the_sample_data_after_asking(make_window, store, answers):
    real = new_assessment(store, "Bandung", 2026)
    load_demo(store)
    window = make_window(store)
    assert window.list_page.model.rowCount() == 7
    answers["confirm"] = False
    window.remove_demo_action.trigger()
    assert window.list_page.model.rowCount() == 7  # "No": nothing removed
    answers["confirm"] = True
    window.remove_demo_action.trigger()
    assert [window.list_page.model.row_at(r).id for r in range(window.list_page.model.rowCount())] == [real]


def test_the_first_start_fills_a_small_screen(qtbot, store, app_settings):
    window = MainWindow(store, settings=app_settings)
    qtbot.addWidget(window)
    small = window.screen().availableGeometry().size()
    assert small.width() < 1280 or small.height() < 800  # the offscreen screen is small, as a 1366×768 one is
    window.show_window()
    qtbot.waitUntil(window.isMaximized)
    assert app_module.first_window_size(QSize(1366, 728)) == QSize(1280, 728)
    assert app_module.first_window_size(QSize(1920, 1040)) == QSize(1280, 800)


def test_f1_lists_every_key_in_the_language_shown(make_window, store, qtbot):
    window = make_window(store)
    dialog = KeysDialog(window)
    rows = dict((does, keys) for keys, does in dialog.rows())
    assert rows["Next Unanswered"] == "F3 / Ctrl+U"
    assert rows["Keyboard Shortcuts"] == "F1"
    assert any(keys == "1 – 5" for keys, _ in dialog.rows())
    dialog.deleteLater()
    window.set_language("id")
    try:
        dialog = KeysDialog(window)
        assert dialog.windowTitle() == "Pintasan papan ketik"
        assert "Berikutnya yang Belum Dijawab" in dict((d, k) for k, d in dialog.rows())
        dialog.deleteLater()
    finally:
        window.set_language("en")
    assert TRANSLATIONS.language == "en"
