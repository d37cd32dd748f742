"""The main window: list, new/open/delete, evidence, restart, exports, errors, and every item model."""

from __future__ import annotations

import inspect
import sys
import types
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from smartcity_assess.core.errors import UserError
from smartcity_assess.services.assessments import new_assessment
from smartcity_assess.services.demo import load_demo
from smartcity_assess.services.evidence import read_evidence_file
from smartcity_assess.services.frameworks import open_store
from smartcity_assess.ui import app as app_module
from smartcity_assess.ui import file_dialogs
from smartcity_assess.ui.db_lock import lock_database
from smartcity_assess.ui.dialogs import messages
from smartcity_assess.ui.dialogs.new_assessment import NewAssessmentChoice, NewAssessmentDialog
from smartcity_assess.ui.models.assessments import COMPLETION, YEAR
from smartcity_assess.ui.models.evidence import EvidenceModel


def test_run_has_the_signature_the_cli_calls():
    assert list(inspect.signature(app_module.run).parameters) == ["db"]


def test_list_shows_sorts_and_filters_the_assessments(make_window, store, qtmodeltester):
    load_demo(store)
    window = make_window(store)
    page = window.list_page
    assert page.model.rowCount() == len(store.list_assessments())
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.proxy)
    page.table.sortByColumn(COMPLETION, Qt.SortOrder.AscendingOrder)
    first = page.proxy.index(0, COMPLETION).data()
    assert first == "94%"  # the one draft sorts below the 100 % finals, as a number
    page.filter_edit.setText("cimahi")
    assert page.proxy.rowCount() == 2
    page.filter_edit.setText("2026")  # the year, not every row of framework version 2026.x
    assert {page.proxy.index(r, YEAR).data() for r in range(page.proxy.rowCount())} == {"2026"}
    page.filter_edit.setText("bandung 2025")
    assert page.proxy.rowCount() == 1
    page.filter_edit.setText("draft")
    years = {page.proxy.index(r, YEAR).data() for r in range(page.proxy.rowCount())}
    assert years == {"2026"}  # the one draft of the demo


def test_new_assessment_remembers_the_assessor_and_opens_the_walk(make_window, store, app_settings):
    window = make_window(store)
    framework = store.list_frameworks()[0]
    assessment_id = window.create_assessment(NewAssessmentChoice("Cimahi", 2027, framework, "Dewi"))
    assert store.assessment(assessment_id).assessor == "Dewi"
    assert app_settings.assessor == "Dewi"
    assert window.pages.currentWidget() is window.walk
    assert app_settings.last_assessment == str(assessment_id)
    dialog = NewAssessmentDialog(store.list_cities(), store.list_frameworks(), assessor=app_settings.assessor)
    assert dialog.assessor_edit.text() == "Dewi"
    assert dialog.city_box.findText("Cimahi") >= 0
    dialog.deleteLater()


def test_new_assessment_refused_shows_one_sentence(make_window, store, errors):
    window = make_window(store)
    framework = store.list_frameworks()[0]
    window.create_assessment(NewAssessmentChoice("Cimahi", 2027, framework, ""))
    window.show_list()
    window.create_assessment(NewAssessmentChoice("Cimahi", 2027, framework, ""))
    assert len(errors) == 1 and "already has a 2027 assessment" in errors[0]
    assert len(store.list_assessments()) == 1


def test_delete_draft_asks_and_final_cannot_be_deleted(make_window, store, answers, errors):
    draft = new_assessment(store, "Bandung", 2027)
    final = new_assessment(store, "Bandung", 2026)
    store.finalize(final)
    window = make_window(store)
    window.list_page.select(draft)
    answers["confirm"] = False
    window.delete_selected()
    assert len(store.list_assessments()) == 2
    answers["confirm"] = True
    window.delete_selected()
    assert [i.id for i in store.list_assessments()] == [final]
    window.list_page.select(final)
    assert not window.list_page.delete_button.isEnabled()
    window.delete_selected()
    assert errors and len(store.list_assessments()) == 1


