"""Tables. Every record that may travel between machines has a UUID key.

Times are timezone-aware UTC. The schema itself is created by Alembic migrations (migrations/),
never by `metadata.create_all`, so every database has a known revision.
"""

import uuid
from datetime import UTC, datetime

from sqlalchemy import Column, LargeBinary, UniqueConstraint
from sqlmodel import Field, SQLModel

DRAFT = "draft"
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
    sign_place: str | None = None  # where the report is signed; None: the city's name


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
    value_source: str = ""  # where the measured value comes from (BPS, a survey, an agency's records)
    value_year: int | None = None  # the year the value describes
    recommendation: str = ""
    responsible: str = ""  # the unit (OPD) responsible for the recommendation
    due: int | None = None  # the year by which it is due
    updated_by: str = ""
    updated_at: datetime = Field(default_factory=utcnow)


LEAD = "lead"
ASSESSOR = "assessor"
REVIEWER = "reviewer"
TEAM_ROLES = (LEAD, ASSESSOR, REVIEWER)  # the order the report lists them in


class TeamMember(SQLModel, table=True):
    """One member of an assessment's evaluation team, as the report's team list and sign-off page name them."""

    __tablename__ = "team_members"
    __table_args__ = (UniqueConstraint("assessment_id", "name", name="uq_team_members_name"),)
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    assessment_id: uuid.UUID = Field(foreign_key="assessments.id", index=True, ondelete="CASCADE")
    name: str
    role: str  # one of TEAM_ROLES
    nip: str = ""  # Nomor Induk Pegawai, for civil servants
    position: str = ""  # jabatan, e.g. "Kepala Bidang Aplikasi Informatika"
    added_at: datetime = Field(default_factory=utcnow)


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
