"""0003_field_teams on a database written before it: its audit trail becomes an intact hash chain."""

from alembic import command
from alembic.config import Config

from smartcity_assess.persistence import db
from smartcity_assess.services.assessments import new_assessment, record_response
from smartcity_assess.services.frameworks import open_store
from smartcity_assess.services.review import verify


def _downgrade(engine, revision):
    config = Config()
    config.set_main_option("script_location", str(db.MIGRATIONS_DIR))
    with db.write_connection(engine) as connection, connection.begin():
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


def test_an_older_trail_is_chained_in_the_order_it_was_written(db_path, mini_framework):
    store = open_store(db_path)
    store.add_framework(mini_framework)
    aid = new_assessment(store, "Bandung", 2025, framework_code="mini")
    record_response(store, aid, "G1", level=2, actor="ani")
    record_response(store, aid, "G1", level=3, note="SOP drafted", actor="ani")
    store.close()

    engine = db.create_db_engine(db.database_url(db_path))
    _downgrade(engine, "0002_revisions")  # as a database written before field teams: no chain
    with engine.connect() as conn:
        columns = {row[1] for row in conn.exec_driver_sql("PRAGMA table_info(audit_entries)")}
    engine.dispose()
    assert "hash" not in columns

    store = open_store(db_path)
    try:
        trail = store.audit_trail(aid)
        assert [(e.action, e.field) for e in trail] == [
            ("create", None),
            ("set", "level"),
            ("set", "level"),
            ("set", "note"),
        ]
        assert verify(store, aid).intact
    finally:
        store.close()
