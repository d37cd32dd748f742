"""The measured-value field of the walk: a typed value lands on the indicator it was typed for,
a corrected value decides the level again, and what is not a finite number never becomes a level.

Mini framework (tests/data/mini.yaml): W1 thresholds 10, 30, 60, 85 (higher is better), so
20 → level 2, 72.5 → level 4, 90 → level 5; W2 thresholds 1, 3, 7, 14 (lower is better), 5 days → level 3.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from smartcity_assess.services.assessments import new_assessment


def db_response(window, code):
    return window.store.responses(window.session.assessment_id).get(code)


def key(qtbot, window, k, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(window.focusWidget() or window, k, modifier)


def type_value(qtbot, panel, text: str, *, enter: bool = True) -> None:
    """Select what the field holds and type over it, as a person does."""
    panel.value_edit.setFocus()
    panel.value_edit.selectAll()
    qtbot.keyClicks(panel.value_edit, text)
    if enter:
        qtbot.keyClick(panel.value_edit, Qt.Key.Key_Return)


def test_a_value_typed_then_pgdn_stays_with_its_indicator(qtbot, walk_window):
    window = walk_window
    window.walk.go_to_code("W1")
    panel = window.walk.panel
    type_value(qtbot, panel, "20", enter=False)
    key(qtbot, window, Qt.Key.Key_PageDown)
    assert window.walk.current_code == "W2"
    key(qtbot, window, Qt.Key.Key_Return)
    w1 = db_response(window, "W1")
    assert (w1.value, w1.level) == (20.0, 2)
    assert db_response(window, "W2") is None
    assert panel.value_edit.text() == ""  # W2's own (empty) value, not the text typed for W1


def test_the_field_shows_the_new_indicators_value_while_it_has_focus(qtbot, walk_window):
    window = walk_window
    window.walk.go_to_code("W2")
    panel = window.walk.panel
    type_value(qtbot, panel, "5")
    assert db_response(window, "W2").level == 3
    window.walk.go_to_code("W1")
    panel.value_edit.setFocus()  # the person clicks into the field before the move below
    type_value(qtbot, panel, "20", enter=False)
    key(qtbot, window, Qt.Key.Key_PageDown)  # back to W2 with the field still focused
    panel.value_edit.setFocus()
    assert panel.value_edit.text() == "5"
    panel.setFocus()  # leaving the field does not save W2's shown value anywhere else
    assert (db_response(window, "W1").value, db_response(window, "W2").value) == (20.0, 5.0)


def test_a_pending_value_is_saved_on_a_pillar_change(qtbot, walk_window):
    window = walk_window
    window.walk.go_to_code("W1")
    type_value(qtbot, window.walk.panel, "90", enter=False)
    window.walk.steps.setCurrentIndex(0)  # the person clicks the first pillar's step
    assert window.walk.current_code == "G1"
    assert (db_response(window, "W1").value, db_response(window, "W1").level) == (90.0, 5)
    assert db_response(window, "G1") is None


def test_a_pending_value_is_saved_when_the_walk_closes(qtbot, walk_window):
    window = walk_window
    window.walk.go_to_code("W2")
    type_value(qtbot, window.walk.panel, "5", enter=False)
    window.show_list()
    assert (db_response(window, "W2").value, db_response(window, "W2").level) == (5.0, 3)


def test_a_corrected_value_decides_the_level_again_and_undo_restores_it(qtbot, walk_window):
    window = walk_window
    window.walk.go_to_code("W1")
    panel = window.walk.panel
    type_value(qtbot, panel, "20")
    assert (db_response(window, "W1").value, db_response(window, "W1").level) == (20.0, 2)
    type_value(qtbot, panel, "90")
    assert (db_response(window, "W1").value, db_response(window, "W1").level) == (90.0, 5)
    assert panel.value_edit.text() == "90"
    assert "level 5" in panel._value_level.text()
    assert panel._levels[5].property("chosen") is True
    panel.setFocus()
    key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert (db_response(window, "W1").value, db_response(window, "W1").level) == (20.0, 2)
    assert panel.value_edit.text() == "20"
    assert "level 2" in panel._value_level.text()
    assert panel._levels[2].property("chosen") is True
    key(qtbot, window, Qt.Key.Key_PageDown)  # leaving W1 after the undo must not write 90 back
    assert (db_response(window, "W1").value, db_response(window, "W1").level) == (20.0, 2)


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        ("nan", "'nan' is not a number."),
        ("inf", "'inf' is out of range for a measured value."),
        ("-inf", "'-inf' is out of range for a measured value."),
        ("1e999", "'1e999' is out of range for a measured value."),
    ],
)
def test_not_a_finite_number_is_refused_in_one_sentence(qtbot, walk_window, errors, text, sentence):
    window = walk_window
    window.walk.go_to_code("W1")
    panel = window.walk.panel
    type_value(qtbot, panel, text, enter=False)
    assert panel._value_level.text() == ""  # no level previewed for it
    qtbot.keyClick(panel.value_edit, Qt.Key.Key_Return)
    assert errors == [sentence]
    assert db_response(window, "W1") is None
    assert panel.value_edit.text() == ""  # the field shows what the database holds


def test_a_refused_value_over_a_stored_one_keeps_the_stored_one(qtbot, walk_window, errors):
    window = walk_window
    window.walk.go_to_code("W1")
    panel = window.walk.panel
    type_value(qtbot, panel, "20")
    type_value(qtbot, panel, "nan")
    assert errors == ["'nan' is not a number."]
    assert (db_response(window, "W1").value, db_response(window, "W1").level) == (20.0, 2)
    assert panel.value_edit.text() == "20"


def test_a_comma_decimal_is_accepted(qtbot, walk_window, errors):
    window = walk_window
    window.walk.go_to_code("W1")
    panel = window.walk.panel
    type_value(qtbot, panel, "72,5", enter=False)
    assert "level 4" in panel._value_level.text()
    qtbot.keyClick(panel.value_edit, Qt.Key.Key_Return)
    assert errors == []
    record = db_response(window, "W1")
    assert isinstance(record.value, float)
    assert (record.value, record.level) == (72.5, 4)


def test_undo_from_the_menu_while_the_field_has_focus_shows_and_keeps_the_restored_value(qtbot, walk_window):
    window = walk_window
    window.walk.go_to_code("W1")
    panel = window.walk.panel
    type_value(qtbot, panel, "20")
    type_value(qtbot, panel, "90")
    assert panel.value_edit.hasFocus()
    window.undo_action.trigger()  # Edit ▸ Undo with the mouse: the focus stays in the field
    assert (db_response(window, "W1").value, db_response(window, "W1").level) == (20.0, 2)
    assert panel.value_edit.text() == "20"
    key(qtbot, window, Qt.Key.Key_PageDown)
    assert (db_response(window, "W1").value, db_response(window, "W1").level) == (20.0, 2)
    assert db_response(window, "W2") is None


def test_a_pending_value_is_saved_when_the_window_closes(qtbot, walk_window):
    window = walk_window
    window.walk.go_to_code("W2")
    type_value(qtbot, window.walk.panel, "5", enter=False)
    window.close()
    assert (db_response(window, "W2").value, db_response(window, "W2").level) == (5.0, 3)


@pytest.mark.parametrize("system", ["en_US", "C", "id_ID"])
def test_a_lone_comma_is_a_decimal_mark_on_every_system(qtbot, walk_window, errors, system):
    # "12,345" once became 12345 on an English system (the comma read as a thousands separator).
    from PySide6.QtCore import QLocale

    previous = QLocale()
    QLocale.setDefault(QLocale(system))
    try:
        window = walk_window
        window.walk.go_to_code("W1")
        type_value(qtbot, window.walk.panel, "12,345")
        record = db_response(window, "W1")
        assert (record.value, record.level) == (12.345, 2)  # thresholds 10, 30, 60, 85
        assert errors == []
    finally:
        QLocale.setDefault(previous)


def test_typing_into_an_existing_note_adds_to_its_end(qtbot, walk_window):
    window = walk_window
    window.walk.session.set_response("G2", note="SOP drafted")
    window.walk.go_to_code("G1")
    window.walk.go_to_code("G2")
    panel = window.walk.panel
    panel.note_edit.setFocus()
    qtbot.keyClicks(panel.note_edit, "; ieu teh catetan")  # QTest cannot type é
    panel.save_pending()
    assert db_response(window, "G2").note == "SOP drafted; ieu teh catetan"


def test_an_implausible_percentage_is_previewed_and_refused(qtbot, make_window, store, errors):
    """WIFI-02 is '% of kelurahan': 150 gave level 5 before; now it is shown and refused, stored value kept."""
    assessment_id = new_assessment(store, "Testville", 2026)
    window = make_window(store)
    window.open_assessment(assessment_id)
    window.walk.go_to_code("WIFI-02")
    panel = window.walk.panel
    type_value(qtbot, panel, "80")
    assert db_response(window, "WIFI-02").value == 80.0
    type_value(qtbot, panel, "150", enter=False)
    assert panel._value_level.text() == "outside the plausible range 0–100"
    qtbot.keyClick(panel.value_edit, Qt.Key.Key_Return)
    assert errors == ["value: 150 is outside the plausible range 0–100 % of kelurahan."]
    assert (db_response(window, "WIFI-02").value, panel.value_edit.text()) == (80.0, "80")
