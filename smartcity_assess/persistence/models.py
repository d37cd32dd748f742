"""Tables. Every record that may travel between machines has a UUID key.

Times are timezone-aware UTC. The schema itself is created by Alembic migrations (migrations/),
never by `metadata.create_all`, so every database has a known revision.
"""

import uuid
from datetime import UTC, datetime

from sqlalchemy import Column, LargeBinary, UniqueConstraint
from sqlmodel import Field, SQLModel

DRAFT = "draft"
IN_REVIEW = "in_review"  # submitted by the assessors, waiting for the reviewer: read-only
FINAL = "final"


def utcnow() -> datetime:
    return datetime.now(UTC)


class City(SQLModel, table=True):
    __tablename__ = "cities"
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    name: str = Field(index=True)
    name_key: str = Field(unique=True)  # case- and space-folded, so "Bandung" and "bandung " are one city
    created_at: datetime = Field(default_factory=utcnow)


class FrameworkRecord(SQLModel, table=True):
    """A frozen copy of a framework definition, so an old assessment stays valid when a file changes."""

    __tablename__ = "frameworks"
    __table_args__ = (UniqueConstraint("code", "version", name="uq_frameworks_code_version"),)
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    code: str = Field(index=True)
    version: str
    title: str  # JSON of the title's language → text mapping, for listings without parsing the definition
    checksum: str = Field(index=True)  # SHA-256 of `definition`
    definition: str  # canonical JSON
    source_text: str | None = None  # the file as the author wrote it
    builtin: bool = False
    imported_at: datetime = Field(default_factory=utcnow)


class Assessment(SQLModel, table=True):
    __tablename__ = "assessments"
    __table_args__ = (UniqueConstraint("city_id", "year", "framework_code", name="uq_assessments_city_year_fw"),)
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    city_id: uuid.UUID = Field(foreign_key="cities.id", index=True)
    year: int
    framework_id: uuid.UUID = Field(foreign_key="frameworks.id")
    framework_code: str  # one assessment per city, year and framework, whatever its version
    assessor: str = ""
    status: str = DRAFT
    is_demo: bool = False
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    finalized_at: datetime | None = None
    finalized_by: str | None = None
    submitted_at: datetime | None = None
    submitted_by: str | None = None
    reviewer: str | None = None  # who signed it off, with their role and NIP (civil-servant number)
    reviewer_role: str | None = None
    reviewer_nip: str | None = None
    review_comment: str | None = None  # the reviewer's reason when they returned it to draft
    content_hash: str | None = None  # what the approval sealed (core.audit_chain.content_hash)
    sealed_head: str | None = None  # the hash of the approval's audit entry
    editable_pillars: str | None = None  # comma-separated pillar codes of an assignment; None: all


class Response(SQLModel, table=True):
    __tablename__ = "responses"
    __table_args__ = (UniqueConstraint("assessment_id", "indicator_code", name="uq_responses_indicator"),)
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    assessment_id: uuid.UUID = Field(foreign_key="assessments.id", index=True, ondelete="CASCADE")
    indicator_code: str
    level: int | None = None
    na: bool = False
    target: int | None = None  # None: the framework's target
    value: float | None = None  # measured value of a metric indicator
    note: str = ""
    updated_by: str = ""
    updated_at: datetime = Field(default_factory=utcnow)
    revision: uuid.UUID | None = None  # the ResponseRevision its last write made
    revision_number: int = 0  # how many writes it has had: 1, 2, …


class ResponseRevision(SQLModel, table=True):
    """A response as one write left it, with the revision it was made from (CouchDB-style history).

    `changed` names the fields that write changed, so a writer holding an older revision can tell
    whether someone else changed the field it is about to write.
    """

    __tablename__ = "response_revisions"
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    assessment_id: uuid.UUID = Field(foreign_key="assessments.id", ondelete="CASCADE")
    indicator_code: str
    number: int
    parent_id: uuid.UUID | None = None
    level: int | None = None
    na: bool = False
    target: int | None = None
    value: float | None = None
    note: str = ""
    changed: str = ""  # comma-separated field names
    actor: str = ""
    device_id: str = ""
    at: datetime = Field(default_factory=utcnow)
    merged_from: uuid.UUID | None = None  # the other side's revision, when this one settled a conflict


class ResponseConflict(SQLModel, table=True):
    """Two sides that each changed a response since their common ancestor, kept until a person decides.

    "Mine" is the stored response (mine_revision when the conflict arose); "theirs" is the incoming
    side as JSON: level, na, target, value, note, evidence, by, at, device.
    """

    __tablename__ = "response_conflicts"
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    assessment_id: uuid.UUID = Field(foreign_key="assessments.id", ondelete="CASCADE")
    indicator_code: str
    mine_revision: uuid.UUID | None = None
    theirs_revision: uuid.UUID
    theirs: str
    source: str = ""  # the package it came in: who exported it, from which device, when
    created_at: datetime = Field(default_factory=utcnow)
    resolved_at: datetime | None = None
    resolved_by: str | None = None
    resolution: str | None = None  # mine, theirs, edited, prefer-mine, prefer-theirs, prefer-newer


class DatabaseInfo(SQLModel, table=True):
    """Facts about this database file itself: its device id (made once, at creation)."""

    __tablename__ = "database_info"
    key: str = Field(primary_key=True)
    value: str


class EvidenceBlob(SQLModel, table=True):
    """File contents, stored once per distinct content inside the database so it travels with it."""

    __tablename__ = "evidence_blobs"
    sha256: str = Field(primary_key=True)
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class EvidenceFile(SQLModel, table=True):
    __tablename__ = "evidence_files"
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    assessment_id: uuid.UUID = Field(foreign_key="assessments.id", index=True, ondelete="CASCADE")
    indicator_code: str
    file_name: str
    size: int
    sha256: str = Field(foreign_key="evidence_blobs.sha256")
    added_by: str = ""
    added_at: datetime = Field(default_factory=utcnow)


class AuditEntry(SQLModel, table=True):
    """Every change: who, when, what, old → new. No foreign key, so it outlives what it describes."""

    __tablename__ = "audit_entries"
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    actor: str = ""
    action: str
    assessment_id: uuid.UUID | None = Field(default=None, index=True)
    indicator_code: str | None = None
    field: str | None = None
    old_value: str | None = None
    new_value: str | None = None
    seq: int = 0  # position in its assessment's chain, from 1
    prev_hash: str = ""
    hash: str = ""  # core.audit_chain.entry_hash of this entry and prev_hash
