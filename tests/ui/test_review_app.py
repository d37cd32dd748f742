"""Review in the app: Submit for Review, Approve… (name, role, NIP) and Return… (reason), through the menus
and their dialogs; the database is checked after each click, and a refusal leaves it row for row."""

from __future__ import annotations

from smartcity_assess.services import review
from smartcity_assess.services.assessments import new_assessment, record_response
from smartcity_assess.ui.dialogs.review import ApproveDialog, ReturnDialog
from tests.conftest import database_rows
from tests.team.helpers import Laptop

from .modal import answer_dialog

NIP = "198001012005011001"


def audit_actions(store, aid) -> list[tuple[str, str | None]]:
    return [(e.action, e.new_value) for e in store.audit_trail(aid)]


def draft_walk(make_window, mini_store):
    aid = new_assessment(mini_store, "Testville", 2026, framework_code="mini", assessor="Ana", actor="ana")
    record_response(mini_store, aid, "G1", level=3, actor="ana")
    window = make_window(mini_store)
    window.open_assessment(aid)
    return window, aid


def test_submit_then_approve_with_name_role_and_nip(qtbot, make_window, mini_store, errors, db_path):
    window, aid = draft_walk(make_window, mini_store)
    walk = window.walk
    assert window.submit_action.isEnabled() and walk.submit_button.isVisible()
    assert not window.approve_action.isEnabled() and not walk.approve_button.isVisible()

    walk.submit_button.click()
    info = mini_store.assessment(aid)
    assert (info.status, info.submitted_by) == ("in_review", window.actor)
    assert "In review" in walk.header.text() and not walk.panel.na_button.isEnabled()
    assert not window.submit_action.isEnabled() and window.approve_action.isEnabled()
    assert walk.approve_button.isVisible() and walk.return_button.isVisible() and not walk.finalize_button.isVisible()
    assert not walk.next_open_button.isEnabled() and "1–5" not in walk.key_hint.text()  # nothing to answer now

    def sign(dialog: ApproveDialog) -> None:
        assert not dialog.ok_button.isEnabled()  # a name first
        dialog.reviewer.setText("Dr. Siti Rahma")
        dialog.role.setText("Kepala Bappeda")
        dialog.nip.setText("19800101 200501 1 001")
        dialog.ok_button.click()

    seen = answer_dialog(qtbot, ApproveDialog, sign)
    walk.approve_button.click()
    assert seen and not errors
    info = mini_store.assessment(aid)
    assert (info.status, info.reviewer, info.reviewer_role, info.reviewer_nip) == (
        "final",
        "Dr. Siti Rahma",
        "Kepala Bappeda",
        NIP,
    )
    assert info.content_hash and info.sealed_head
    actions = audit_actions(mini_store, aid)
    assert actions[-2][0] == "submit"
    assert actions[-1][0] == "approve" and f"Dr. Siti Rahma, Kepala Bappeda, NIP {NIP}" in actions[-1][1]
    assert review.verify(mini_store, aid).intact
    assert "Final" in walk.header.text() and walk.finalize_button.text() == "Reopen…"
    assert not any(a.isEnabled() for a in (window.submit_action, window.approve_action, window.return_action))
    window.show_list()
    row = window.list_page.selected_row()
    assert row.status == "final" and window.list_page.model.index(0, 3).data() == "Final"


def test_a_nip_that_is_not_one_keeps_the_dialog_open_and_changes_nothing(qtbot, make_window, mini_store, db_path):
    window, aid = draft_walk(make_window, mini_store)
    window.submit_action.trigger()
    before = database_rows(db_path)

    def wrong_then_cancel(dialog: ApproveDialog) -> None:
        dialog.reviewer.setText("Dr. Siti")
        dialog.nip.setText("12345")
        dialog.ok_button.click()
        assert dialog.isVisible() and "is not a NIP" in dialog.problem.text()
        dialog.buttons.rejected.emit()

    seen = answer_dialog(qtbot, ApproveDialog, wrong_then_cancel)
    window.approve_action.trigger()
    assert seen
    assert database_rows(db_path) == before
    assert mini_store.assessment(aid).status == "in_review"


