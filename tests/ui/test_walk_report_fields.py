"""The walk's report fields: the source and year of a value, the recommendation, responsible unit and due
year are saved when a field is left, undo brings the old text back, and a year that is not one is refused."""

from __future__ import annotations

from PySide6.QtCore import Qt

from smartcity_assess.core.framework_loader import load_framework_file
from smartcity_assess.paths import assessments_path
from smartcity_assess.services.assessments import new_assessment


def db_response(window, code):
    return window.store.responses(window.session.assessment_id).get(code)


def type_into(qtbot, edit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_recommendation_unit_and_due_are_saved_and_undone(qtbot, walk_window):
    window = walk_window
    window.walk.go_to_code("G1")
    panel = window.walk.panel
    type_into(qtbot, panel.recommendation_edit, "Sahkan SOP Command Center")
    type_into(qtbot, panel.responsible_edit, "Diskominfo")
    type_into(qtbot, panel.due_edit, "2027")
    g1 = db_response(window, "G1")
    assert (g1.recommendation, g1.responsible, g1.due) == ("Sahkan SOP Command Center", "Diskominfo", 2027)
    window.session.undo_stack.undo()
    assert db_response(window, "G1").due is None
    assert panel.due_edit.text() == ""


def test_the_source_and_year_of_a_value_show_for_measured_indicators_only(qtbot, walk_window):
    window = walk_window
    panel = window.walk.panel
    window.walk.go_to_code("G1")
    assert not panel.source_edit.isVisibleTo(panel)
    window.walk.go_to_code("W1")
    assert panel.source_edit.isVisibleTo(panel)
    type_into(qtbot, panel.source_edit, "Inventaris Diskominfo")
    type_into(qtbot, panel.value_year_edit, "2025")
    w1 = db_response(window, "W1")
    assert (w1.value_source, w1.value_year) == ("Inventaris Diskominfo", 2025)


def test_a_year_that_is_not_one_is_refused_and_nothing_saved(qtbot, walk_window, errors):
    window = walk_window
    window.walk.go_to_code("G1")
    panel = window.walk.panel
    type_into(qtbot, panel.due_edit, "soon")
    type_into(qtbot, panel.due_edit, "27")
    assert errors[0] == "'soon' is not a year."
    assert "27 is not a plausible year" in errors[1]
    assert db_response(window, "G1") is None


def test_references_are_shown_with_the_indicator(qtbot, make_window, store):
    framework = load_framework_file(assessments_path("frameworks", "spbe-2020.yaml"))
    assessment_id = new_assessment(store, "Kota Sukabumi", 2026, framework_code="spbe-2020")
    window = make_window(store)
    window.open_assessment(assessment_id)
    window.walk.go_to_code("I21")
    references = window.walk.panel._references
    assert references.isVisibleTo(window.walk.panel)
    assert "; ".join(framework.indicator("I21").references) in references.text()
    # and the domains are scored beside the radar: D3 (Manajemen SPBE) holds I21
    window.walk.panel.choose_level(4)
    scores = window.walk.scores
    assert len(scores._domain_labels) == 4
    value, _band, done = scores._domain_labels[2]
    assert value.text() == "<b>4.00</b>" and done.text() == f"{1 / 11:.0%}"
