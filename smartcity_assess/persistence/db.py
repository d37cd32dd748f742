"""The one place that creates database engines, sets SQLite pragmas and migrates schemas.

Nothing SQLite-specific lives anywhere else, so a PostgreSQL URL can work later.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, Select, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, NoSuchModuleError, OperationalError
from sqlalchemy.pool import NullPool

from . import credentials
from .location import (  # noqa: F401  (re-exported: the names everyone imports from here)
    APP_DIR_NAME,
    DATABASE_ENV,
    DATABASE_FILE_NAME,
    SCHEMA_HEAD,
    SCHEMA_REVISIONS,
    DatabaseUnavailable,
    database_url,
    default_database_path,
)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")

# How long a writer waits for another process's write to finish before saying the database is locked.
# Writes here are milliseconds long, so this is only reached when a process hangs holding the lock.
BUSY_TIMEOUT_MS = 15000
WRITE_OPTION = "smartcity_write"
CONNECT_TIMEOUT_S = 10  # to reach a database server (libpq's own default waits as long as TCP does)


def database_location(path_or_url: str | os.PathLike | None = None) -> str:
    """Where the database is, as a person would name it in a message: the file, else the URL."""
    url = database_url(path_or_url)
    path = _sqlite_path(url)
    if path is not None:
        return str(path)
    try:  # a password written into a URL is never repeated in a message
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def database_files(engine: Engine) -> list[Path]:
    """The files SQLite keeps for this database (main file, WAL, shared memory, journal); [] for a server.

    Nothing in this process may open them except SQLite: closing any other descriptor on the
    database file drops SQLite's POSIX locks, and another process may then delete the WAL under us.
    """
    path = _sqlite_path(str(engine.url))
    if path is None:
        return []
    return [path, *(path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal"))]


def _sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def _set_sqlite_pragmas(dbapi_connection, _record) -> None:
    # pysqlite's own transaction handling starts a transaction only before INSERT/UPDATE/DELETE:
    # reads before the first write ran outside it (lost updates between processes) and DDL ran in
    # autocommit (a killed first open left half a schema). Take it over: the driver never begins
    # by itself, and _begin below emits BEGIN (IMMEDIATE for writes) for every SQLAlchemy transaction.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    # busy_timeout first: switching a new file to WAL needs a lock another process may hold.
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    # WAL lets the report/compare readers run while the assessor keeps saving;
    # synchronous=NORMAL is durable across application crashes in WAL mode and much faster.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _begin_sqlite(conn: Connection) -> None:
    """BEGIN IMMEDIATE for a write, so what it reads and what it writes see the same state.

    A deferred transaction that reads, then writes, fails with SQLITE_BUSY (or, between two readers
    turned writers, overwrites what the other wrote since its read). IMMEDIATE takes the write lock
    at BEGIN, where busy_timeout waits for it.
    """
    mode = "IMMEDIATE" if conn.get_execution_options().get(WRITE_OPTION) else "DEFERRED"
    conn.exec_driver_sql(f"BEGIN {mode}")


def create_db_engine(url: str) -> Engine:
    """An engine with this app's connection settings. Does not touch the schema."""
    path = _sqlite_path(url)
    if path is not None and not path.parent.is_dir():
        if path != default_database_path():
            # A mistyped --db must not quietly start an empty database in a new folder.
            raise DatabaseUnavailable("db_folder_missing", folder=path.parent)
        path.parent.mkdir(parents=True, exist_ok=True)  # first start: the user data folder
    connect_args = {}
    if url.startswith("postgresql"):
        # handed to the driver, not put into the URL: engine.url (and every message made from it) stays without it
        password = credentials.keyring_password(url)
        if password:
            connect_args["password"] = password
        if "connect_timeout" not in url:
            connect_args["connect_timeout"] = CONNECT_TIMEOUT_S  # a server that does not answer: say so, not hang
    engine = create_engine(url, connect_args=connect_args)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _set_sqlite_pragmas)
        event.listen(engine, "begin", _begin_sqlite)
    return engine


def serialize(conn: Connection, what: str) -> None:
    """Inside a write transaction: wait for other writers of `what` (check-then-insert of shared rows).

    SQLite's BEGIN IMMEDIATE already serializes every writer; a server needs a transaction-level
    advisory lock, released at commit or rollback.
    """
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(hashtext(:what))"), {"what": f"smartcity_assess:{what}"})


def write_connection(engine: Engine) -> Connection:
    """A connection whose transactions take the write lock at once (BEGIN IMMEDIATE on SQLite).

    On other databases the isolation is the server's (READ COMMITTED); writers there re-check
    revisions with row locks (SELECT … FOR UPDATE) inside the transaction.
    """
    return engine.connect().execution_options(**{WRITE_OPTION: True})


