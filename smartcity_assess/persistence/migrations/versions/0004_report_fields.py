"""report fields: a response's value source and year, recommendation, responsible unit and due year
(in the response and in each of its revisions, so they merge and travel in packages like the level);
the evaluation team; the place where the report is signed

Revision ID: 0004_report_fields
Revises: 0003_field_teams
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_report_fields"
down_revision = "0003_field_teams"
branch_labels = None
depends_on = None

_TEXT_FIELDS = ("value_source", "recommendation", "responsible")
_YEAR_FIELDS = ("value_year", "due")


def _add_report_fields(table: str) -> None:
    with op.batch_alter_table(table) as batch_op:
        for name in _TEXT_FIELDS:
            batch_op.add_column(sa.Column(name, sa.String(), nullable=False, server_default=""))
        for name in _YEAR_FIELDS:
            batch_op.add_column(sa.Column(name, sa.Integer(), nullable=True))


def upgrade() -> None:
    _add_report_fields("responses")
    _add_report_fields("response_revisions")
    with op.batch_alter_table("assessments") as batch_op:
        batch_op.add_column(sa.Column("sign_place", sa.String(), nullable=True))
    op.create_table(
        "team_members",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("assessment_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("nip", sa.String(), nullable=False),
        sa.Column("position", sa.String(), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["assessment_id"], ["assessments.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("assessment_id", "name", name="uq_team_members_name"),
    )
    op.create_index("ix_team_members_assessment_id", "team_members", ["assessment_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_team_members_assessment_id", table_name="team_members")
    op.drop_table("team_members")
    with op.batch_alter_table("assessments") as batch_op:
        batch_op.drop_column("sign_place")
    for table in ("response_revisions", "responses"):
        with op.batch_alter_table(table) as batch_op:
            for name in (*_YEAR_FIELDS, *_TEXT_FIELDS):
                batch_op.drop_column(name)
