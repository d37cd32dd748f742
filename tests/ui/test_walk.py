"""The walk: keys land in the database, undo/redo change it, N/A and targets follow the scoring rules,
a final assessment takes no edits, and the radar draws the engine's pillar scores.

Expectations for the mini framework (tests/data/mini.yaml) are worked out by hand in the comments."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from smartcity_assess.services.assessments import score


def db_response(window, code):
    return window.store.responses(window.session.assessment_id).get(code)


def key(qtbot, window, k, modifier=Qt.KeyboardModifier.NoModifier):
    """A key as a person presses it: to whatever has the focus in the window."""
    qtbot.keyClick(window.focusWidget() or window, k, modifier)


def test_keys_choose_levels_and_move_through_the_pillars(qtbot, walk_window):
    window = walk_window
    assert window.walk.current_code == "G1"  # the first unanswered indicator
    key(qtbot, window, Qt.Key.Key_3)
    assert db_response(window, "G1").level == 3
    key(qtbot, window, Qt.Key.Key_PageDown)
    assert window.walk.current_code == "G2"
    key(qtbot, window, Qt.Key.Key_5)
    key(qtbot, window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.walk.current_code == "W1"  # next pillar
    assert window.walk.steps.currentIndex() == 1
    key(qtbot, window, Qt.Key.Key_N)
    key(qtbot, window, Qt.Key.Key_PageUp)
    assert window.walk.current_code == "G2"
    assert db_response(window, "G2").level == 5
    assert db_response(window, "W1").na is True
    key(qtbot, window, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    assert window.walk.current_code == "W2"  # the only one still open


def test_whole_assessment_by_keyboard_alone(qtbot, make_window, store):
    """The built-in framework, every indicator by key; the stored score is the engine's for those levels."""
    from smartcity_assess.core.scoring import Answer, score_assessment
    from smartcity_assess.services.assessments import new_assessment

    assessment_id = new_assessment(store, "Bandung", 2027)
    window = make_window(store)
    window.open_assessment(assessment_id)
    framework = window.session.framework
    chosen = {}
    for i, indicator in enumerate(framework.indicators):
        assert window.walk.current_code == indicator.code
        level = 1 + i % 5
        key(qtbot, window, getattr(Qt.Key, f"Key_{level}"))
        chosen[indicator.code] = level
        key(qtbot, window, Qt.Key.Key_PageDown)
    stored = score(store, assessment_id).score
    expected = score_assessment(framework, {c: Answer(level=lv) for c, lv in chosen.items()})
    assert stored.overall.completion == 1.0
    assert stored.overall.score == pytest.approx(expected.overall.score)
    assert window.walk.next_open_button.isEnabled() is False


def test_undo_and_redo_change_the_database(qtbot, walk_window):
    window = walk_window
    key(qtbot, window, Qt.Key.Key_2)
    key(qtbot, window, Qt.Key.Key_4)
    assert db_response(window, "G1").level == 4
    key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert db_response(window, "G1").level == 2
    key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert db_response(window, "G1").level is None
    assert window.session.is_answered("G1") is False
    key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert db_response(window, "G1").level == 2
    # the panel and the radar follow the database, not the other way round
    assert window.walk.panel._levels[2].property("chosen") is True
    assert window.walk.scores.radar.drawn_radii(0)[0] == pytest.approx(2.0)


