"""evidence removals: what was removed, by whom and when, so that a removal travels in packages

Revision ID: 0005_evidence_removals
Revises: 0004_report_fields

Without them a merge only unites evidence, and a file removed on one laptop comes back from the
other. The later of a file's last adding and its last removal wins (services.merging).
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_evidence_removals"
down_revision = "0004_report_fields"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "evidence_removals",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("assessment_id", sa.Uuid(), nullable=False),
        sa.Column("indicator_code", sa.String(), nullable=False),
        sa.Column("sha256", sa.String(), nullable=False),
        sa.Column("file_name", sa.String(), nullable=False),
        sa.Column("removed_by", sa.String(), nullable=False),
        sa.Column("removed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["assessment_id"], ["assessments.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_evidence_removals_assessment_id", "evidence_removals", ["assessment_id"])


def downgrade() -> None:
    op.drop_index("ix_evidence_removals_assessment_id", table_name="evidence_removals")
    op.drop_table("evidence_removals")
