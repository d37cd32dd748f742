"""Review from the app: Submit for Review (an assessor), Approve… and Return… (the reviewer).

Each goes through services.review in one transaction; a refusal (open conflicts, the wrong state, a
NIP that is not one) is one dialog sentence and changes nothing. They act on the assessment shown,
or the one selected in the list. Texts keep the MainWindow translation context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from ..core.errors import UserError
from ..services import review
from .dialogs.review import ApproveDialog, ReturnDialog
from .i18n import sentence
from .review_state import target_status

if TYPE_CHECKING:
    import uuid

    from .app import MainWindow


def _refused(window: MainWindow, exc: UserError) -> None:
    if exc.code == "conflicts_open":  # the catalogue's sentence points at the command line
        window.show_error(
            QCoreApplication.translate(
                "MainWindow",
                "Conflicts from merged packages are still open ({count}); decide them first (Assessment → Conflicts…).",
            ).format(count=exc.params.get("count", 0))
        )
    else:
        window.show_error(sentence(exc))


def _act(window: MainWindow, assessment_id: uuid.UUID, change, message: str) -> bool:
    """Make the change (a services.review call); a refusal is one sentence, else the new state is shown."""
    try:
        change()
    except UserError as exc:
        _refused(window, exc)
        return False
    _done(window, assessment_id, message)
    return True


def _done(window: MainWindow, assessment_id: uuid.UUID, message: str) -> None:
    """Show the new state: the walk (read-only or editable again, its banner) and the list's status."""
    if window.session is not None and window.session.assessment_id == assessment_id:
        window.session.refresh()
    window.refresh_list()
    window.statusBar().showMessage(message, 8000)


def _city_year(window: MainWindow, assessment_id: uuid.UUID) -> dict:
    info = window.store.assessment(assessment_id)
    return {"city": info.city, "year": info.year}


def _save_typing(window: MainWindow) -> None:
    if window.walk is not None:
        window.walk.panel.save_pending()  # the note being typed belongs to what is submitted


def submit(window: MainWindow) -> bool:
    """Hand the draft to the reviewer (read-only until approved or returned)."""
    assessment_id, _ = target_status(window)
    if assessment_id is None:
        return False
    _save_typing(window)
    names = _city_year(window, assessment_id)
    return _act(
        window,
        assessment_id,
        lambda: review.submit(window.store, assessment_id, actor=window.actor),
        QCoreApplication.translate("MainWindow", "{city} {year} submitted for review.").format(**names),
    )


def approve(window: MainWindow, signer: tuple[str, str | None, str | None] | None = None) -> bool:
    """Sign it off (final, sealed): asks who signs — name, role, NIP — unless `signer` is given."""
    assessment_id, _ = target_status(window)
    if assessment_id is None:
        return False
    names = _city_year(window, assessment_id)
    if signer is None:
        question = QCoreApplication.translate(
            "MainWindow",
            "Approve {city} {year}? It becomes final and read-only, and the record is sealed with your name.",
        ).format(**names)
        dialog = ApproveDialog(question, reviewer=window.settings.assessor, parent=window)
        if not dialog.exec():
            return False
        signer = dialog.signer()
    reviewer, role, nip = signer
    return _act(
        window,
        assessment_id,
        lambda: review.approve(window.store, assessment_id, reviewer=reviewer, role=role, nip=nip),
        QCoreApplication.translate("MainWindow", "{city} {year} approved: final.").format(**names),
    )


def return_to_draft(window: MainWindow, reason: str | None = None) -> bool:
    """Send it back to the assessors with the reason (asked for unless given)."""
    assessment_id, _ = target_status(window)
    if assessment_id is None:
        return False
    names = _city_year(window, assessment_id)
    if reason is None:
        question = QCoreApplication.translate(
            "MainWindow", "Return {city} {year} to the assessors? It becomes a draft again; they see your reason on it."
        ).format(**names)
        dialog = ReturnDialog(question, parent=window)
        if not dialog.exec():
            return False
        reason = dialog.text()
    return _act(
        window,
        assessment_id,
        lambda: review.return_to_draft(window.store, assessment_id, reason=reason, actor=window.actor),
        QCoreApplication.translate("MainWindow", "{city} {year} returned to the assessors.").format(**names),
    )
