"""The app on a field laptop: small screens, the keyboard, and the small things users noticed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt

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


def test_after_reopen_the_note_invites_typing_again(walk_window, answers):
    window = walk_window
    panel = window.walk.panel
    window.session.finalize()
    assert panel.note_edit.placeholderText() == "No note."
    answers["text"] = "late evidence"
    window.reopen()
    assert not window.session.is_final
    assert panel.note_edit.placeholderText().startswith("Findings, sources")
    assert not panel.note_edit.isReadOnly()


def _listed(walk) -> list[str]:
    model = walk.indicator_model
    return [model.data(model.index(r)) for r in range(model.rowCount())]


def test_the_walk_searches_every_indicator_by_code_name_question_and_note(walk_window, qtbot):
    walk = walk_window.walk
    walk.session.set_response("W2", note="operator SLA unknown")
    qtbot.keyClick(walk_window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert walk.search.hasFocus()
    qtbot.keyClicks(walk.search, "hotspots")  # a word of W1's name, in another pillar than the one shown
    assert [line.split()[1] for line in _listed(walk)] == ["W1"]
    walk.search.clear()
    qtbot.keyClicks(walk.search, "sla")  # found in W2's note
    assert [line.split()[1] for line in _listed(walk)] == ["W2"]
    qtbot.keyClick(walk.search, Qt.Key.Key_Return)
    assert walk.current_code == "W2" and walk.panel.hasFocus()  # 1–5 now answer W2
    walk.search.setFocus()
    qtbot.keyClick(walk.search, Qt.Key.Key_Escape)
    assert walk.search.text() == "" and [line.split()[1] for line in _listed(walk)] == ["W1", "W2"]


def test_the_indicator_list_marks_notes_and_evidence_and_shows_whole_names(walk_window, tmp_path):
    walk = walk_window.walk
    walk.go_to_code("G1")
    walk.session.set_response("G1", note="no SOP found")
    proof = tmp_path / "sop-request.txt"
    proof.write_text("letter", encoding="utf-8")
    walk.panel.add_evidence_files([str(proof)])
    first, second = _listed(walk)
    assert first.endswith("Command-center SOP  ✎ ❐1") and second.endswith("Website")
    tooltip = walk.indicator_model.data(walk.indicator_model.index(0), Qt.ItemDataRole.ToolTipRole)
    assert tooltip.splitlines() == ["G1 Command-center SOP: not answered yet", "✎ has a note", "❐ evidence files: 1"]
    assert walk.indicator_list.wordWrap()


def test_enter_in_the_filter_box_opens_the_assessment_found(make_window, store, qtbot):
    new_assessment(store, "Bandung", 2026)
    cimahi = new_assessment(store, "Cimahi", 2026)
    window = make_window(store)
    window.list_page.filter_edit.setFocus()
    qtbot.keyClicks(window.list_page.filter_edit, "cimahi")
    qtbot.keyClick(window.list_page.filter_edit, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.walk and window.session.assessment_id == cimahi


def test_esc_and_ctrl_w_close_compare_and_its_choices_answer_the_keyboard(make_window, store, qtbot):
    load_demo(store)
    window = make_window(store)
    for key, modifier in (
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
    ):
        compare = window.show_compare()
        qtbot.waitExposed(compare)
        compare.activateWindow()
        qtbot.waitUntil(compare.isActiveWindow)
        choices = compare._choices
        choices.setFocus()
        choices.setCurrentRow(0)
        qtbot.keyClick(choices, Qt.Key.Key_Space)  # unticks the first year
        assert choices.item(0).checkState() == Qt.CheckState.Unchecked
        qtbot.keyClick(compare, key, modifier)
        assert not compare.isVisible()
        qtbot.waitUntil(lambda: window._compare is None)  # closed and gone (deleted on close)


def test_small_dialogs_are_wide_enough_for_their_titles_in_both_languages(make_window, store):
    from PySide6.QtWidgets import QMessageBox

    from smartcity_assess.ui.dialogs.messages import TextDialog, fit_title, title_width

    window = make_window(store)
    for lang, titles in (
        ("en", ("Report written", "Reopen assessment")),
        ("id", ("Laporan ditulis", "Buka kembali penilaian")),
    ):
        window.set_language(lang)
        box = fit_title(
            QMessageBox(QMessageBox.Icon.Question, titles[0], "Open x.pdf now?", QMessageBox.StandardButton.Yes, window)
        )
        text = TextDialog(titles[1], "Why?", parent=window)
        for dialog in (box, text):
            dialog.adjustSize()
            assert dialog.width() >= title_width(dialog.windowTitle(), dialog) > 250, (lang, dialog.windowTitle())
    window.set_language("en")


def test_every_view_fits_a_1366_by_768_screen_and_works_at_1280_by_720(make_window, store):
    """Minimum sizes within the free area of a 1280×720 screen (taskbar and title bar taken off), both languages."""
    load_demo(store)
    draft = next(i for i in store.list_assessments(city="Bandung (demo)") if not i.is_final)
    window = make_window(store)
    free = QSize(1280, 720 - 40 - 32)
    for lang in ("en", "id"):
        window.set_language(lang)
        assert window.minimumSizeHint().boundedTo(free) == window.minimumSizeHint(), (lang, "list")
        window.open_assessment(draft.id)
        assert window.minimumSizeHint().boundedTo(free) == window.minimumSizeHint(), (lang, "walk")
        compare = window.show_compare()
        assert compare.minimumSizeHint().boundedTo(free) == compare.minimumSizeHint(), (lang, "compare")
        compare.close()
        window.show_list()
    window.set_language("en")


def test_indonesian_words_users_asked_for(walk_window):
    window = walk_window
    window.set_language("id")
    try:
        assert window.walk.next_open_button.text() == "Berikutnya yang belum dijawab"
        assert window.walk.key_hint.text().endswith("F3 berikutnya yang belum dijawab")
        assert window.next_open_action.text() == "&Berikutnya yang Belum Dijawab"
        assert window.walk.panel.target_box.itemText(0) == "Sesuai kerangka kerja (4)"
    finally:
        window.set_language("en")
    assert window.walk.panel.target_box.itemText(0) == "As the framework sets (4)"


def test_file_dialogs_start_in_the_folder_used_last(make_window, store, tmp_path, monkeypatch):
    from smartcity_assess.ui import file_dialogs

    window = make_window(store)
    asked = []
    folder = tmp_path / "field" / "bandung"
    folder.mkdir(parents=True)

    def choose(dialog):
        asked.append(dialog.directory().absolutePath())
        return [str(folder / "framework.yaml")]

    monkeypatch.setattr(file_dialogs, "run_dialog", choose)
    window.import_framework()  # the file is not a framework: refused, but its folder is remembered
    window.open_database()
    assert asked[0] == str(Path.home()) and asked[1] == str(folder)
    assert window.settings.last_folder == str(folder)  # kept for the next run, too
    assert file_dialogs.suggested_path("bandung-2026.pdf") == str(folder / "bandung-2026.pdf")


def test_the_walk_is_reachable_by_tab_from_the_level_keys_to_the_evidence_buttons(walk_window, qtbot):
    panel = walk_window.walk.panel
    walk_window.walk.go_to_code("G1")
    panel.setFocus()
    qtbot.waitUntil(panel.hasFocus)
    reached = []
    for _ in range(12):
        qtbot.keyClick(walk_window.focusWidget(), Qt.Key.Key_Tab)
        reached.append(walk_window.focusWidget())
    for widget in (panel.target_box, panel.note_edit, panel.evidence_view, panel.add_evidence_button):
        assert widget in reached, widget
    assert reached.index(panel.target_box) < reached.index(panel.note_edit) < reached.index(panel.add_evidence_button)
