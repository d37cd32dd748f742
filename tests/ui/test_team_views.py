"""The app's side of field teams: packages from the File menu, the conflicts view, review states."""

import json
import zipfile

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from smartcity_assess.services import review
from smartcity_assess.ui import file_dialogs
from smartcity_assess.ui.packages import PillarChoice, PreferChoice
from tests.team.helpers import Laptop

from .modal import answer_dialog


@pytest.fixture
def lead_and_ani(tmp_path):
    lead, ani = Laptop(tmp_path, "lead").with_mini(), Laptop(tmp_path, "ani").with_mini()
    aid = lead.new()
    lead.answer(aid, "G1", level=2, note="no SOP")
    ani.receive(lead.export(aid))
    ani.answer(aid, "G1", level=4, note="Perwal 20/2022 enacted")
    lead.answer(aid, "G1", level=3, note="draft SOP seen")
    yield lead, ani, aid
    lead.close()
    ani.close()


def test_import_package_shows_the_conflict_and_taking_theirs_settles_it(qtbot, make_window, lead_and_ani, answers):
    lead, ani, aid = lead_and_ani
    window = make_window(lead.store)
    window.open_assessment(aid)
    package = ani.export(aid)
    answers["confirm"] = True  # "Decide them now?" — yes
    assert window.import_package(str(package)) is not None
    qtbot.waitUntil(lambda: window.last_import is not None, timeout=10000)
    assert window.last_import.as_dict() == {"added": 0, "updated": 0, "unchanged": 0, "conflicts": 1}
    assert "Added 0, updated 0, unchanged 0, conflicts 1." in answers["asked"][-1]
    walk = window.walk
    assert "⚠ 1" in walk.steps.tabText(0) and walk.conflicts_button.isVisible()
    assert walk.indicator_model.data(walk.indicator_model.index(walk.indicator_model.row_of("G1"))).startswith("⚠")

    view = window._conflicts
    assert view is not None and view.isVisible()
    qtbot.waitExposed(view)
    assert "Level 3" in view.mine_text.text() and "enacted" in view.mine_text.text()  # rubric text of level 3
    assert "Level 4" in view.theirs_text.text() and "applied" in view.theirs_text.text()  # and of level 4
    assert "Perwal 20/2022 enacted" in view.theirs_text.text() and "By ani" in view.theirs_text.text()
    with qtbot.waitSignal(window.session.conflicts_changed, timeout=3000):
        view.take_theirs_button.click()
    assert lead.store.response(aid, "G1").level == 4
    assert window.session.response("G1").level == 4  # the walk shows it at once
    assert "⚠" not in walk.steps.tabText(0) and not walk.conflicts_button.isVisible()
    assert view.summary.text() == "No conflicts left."


def test_take_all_mine_and_edit(qtbot, make_window, lead_and_ani, answers):
    lead, ani, aid = lead_and_ani
    window = make_window(lead.store)
    lead.receive(ani.export(aid))
    window.open_assessment(aid)
    view = window.show_conflicts()
    assert view.edit({"level": 5, "note": "agreed after a call"})
    assert (lead.store.response(aid, "G1").level, lead.store.response(aid, "G1").note) == (5, "agreed after a call")
    ani.answer(aid, "G1", level=1)
    lead.receive(ani.export(aid, name="again.scapkg"))
    window.check_outside_changes()
    assert list(window.session.conflicts) == ["G1"]
    assert view.take_all("mine", confirm=False)
    assert lead.store.response(aid, "G1").level == 5 and not window.session.conflicts


def test_export_package_from_the_app_as_an_assignment(qtbot, make_window, lead_and_ani, tmp_path):
    lead, _, aid = lead_and_ani
    window = make_window(lead.store)
    window.open_assessment(aid)
    out = tmp_path / "for-budi.scapkg"
    assert window.export_package(str(out), pillars=["WIFI"]) is not None
    qtbot.waitUntil(lambda: "Package written" in window.statusBar().currentMessage(), timeout=10000)
    with zipfile.ZipFile(out) as zf:
        assert json.loads(zf.read("manifest.json"))["pillars"] == ["WIFI"]


def test_an_assignment_and_the_review_states_make_the_walk_read_only_where_they_should(
    qtbot, make_window, lead_and_ani, tmp_path
):
    lead, _, aid = lead_and_ani
    budi = Laptop(tmp_path, "budi").with_mini()
    try:
        budi.receive(lead.export(aid, pillars=["WIFI"], name="wifi.scapkg"))
        window = make_window(budi.store)
        window.open_assessment(aid)
        walk = window.walk
        assert "Your assignment: pillars WIFI" in walk.review_note.text()
        walk.go_to_code("G1")
        assert not walk.panel.na_button.isEnabled()
        walk.go_to_code("W1")
        assert walk.panel.na_button.isEnabled()

        review.submit(budi.store, aid, actor="budi")
        window.check_outside_changes()
        assert "In review" in walk.header.text() and not walk.panel.na_button.isEnabled()
        assert not walk.finalize_button.isEnabled()
        review.return_to_draft(budi.store, aid, reason="W1 needs the operator's SLA", actor="siti")
        window.check_outside_changes()
        assert "Returned by the reviewer: W1 needs the operator's SLA" in walk.review_note.text()
        assert walk.panel.na_button.isEnabled()
    finally:
        window._close_walk()
        budi.close()


