"""The app in Bahasa Indonesia: every user-visible string is translated, the shipped .qm is current, and the
language chosen in the app switches the interface, the framework texts and the report's default at once."""

from __future__ import annotations

import importlib.util
import sys
import types
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from smartcity_assess.core.text import localize
from smartcity_assess.services.assessments import new_assessment
from smartcity_assess.services.demo import load_demo
from smartcity_assess.ui import app as app_module
from smartcity_assess.ui import i18n
from smartcity_assess.ui.i18n import TRANSLATIONS

from .untranslated import has_words, untranslated

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "smartcity_assess" / "ui"


def _build_translations():
    spec = importlib.util.spec_from_file_location("build_translations", ROOT / ".ci" / "build_translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bt = _build_translations()


@pytest.fixture(autouse=True)
def english_afterwards():
    """The translator is application-wide: every test here leaves the app in English, as the others expect."""
    yield
    TRANSLATIONS.install("en")


# ---- every string is translated ---------------------------------------------------------------------------


def test_every_string_in_the_code_has_a_finished_indonesian_translation(tmp_path):
    extracted = tmp_path / "extracted.ts"
    bt.run_lupdate(extracted, "id")
    in_code = {(context, source) for context, source, _ in bt.messages(extracted)}
    assert len(in_code) > 150  # the extraction really read the UI (a broken lupdate run finds nothing)
    shipped = {(context, source): translation for context, source, translation in bt.messages(bt.ts_path("id"))}
    missing = sorted(key for key in in_code if key not in shipped)
    assert not missing, f"not in the .ts (run .ci/build_translations.py and translate): {missing}"
    unfinished = sorted(key for key, translation in shipped.items() if not bt.is_finished(translation))
    assert not unfinished, f"unfinished or empty translations: {unfinished}"


def test_translations_keep_placeholders_and_one_shortcut_each():
    import re

    placeholders = re.compile(r"\{\w*\}|%\d|%n")
    for context, source, translation in bt.messages(bt.ts_path("id")):
        forms = translation.findall("numerusform")  # a plural: every form keeps the placeholders
        for text in [f.text or "" for f in forms] or [translation.text or ""]:
            assert sorted(placeholders.findall(text)) == sorted(placeholders.findall(source)), (context, source)
            assert source.replace("&&", "").count("&") == text.replace("&&", "").count("&"), (context, source)


def test_menu_shortcuts_are_unique_within_each_indonesian_menu(make_window, store):
    window = make_window(store)
    assert window.set_language("id")
    menus = [window.menuBar()] + [a.menu() for a in window.menuBar().actions() if a.menu()]
    for menu in menus:
        keys = [a.text().split("&")[1][0].lower() for a in menu.actions() if "&" in a.text()]
        assert len(keys) == len(set(keys)), [a.text() for a in menu.actions()]


def test_no_user_visible_literal_skips_translation():
    found = untranslated(UI)
    assert not found, "pass these through self.tr() / QCoreApplication.translate():\n" + "\n".join(found)


def test_the_scan_finds_a_literal_that_skips_translation(tmp_path):
    package = tmp_path / "pkg" / "ui"
    package.mkdir(parents=True)
    (package / "view.py").write_text(
        "label.setText('Hello there')\n"
        "label.setText(self.tr('Translated'))\n"
        "QMessageBox.warning(self, f'Oops {name}', text)\n"
        "label.setText(f\"<span style='color:{c}'>{value}</span> &nbsp; —\")\n"
        "button = QPushButton(QCoreApplication.translate('Ctx', 'Fine'))\n",
        encoding="utf-8",
    )
    found = untranslated(package)
    assert [line.split(": ", 1)[1] for line in found] == ["'Hello there'", "'Oops {}'"]
    assert not has_words("%") and not has_words("—") and not has_words("<b>{}</b> &nbsp;")


def test_the_shipped_qm_is_what_lrelease_builds_from_the_ts(tmp_path):
    built = tmp_path / "built.qm"
    bt.run_lrelease(bt.ts_path("id"), built)
    assert bt.qm_path("id").read_bytes() == built.read_bytes()


def test_the_app_finds_the_compiled_translation():
    assert i18n.translation_file("id") == bt.qm_path("id")


# ---- choosing the language ----------------------------------------------------------------------------------


def test_the_language_defaults_to_the_systems_until_chosen(app_settings, monkeypatch):
    monkeypatch.setattr(i18n, "system_language", lambda: "id")
    assert app_settings.language == "id"
    app_settings.language = "en"
    assert app_settings.language == "en"


@pytest.fixture
def walk_in_store(make_window, store):
    """A window walking a new draft of the built-in framework (which has Indonesian texts), on indicator 2."""
    assessment_id = new_assessment(store, "Bandung", 2026, assessor="Ana")
    window = make_window(store)
    window.open_assessment(assessment_id)
    second = window.session.framework.indicators[1]
    window.walk.go_to_code(second.code)
    window.walk.panel.choose_level(3)
    return window


def test_switching_to_indonesian_translates_the_window_and_the_framework_at_once(walk_in_store, app_settings):
    window = walk_in_store
    framework = window.session.framework
    indicator = window.walk.panel.indicator
    assert [a.text() for a in window.menuBar().actions()][:2] == ["&File", "&Edit"]

    assert window.set_language("id")

    assert [a.text() for a in window.menuBar().actions()] == [
        "&Berkas",
        "&Sunting",
        "&Penilaian",
        "&Tampilan",
        "Ba&hasa",
        "B&antuan",
    ]
    assert app_settings.language == "id" and window.language_actions["id"].isChecked()
    # the walk is still on the same indicator, now with the framework's Indonesian texts
    walk = window.walk
    assert walk.panel.indicator.code == indicator.code
    title = walk.panel._title.text()
    assert localize(indicator.name, "id") in title and localize(indicator.name, "en") not in title
    assert "indikator 2 dari" in title
    pillar = framework.pillar(indicator.pillar_code)
    assert localize(pillar.name, "id") in walk.steps.tabText(walk.steps.currentIndex())
    assert walk.finalize_button.text() == "Finalkan…"
    # the level chosen before the switch can still be undone, and the Undo action says so in Indonesian
    assert window.undo_action.text().startswith("&Urungkan")
    window.undo_action.trigger()
    assert window.session.response(indicator.code).level is None

    assert window.set_language("en")
    assert window.menuBar().actions()[0].text() == "&File"
    assert localize(indicator.name, "en") in window.walk.panel._title.text()


def test_qt_standard_buttons_come_out_indonesian(qtbot):
    assert TRANSLATIONS.install("id")
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "",
        "",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No | QMessageBox.StandardButton.Cancel,
    )
    qtbot.addWidget(box)
    box.setDetailedText("…")
    texts = {box.button(b).text() for b in (QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No)}
    assert texts == {"&Ya", "&Tidak"}
    assert box.button(QMessageBox.StandardButton.Cancel).text() == "Batal"
    assert "Tampilkan Detail..." in {b.text() for b in box.buttons()}


