"""The one place that creates database engines, sets SQLite pragmas and migrates schemas.

Nothing SQLite-specific lives anywhere else, so a PostgreSQL URL can work later.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from platformdirs import user_data_dir
from sqlalchemy import Connection, Engine, Select, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, NoSuchModuleError, OperationalError

from ..core.errors import UserError

APP_DIR_NAME = "SmartCityAssess"
DATABASE_FILE_NAME = "smartcity_assess.db"
DATABASE_ENV = "SMARTCITY_ASSESS_DB"
MIGRATIONS_DIR = Path(__file__).with_name("migrations")

# The revisions this build knows, oldest first. tests/persistence checks it against Alembic's scripts,
# so start-up can tell "up to date" from one cheap query instead of loading Alembic every time.
SCHEMA_REVISIONS = ("0001_initial", "0003_report_fields")
SCHEMA_HEAD = SCHEMA_REVISIONS[-1]


class DatabaseUnavailable(UserError):
    """The database cannot be used: locked, damaged, not ours, or from a newer version."""


def default_database_path() -> Path:
    return Path(user_data_dir(APP_DIR_NAME, appauthor=False)) / DATABASE_FILE_NAME


def database_url(path_or_url: str | os.PathLike | None = None) -> str:
    """A SQLAlchemy URL from a path or URL; None means $SMARTCITY_ASSESS_DB or the user data folder."""
    if path_or_url is not None and not str(path_or_url).strip():
        raise DatabaseUnavailable("the database path is empty")
    chosen = path_or_url or os.environ.get(DATABASE_ENV) or default_database_path()
    chosen = str(chosen)
    if "://" in chosen:
        return chosen
    return f"sqlite:///{Path(chosen).expanduser().resolve()}"


def database_location(path_or_url: str | os.PathLike | None = None) -> str:
    """Where the database is, as a person would name it in a message: the file, else the URL."""
    url = database_url(path_or_url)
    return str(_sqlite_path(url) or url)


def _sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def _set_sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets the report/compare readers run while the assessor keeps saving;
    # synchronous=NORMAL is durable across application crashes in WAL mode and much faster.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def create_db_engine(url: str) -> Engine:
    """An engine with this app's connection settings. Does not touch the schema."""
    path = _sqlite_path(url)
    if path is not None and not path.parent.is_dir():
        if path != default_database_path():
            # A mistyped --db must not quietly start an empty database in a new folder.
            raise DatabaseUnavailable(f"the folder {path.parent} does not exist; create it or choose another database")
        path.parent.mkdir(parents=True, exist_ok=True)  # first start: the user data folder
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _set_sqlite_pragmas)
    return engine


def describe_database_error(exc: Exception, where: str) -> UserError:
    """One sentence for a database problem a user can run into."""
    message = str(getattr(exc, "orig", exc)).lower()
    if "locked" in message or "busy" in message:
        return DatabaseUnavailable(f"the database {where} is locked by another program; close it and try again")
    if "not a database" in message or "malformed" in message or "corrupt" in message:
        return DatabaseUnavailable(f"{where} is not a Smart City Assess database, or it is damaged")
    if "readonly" in message or "read-only" in message:
        return DatabaseUnavailable(f"the database {where} is read-only; copy it somewhere writable first")
    if "unable to open" in message:
        return DatabaseUnavailable(f"the database {where} cannot be opened (check the folder exists and is writable)")
    return DatabaseUnavailable(f"the database {where} cannot be used: {getattr(exc, 'orig', exc)}")


def current_revision(engine: Engine) -> str | None:
    """The schema revision stored in the database; None for an empty one."""
    with engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
        if "alembic_version" not in tables:
            if tables - {"sqlite_sequence"}:
                raise DatabaseUnavailable(
                    f"{engine.url.database or engine.url} holds tables but is not a Smart City Assess database"
                )
            return None
        row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
        return row[0] if row else None


def backup_database(engine: Engine, revision: str) -> Path | None:
    """Copy the database file before a migration; returns where the copy went."""
    path = _sqlite_path(str(engine.url))
    if path is None or not path.exists():
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.stem}.before-{SCHEMA_HEAD}.from-{revision}.{stamp}{path.suffix}")
    # sqlite3's backup API copies a consistent snapshot, including what is still in the WAL.
    source = sqlite3.connect(path)
    try:
        dest = sqlite3.connect(target)
        with dest:
            source.backup(dest)
        dest.close()
    finally:
        source.close()
    return target


def plain_rows(conn: Connection, query: Select) -> Iterable[tuple]:
    """The rows of a Core select as plain tuples, for hot bulk reads.

    On SQLite the statement goes straight to the DB-API cursor (bound values rendered inline by
    SQLAlchemy's own literal rules): row objects and type processing would cost more than the
    read itself. Values then come as SQLite stores them (a UUID as 32 hex digits). Elsewhere,
    SQLAlchemy's rows, which are tuples too.
    """
    if conn.dialect.name != "sqlite":
        return conn.execute(query)
    sql = str(query.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True}))
    # Iterated, not fetched all at once: tens of thousands of live row tuples would wake the cyclic
    # garbage collector over and over, which costs more than the read.
    return conn.connection.driver_connection.execute(sql)


def check_integrity(engine: Engine, where: str) -> None:
    """Refuse a damaged database file before anything reads figures from it or writes to it.

    SQLite reports damage only when a query reaches a damaged page, so without this a report
    could be printed from a half-readable file. quick_check reads every page (~1 s per GB).
    """
    if engine.dialect.name != "sqlite":
        return
    with engine.connect() as conn:
        problems = [row[0] for row in conn.exec_driver_sql("PRAGMA quick_check(3)")]
    if problems != ["ok"]:
        problems = [" ".join(p.replace("*** in database main ***", "").split()) for p in problems]
        raise DatabaseUnavailable(
            f"the database {where} is damaged ({'; '.join(problems)}); "
            "nothing was changed: restore it from a copy (migrations leave one beside it)"
        )


def migrate(engine: Engine) -> Path | None:
    """Bring the schema to this build's head, backing the file up first. Returns the backup path."""
    revision = current_revision(engine)
    if revision == SCHEMA_HEAD:
        return None
    if revision is not None and revision not in SCHEMA_REVISIONS:
        raise DatabaseUnavailable(
            f"the database was written by a newer version of Smart City Assess (schema {revision}); "
            "update the app to open it"
        )
    backup = backup_database(engine, revision) if revision is not None else None
    from alembic import command  # imported only when a migration is due: it is slow to load
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return backup


def open_engine(path_or_url: str | os.PathLike | None = None) -> Engine:
    """Create the engine for a database and make sure its schema is current."""
    url = database_url(path_or_url)
    where = database_location(url)
    try:
        engine = create_db_engine(url)
        check_integrity(engine, where)
        migrate(engine)
    except (OperationalError, DatabaseError, sqlite3.DatabaseError) as exc:
        raise describe_database_error(exc, where) from None
    except OSError as exc:
        raise DatabaseUnavailable(f"the database {where} cannot be opened: {exc.strerror or exc}") from None
    except (ArgumentError, NoSuchModuleError, ImportError) as exc:
        # A URL for a database this installation has no driver for (or no such kind at all).
        raise DatabaseUnavailable(f"{where} is not a database this installation can open ({exc})") from None
    return engine
