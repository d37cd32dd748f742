"""field teams: review and sign-off, the audit hash chain, merge conflicts, assignment packages

Revision ID: 0003_field_teams
Revises: 0002_revisions

- assessments: who submitted it for review and when, who signed it off (name, role, NIP), the
  reviewer's comments when it was returned, the content hash and chain head an approval seals,
  and the pillars an assignment package lets this database change (NULL: all).
- response_revisions.merged_from: the second parent of a revision that settled a conflict, so a
  package sent again is recognised as already merged.
- audit_entries: seq, prev_hash and hash per assessment (a hash chain); existing entries are
  chained in the order they were written.
- response_conflicts: both sides of a response two assessors changed, kept until someone decides.
"""

import sqlalchemy as sa
from alembic import op

from smartcity_assess.core.audit_chain import GENESIS, link

revision = "0003_field_teams"
down_revision = "0002_revisions"
branch_labels = None
depends_on = None

_ASSESSMENT_COLUMNS = [
    ("submitted_at", sa.DateTime(timezone=True)),
    ("submitted_by", sa.String()),
    ("reviewer", sa.String()),
    ("reviewer_role", sa.String()),
    ("reviewer_nip", sa.String()),
    ("review_comment", sa.String()),
    ("content_hash", sa.String()),
    ("sealed_head", sa.String()),
    ("editable_pillars", sa.String()),
]


def upgrade() -> None:
    with op.batch_alter_table("assessments") as batch_op:
        for name, kind in _ASSESSMENT_COLUMNS:
            batch_op.add_column(sa.Column(name, kind, nullable=True))
    with op.batch_alter_table("response_revisions") as batch_op:
        batch_op.add_column(sa.Column("merged_from", sa.Uuid(), nullable=True))
    with op.batch_alter_table("audit_entries") as batch_op:
        batch_op.add_column(sa.Column("seq", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("prev_hash", sa.String(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("hash", sa.String(), nullable=False, server_default=""))
    op.create_index("ix_audit_entries_chain", "audit_entries", ["assessment_id", "seq"])
    op.create_table(
        "response_conflicts",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("assessment_id", sa.Uuid(), nullable=False),
        sa.Column("indicator_code", sa.String(), nullable=False),
        sa.Column("mine_revision", sa.Uuid(), nullable=True),
        sa.Column("theirs_revision", sa.Uuid(), nullable=False),
        sa.Column("theirs", sa.String(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolved_by", sa.String(), nullable=True),
        sa.Column("resolution", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(["assessment_id"], ["assessments.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_response_conflicts_open", "response_conflicts", ["assessment_id", "resolved_at"])
    _chain_existing_entries()


def _chain_existing_entries() -> None:
    audit = sa.table(
        "audit_entries",
        *(
            sa.column(name, kind)
            for name, kind in [
                ("id", sa.Uuid()),
                ("at", sa.DateTime(timezone=True)),
                ("actor", sa.String()),
                ("action", sa.String()),
                ("assessment_id", sa.Uuid()),
                ("indicator_code", sa.String()),
                ("field", sa.String()),
                ("old_value", sa.String()),
                ("new_value", sa.String()),
                ("seq", sa.Integer()),
                ("prev_hash", sa.String()),
                ("hash", sa.String()),
            ]
        ),
    )
    bind = op.get_bind()
    rows = bind.execute(sa.select(audit).order_by(audit.c.at, audit.c.field, audit.c.id)).mappings().all()
    chains: dict = {}
    for row in rows:
        chains.setdefault(row["assessment_id"], []).append(dict(row))
    for entries in chains.values():
        for entry in link(entries, 0, GENESIS):
            bind.execute(
                sa.update(audit)
                .where(audit.c.id == entry["id"])
                .values(seq=entry["seq"], prev_hash=entry["prev_hash"], hash=entry["hash"])
            )


def downgrade() -> None:
    op.drop_index("ix_response_conflicts_open", table_name="response_conflicts")
    op.drop_table("response_conflicts")
    op.drop_index("ix_audit_entries_chain", table_name="audit_entries")
    with op.batch_alter_table("audit_entries") as batch_op:
        for name in ("hash", "prev_hash", "seq"):
            batch_op.drop_column(name)
    with op.batch_alter_table("response_revisions") as batch_op:
        batch_op.drop_column("merged_from")
    with op.batch_alter_table("assessments") as batch_op:
        for name, _ in reversed(_ASSESSMENT_COLUMNS):
            batch_op.drop_column(name)
