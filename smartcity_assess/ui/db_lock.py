"""One running copy per database file: a QLockFile beside it.

SQLite would let two copies write at once, each undoing the other's view of the assessment; the lock
turns that into a clear sentence at start instead. Stale locks (a crashed copy) are taken over by Qt.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLockFile

from ..core.errors import UserError
from ..services.location import sqlite_file


class DatabaseInUse(UserError):
    pass


def lock_database(path_or_url: str | None) -> QLockFile | None:
    """Hold the lock for as long as the returned object lives; None for databases that are not files."""
    path = sqlite_file(path_or_url)
    if path is None:
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(path) + ".lock")
    lock.setStaleLockTime(0)  # only a dead process's lock is stale, however old
    if not lock.tryLock(0):
        raise DatabaseInUse(
            QCoreApplication.translate(
                "DatabaseLock",
                "The database {path} is already open in another Smart City Assess window; close that window first.",
            ).format(path=path)
        )
    return lock
