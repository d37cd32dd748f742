"""Which review actions the assessment shown (or selected) allows — light, for the menus at start-up.

Only the status is read here (from the open walk, else the list's row), nothing that loads the store's
libraries: the menus are updated before the database is open.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import uuid

    from .app import MainWindow

DRAFT, IN_REVIEW = "draft", "in_review"  # persistence.records' values (not imported: start-up stays light)


def target_status(window: MainWindow) -> tuple[uuid.UUID | None, str | None]:
    """The assessment the review actions act on, and its status (None, None: nothing chosen)."""
    assessment_id = window.current_assessment_id()
    if assessment_id is None:
        return None, None
    if window.session is not None and window.session.assessment_id == assessment_id:
        return assessment_id, window.session.info.status
    row = window.list_page.selected_row() if window.list_page is not None else None
    return assessment_id, row.status if row is not None else None


def allowed(status: str | None) -> dict[str, bool]:
    """Which review actions the state allows (the service checks again, inside its transaction)."""
    return {"submit": status == DRAFT, "approve": status == IN_REVIEW, "return": status == IN_REVIEW}