def test_return_shows_the_reason_in_the_walk_and_the_list_until_resubmitted(qtbot, make_window, mini_store, db_path):
    window, aid = draft_walk(make_window, mini_store)
    walk = window.walk
    window.submit_action.trigger()

    def give_reason(dialog: ReturnDialog) -> None:
        assert not dialog.ok_button.isEnabled()
        dialog.reason.setPlainText("G1 needs the signed Perwal, not the draft")
        dialog.ok_button.click()

    seen = answer_dialog(qtbot, ReturnDialog, give_reason)
    walk.return_button.click()
    assert seen
    info = mini_store.assessment(aid)
    assert (info.status, info.review_comment) == ("draft", "G1 needs the signed Perwal, not the draft")
    assert audit_actions(mini_store, aid)[-1] == ("return", "draft: G1 needs the signed Perwal, not the draft")
    assert "Returned by the reviewer: G1 needs the signed Perwal" in walk.review_note.text()
    assert walk.review_note.isVisible() and walk.submit_button.isVisible()
    walk.go_to_code("G1")
    assert walk.panel.na_button.isEnabled()  # a draft again: answers can change

    window.show_list()
    page = window.list_page
    assert page.model.index(0, 3).data() == "Draft (returned)"
    assert "G1 needs the signed Perwal" in page.model.index(0, 3).data(3)  # the tooltip
    assert page.review_note.isVisible() and "returned by the reviewer" in page.review_note.text()
    assert window.submit_action.isEnabled()  # from the list too

    window.submit_action.trigger()
    info = mini_store.assessment(aid)
    assert (info.status, info.review_comment) == ("in_review", None)
    assert page.model.index(0, 3).data() == "In review" and not page.review_note.isVisible()
    window.open_assessment(aid)
    assert not window.walk.review_note.isVisible()


def test_submit_with_open_conflicts_is_refused_in_one_sentence_rows_unchanged(qtbot, make_window, tmp_path, errors):
    lead, ani = Laptop(tmp_path, "lead").with_mini(), Laptop(tmp_path, "ani").with_mini()
    window = None
    try:
        aid = lead.new()
        lead.answer(aid, "G1", level=2)
        ani.receive(lead.export(aid))
        ani.answer(aid, "G1", level=4)
        lead.answer(aid, "G1", level=3)
        lead.receive(ani.export(aid))
        window = make_window(lead.store)
        window.open_assessment(aid)
        assert window.session.conflicts and window.submit_action.isEnabled()
        before = lead.rows()
        window.walk.submit_button.click()
        assert len(errors) == 1 and "still open" in errors[0] and "Conflicts…" in errors[0]
        assert lead.rows() == before
        assert lead.store.assessment(aid).status == "draft"
    finally:
        if window is not None:
            window._close_walk()
        lead.close()
        ani.close()


def test_approve_refused_when_not_in_review_changes_nothing(qtbot, make_window, mini_store, errors, db_path):
    window, _ = draft_walk(make_window, mini_store)
    before = database_rows(db_path)
    from smartcity_assess.ui import review as review_ui

    assert not review_ui.approve(window, ("Dr. Siti", None, None))
    assert len(errors) == 1 and "only an assessment in review can be approved" in errors[0].lower()
    assert database_rows(db_path) == before


def test_finalize_and_reopen_remain(qtbot, make_window, mini_store, answers):
    window, aid = draft_walk(make_window, mini_store)
    answers["confirm"] = True
    window.finalize_action.trigger()
    assert mini_store.assessment(aid).status == "final"
    answers["text"] = "a typo in G1"
    window.reopen_action.trigger()
    assert mini_store.assessment(aid).status == "draft"
    assert window.submit_action.isEnabled()