# SQLite's primary result codes (sqlite3.Error.sqlite_errorcode & 0xFF) that a person can cause or
# fix (a locked, damaged, read-only, missing or full database) → the sentence that says so. Any
# other code (a constraint, a syntax error) is a bug of ours and is not dressed up as the user's.
_SQLITE_USER_PROBLEMS = {
    sqlite3.SQLITE_BUSY: "db_locked",
    sqlite3.SQLITE_LOCKED: "db_locked",
    sqlite3.SQLITE_CORRUPT: "db_damaged",
    sqlite3.SQLITE_NOTADB: "db_damaged",
    sqlite3.SQLITE_READONLY: "db_readonly",
    sqlite3.SQLITE_CANTOPEN: "db_cannot_open",
    sqlite3.SQLITE_PERM: "db_cannot_open",
    sqlite3.SQLITE_FULL: "db_full",
    sqlite3.SQLITE_IOERR: "db_io_error",
}
# PostgreSQL SQLSTATE classes a person can cause: the server is unreachable, the login was refused,
# the role may not do this.
_SQLSTATE_USER_PROBLEMS = {
    "08": "db_unreachable",
    "28": "db_login_refused",
    "42501": "db_not_allowed",
    "3D000": "db_no_such_database",
}


def database_problem(exc: BaseException) -> str | None:
    """The message code of a database failure a person can cause or fix; None for a bug of ours."""
    orig = getattr(exc, "orig", None) or exc
    code = getattr(orig, "sqlite_errorcode", None)
    if code is not None:
        return _SQLITE_USER_PROBLEMS.get(code & 0xFF)
    sqlstate = getattr(orig, "sqlstate", None) or getattr(getattr(orig, "diag", None), "sqlstate", None)
    if sqlstate:
        return _SQLSTATE_USER_PROBLEMS.get(sqlstate) or _SQLSTATE_USER_PROBLEMS.get(sqlstate[:2])
    if isinstance(exc, OperationalError) and getattr(exc, "connection_invalidated", False):
        return "db_unreachable"
    if exc.__class__.__module__.startswith("psycopg") or "psycopg" in type(orig).__module__:
        # psycopg raises OperationalError without a SQLSTATE when it cannot connect at all
        return _connection_problem(str(orig)) if "OperationalError" in type(orig).__name__ else None
    return None


def _connection_problem(message: str) -> str:
    """What a failed connection says, from libpq's message (it carries no SQLSTATE): the server answered
    and turned the login or the database name away, or it was never reached."""
    if "FATAL:" in message and 'database "' in message and "does not exist" in message:
        return "db_no_such_database"
    if any(sign in message for sign in ("authentication failed", 'role "', "pg_hba.conf", "password")):
        return "db_login_refused"  # no such role, a wrong or missing password, pg_hba.conf refusing the login
    return "db_unreachable"  # refused, timed out, or the server is starting or full


def describe_database_error(exc: Exception, where: str) -> Exception:
    """One sentence for a database problem a user can run into; the error itself when it is a bug of ours."""
    code = database_problem(exc)
    if code is None:
        return exc
    return DatabaseUnavailable(code, where=where)


def current_revision(engine: Engine) -> str | None:
    """The schema revision stored in the database; None for an empty one."""
    with engine.connect() as conn:
        return _revision_in(conn)


def _revision_in(conn: Connection) -> str | None:
    tables = set(inspect(conn).get_table_names())
    if "alembic_version" not in tables:
        if tables - {"sqlite_sequence"}:
            raise DatabaseUnavailable("db_not_ours", where=conn.engine.url.database or conn.engine.url)
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
        _refuse_damage([row[0] for row in conn.exec_driver_sql("PRAGMA quick_check(3)")], where)


def _refuse_damage(problems: list[str], where: str) -> None:
    if problems != ["ok"]:
        problems = [" ".join(p.replace("*** in database main ***", "").split()) for p in problems]
        raise DatabaseUnavailable("db_damaged_check", where=where, problems="; ".join(problems))


def identify_read_only(path: Path, where: str) -> None:
    """Refuse a file that is not ours, is damaged, or comes from a newer version, before any pragma.

    Opened read-only, so a refused file is left exactly as it was: the engine's connections switch a
    database to WAL (header bytes 18-19) on connect, which must never happen to a file we refuse.
    """
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if tables - {"sqlite_sequence"} and "alembic_version" not in tables:
            raise DatabaseUnavailable("db_not_ours", where=where)
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            _refuse_newer(row[0] if row else None)
        _refuse_damage([row[0] for row in conn.execute("PRAGMA quick_check(3)")], where)
    finally:
        conn.close()


def migrate(engine: Engine) -> Path | None:
    """Bring the schema to this build's head, backing the file up first. Returns the backup path.

    One transaction that holds the write lock from the start: processes opening the same new file
    at once wait for each other and the later ones find the schema already there; a kill midway
    leaves the file as it was (SQLite's DDL is transactional inside an explicit transaction).
    """
    revision = current_revision(engine)
    if revision == SCHEMA_HEAD:
        return None
    _refuse_newer(revision)
    backup = backup_database(engine, revision) if revision is not None else None
    from alembic import command  # imported only when a migration is due: it is slow to load
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with write_connection(engine) as connection, connection.begin():
        if engine.dialect.name != "sqlite":
            # Another process may be migrating the same server database: wait for it here.
            connection.execute(text("SELECT pg_advisory_xact_lock(4242001)"))
        revision = _revision_in(connection)  # again, under the lock: another process may have done it
        if revision == SCHEMA_HEAD:
            return backup
        _refuse_newer(revision)
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return backup


