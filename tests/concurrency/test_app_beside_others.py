"""The app open while other processes (the command line) write the same database file."""

import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QFileSystemModel

from smartcity_assess.services.frameworks import open_store
from smartcity_assess.ui import file_dialogs

from .checks import writer_env


def cli(db, *args) -> subprocess.CompletedProcess:
    """The command line in its own process, as a person would run it beside the open app."""
    done = subprocess.run(
        [sys.executable, "-m", "smartcity_assess", "--db", str(db), *map(str, args)],
        capture_output=True,
        text=True,
        env=writer_env(),
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done


def import_rows(db, assessment_id, tmp_path, header: str, row: str):
    sheet = tmp_path / "outside.csv"
    sheet.write_text(f"indicator,{header}\n{row}\n", encoding="utf-8")
    return cli(db, "responses", "import", assessment_id, sheet)


def stored(db, assessment_id, code):
    store = open_store(db)
    try:
        return store.response(assessment_id, code)
    finally:
        store.close()


def type_note(qtbot, panel, text):
    panel.note_edit.setFocus()
    qtbot.keyClicks(panel.note_edit, text)
    qtbot.keyClick(panel.note_edit, Qt.Key.Key_Escape)  # leaves the field: the note is saved


def test_undo_never_erases_a_note_the_command_line_wrote_since(qtbot, walk_window, db_path, tmp_path, errors):
    window = walk_window
    code = window.walk.current_code
    type_note(qtbot, window.walk.panel, "app note")
    assessment_id = window.session.assessment_id
    import_rows(db_path, assessment_id, tmp_path, "note", f"{code},cli note")

    window.undo_group.undo()  # Ctrl+Z: would put back the empty note over the CLI's

    assert stored(db_path, assessment_id, code).note == "cli note"
    assert len(errors) == 1 and "changed elsewhere" in errors[0]
    assert window.walk.panel.note_edit.toPlainText() == "cli note"  # and it shows what is stored now
    assert not window.undo_group.canUndo()  # the refused step left the stack


def test_undo_of_one_field_keeps_another_field_the_command_line_changed(qtbot, walk_window, db_path, tmp_path, errors):
    window = walk_window
    code = window.walk.current_code
    type_note(qtbot, window.walk.panel, "app note")
    assessment_id = window.session.assessment_id
    import_rows(db_path, assessment_id, tmp_path, "level", f"{code},5")

    window.undo_group.undo()

    record = stored(db_path, assessment_id, code)
    assert (record.note, record.level) == ("", 5)  # the note undone, the CLI's level kept
    assert errors == []


def test_a_change_made_elsewhere_shows_up_without_touching_what_is_typed(qtbot, walk_window, db_path, tmp_path):
    window = walk_window
    panel = window.walk.panel
    code = window.walk.current_code
    following = window.session.framework.indicators[1].code
    assessment_id = window.session.assessment_id
    panel.note_edit.setFocus()
    qtbot.keyClicks(panel.note_edit, "still typing")
    with qtbot.waitSignal(window.outside_changes_shown, timeout=5000, check_params_cb=lambda n: n >= 1):
        import_rows(db_path, assessment_id, tmp_path, "level", f"{code},4\n{following},2")
    assert panel._levels[4].property("chosen") is True
    assert window.session.response(following).level == 2
    assert panel.note_edit.toPlainText() == "still typing"
    qtbot.keyClick(panel.note_edit, Qt.Key.Key_Escape)
    record = stored(db_path, assessment_id, code)
    assert (record.level, record.note) == (4, "still typing")


def list_folder_in(qtbot, dialog: QFileDialog) -> int:
    """Show the dialog, wait until it has listed its folder (names, sizes, types, icons); rows seen."""
    model = dialog.findChild(QFileSystemModel)
    with qtbot.waitSignal(model.directoryLoaded, timeout=10000):
        dialog.open()
    root = model.index(dialog.directory().absolutePath())
    rows = model.rowCount(root)
    for row in range(rows):
        for column in range(model.columnCount(root)):
            index = model.index(row, column, root)
            model.data(index, Qt.ItemDataRole.DisplayRole)
            model.data(index, Qt.ItemDataRole.DecorationRole)
    qtbot.wait(300)  # let the gatherer thread finish the icons it was asked for: no signal tells it
    dialog.reject()
    return rows


@pytest.mark.parametrize("attempt", range(3))
def test_a_file_dialog_on_the_database_folder_keeps_the_database_safe(qtbot, walk_window, db_path, tmp_path, attempt):
    window = walk_window
    qtbot.keyClick(window.walk.panel, Qt.Key.Key_3)  # a write: the app's connection has the WAL open
    assessment_id, code = window.session.assessment_id, window.walk.current_code
    dialog = file_dialogs.safe_dialog(window, "Add evidence files", str(db_path.parent))
    assert list_folder_in(qtbot, dialog) >= 1
    wal = db_path.with_name(db_path.name + "-wal")
    assert wal.exists()
    import_rows(db_path, assessment_id, tmp_path, "note", f"{code},written beside the app")
    assert wal.exists()  # the CLI, on closing, saw that the app still holds the database
    window.session.refresh()
    assert window.session.response(code).note == "written beside the app"
    assert stored(db_path, assessment_id, code).level == 3
