"""Schema versions: an empty database is migrated, a newer one refused, a foreign file refused; data untouched."""

import hashlib
import sqlite3

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory

from smartcity_assess.core.errors import UserError
from smartcity_assess.persistence import db
from smartcity_assess.persistence.store import Store
from smartcity_assess.services.frameworks import builtin_framework_files


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_known_revisions_match_the_alembic_scripts():
    config = Config()
    config.set_main_option("script_location", str(db.MIGRATIONS_DIR))
    script = ScriptDirectory.from_config(config)
    chain = [rev.revision for rev in reversed(list(script.walk_revisions()))]
    assert tuple(chain) == db.SCHEMA_REVISIONS
    assert script.get_current_head() == db.SCHEMA_HEAD


def test_empty_database_is_migrated_to_head_with_every_table(db_path):
    Store.open(db_path).close()
    with sqlite3.connect(db_path) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        version = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        journal = conn.execute("PRAGMA journal_mode").fetchone()[0]
    assert {
        "cities",
        "frameworks",
        "assessments",
        "responses",
        "evidence_files",
        "evidence_blobs",
        "audit_entries",
    } <= tables
    assert version == db.SCHEMA_HEAD
    assert journal == "wal"


def test_reopening_a_current_database_does_not_migrate_or_back_up(db_path, tmp_path):
    Store.open(db_path).close()
    Store.open(db_path).close()
    assert not list(tmp_path.glob("*.before-*"))


def test_database_from_a_newer_version_is_refused_and_left_as_it_was(store, db_path):
    store.close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099_future'")
    before = digest(db_path)
    with pytest.raises(UserError, match=r"newer version of Smart City Assess \(schema 0099_future\)"):
        Store.open(db_path)
    assert digest(db_path) == before


def test_a_file_that_is_not_a_database_is_refused_unchanged(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are my notes, not a database" * 100)
    before = digest(path)
    with pytest.raises(UserError, match="is not a Smart City Assess database, or it is damaged"):
        Store.open(path)
    assert digest(path) == before


def test_a_database_of_another_program_is_refused(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER)")
    with pytest.raises(UserError, match="holds tables but is not a Smart City Assess database"):
        Store.open(path)


def test_backup_copies_the_database_before_a_migration(store, db_path):
    # the fixture imported the built-in framework: there is data to keep
    backup = db.backup_database(store.engine, "0000_old")
    assert backup.exists() and "before-" in backup.name
    with sqlite3.connect(backup) as conn:
        assert conn.execute("SELECT count(*) FROM frameworks").fetchone()[0] == len(builtin_framework_files())


def test_migration_from_an_older_revision_backs_up_first(db_path, monkeypatch):
    Store.open(db_path).close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0000_older'")
    # Pretend this build knows an older revision; Alembic itself is asked to do nothing.
    monkeypatch.setattr(db, "SCHEMA_REVISIONS", ("0000_older", db.SCHEMA_HEAD))
    calls = []
    monkeypatch.setattr("alembic.command.upgrade", lambda config, rev: calls.append(rev))
    backup = db.migrate(db.create_db_engine(db.database_url(db_path)))
    assert calls == ["head"]
    assert backup is not None and backup.exists() and "from-0000_older" in backup.name


def test_the_tables_the_store_uses_are_the_schema_the_migrations_create(db_path):
    """The store's Core tables and the migrated database agree: no column, type, index or key differs."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from smartcity_assess.persistence.models import METADATA

    store = Store.open(db_path)
    try:
        with store.engine.connect() as conn:
            differences = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), METADATA)
    finally:
        store.close()
    assert differences == []
