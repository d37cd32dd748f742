"""A damaged or vanished database met during an action becomes one sentence in a dialog, not a traceback.

The store turns most failures into `UserError`s itself; what can still escape are driver errors raised
while reading (a page of the file damaged after it was opened). The places that call the store catch
`DATABASE_ERRORS` and show `database_sentence`; the hook installed by `run` is the net for the rest.
"""

from __future__ import annotations

import logging
import sqlite3
import sys
from collections.abc import Callable

from sqlalchemy.exc import DatabaseError

from ..services.records import describe_database_error

log = logging.getLogger(__name__)

# SQLAlchemy wraps the driver's errors; sqlite3's own can surface from raw connections (backup, pragmas)
DATABASE_ERRORS = (DatabaseError, sqlite3.DatabaseError)


def database_name(db: str | None) -> str:
    """The database as a person would name it: its file, else its URL."""
    from sqlalchemy.engine import make_url

    from ..services.location import database_url

    url = make_url(database_url(db))
    return url.database or str(url)


def database_sentence(exc: BaseException, where: str) -> str:
    """One sentence for the user about a database error met at `where` (the database's path)."""
    from .i18n import sentence

    return sentence(describe_database_error(exc, where))


def install_database_error_hook(show: Callable[[str], None], where: Callable[[], str]) -> Callable[[], None]:
    """Show database errors that reached the event loop as one sentence; others go to the hook before.

    `where()` names the database in use at the time of the error. Returns a function that removes the hook.
    """
    previous = sys.excepthook

    def hook(exc_type, exc, tb) -> None:
        if isinstance(exc, DATABASE_ERRORS):
            log.error("database error during an action", exc_info=(exc_type, exc, tb))
            show(database_sentence(exc, where()))
        else:
            previous(exc_type, exc, tb)

    sys.excepthook = hook

    def remove() -> None:
        if sys.excepthook is hook:
            sys.excepthook = previous

    return remove
