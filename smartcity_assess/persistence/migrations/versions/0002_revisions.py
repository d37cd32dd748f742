"""response revisions and the database's device id

Revision ID: 0002_revisions
Revises: 0001_initial

Every stored response carries the revision its last write made (a UUID, with a counter), and every
write keeps the response as it then was in response_revisions, with the revision it came from
(parent). That is what lets a writer tell "changed since I looked" from "as I saw it", and what
packages from other assessors' laptops are merged by. database_info holds this database's device
id, generated once, so revisions say where they were made.
"""

import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0002_revisions"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "database_info",
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("value", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "response_revisions",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("assessment_id", sa.Uuid(), nullable=False),
        sa.Column("indicator_code", sa.String(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.Uuid(), nullable=True),
        sa.Column("level", sa.Integer(), nullable=True),
        sa.Column("na", sa.Boolean(), nullable=False),
        sa.Column("target", sa.Integer(), nullable=True),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("note", sa.String(), nullable=False),
        sa.Column("changed", sa.String(), nullable=False),
        sa.Column("actor", sa.String(), nullable=False),
        sa.Column("device_id", sa.String(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["assessment_id"], ["assessments.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_response_revisions_indicator", "response_revisions", ["assessment_id", "indicator_code", "number"]
    )
    with op.batch_alter_table("responses") as batch_op:
        batch_op.add_column(sa.Column("revision", sa.Uuid(), nullable=True))
        batch_op.add_column(sa.Column("revision_number", sa.Integer(), nullable=False, server_default="0"))

    bind = op.get_bind()
    device = uuid.uuid4().hex
    bind.execute(sa.text("INSERT INTO database_info (key, value) VALUES ('device_id', :v)"), {"v": device})
    # Responses written before revisions existed: one revision each, as they stand, with no parent.
    responses = sa.table(
        "responses",
        sa.column("id", sa.Uuid()),
        sa.column("assessment_id", sa.Uuid()),
        sa.column("indicator_code", sa.String()),
        sa.column("level", sa.Integer()),
        sa.column("na", sa.Boolean()),
        sa.column("target", sa.Integer()),
        sa.column("value", sa.Float()),
        sa.column("note", sa.String()),
        sa.column("updated_by", sa.String()),
        sa.column("updated_at", sa.DateTime(timezone=True)),
        sa.column("revision", sa.Uuid()),
        sa.column("revision_number", sa.Integer()),
    )
    revisions = sa.table(
        "response_revisions",
        *(
            sa.column(name, kind)
            for name, kind in [
                ("id", sa.Uuid()),
                ("assessment_id", sa.Uuid()),
                ("indicator_code", sa.String()),
                ("number", sa.Integer()),
                ("parent_id", sa.Uuid()),
                ("level", sa.Integer()),
                ("na", sa.Boolean()),
                ("target", sa.Integer()),
                ("value", sa.Float()),
                ("note", sa.String()),
                ("changed", sa.String()),
                ("actor", sa.String()),
                ("device_id", sa.String()),
                ("at", sa.DateTime(timezone=True)),
            ]
        ),
    )
    rows = bind.execute(sa.select(responses)).all()
    history = []
    for row in rows:
        rev = uuid.uuid4()
        bind.execute(sa.update(responses).where(responses.c.id == row.id).values(revision=rev, revision_number=1))
        history.append(
            dict(
                id=rev,
                assessment_id=row.assessment_id,
                indicator_code=row.indicator_code,
                number=1,
                parent_id=None,
                level=row.level,
                na=row.na,
                target=row.target,
                value=row.value,
                note=row.note,
                changed="level,na,target,value,note",
                actor=row.updated_by,
                device_id=device,
                at=row.updated_at or datetime.now(UTC),
            )
        )
    if history:
        bind.execute(sa.insert(revisions), history)


def downgrade() -> None:
    with op.batch_alter_table("responses") as batch_op:
        batch_op.drop_column("revision_number")
        batch_op.drop_column("revision")
    op.drop_index("ix_response_revisions_indicator", table_name="response_revisions")
    op.drop_table("response_revisions")
    op.drop_table("database_info")
