"""Where the database is, and which schema this build knows: without SQLAlchemy, so that start-up can take the
database's lock and read its list (persistence.quick_read) before the store's libraries are loaded."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

from ..core.errors import UserError

APP_DIR_NAME = "SmartCityAssess"
DATABASE_FILE_NAME = "smartcity_assess.db"
DATABASE_ENV = "SMARTCITY_ASSESS_DB"

# The revisions this build knows, oldest first. tests/persistence checks it against Alembic's scripts,
# so start-up can tell "up to date" from one cheap query instead of loading Alembic every time.
SCHEMA_REVISIONS = (
    "0001_initial",
    "0002_revisions",
    "0003_field_teams",
    "0004_report_fields",
    "0005_evidence_removals",
)
SCHEMA_HEAD = SCHEMA_REVISIONS[-1]


class DatabaseUnavailable(UserError):
    """The database cannot be used: locked, damaged, not ours, or from a newer version."""


def default_database_path() -> Path:
    return Path(user_data_dir(APP_DIR_NAME, appauthor=False)) / DATABASE_FILE_NAME


def database_url(path_or_url: str | os.PathLike | None = None) -> str:
    """A SQLAlchemy URL from a path or URL; None means $SMARTCITY_ASSESS_DB or the user data folder."""
    if path_or_url is not None and not str(path_or_url).strip():
        raise DatabaseUnavailable("db_path_empty")
    chosen = path_or_url or os.environ.get(DATABASE_ENV) or default_database_path()
    chosen = str(chosen)
    if "://" in chosen:
        return chosen
    return f"sqlite:///{Path(chosen).expanduser().resolve()}"


def sqlite_file(path_or_url: str | os.PathLike | None) -> Path | None:
    """The file of a SQLite database given as a path or a plain sqlite:/// URL; None for anything else
    (another database, an in-memory one, a URL with options: those go through SQLAlchemy's own parser)."""
    url = database_url(path_or_url)
    prefix = "sqlite:///"
    if not url.startswith(prefix) or "?" in url:
        return None
    path = url[len(prefix) :]
    return None if not path or path == ":memory:" else Path(path)