def test_evidence_by_drop_size_limit_undo_and_model(qtbot, walk_window, tmp_path, errors, qtmodeltester):
    window = walk_window
    panel = window.walk.panel
    good = tmp_path / "sop-draft.pdf"
    good.write_bytes(b"%PDF-1.4 draft SOP")
    big = tmp_path / "video.mp4"
    big.write_bytes(b"x" * 2048)
    window.settings.qsettings.setValue("evidence/limit_mb", 1 / 1024)  # 1 KiB for the test
    panel._limit = window.settings.evidence_limit_bytes

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(good)), QUrl.fromLocalFile(str(big))])
    drop = QDropEvent(
        QPointF(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    )
    panel.dropEvent(drop)
    stored = window.store.evidence(window.session.assessment_id, "G1")
    assert [e.file_name for e in stored] == ["sop-draft.pdf"]  # the too-large one is refused, the other kept
    assert window.store.evidence_data(stored[0].id) == good.read_bytes()
    assert len(errors) == 1 and "video.mp4" in errors[0] and "more than" in errors[0]
    assert panel.evidence_model.rowCount() == 1
    qtmodeltester.check(panel.evidence_model)

    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.store.evidence(window.session.assessment_id, "G1") == []
    assert panel.evidence_model.rowCount() == 0
    qtbot.keyClick(
        window.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert [e.file_name for e in window.store.evidence(window.session.assessment_id, "G1")] == ["sop-draft.pdf"]

    panel.evidence_view.selectRow(0)
    panel.remove_selected_evidence()
    assert window.store.evidence(window.session.assessment_id, "G1") == []


def test_unreadable_evidence_is_one_sentence(tmp_path, store):
    with pytest.raises(UserError, match=r"^missing\.pdf cannot be read"):
        read_evidence_file(store, tmp_path / "missing.pdf", 1024)


def test_restart_finds_scores_notes_and_files(qtbot, make_window, db_path, tmp_path, app_settings):
    store = open_store(db_path)
    new_assessment(store, "Bandung", 2027)
    window = make_window(store)
    window.open_selected()
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_4)
    evidence = tmp_path / "perwal-20-2022.txt"
    evidence.write_text("Perwal No. 20/2022", encoding="utf-8")
    window.walk.panel.add_evidence_files([str(evidence)])
    window.walk.panel.note_edit.setFocus()
    qtbot.keyClicks(window.walk.panel.note_edit, "BCC has no SOP yet")
    code = window.walk.current_code
    window.close()  # the window's close button, mid-typing: the note is saved on the way out
    window.release()

    reopened = open_store(db_path)
    again = make_window(reopened)
    assert app_settings.last_assessment
    again.open_assessment(uuid.UUID(app_settings.last_assessment))
    assert again.walk.current_code != code  # it resumes at the next open indicator…
    again.walk.go_to_code(code)
    assert again.walk.panel.note_edit.toPlainText() == "BCC has no SOP yet"
    assert again.walk.panel._levels[4].property("chosen") is True
    assert again.walk.panel.evidence_model.evidence_at(0).file_name == "perwal-20-2022.txt"
    reopened.close()


def test_note_is_saved_after_a_pause_and_is_undoable(qtbot, walk_window):
    window = walk_window
    panel = window.walk.panel
    panel.note_edit.setFocus()
    qtbot.keyClicks(panel.note_edit, "draft SOP seen")
    with qtbot.waitSignal(window.session.response_changed, timeout=3000):
        pass  # the pause timer fires and saves
    assert window.store.responses(window.session.assessment_id)["G1"].note == "draft SOP seen"
    window.undo_action.trigger()
    assert window.store.responses(window.session.assessment_id)["G1"].note == ""


def test_indicator_list_marks_what_is_open(qtbot, walk_window, qtmodeltester):
    from smartcity_assess.ui.models.indicators import ANSWERED_ROLE

    window = walk_window
    model = window.walk.indicator_model
    qtmodeltester.check(model)
    assert [model.index(r).data(ANSWERED_ROLE) for r in range(model.rowCount())] == [False, False]
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_2)
    assert model.index(0).data(ANSWERED_ROLE) is True
    assert model.index(0).data().startswith("✓2")
    assert window.walk.steps.tabText(0).endswith("1/2")


