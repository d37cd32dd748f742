"""The slow half of start-up, done off the GUI thread once the window is on screen.

`quick_rows` reads the list with the standard library's sqlite3 as soon as the window is painted;
`open_database` then runs on a worker: it imports the store (SQLAlchemy), opens (and if need be migrates)
the database, and reads the list itself when the quick read could not. `warm_up` then imports, in the
background, what the first actions will need — the walk with its radar (pyqtgraph, numpy), the
comparison (pandas) — so that opening an assessment does not wait for a second of imports.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from ..core.errors import UserError
from .worker import Worker

if TYPE_CHECKING:
    from ..services.records import Store
    from .app import MainWindow
    from .models.assessments import AssessmentRow

# in the order a person is likely to need them
WARM_MODULES = (
    "smartcity_assess.ui.walk.walk_view",
    "smartcity_assess.ui.views.compare",
    "smartcity_assess.services.responses_io",
)


@dataclass
class LoadedDatabase:
    store: Store
    rows: list[AssessmentRow] | None


def quick_rows(db: str | None) -> list[AssessmentRow] | None:
    """The list read without the store's libraries (services.listing), or None when only the store can."""
    from ..services.listing import quick_scored_list
    from .models.assessments import AssessmentRow

    scored = quick_scored_list(db)
    return None if scored is None else [AssessmentRow.from_scored(s) for s in scored]


def open_database(db: str | None, read_list: bool) -> LoadedDatabase:
    """Open (and if need be migrate) the database, and read the list when it is not shown yet; a refused
    database raises UserError in one sentence."""
    from ..services.assessments import score_many
    from ..services.frameworks import open_store
    from .database_errors import DATABASE_ERRORS, database_name, database_sentence
    from .models.assessments import AssessmentRow

    store = None
    try:
        store = open_store(db)
        rows = [AssessmentRow.from_scored(s) for s in score_many(store)] if read_list else None
    except (UserError, *DATABASE_ERRORS) as exc:  # damage met while reading the list is refused too
        if store is not None:
            store.close()
        if isinstance(exc, UserError):
            raise
        raise UserError(database_sentence(exc, database_name(db))) from None
    return LoadedDatabase(store, rows)


def _import_all() -> list[str]:
    for name in WARM_MODULES:
        importlib.import_module(name)
    return list(WARM_MODULES)


def warm_up(window: MainWindow) -> Worker:
    """Import the walk, the charts and the comparison in the background; `window.warmed_up` when done."""
    worker = Worker(_import_all)

    def done(_modules) -> None:
        from .. import __version__

        QCoreApplication.instance().setApplicationVersion(__version__)
        window.warmed_up.emit()

    worker.signals.result.connect(done)
    window.warm_job = worker
    return worker.start()