def test_file_sizes_are_written_the_indonesian_way():
    from smartcity_assess.ui.models.evidence import human_size

    assert (human_size(70), human_size(1536)) == ("70 bytes", "1.5 KB")
    TRANSLATIONS.install("id")
    assert (human_size(70), human_size(1536)) == ("70 byte", "1,5 KB")


def test_the_saved_language_is_installed_at_start(qtbot, db_path, app_settings):
    app_settings.language = "id"
    started = app_module.start(str(db_path), app_settings)
    assert started is not None
    window = started[1]
    qtbot.addWidget(window)
    try:
        assert window.menuBar().actions()[0].text() == "&Berkas"
        assert window.list_page.new_button.text() == "Penilaian baru…"
    finally:
        window.release()


def test_the_list_headers_follow_the_language(make_window, store):
    window = make_window(store)
    window.set_language("id")
    model = window.list_page.model
    from PySide6.QtCore import Qt

    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[:3] == ["Kota", "Tahun", "Kerangka"]


def test_compare_opens_in_the_chosen_language(make_window, store):
    load_demo(store)
    window = make_window(store)
    window.set_language("id")
    view = window.show_compare()
    try:
        framework = store.framework(store.list_assessments()[0].framework_id)
        assert view.radar().axes() == [localize(p.name, "id") for p in framework.pillars]
        assert view.windowTitle() == "Bandingkan — Smart City Assess"
    finally:
        view.close()


def test_export_pdf_defaults_to_the_interface_language(qtbot, walk_in_store, tmp_path, monkeypatch, answers):
    calls = []

    def write_report(store, assessment_id, path, lang="en", progress=None):
        calls.append(lang)
        Path(path).write_bytes(b"%PDF")
        return Path(path)

    fake = types.ModuleType("smartcity_assess.reporting")
    fake.write_report = write_report
    monkeypatch.setitem(sys.modules, "smartcity_assess.reporting", fake)
    answers["confirm"] = False
    walk_in_store.set_language("id")
    assert walk_in_store.export_pdf(str(tmp_path / "laporan.pdf")) is not None
    qtbot.waitUntil(lambda: bool(answers["asked"]), timeout=5000)
    assert calls == ["id"]
    assert answers["asked"][-1] == "Buka laporan.pdf sekarang?"


def test_a_missing_translation_is_one_sentence_and_changes_nothing(make_window, store, errors, monkeypatch):
    monkeypatch.setattr(i18n, "translation_file", lambda _lang: None)
    window = make_window(store)
    assert not window.set_language("id")
    assert errors == ["The Bahasa Indonesia translation is missing from this installation."]
    assert window.lang == "en" and window.language_actions["en"].isChecked()
    assert window.menuBar().actions()[0].text() == "&File"


def test_english_counts_read_as_english():
    """The sources say '%n conflict(s)'; the English catalogue turns that into 'conflict' or 'conflicts'."""
    from PySide6.QtCore import QCoreApplication

    TRANSLATIONS.install("en")

    def left(n):
        return QCoreApplication.translate("ConflictsView", "%n conflict(s) left to decide.", "", n)

    assert (left(1), left(3)) == ("1 conflict left to decide.", "3 conflicts left to decide.")
    TRANSLATIONS.install("id")
    assert "(s)" not in left(3)
    TRANSLATIONS.install("en")