def test_export_responses_csv(walk_window, tmp_path):
    window = walk_window
    window.walk.panel.choose_level(3)
    written = window.export_responses(str(tmp_path / "out.csv"))
    text = written.read_text(encoding="utf-8")
    assert "G1" in text.splitlines()[1] and ",3," in text.splitlines()[1]


def test_export_pdf_runs_the_report_in_the_background(qtbot, walk_window, tmp_path, monkeypatch, answers):
    calls = []

    def write_report(store, assessment_id, path, lang="en", progress=None):
        calls.append((assessment_id, lang))
        for done in range(3):
            progress(done + 1, 3)
        Path(path).write_bytes(b"%PDF")
        return Path(path)

    fake = types.ModuleType("smartcity_assess.reporting")
    fake.write_report = write_report
    monkeypatch.setitem(sys.modules, "smartcity_assess.reporting", fake)
    answers["confirm"] = False  # do not open the file in a viewer
    assert walk_window.export_pdf(str(tmp_path / "report.pdf")) is not None
    # the job may finish before a waitSignal could connect: wait for what the user sees instead
    qtbot.waitUntil(lambda: bool(answers["asked"]), timeout=5000)
    assert calls == [(walk_window.session.assessment_id, "en")]
    assert (tmp_path / "report.pdf").read_bytes() == b"%PDF"
    assert answers["asked"] and "report.pdf" in answers["asked"][-1]


def test_export_pdf_failure_is_one_sentence(qtbot, walk_window, tmp_path, monkeypatch, errors):
    def write_report(store, assessment_id, path, lang="en", progress=None):
        raise UserError("the report folder is read-only")

    fake = types.ModuleType("smartcity_assess.reporting")
    fake.write_report = write_report
    monkeypatch.setitem(sys.modules, "smartcity_assess.reporting", fake)
    assert walk_window.export_pdf(str(tmp_path / "report.pdf")) is not None
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert errors == ["The report folder is read-only."]  # a dialog says it as a sentence


def test_compare_opens_the_compare_view(qtbot, make_window, store, monkeypatch):
    from PySide6.QtWidgets import QWidget

    class CompareView(QWidget):
        def __init__(self, store, parent=None, *, lang="en"):
            super().__init__(parent)
            self.store = store
            self.lang = lang

    fake = types.ModuleType("smartcity_assess.ui.views.compare")
    fake.CompareView = CompareView
    monkeypatch.setitem(sys.modules, "smartcity_assess.ui.views.compare", fake)
    window = make_window(store)
    view = window.show_compare()
    assert isinstance(view, CompareView) and view.store is store and view.isVisible()
    assert view.lang == window.lang
    view.close()


def test_invalid_framework_file_is_one_sentence(make_window, store, tmp_path, errors):
    bad = tmp_path / "bad.yaml"
    bad.write_text("code: x\nversion: '1'\n", encoding="utf-8")
    window = make_window(store)
    before = store.list_frameworks()
    assert window.import_framework(str(bad)) is False
    assert len(errors) == 1 and "bad.yaml" in errors[0]
    assert store.list_frameworks() == before


def test_database_open_in_another_copy_is_refused(tmp_path):
    path = tmp_path / "shared.db"
    first = lock_database(str(path))
    with pytest.raises(UserError, match="already open in another Smart City Assess window"):
        lock_database(str(path))
    first.unlock()
    lock_database(str(path)).unlock()


def test_about_names_version_database_and_frameworks(make_window, store):
    window = make_window(store)
    text = window.about_text()
    assert store.location in text
    assert all(f"{f.code} {f.version}" in text for f in store.list_frameworks())


def test_evidence_model_headers():
    model = EvidenceModel()
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == ["File", "Size", "Added"]