def test_na_and_target_follow_the_scoring_rules(qtbot, walk_window):
    window = walk_window
    session = window.session
    key(qtbot, window, Qt.Key.Key_2)  # G1 (weight 1) level 2
    key(qtbot, window, Qt.Key.Key_PageDown)
    key(qtbot, window, Qt.Key.Key_4)  # G2 (weight 3, target 5) level 4
    gov = score(window.store, session.assessment_id).score.pillar("GOV")
    assert gov.score == pytest.approx((1 * 2 + 3 * 4) / 4)  # 3.5
    assert gov.target == pytest.approx((1 * 4 + 3 * 5) / 4)  # 4.75

    key(qtbot, window, Qt.Key.Key_N)  # G2 not applicable: left out, but counted as done
    record = db_response(window, "G2")
    assert (record.na, record.level) == (True, None)
    gov = score(window.store, session.assessment_id).score.pillar("GOV")
    assert (gov.score, gov.target, gov.completion) == (pytest.approx(2.0), pytest.approx(4.0), 1.0)
    key(qtbot, window, Qt.Key.Key_N)  # N again: back to unanswered
    assert db_response(window, "G2").na is False
    assert session.is_answered("G2") is False

    window.walk.go_to_code("G1")
    panel = window.walk.panel
    panel.target_box.setCurrentIndex(panel.target_box.findData(3))
    panel.target_box.activated.emit(panel.target_box.currentIndex())
    assert db_response(window, "G1").target == 3
    gov = score(window.store, session.assessment_id).score.pillar("GOV")
    assert gov.target == pytest.approx(3.0)
    assert gov.gap == pytest.approx(1.0)  # level 2 against target 3


def test_a_measured_value_sets_the_level_from_the_thresholds(qtbot, walk_window):
    window = walk_window
    window.walk.go_to_code("W2")  # lower is better, thresholds 1, 3, 7, 14: 2 days lies in "1–3" → level 4
    panel = window.walk.panel
    assert panel._value_widget.isVisibleTo(panel)
    panel.value_edit.setFocus()
    qtbot.keyClicks(panel.value_edit, "2")
    qtbot.keyClick(panel.value_edit, Qt.Key.Key_Return)
    record = db_response(window, "W2")
    assert (record.value, record.level) == (2.0, 4)
    assert "level 4" in panel._value_level.text()
    window.walk.go_to_code("G1")
    assert not panel._value_widget.isVisibleTo(panel)  # G1 is not measured


def test_a_refused_value_shows_one_sentence_and_saves_nothing(qtbot, walk_window, errors):
    window = walk_window
    window.walk.go_to_code("W1")
    panel = window.walk.panel
    panel.value_edit.setFocus()
    qtbot.keyClicks(panel.value_edit, "lots")  # typed: text the panel sets itself is never saved
    qtbot.keyClick(panel.value_edit, Qt.Key.Key_Return)
    assert errors == ["'lots' is not a number."]
    assert db_response(window, "W1") is None


def test_finalize_blocks_edits_and_reopen_is_audited(qtbot, walk_window, answers):
    window = walk_window
    key(qtbot, window, Qt.Key.Key_3)
    window.finalize()
    assert "unanswered" in answers["asked"][-1]
    assert window.session.is_final and window.store.assessment(window.session.assessment_id).is_final
    key(qtbot, window, Qt.Key.Key_5)
    key(qtbot, window, Qt.Key.Key_N)
    assert db_response(window, "G1").level == 3 and db_response(window, "G1").na is False
    assert not window.walk.panel._levels[5].isEnabled()
    assert window.undo_action.isEnabled() is False  # nothing to undo in a final assessment
    assert window.reopen_action.isEnabled() and not window.finalize_action.isEnabled()

    answers["text"] = "new evidence from Diskominfo"
    window.reopen()
    assert not window.session.is_final
    trail = window.store.audit_trail(window.session.assessment_id)
    assert trail[-1].action == "reopen" and "new evidence from Diskominfo" in trail[-1].new_value
    key(qtbot, window, Qt.Key.Key_5)
    assert db_response(window, "G1").level == 5


def test_finalize_asks_first(qtbot, walk_window, answers):
    answers["confirm"] = False
    walk_window.finalize()
    assert not walk_window.session.is_final


def test_radar_polygon_equals_pillar_scores(qtbot, walk_window):
    window = walk_window
    for level in (2, 5):  # G1, G2
        key(qtbot, window, getattr(Qt.Key, f"Key_{level}"))
        key(qtbot, window, Qt.Key.Key_PageDown)
    key(qtbot, window, Qt.Key.Key_1)  # W1
    stored = score(window.store, window.session.assessment_id).score
    radar = window.walk.scores.radar
    assert radar.series()[0].values == tuple(p.score for p in stored.pillars)
    assert radar.drawn_radii(0) == pytest.approx([p.score for p in stored.pillars])
    assert radar.drawn_radii(1) == pytest.approx([p.target for p in stored.pillars])
    assert f"{stored.overall.score:.2f}" in window.walk.scores.summary_text()
    band = stored.overall.band.label["en"]
    assert band in window.walk.scores.summary_text()


