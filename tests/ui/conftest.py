"""Fixtures for the app: a main window on a test database, settings in a temporary INI file,
and message boxes answered by the test instead of a person."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from smartcity_assess.services.assessments import new_assessment
from smartcity_assess.ui.app import MainWindow
from smartcity_assess.ui.dialogs import messages
from smartcity_assess.ui.i18n import TRANSLATIONS
from smartcity_assess.ui.settings import AppSettings


@pytest.fixture(autouse=True)
def english(qapp):
    """The English catalogue (its plural forms) installed, as the app's start installs it."""
    TRANSLATIONS.install("en")


@pytest.fixture
def app_settings(tmp_path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def errors(monkeypatch) -> list[str]:
    """Every sentence the app shows in an error box, in order."""
    shown: list[str] = []
    monkeypatch.setattr(messages, "show_error", lambda _parent, sentence, title=None: shown.append(sentence))
    return shown


@pytest.fixture
def answers(monkeypatch) -> dict:
    """Set answers['confirm'] / answers['text'] to what the 'person' replies to questions."""
    replies = {"confirm": True, "text": "", "asked": []}

    def confirm(_parent, title, text):
        replies["asked"].append(text)
        return replies["confirm"]

    monkeypatch.setattr(messages, "confirm", confirm)
    monkeypatch.setattr(messages, "ask_text", lambda *_args, **_options: replies["text"])
    return replies


@pytest.fixture
def make_window(qtbot, app_settings, errors, answers):
    """Build a main window on a store; it is closed (and the database let go) after the test."""
    windows = []

    def make(store, settings=None) -> MainWindow:
        window = MainWindow(store, settings=settings or app_settings)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()  # window shortcuts (PgDown, Ctrl+Z…) only reach the active window
        qtbot.waitUntil(window.isActiveWindow)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window._close_walk()


@pytest.fixture
def walk_window(make_window, mini_store):
    """A window walking a new draft of the small hand-checkable framework."""
    assessment_id = new_assessment(mini_store, "Testville", 2026, framework_code="mini", assessor="Ana")
    window = make_window(mini_store)
    window.open_assessment(assessment_id)
    return window