def test_open_database_switches_store_and_lock(make_window, store, tmp_path):
    other_path = tmp_path / "other.db"
    other = open_store(other_path)
    new_assessment(other, "Cimahi", 2027)
    other.close()
    window = make_window(store)
    assert window.list_page.model.rowCount() == 0
    assert window.open_database(str(other_path)) is True
    assert window.list_page.model.rowCount() == 1
    assert window.list_page.model.row_at(0).city == "Cimahi"
    with pytest.raises(UserError, match="already open"):
        lock_database(str(other_path))  # the window holds the new database now
    window.release()
    lock_database(str(other_path)).unlock()


def test_import_framework_file(make_window, store):
    from tests.conftest import DATA

    window = make_window(store)
    assert window.import_framework(str(DATA / "mini.yaml")) is True
    assert "mini" in {f.code for f in store.list_frameworks()}


def test_the_same_file_twice_and_an_empty_file_are_refused(walk_window, tmp_path, errors):
    panel = walk_window.walk.panel
    sop = tmp_path / "sop.pdf"
    sop.write_bytes(b"%PDF-1.4 the SOP")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    panel.add_evidence_files([str(sop)])
    panel.add_evidence_files([str(sop)])
    panel.add_evidence_files([str(empty)])
    stored = walk_window.store.evidence(walk_window.session.assessment_id, "G1")
    assert [e.file_name for e in stored] == ["sop.pdf"]
    assert errors == ["sop.pdf is already attached to G1.", "empty.txt is empty."]
    assert panel.evidence_model.rowCount() == 1


def test_error_sentences_keep_file_names_as_they_are():
    assert messages.as_sentence("big.bin is 26 MiB, more than the 25 MiB allowed") == (
        "big.bin is 26 MiB, more than the 25 MiB allowed."
    )
    assert messages.as_sentence("the database is locked") == "The database is locked."
    assert messages.as_sentence("Already a sentence.") == "Already a sentence."


@pytest.mark.parametrize("focus", ["filter", "table"])
def test_export_shortcut_works_from_the_filter_box(qtbot, make_window, store, monkeypatch, focus):
    new_assessment(store, "Bandung", 2027)
    window = make_window(store)
    window.list_page.table.selectRow(0)
    asked = []
    monkeypatch.setattr(file_dialogs, "save_file", lambda *args: asked.append(args) or (None, ""))
    widget = window.list_page.filter_edit if focus == "filter" else window.list_page.table
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    qtbot.keyClick(widget, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(asked) == 1 and asked[0][1] == "Export responses"


def malformed() -> Exception:
    import sqlite3

    from sqlalchemy.exc import DatabaseError

    damage = sqlite3.DatabaseError("database disk image is malformed")
    damage.sqlite_errorcode = sqlite3.SQLITE_CORRUPT  # SQLite's own code, by which errors are told apart
    return DatabaseError("SELECT …", {}, damage)


def test_a_damaged_page_met_when_opening_is_one_sentence(make_window, store, monkeypatch, errors):
    assessment_id = new_assessment(store, "Bandung", 2027)
    window = make_window(store)

    def damaged(_id):
        raise malformed()

    monkeypatch.setattr(store, "responses", damaged)
    window.open_assessment(assessment_id)
    assert errors == [f"{store.location} is not a Smart City Assess database, or it is damaged."]
    assert window.session is None and window.pages.currentWidget() is window.list_page


def test_a_damaged_page_met_when_saving_is_one_sentence_and_saves_nothing(qtbot, walk_window, monkeypatch, errors):
    from smartcity_assess.ui.walk import session as session_module

    window = walk_window

    def damaged(*_args, **_kwargs):
        raise malformed()

    monkeypatch.setattr(session_module, "record_response", damaged)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_3)
    assert len(errors) == 1 and "damaged" in errors[0]
    assert window.store.responses(window.session.assessment_id) == {}
    assert window.session.response("G1") is None and window.walk.panel._levels[3].property("chosen") is not True
    assert window.undo_action.isEnabled() is False  # nothing half-done to undo


