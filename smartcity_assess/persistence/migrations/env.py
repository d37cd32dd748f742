"""Alembic environment: runs on the connection handed over by persistence.db.migrate."""

from alembic import context
from sqlmodel import SQLModel

from smartcity_assess.persistence import models  # noqa: F401  (registers the tables on the metadata)

target_metadata = SQLModel.metadata
connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through smartcity_assess.persistence.db.migrate")

# render_as_batch: SQLite cannot ALTER most things; batch mode rebuilds tables instead.
context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