@pytest.mark.parametrize(
    ("choice", "level", "conflicts", "settled"),
    [(None, 3, 1, None), ("mine", 3, 0, "mine (--prefer mine)"), ("theirs", 4, 0, "theirs (--prefer theirs)")],
)
def test_file_import_package_asks_how_to_settle_conflicts(
    qtbot, make_window, lead_and_ani, answers, monkeypatch, choice, level, conflicts, settled
):
    lead, ani, aid = lead_and_ani
    window = make_window(lead.store)
    window.open_assessment(aid)
    package = ani.export(aid)
    monkeypatch.setattr(file_dialogs, "run_dialog", lambda _dialog: [str(package)])
    answers["confirm"] = False  # "Decide them now?" — later

    def choose(dialog: PreferChoice) -> None:
        assert dialog.options[None].isChecked()  # leaving them to decide is the default
        dialog.options[choice].setChecked(True)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    seen = answer_dialog(qtbot, PreferChoice, choose)
    window.import_package_action.trigger()
    qtbot.waitUntil(lambda: window.last_import is not None, timeout=10000)
    assert seen
    assert window.last_import.conflicts == conflicts
    assert lead.store.response(aid, "G1").level == level
    trail = [(e.action, e.indicator_code, e.new_value) for e in lead.store.audit_trail(aid)]
    if settled:
        assert ("resolve_conflict", "G1", settled) in trail
    else:
        assert ("conflict", "G1") in [(a, c) for a, c, _ in trail] and list(window.session.conflicts) == ["G1"]


def test_cancelling_the_choice_imports_nothing(qtbot, make_window, lead_and_ani, monkeypatch):
    lead, ani, aid = lead_and_ani
    window = make_window(lead.store)
    package = ani.export(aid)
    before = lead.rows()
    monkeypatch.setattr(file_dialogs, "run_dialog", lambda _dialog: [str(package)])
    seen = answer_dialog(qtbot, PreferChoice, lambda dialog: dialog.reject())
    assert window.import_package() is None and seen
    assert lead.rows() == before


def test_file_export_package_from_the_menu(qtbot, make_window, lead_and_ani, tmp_path, monkeypatch):
    lead, _, aid = lead_and_ani
    window = make_window(lead.store)
    window.open_assessment(aid)
    out = tmp_path / "from-the-menu.scapkg"
    monkeypatch.setattr(file_dialogs, "run_dialog", lambda _dialog: [str(out)])
    seen = answer_dialog(qtbot, PillarChoice, lambda dialog: dialog.accept())
    window.export_package_action.trigger()
    qtbot.waitUntil(lambda: "Package written" in window.statusBar().currentMessage(), timeout=10000)
    assert seen and zipfile.is_zipfile(out)


def test_the_report_fields_of_both_sides_are_shown_and_reconciled(qtbot, make_window, tmp_path):
    """Taking a side takes its recommendation too, so the view shows it before anyone chooses."""
    from smartcity_assess.ui.views.conflicts import ReconcileDialog

    lead, ani = Laptop(tmp_path, "lead").with_mini(), Laptop(tmp_path, "ani").with_mini()
    aid = lead.new()
    lead.answer(aid, "G1", level=2)
    ani.receive(lead.export(aid))
    ani.answer(aid, "G1", level=4, recommendation="Terbitkan Perwal SOP", responsible="Diskominfo", due=2027)
    lead.answer(aid, "G1", level=3, note="draft SOP seen\nsecond line", recommendation="Sahkan SOP")
    lead.receive(ani.export(aid))
    window = make_window(lead.store)
    window.open_assessment(aid)
    view = window.show_conflicts()
    theirs, mine = view.theirs_text.text(), view.mine_text.text()
    assert "Recommendation: Terbitkan Perwal SOP" in theirs and "Diskominfo; due 2027" in theirs
    assert "Recommendation: Sahkan SOP" in mine and "second line" in mine

    def reconcile(dialog: ReconcileDialog) -> None:
        assert dialog.note.toPlainText() == "draft SOP seen\nsecond line"  # the whole note, line ends kept
        dialog.recommendation.setText("Sahkan dan terbitkan Perwal SOP")
        dialog.accept()

    seen = answer_dialog(qtbot, ReconcileDialog, reconcile)
    assert view.edit()
    assert seen
    settled = lead.store.response(aid, "G1")
    assert (settled.recommendation, settled.note) == ("Sahkan dan terbitkan Perwal SOP", "draft SOP seen\nsecond line")
    lead.close()
    ani.close()
