"""report fields: a response's value source and year, recommendation, responsible unit and due year;
the evaluation team; the place where the report is signed

Revision ID: 0003_report_fields
Revises: 0001_initial
Create Date: 2026-12-02 05:30:00

Self-contained (issue 13): when merged after 0002, only down_revision changes.
"""

import sqlalchemy as sa
import sqlmodel  # noqa: F401  (sqlmodel column types)
from alembic import op

revision = "0003_report_fields"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("responses", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("value_source", sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("value_year", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("recommendation", sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("responsible", sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("due", sa.Integer(), nullable=True))

    with op.batch_alter_table("assessments", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sign_place", sqlmodel.sql.sqltypes.AutoString(), nullable=True))

    op.create_table(
        "team_members",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("assessment_id", sa.Uuid(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("role", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("nip", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("position", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("added_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["assessment_id"], ["assessments.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("assessment_id", "name", name="uq_team_members_name"),
    )
    with op.batch_alter_table("team_members", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_team_members_assessment_id"), ["assessment_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("team_members", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_team_members_assessment_id"))
    op.drop_table("team_members")
    with op.batch_alter_table("assessments", schema=None) as batch_op:
        batch_op.drop_column("sign_place")
    with op.batch_alter_table("responses", schema=None) as batch_op:
        for column in ("due", "responsible", "recommendation", "value_year", "value_source"):
            batch_op.drop_column(column)