def test_database_errors_reaching_the_event_loop_are_one_sentence(monkeypatch):
    from smartcity_assess.ui.database_errors import install_database_error_hook

    before = []
    monkeypatch.setattr(sys, "excepthook", lambda *args: before.append(args[0]))
    shown = []
    remove = install_database_error_hook(shown.append, lambda: "/data/x.db")
    sys.excepthook(type(malformed()), malformed(), None)
    sys.excepthook(KeyError, KeyError("bug"), None)
    remove()
    assert shown == ["/data/x.db is not a Smart City Assess database, or it is damaged."]
    assert before == [KeyError]  # anything else still goes to the hook that logs it


def test_compare_opens_roomy_but_within_the_screen(make_window, store):
    from PySide6.QtCore import QSize

    window = make_window(store)
    view = window.show_compare()
    available = window.screen().availableGeometry().size()
    assert view.size() == QSize(1400, 880).boundedTo(available).expandedTo(view.minimumSizeHint())
    assert app_module.compare_window_size(QSize(1280, 720)) == QSize(1280, 720)
    assert app_module.compare_window_size(QSize(1920, 1080)) == QSize(1400, 880)
    export = view._export
    assert export.width() >= export.sizeHint().width()  # the button's text and arrow are whole
    view.close()


def test_sample_data_can_be_loaded_from_the_help_menu(make_window, store):
    window = make_window(store)
    assert window.list_page.model.rowCount() == 0
    assert "Load Sample Data" in window.list_page.empty_hint.text()
    window.demo_action.trigger()
    demo = store.list_assessments()
    assert demo and all(info.is_demo for info in demo)
    assert window.list_page.model.rowCount() == len(demo)
    window.demo_action.trigger()  # twice: still one set
    assert len(store.list_assessments()) == len(demo)


def test_main_shortcuts_are_not_keys_a_text_field_takes_for_itself(make_window, store):
    """On Linux a focused text field keeps its editing keys (Ctrl+K deletes to the line's end,
    Ctrl+U the line, Ctrl+E moves to its end): the first shortcut of an action must not be one."""
    from PySide6.QtGui import QKeySequence

    editing = (
        "DeleteEndOfLine",
        "DeleteCompleteLine",
        "MoveToEndOfLine",
        "MoveToStartOfLine",
        "MoveToNextChar",
        "MoveToPreviousChar",
        "MoveToNextLine",
        "MoveToPreviousLine",
        "SelectAll",
        "Deselect",
    )
    taken = {
        k.toString() for name in editing for k in QKeySequence.keyBindings(getattr(QKeySequence.StandardKey, name))
    }
    taken |= {"Ctrl+K", "Ctrl+U", "Ctrl+E"}  # X11's bindings, whatever this test platform's theme says
    window = make_window(store)
    for action in (window.compare_action, window.next_open_action, window.export_action, window.demo_action):
        if action.shortcuts():
            assert action.shortcuts()[0].toString() not in taken, action.text()


def test_scores_are_written_with_the_languages_decimal_mark(make_window, store):
    from smartcity_assess.ui.models.assessments import SCORE

    load_demo(store)
    window = make_window(store)
    row = next(
        r for r in range(window.list_page.model.rowCount()) if window.list_page.model.index(r, SCORE).data() != "—"
    )
    english = window.list_page.model.index(row, SCORE).data()
    assert "." in english
    assert window.set_language("id")
    try:
        assert window.list_page.model.index(row, SCORE).data() == english.replace(".", ",")
    finally:
        window.set_language("en")


def test_help_opens_the_log_folder(make_window, store, monkeypatch, tmp_path):
    from PySide6.QtGui import QDesktopServices

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    window = make_window(store)
    assert window.log_folder_action in window.menuBar().actions()[-1].menu().actions()
    window.log_folder_action.trigger()
    assert opened == [str(tmp_path / "logs")] and (tmp_path / "logs").is_dir()