def test_previous_year_of_the_same_city_is_on_the_radar(qtbot, make_window, store):
    from smartcity_assess.services.demo import load_demo

    load_demo(store)
    draft = next(i for i in store.list_assessments(city="Bandung (demo)") if i.year == 2026)
    earlier = next(i for i in store.list_assessments(city="Bandung (demo)") if i.year == 2025)
    window = make_window(store)
    window.open_assessment(draft.id)
    radar = window.walk.scores.radar
    assert [s.label for s in radar.series()][-1] == "2025"
    expected = [p.score for p in score(store, earlier.id).score.pillars]
    assert radar.drawn_radii(2) == pytest.approx(expected)


def test_a_level_key_keeps_the_measured_value_and_says_why(qtbot, walk_window):
    window = walk_window
    window.walk.go_to_code("W2")  # 2 days → level 4 (see above)
    panel = window.walk.panel
    panel.value_edit.setFocus()
    qtbot.keyClicks(panel.value_edit, "2")
    qtbot.keyClick(panel.value_edit, Qt.Key.Key_Return)
    panel.setFocus()
    key(qtbot, window, Qt.Key.Key_1)
    record = db_response(window, "W2")
    assert (record.value, record.level) == (2.0, 4)  # nothing erased
    assert "clear the value to choose a level by hand" in panel._answer.text()
    assert panel._levels[4].property("chosen") is True
    key(qtbot, window, Qt.Key.Key_N)  # N/A still clears the measurement
    record = db_response(window, "W2")
    assert (record.na, record.value, record.level) == (True, None, None)


def test_a_final_assessment_invites_nothing(qtbot, walk_window, answers):
    window = walk_window
    panel = window.walk.panel
    assert "press 1–5 or N" in panel._answer.text()
    window.finalize()
    assert panel._answer.text() == "Not answered."
    assert "saved as you type" not in panel.note_edit.placeholderText()
    assert not panel._drop_hint.isVisibleTo(panel)
    assert "1–5" not in window.walk.key_hint.text() and "next" in window.walk.key_hint.text()
    answers["text"] = "a late survey"
    window.reopen()
    assert "press 1–5 or N" in panel._answer.text() and panel._drop_hint.isVisibleTo(panel)


def test_finalize_names_the_unanswered_indicators_in_a_proper_plural(qtbot, walk_window, answers):
    window = walk_window
    answers["confirm"] = False
    codes = [i.code for i in window.session.framework.indicators]
    for code in codes[:-1]:
        window.session.set_response(code, level=3)
    window.finalize()
    assert answers["asked"][-1].endswith(f" 1 indicator is still unanswered: {codes[-1]}.")
    window.session.set_response(codes[0], level=None)
    window.finalize()
    assert answers["asked"][-1].endswith(f" 2 indicators are still unanswered: {codes[0]}, {codes[-1]}.")


def test_reopen_needs_a_reason(qtbot, walk_window, answers):
    from smartcity_assess.ui.dialogs.messages import TextDialog

    dialog = TextDialog("Reopen assessment", "Why?", required=True)
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.edit, "   ")
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.edit, "survey redone")
    assert dialog.ok_button.isEnabled()

    window = walk_window
    window.finalize()
    answers["text"] = "  "
    window.reopen()
    assert window.session.is_final  # an empty reason reopens nothing


def test_the_unanswered_count_is_translated(walk_window):
    from smartcity_assess.ui.i18n import TRANSLATIONS

    assert TRANSLATIONS.install("id")
    try:
        assert walk_window._unanswered_sentence(["G1", "G2"]) == "2 indikator masih belum dijawab: G1, G2."
    finally:
        TRANSLATIONS.install("en")