def _refuse_newer(revision: str | None) -> None:
    if revision is not None and revision not in SCHEMA_REVISIONS:
        raise DatabaseUnavailable("db_newer", revision=revision)


def open_engine(path_or_url: str | os.PathLike | None = None, *, set_up: bool = True) -> Engine:
    """Create the engine for a database and make sure its schema is current.

    set_up=False: a database that is not at this build's schema is refused, not created or migrated
    (a sync must change nothing on a server its owner has not set up with `server init`).
    """
    url = database_url(path_or_url)
    where = database_location(url)
    try:
        path = _sqlite_path(url)
        known = path is not None and path.is_file() and path.stat().st_size > 0
        if known:
            identify_read_only(path, where)  # before the engine sets any pragma on it
        engine = create_db_engine(url)
        if not known:
            check_integrity(engine, where)
        if set_up:
            migrate(engine)
        else:
            revision = current_revision(engine)
            _refuse_newer(revision)
            if revision != SCHEMA_HEAD:
                engine.dispose()
                raise DatabaseUnavailable("db_not_set_up", where=where)
    except (OperationalError, DatabaseError, sqlite3.DatabaseError) as exc:
        raise describe_database_error(exc, where) from None
    except OSError as exc:
        raise DatabaseUnavailable("db_os_error", where=where, reason=exc.strerror or str(exc)) from None
    except (ArgumentError, NoSuchModuleError, ImportError) as exc:
        # A URL for a database this installation has no driver for (or no such kind at all).
        raise DatabaseUnavailable("db_no_driver", where=where, detail=str(exc)) from None
    return engine


def check_login(url: str, password: str) -> None:
    """Connect once with this password (and nothing else): one sentence when the server refuses it."""
    where = database_location(url)
    try:
        engine = create_engine(url, connect_args={"password": password}, poolclass=NullPool)
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()
    except (OperationalError, DatabaseError) as exc:
        raise describe_database_error(exc, where) from None
    except (ArgumentError, NoSuchModuleError, ImportError) as exc:
        raise DatabaseUnavailable("db_no_driver", where=where, detail=str(exc)) from None


class ChangeWatch:
    """Tells cheaply whether anything was committed since the last look, by any process.

    SQLite: `PRAGMA data_version` on one connection kept for the purpose (it changes when another
    connection commits). Elsewhere: the newest audit time, since every change writes an audit row.
    """

    def __init__(self, engine: Engine):
        self._engine = engine
        self._raw = None

    def token(self) -> object:
        if self._engine.dialect.name != "sqlite":
            with self._engine.connect() as conn:
                return conn.execute(text("SELECT max(at) FROM audit_entries")).scalar()
        if self._raw is None:
            self._raw = self._engine.raw_connection()
        cursor = self._raw.cursor()
        try:
            cursor.execute("PRAGMA data_version")
            return cursor.fetchone()[0]
        finally:
            cursor.close()

    def close(self) -> None:
        if self._raw is not None:
            self._raw.close()
            self._raw = None


BLOB_CHUNK = 1024 * 1024


def read_blob(conn: Connection, table: str, column: str, key_column: str, key: str) -> Iterable[bytes]:
    """A stored BLOB in pieces of BLOB_CHUNK bytes, without holding all of it (SQLite's incremental I/O)."""
    if conn.dialect.name != "sqlite":
        value = conn.execute(text(f"SELECT {column} FROM {table} WHERE {key_column} = :k"), {"k": key}).scalar()
        if value is not None:
            yield bytes(value)
        return
    raw = conn.connection.driver_connection
    row = raw.execute(f"SELECT rowid FROM {table} WHERE {key_column} = ?", (key,)).fetchone()
    if row is None:
        return
    with raw.blobopen(table, column, row[0], readonly=True) as blob:
        while piece := blob.read(BLOB_CHUNK):
            yield piece


def insert_blob(
    conn: Connection, table: str, column: str, key_column: str, key: str, size: int, pieces: Iterable[bytes]
) -> None:
    """Insert a row (key, BLOB) from pieces, writing them into a zero-filled BLOB of `size` bytes on SQLite.

    The pieces must add up to `size` exactly; a ValueError otherwise (the caller's transaction is
    then rolled back).
    """
    if conn.dialect.name != "sqlite":
        data = b"".join(pieces)
        if len(data) != size:
            raise ValueError("the BLOB's pieces do not add up to its size")
        conn.execute(text(f"INSERT INTO {table} ({key_column}, {column}) VALUES (:k, :v)"), {"k": key, "v": data})
        return
    raw = conn.connection.driver_connection
    cursor = raw.execute(f"INSERT INTO {table} ({key_column}, {column}) VALUES (?, zeroblob(?))", (key, size))
    written = 0
    with raw.blobopen(table, column, cursor.lastrowid) as blob:
        for piece in pieces:
            if written + len(piece) > size:
                raise ValueError("the BLOB's pieces exceed its size")
            blob.write(piece)
            written += len(piece)
    if written != size:
        raise ValueError("the BLOB's pieces fall short of its size")
