"""Alembic environment: runs on the connection handed over by persistence.db.migrate."""

from alembic import context

from smartcity_assess.persistence.models import METADATA

target_metadata = METADATA
connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through smartcity_assess.persistence.db.migrate")

# render_as_batch: SQLite cannot ALTER most things; batch mode rebuilds tables instead.
context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
