"""Tables. Every record that may travel between machines has a UUID key.

Declared with SQLAlchemy Core, which is all the store uses: SQLModel's classes would bring pydantic
and the ORM into every start of the app (~200 ms of imports before the list can be read) for
nothing the store does with them. The column types are those the first migration (written with
SQLModel's types) created, so the schema is unchanged; a test compares the two.

Times are timezone-aware UTC. The schema itself is created by Alembic migrations (migrations/),
never by `metadata.create_all`, so every database has a known revision.
"""

import uuid
from datetime import UTC, datetime

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    TypeDecorator,
    UniqueConstraint,
    Uuid,
)

from .records import DRAFT, FINAL, IN_REVIEW  # noqa: F401  (the statuses, named where the tables are)

METADATA = MetaData()


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator):
    """Aware datetimes in, aware UTC datetimes out (SQLite keeps no offset: what it holds is UTC)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.utcoffset() is None:
            raise ValueError("times are stored as aware datetimes (UTC)")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.utcoffset() is None else value.astimezone(UTC)


def _id() -> Column:
    return Column("id", Uuid(), primary_key=True, default=uuid.uuid4)


def _text(name: str, *, nullable: bool = False, **options) -> Column:
    return Column(name, String(), nullable=nullable, **options)


def _time(name: str, *, nullable: bool = False, **options) -> Column:
    return Column(name, UTCDateTime(), nullable=nullable, **options)


def _report_fields() -> list[Column]:
    """What the report an office signs needs of a response beside its level (issue 13), in the
    response and in every revision of it, so they merge and travel like the level does."""
    return [
        _text("value_source", default="", server_default=""),  # where the measured value comes from (BPS, a survey)
        Column("value_year", Integer(), nullable=True),  # the year the value describes
        _text("recommendation", default="", server_default=""),
        _text("responsible", default="", server_default=""),  # the unit (OPD) responsible for the recommendation
        Column("due", Integer(), nullable=True),  # the year by which it is due
    ]


CITIES = Table(
    "cities",
    METADATA,
    _id(),
    _text("name", index=True),
    _text("name_key", unique=True),  # case- and space-folded, so "Bandung" and "bandung " are one city
    _time("created_at", default=utcnow),
)

# A frozen copy of a framework definition, so an old assessment stays valid when a file changes.
FRAMEWORKS = Table(
    "frameworks",
    METADATA,
    _id(),
    _text("code", index=True),
    _text("version"),
    _text("title"),  # JSON of the title's language → text mapping, for listings without parsing the definition
    _text("checksum", index=True),  # SHA-256 of `definition`
    _text("definition"),  # canonical JSON
    _text("source_text", nullable=True),  # the file as the author wrote it
    Column("builtin", Boolean(), nullable=False, default=False),
    _time("imported_at", default=utcnow),
    UniqueConstraint("code", "version", name="uq_frameworks_code_version"),
)

ASSESSMENTS = Table(
    "assessments",
    METADATA,
    _id(),
    Column("city_id", Uuid(), ForeignKey("cities.id"), nullable=False, index=True),
    Column("year", Integer(), nullable=False),
    Column("framework_id", Uuid(), ForeignKey("frameworks.id"), nullable=False),
    _text("framework_code"),  # one assessment per city, year and framework, whatever its version
    _text("assessor", default=""),
    _text("status", default=DRAFT),
    Column("is_demo", Boolean(), nullable=False, default=False),
    _time("created_at", default=utcnow),
    _time("updated_at", default=utcnow),
    _time("finalized_at", nullable=True),
    _text("finalized_by", nullable=True),
    _time("submitted_at", nullable=True),
    _text("submitted_by", nullable=True),
    _text("reviewer", nullable=True),  # who signed it off, with their role and NIP (civil-servant number)
    _text("reviewer_role", nullable=True),
    _text("reviewer_nip", nullable=True),
    _text("review_comment", nullable=True),  # the reviewer's reason when they returned it to draft
    _text("content_hash", nullable=True),  # what the approval sealed (core.audit_chain.content_hash)
    _text("sealed_head", nullable=True),  # the hash of the approval's audit entry
    _text("editable_pillars", nullable=True),  # comma-separated pillar codes of an assignment; None: all
    _text("sign_place", nullable=True),  # where the report is signed; None: the city's name
    UniqueConstraint("city_id", "year", "framework_code", name="uq_assessments_city_year_fw"),
)

RESPONSES = Table(
    "responses",
    METADATA,
    _id(),
    Column("assessment_id", Uuid(), ForeignKey("assessments.id", ondelete="CASCADE"), nullable=False, index=True),
    _text("indicator_code"),
    Column("level", Integer(), nullable=True),
    Column("na", Boolean(), nullable=False, default=False),
    Column("target", Integer(), nullable=True),  # None: the framework's target
    Column("value", Float(), nullable=True),  # measured value of a metric indicator
    _text("note", default=""),
    *_report_fields(),
    _text("updated_by", default=""),
    _time("updated_at", default=utcnow),
    Column("revision", Uuid(), nullable=True),  # the revision its last write made (RESPONSE_REVISIONS)
    Column("revision_number", Integer(), nullable=False, default=0, server_default="0"),  # writes so far
    UniqueConstraint("assessment_id", "indicator_code", name="uq_responses_indicator"),
)

# A response as one write left it, with the revision it was made from (a CouchDB-style history per
# response). `changed` names the fields that write changed, so a writer holding an older revision
# can tell whether someone else changed the field it is about to write.
RESPONSE_REVISIONS = Table(
    "response_revisions",
    METADATA,
    _id(),
    Column("assessment_id", Uuid(), ForeignKey("assessments.id", ondelete="CASCADE"), nullable=False),
    _text("indicator_code"),
    Column("number", Integer(), nullable=False),
    Column("parent_id", Uuid(), nullable=True),
    Column("level", Integer(), nullable=True),
    Column("na", Boolean(), nullable=False),
    Column("target", Integer(), nullable=True),
    Column("value", Float(), nullable=True),
    _text("note"),
    *_report_fields(),
    _text("changed"),  # comma-separated field names
    _text("actor"),
    _text("device_id"),
    _time("at"),
    Column("merged_from", Uuid(), nullable=True),  # the other side's revision, when this one settled a conflict
    Index("ix_response_revisions_indicator", "assessment_id", "indicator_code", "number"),
)

# Two sides that each changed a response since their common ancestor, kept until a person decides.
# "Mine" is the stored response (mine_revision when the conflict arose); "theirs" is the incoming
# side as JSON: level, na, target, value, note, evidence, by, at, device.
RESPONSE_CONFLICTS = Table(
    "response_conflicts",
    METADATA,
    _id(),
    Column("assessment_id", Uuid(), ForeignKey("assessments.id", ondelete="CASCADE"), nullable=False),
    _text("indicator_code"),
    Column("mine_revision", Uuid(), nullable=True),
    Column("theirs_revision", Uuid(), nullable=False),
    _text("theirs"),
    _text("source", default=""),  # the package it came in: who exported it, from which device, when
    _time("created_at", default=utcnow),
    _time("resolved_at", nullable=True),
    _text("resolved_by", nullable=True),
    _text("resolution", nullable=True),  # mine, theirs, edited, prefer-mine, prefer-theirs, prefer-newer
    Index("ix_response_conflicts_open", "assessment_id", "resolved_at"),
)

# Facts about this database itself: its device id, made once when the schema is created.
DATABASE_INFO = Table(
    "database_info",
    METADATA,
    _text("key", primary_key=True),
    _text("value"),
)

# File contents, stored once per distinct content inside the database so it travels with it.
BLOBS = Table(
    "evidence_blobs",
    METADATA,
    _text("sha256", primary_key=True),
    Column("data", LargeBinary(), nullable=False),
)

EVIDENCE = Table(
    "evidence_files",
    METADATA,
    _id(),
    Column("assessment_id", Uuid(), ForeignKey("assessments.id", ondelete="CASCADE"), nullable=False, index=True),
    _text("indicator_code"),
    _text("file_name"),
    Column("size", Integer(), nullable=False),
    Column("sha256", String(), ForeignKey("evidence_blobs.sha256"), nullable=False),
    _text("added_by", default=""),
    _time("added_at", default=utcnow),
)

# A file removed from an indicator: what (indicator and content), who and when. Packages carry these
# so a removal survives a merge: for each file the later of its last adding and its last removal wins.
EVIDENCE_REMOVALS = Table(
    "evidence_removals",
    METADATA,
    _id(),
    Column("assessment_id", Uuid(), ForeignKey("assessments.id", ondelete="CASCADE"), nullable=False, index=True),
    _text("indicator_code"),
    _text("sha256"),
    _text("file_name"),
    _text("removed_by", default=""),
    _time("removed_at", default=utcnow),
)

# Every change: who, when, what, old → new. No foreign key, so it outlives what it describes.
AUDIT = Table(
    "audit_entries",
    METADATA,
    _id(),
    _time("at", default=utcnow, index=True),
    _text("actor", default=""),
    _text("action"),
    Column("assessment_id", Uuid(), nullable=True, index=True),
    _text("indicator_code", nullable=True),
    _text("field", nullable=True),
    _text("old_value", nullable=True),
    _text("new_value", nullable=True),
    Column("seq", Integer(), nullable=False, default=0, server_default="0"),  # position in its assessment's chain
    _text("prev_hash", default="", server_default=""),
    _text("hash", default="", server_default=""),  # core.audit_chain.entry_hash of this entry and prev_hash
    Index("ix_audit_entries_chain", "assessment_id", "seq"),
)

# One member of an assessment's evaluation team, as the report's team list and sign-off page name them.
TEAM_MEMBERS = Table(
    "team_members",
    METADATA,
    _id(),
    Column("assessment_id", Uuid(), ForeignKey("assessments.id", ondelete="CASCADE"), nullable=False, index=True),
    _text("name"),
    _text("role"),  # one of records.TEAM_ROLES
    _text("nip", default=""),  # Nomor Induk Pegawai, for civil servants
    _text("position", default=""),  # jabatan, e.g. "Kepala Bidang Aplikasi Informatika"
    _time("added_at", default=utcnow),
    UniqueConstraint("assessment_id", "name", name="uq_team_members_name"),
)
