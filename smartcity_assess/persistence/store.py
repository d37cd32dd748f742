"""The store API: the only way the rest of the app reads and writes assessment data.

Rules kept here, not in the UI:
- a finalized assessment cannot be changed; reopening it is an audited action;
- every change writes an audit row (who, when, field, old → new) in the same transaction;
- bulk paths use Core inserts with lists of dicts (ORM adds are ~20× slower).
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, insert, select, update
from sqlalchemy.exc import DatabaseError, IntegrityError, OperationalError

from ..core.errors import NotFoundError, ReadOnlyError, UserError
from ..core.framework import Framework
from ..core.framework_loader import canonical_json, framework_checksum, framework_from_json
from ..core.responses import ResponseInput
from ..core.scoring import Answer
from ..core.text import Text
from . import db
from .models import (
    DRAFT,
    FINAL,
    LEAD,
    REVIEWER,
    TEAM_ROLES,
    Assessment,
    AuditEntry,
    City,
    EvidenceBlob,
    EvidenceFile,
    FrameworkRecord,
    Response,
    TeamMember,
    utcnow,
)

CITIES = City.__table__
FRAMEWORKS = FrameworkRecord.__table__
ASSESSMENTS = Assessment.__table__
RESPONSES = Response.__table__
BLOBS = EvidenceBlob.__table__
EVIDENCE = EvidenceFile.__table__
AUDIT = AuditEntry.__table__
TEAM = TeamMember.__table__
SINGLE_ROLES = (LEAD, REVIEWER)  # one each: they sign the report

RESPONSE_FIELDS = tuple(ResponseInput().as_fields())  # level, na, target, value, note, value_source, …


@dataclass(frozen=True)
class FrameworkInfo:
    id: uuid.UUID
    code: str
    version: str
    title: Text
    checksum: str
    builtin: bool
    imported_at: datetime


@dataclass(frozen=True)
class AssessmentInfo:
    id: uuid.UUID
    city: str
    year: int
    framework_id: uuid.UUID
    framework_code: str
    framework_version: str
    assessor: str
    status: str
    is_demo: bool
    created_at: datetime
    updated_at: datetime
    finalized_at: datetime | None
    finalized_by: str | None
    sign_place: str | None = None

    @property
    def is_final(self) -> bool:
        return self.status == FINAL


@dataclass(frozen=True)
class ResponseRecord:
    indicator_code: str
    level: int | None
    na: bool
    target: int | None
    value: float | None
    note: str
    updated_by: str
    updated_at: datetime
    value_source: str = ""
    value_year: int | None = None
    recommendation: str = ""
    responsible: str = ""
    due: int | None = None

    def answer(self) -> Answer:
        return Answer(level=self.level, na=self.na, target=self.target)

    def as_input(self) -> ResponseInput:
        """The recorded fields, as the validation rules take them."""
        return ResponseInput(**{name: getattr(self, name) for name in RESPONSE_FIELDS})


@dataclass(frozen=True)
class EvidenceInfo:
    id: uuid.UUID
    assessment_id: uuid.UUID
    indicator_code: str
    file_name: str
    size: int
    sha256: str
    added_by: str
    added_at: datetime


@dataclass(frozen=True)
class TeamMemberInfo:
    name: str
    role: str
    nip: str
    position: str


@dataclass(frozen=True)
class AuditInfo:
    at: datetime
    actor: str
    action: str
    indicator_code: str | None
    field: str | None
    old_value: str | None
    new_value: str | None


_UNSEEN = object()


def city_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def default_actor() -> str:
    """Who is at the keyboard, when nobody said: the operating system's user name."""
    for var in ("SMARTCITY_ASSESS_USER", "USER", "USERNAME"):
        if os.environ.get(var):
            return os.environ[var]
    try:  # no variable set (a service, a bare container): ask the system for the account name
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def _audit_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return f"{value:g}"
    return str(value)


class Store:
    def __init__(self, engine: Engine):
        self.engine = engine
        self._frameworks: dict[uuid.UUID, Framework] = {}

    @classmethod
    def open(cls, path_or_url: str | os.PathLike | None = None) -> Store:
        return cls(db.open_engine(path_or_url))

    @property
    def location(self) -> str:
        return self.engine.url.database or str(self.engine.url)

    def close(self) -> None:
        self.engine.dispose()

    def _begin(self):
        return _Transaction(self)

    # ---- frameworks -------------------------------------------------------------------------

    def add_framework(
        self, framework: Framework, source_text: str | None = None, *, builtin: bool = False, actor: str | None = None
    ) -> FrameworkInfo:
        """Store a frozen copy. Importing the same content again returns the stored one."""
        checksum = framework_checksum(framework)
        with self._begin() as conn:
            row = conn.execute(
                select(FRAMEWORKS).where(FRAMEWORKS.c.code == framework.code, FRAMEWORKS.c.version == framework.version)
            ).first()
            if row is not None:
                if row.checksum != checksum:
                    raise UserError(
                        f"framework {framework.code} version {framework.version} is already stored with different "
                        "content; give the changed file a new version"
                    )
                return _framework_info(row)
            values = dict(
                id=uuid.uuid4(),
                code=framework.code,
                version=framework.version,
                title=json.dumps(dict(framework.title), ensure_ascii=False),
                checksum=checksum,
                definition=canonical_json(framework),
                source_text=source_text,
                builtin=builtin,
                imported_at=utcnow(),
            )
            conn.execute(insert(FRAMEWORKS).values(**values))
            _audit(conn, actor, "import_framework", new_value=f"{framework.code} {framework.version}")
            self._frameworks[values["id"]] = framework
            return _framework_info(conn.execute(select(FRAMEWORKS).where(FRAMEWORKS.c.id == values["id"])).one())

    def list_frameworks(self) -> list[FrameworkInfo]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(FRAMEWORKS).order_by(FRAMEWORKS.c.code, FRAMEWORKS.c.imported_at)).all()
        return [_framework_info(r) for r in rows]

    def find_framework(self, code: str, version: str | None = None) -> FrameworkInfo:
        """The framework with this code: the given version, else the most recently imported."""
        query = select(FRAMEWORKS).where(FRAMEWORKS.c.code == code)
        if version is not None:
            query = query.where(FRAMEWORKS.c.version == version)
        with self.engine.connect() as conn:
            row = conn.execute(query.order_by(FRAMEWORKS.c.imported_at.desc()).limit(1)).first()
        if row is None:
            what = f"{code} version {version}" if version else code
            raise NotFoundError(f"no framework {what} in the database (see 'frameworks list')")
        return _framework_info(row)

    def framework(self, framework_id: uuid.UUID) -> Framework:
        """The validated framework definition, parsed once per store."""
        cached = self._frameworks.get(framework_id)
        if cached is not None:
            return cached
        with self.engine.connect() as conn:
            row = conn.execute(
                select(FRAMEWORKS.c.definition, FRAMEWORKS.c.checksum).where(FRAMEWORKS.c.id == framework_id)
            ).first()
        if row is None:
            raise NotFoundError(f"no framework with id {framework_id}")
        framework = framework_from_json(row.definition)
        if framework_checksum(framework) != row.checksum:
            raise UserError(
                f"the stored framework {framework.code} {framework.version} was altered outside the app "
                "(its checksum does not match)"
            )
        self._frameworks[framework_id] = framework
        return framework

    # ---- cities and assessments ---------------------------------------------------------------

    def list_cities(self) -> list[str]:
        with self.engine.connect() as conn:
            return list(conn.execute(select(CITIES.c.name).order_by(CITIES.c.name_key)).scalars())

    def create_assessment(
        self,
        city: str,
        year: int,
        framework_id: uuid.UUID,
        *,
        assessor: str = "",
        actor: str | None = None,
        is_demo: bool = False,
    ) -> uuid.UUID:
        city = " ".join(city.split())
        if not city:
            raise UserError("the city name is empty")
        if not 1900 <= year <= 2200:
            raise UserError(f"{year} is not a plausible assessment year")
        framework = self.framework(framework_id)
        assessment_id = uuid.uuid4()
        with self._begin() as conn:
            city_id = conn.execute(select(CITIES.c.id).where(CITIES.c.name_key == city_key(city))).scalar()
            if city_id is None:
                city_id = uuid.uuid4()
                conn.execute(insert(CITIES).values(id=city_id, name=city, name_key=city_key(city), created_at=utcnow()))
            existing = conn.execute(
                select(ASSESSMENTS.c.id).where(
                    ASSESSMENTS.c.city_id == city_id,
                    ASSESSMENTS.c.year == year,
                    ASSESSMENTS.c.framework_code == framework.code,
                )
            ).scalar()
            if existing is not None:
                raise UserError(
                    f"{city} already has a {year} assessment with framework {framework.code} (id {existing})"
                )
            now = utcnow()
            conn.execute(
                insert(ASSESSMENTS).values(
                    id=assessment_id,
                    city_id=city_id,
                    year=year,
                    framework_id=framework_id,
                    framework_code=framework.code,
                    assessor=assessor,
                    status=DRAFT,
                    is_demo=is_demo,
                    created_at=now,
                    updated_at=now,
                )
            )
            _audit(
                conn, actor, "create", assessment_id, new_value=f"{city} {year} {framework.code} {framework.version}"
            )
        return assessment_id

    def _assessment_query(self):
        return (
            select(ASSESSMENTS, CITIES.c.name.label("city"), FRAMEWORKS.c.version.label("framework_version"))
            .join(CITIES, CITIES.c.id == ASSESSMENTS.c.city_id)
            .join(FRAMEWORKS, FRAMEWORKS.c.id == ASSESSMENTS.c.framework_id)
        )

    def assessment(self, assessment_id: uuid.UUID) -> AssessmentInfo:
        with self.engine.connect() as conn:
            row = conn.execute(self._assessment_query().where(ASSESSMENTS.c.id == assessment_id)).first()
        if row is None:
            raise NotFoundError(f"no assessment with id {assessment_id}")
        return _assessment_info(row)

    def list_assessments(
        self, *, city: str | None = None, year: int | None = None, framework_code: str | None = None
    ) -> list[AssessmentInfo]:
        query = self._assessment_query()
        if city is not None:
            query = query.where(CITIES.c.name_key == city_key(city))
        if year is not None:
            query = query.where(ASSESSMENTS.c.year == year)
        if framework_code is not None:
            query = query.where(ASSESSMENTS.c.framework_code == framework_code)
        query = query.order_by(CITIES.c.name_key, ASSESSMENTS.c.year, ASSESSMENTS.c.framework_code)
        with self.engine.connect() as conn:
            return [_assessment_info(r) for r in conn.execute(query).all()]

    def resolve_assessment_id(self, text: str) -> uuid.UUID:
        """An assessment id from its full form or a unique prefix of at least 4 hex digits."""
        cleaned = text.strip().lower().replace("-", "")
        if len(cleaned) < 4 or any(c not in "0123456789abcdef" for c in cleaned):
            raise UserError(
                f"'{text}' is not an assessment id: give it whole or its first 4 or more characters "
                "(see 'assessments list')"
            )
        with self.engine.connect() as conn:
            # Uuid columns are stored as 32 hex digits on SQLite and native on other databases;
            # comparing in Python keeps this portable and the table is small.
            ids = [i for i in conn.execute(select(ASSESSMENTS.c.id)).scalars() if i.hex.startswith(cleaned)]
        if not ids:
            raise NotFoundError(f"no assessment with id {text} (see 'assessments list')")
        if len(ids) > 1:
            raise UserError(f"'{text}' matches {len(ids)} assessments; give more of the id")
        return ids[0]

    def delete_assessment(self, assessment_id: uuid.UUID, *, actor: str | None = None) -> None:
        with self._begin() as conn:
            info = _require_draft(conn, assessment_id, "delete")
            conn.execute(delete(RESPONSES).where(RESPONSES.c.assessment_id == assessment_id))
            conn.execute(delete(EVIDENCE).where(EVIDENCE.c.assessment_id == assessment_id))
            conn.execute(delete(TEAM).where(TEAM.c.assessment_id == assessment_id))
            conn.execute(delete(ASSESSMENTS).where(ASSESSMENTS.c.id == assessment_id))
            _delete_orphan_blobs(conn)
            _audit(conn, actor, "delete", assessment_id, old_value=f"{info.year}")

    def finalize(self, assessment_id: uuid.UUID, *, actor: str | None = None) -> None:
        actor = actor or default_actor()
        with self._begin() as conn:
            _require_draft(conn, assessment_id, "finalize")
            now = utcnow()
            conn.execute(
                update(ASSESSMENTS)
                .where(ASSESSMENTS.c.id == assessment_id)
                .values(status=FINAL, finalized_at=now, finalized_by=actor, updated_at=now)
            )
            _audit(conn, actor, "finalize", assessment_id, field="status", old_value=DRAFT, new_value=FINAL)

    def reopen(self, assessment_id: uuid.UUID, *, actor: str | None = None, reason: str = "") -> None:
        with self._begin() as conn:
            row = _assessment_row(conn, assessment_id)
            if row.status != FINAL:
                raise UserError("the assessment is not final, so there is nothing to reopen")
            conn.execute(
                update(ASSESSMENTS)
                .where(ASSESSMENTS.c.id == assessment_id)
                .values(status=DRAFT, finalized_at=None, finalized_by=None, updated_at=utcnow())
            )
            _audit(
                conn,
                actor,
                "reopen",
                assessment_id,
                field="status",
                old_value=FINAL,
                new_value=f"{DRAFT}{': ' + reason if reason else ''}",
            )

    # ---- responses ----------------------------------------------------------------------------

    def responses(self, assessment_id: uuid.UUID) -> dict[str, ResponseRecord]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(RESPONSES).where(RESPONSES.c.assessment_id == assessment_id)).all()
        return {r.indicator_code: _response_record(r) for r in rows}

    def answers_for(self, assessment_ids: Iterable[uuid.UUID] | None = None) -> dict[uuid.UUID, dict[str, Answer]]:
        """Answers of many assessments in one query (all when ids is None), for bulk scoring.

        This is the hot path of comparisons and bulk scoring: rows come as plain tuples
        (db.plain_rows), and what repeats is interned — one UUID per assessment and one Answer per
        distinct (level, na, target), of which there are a few dozen — instead of one per row.
        """
        query = select(
            RESPONSES.c.assessment_id, RESPONSES.c.indicator_code, RESPONSES.c.level, RESPONSES.c.na, RESPONSES.c.target
        )
        wanted = None if assessment_ids is None else set(assessment_ids)
        if wanted is not None and len(wanted) <= 500:  # beyond that a full scan filtered here beats a long IN list
            query = query.where(RESPONSES.c.assessment_id.in_(wanted))
        result: dict[uuid.UUID, dict[str, Answer]] = {i: {} for i in wanted} if wanted is not None else {}
        buckets: dict[object, dict[str, Answer] | None] = {}  # raw id as the driver gives it → its answers
        answers: dict[tuple, Answer] = {}
        with self.engine.connect() as conn:
            for raw_id, code, level, na, target in db.plain_rows(conn, query):
                bucket = buckets.get(raw_id, _UNSEEN)
                if bucket is _UNSEEN:
                    assessment_id = raw_id if isinstance(raw_id, uuid.UUID) else uuid.UUID(raw_id)
                    if wanted is None:
                        bucket = result[assessment_id] = {}
                    else:
                        bucket = result.get(assessment_id)  # None: not asked for
                    buckets[raw_id] = bucket
                if bucket is None:
                    continue
                key = (level, bool(na), target)
                answer = answers.get(key)
                if answer is None:
                    answer = answers[key] = Answer(level=level, na=bool(na), target=target)
                bucket[code] = answer
        return result

    def save_response(
        self, assessment_id: uuid.UUID, indicator_code: str, fields: Mapping[str, Any], *, actor: str | None = None
    ) -> ResponseRecord:
        """Write validated fields of one response (any of level, na, target, value, note) with audit rows."""
        return self.save_responses(assessment_id, {indicator_code: fields}, actor=actor)[indicator_code]

    def save_responses(
        self, assessment_id: uuid.UUID, rows: Mapping[str, Mapping[str, Any]], *, actor: str | None = None
    ) -> dict[str, ResponseRecord]:
        """Write several responses in one transaction: all of them or, on any error, none."""
        actor = actor or default_actor()
        unknown = {f for fields in rows.values() for f in fields} - set(RESPONSE_FIELDS)
        if unknown:
            raise ValueError(f"not response fields: {sorted(unknown)}")
        now = utcnow()
        with self._begin() as conn:
            _require_draft(conn, assessment_id, "change")
            existing = {
                r.indicator_code: r
                for r in conn.execute(
                    select(RESPONSES).where(
                        RESPONSES.c.assessment_id == assessment_id, RESPONSES.c.indicator_code.in_(list(rows))
                    )
                )
            }
            inserts, audits = [], []
            for code, fields in rows.items():
                old = existing.get(code)
                changed = {
                    f: v for f, v in fields.items() if (getattr(old, f) if old is not None else _EMPTY_RESPONSE[f]) != v
                }
                if not changed:
                    continue
                for field, new in changed.items():
                    before = getattr(old, field) if old is not None else None
                    audits.append(_audit_row(actor, "set", assessment_id, code, field, before, new, now))
                if old is None:
                    inserts.append(
                        {
                            **_EMPTY_RESPONSE,
                            **fields,
                            "id": uuid.uuid4(),
                            "assessment_id": assessment_id,
                            "indicator_code": code,
                            "updated_by": actor,
                            "updated_at": now,
                        }
                    )
                else:
                    conn.execute(
                        update(RESPONSES)
                        .where(RESPONSES.c.id == old.id)
                        .values(**changed, updated_by=actor, updated_at=now)
                    )
            if inserts:
                conn.execute(insert(RESPONSES), inserts)
            if audits:
                conn.execute(insert(AUDIT), audits)
                conn.execute(update(ASSESSMENTS).where(ASSESSMENTS.c.id == assessment_id).values(updated_at=now))
            saved = conn.execute(
                select(RESPONSES).where(
                    RESPONSES.c.assessment_id == assessment_id, RESPONSES.c.indicator_code.in_(list(rows))
                )
            ).all()
        return {r.indicator_code: _response_record(r) for r in saved}

    # ---- evidence -----------------------------------------------------------------------------

    def add_evidence(
        self, assessment_id: uuid.UUID, indicator_code: str, file_name: str, data: bytes, *, actor: str | None = None
    ) -> EvidenceInfo:
        actor = actor or default_actor()
        digest = hashlib.sha256(data).hexdigest()
        evidence_id = uuid.uuid4()
        with self._begin() as conn:
            _require_draft(conn, assessment_id, "add evidence to")
            if conn.execute(select(BLOBS.c.sha256).where(BLOBS.c.sha256 == digest)).first() is None:
                conn.execute(insert(BLOBS).values(sha256=digest, data=data))
            conn.execute(
                insert(EVIDENCE).values(
                    id=evidence_id,
                    assessment_id=assessment_id,
                    indicator_code=indicator_code,
                    file_name=file_name,
                    size=len(data),
                    sha256=digest,
                    added_by=actor,
                    added_at=utcnow(),
                )
            )
            _audit(
                conn,
                actor,
                "add_evidence",
                assessment_id,
                indicator_code,
                "evidence",
                new_value=f"{file_name} ({len(data)} bytes, sha256 {digest[:12]})",
            )
            row = conn.execute(select(EVIDENCE).where(EVIDENCE.c.id == evidence_id)).one()
        return _evidence_info(row)

    def evidence(self, assessment_id: uuid.UUID, indicator_code: str | None = None) -> list[EvidenceInfo]:
        query = select(EVIDENCE).where(EVIDENCE.c.assessment_id == assessment_id)
        if indicator_code is not None:
            query = query.where(EVIDENCE.c.indicator_code == indicator_code)
        with self.engine.connect() as conn:
            return [_evidence_info(r) for r in conn.execute(query.order_by(EVIDENCE.c.added_at))]

    def evidence_data(self, evidence_id: uuid.UUID) -> bytes:
        """The file's bytes, checked against the SHA-256 recorded when it was added."""
        with self.engine.connect() as conn:
            row = conn.execute(
                select(EVIDENCE.c.file_name, BLOBS.c.data, BLOBS.c.sha256)
                .join(BLOBS, BLOBS.c.sha256 == EVIDENCE.c.sha256)
                .where(EVIDENCE.c.id == evidence_id)
            ).first()
        if row is None:
            raise NotFoundError(f"no evidence file with id {evidence_id}")
        if hashlib.sha256(row.data).hexdigest() != row.sha256:
            raise UserError(f"the stored evidence file {row.file_name} is damaged (its SHA-256 does not match)")
        return row.data

    def remove_evidence(self, evidence_id: uuid.UUID, *, actor: str | None = None) -> None:
        with self._begin() as conn:
            row = conn.execute(select(EVIDENCE).where(EVIDENCE.c.id == evidence_id)).first()
            if row is None:
                raise NotFoundError(f"no evidence file with id {evidence_id}")
            _require_draft(conn, row.assessment_id, "remove evidence from")
            conn.execute(delete(EVIDENCE).where(EVIDENCE.c.id == evidence_id))
            _delete_orphan_blobs(conn)
            _audit(
                conn,
                actor,
                "remove_evidence",
                row.assessment_id,
                row.indicator_code,
                "evidence",
                old_value=row.file_name,
            )

    # ---- evaluation team ----------------------------------------------------------------------

    def team(self, assessment_id: uuid.UUID) -> list[TeamMemberInfo]:
        """The team in the report's order: the lead, the assessors, the reviewer; each as added."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(TEAM).where(TEAM.c.assessment_id == assessment_id).order_by(TEAM.c.added_at))
            members = [TeamMemberInfo(r.name, r.role, r.nip, r.position) for r in rows]
        return sorted(members, key=lambda m: TEAM_ROLES.index(m.role) if m.role in TEAM_ROLES else len(TEAM_ROLES))

    def set_team_member(
        self,
        assessment_id: uuid.UUID,
        member: TeamMemberInfo,
        *,
        actor: str | None = None,
    ) -> None:
        """Add a member, or change the role, NIP and position of the one with that name (audited)."""
        with self._begin() as conn:
            _require_draft(conn, assessment_id, "change the team of")
            old = conn.execute(
                select(TEAM).where(TEAM.c.assessment_id == assessment_id, TEAM.c.name == member.name)
            ).first()
            if member.role in SINGLE_ROLES:
                holder = conn.execute(
                    select(TEAM.c.name).where(
                        TEAM.c.assessment_id == assessment_id, TEAM.c.role == member.role, TEAM.c.name != member.name
                    )
                ).scalar()
                if holder is not None:
                    raise UserError(
                        f"the team already has a {member.role} ({holder}); remove them or make them an assessor first"
                    )
            values = {"role": member.role, "nip": member.nip, "position": member.position}
            if old is None:
                conn.execute(
                    insert(TEAM).values(
                        id=uuid.uuid4(), assessment_id=assessment_id, name=member.name, added_at=utcnow(), **values
                    )
                )
                before = None
            else:
                conn.execute(update(TEAM).where(TEAM.c.id == old.id).values(**values))
                before = _team_text(TeamMemberInfo(old.name, old.role, old.nip, old.position))
            _audit(
                conn,
                actor,
                "set_team_member",
                assessment_id,
                field="team",
                old_value=before,
                new_value=_team_text(member),
            )

    def remove_team_member(self, assessment_id: uuid.UUID, name: str, *, actor: str | None = None) -> None:
        with self._begin() as conn:
            _require_draft(conn, assessment_id, "change the team of")
            old = conn.execute(select(TEAM).where(TEAM.c.assessment_id == assessment_id, TEAM.c.name == name)).first()
            if old is None:
                raise NotFoundError(f"{name} is not in the team of this assessment")
            conn.execute(delete(TEAM).where(TEAM.c.id == old.id))
            old_text = _team_text(TeamMemberInfo(old.name, old.role, old.nip, old.position))
            _audit(conn, actor, "remove_team_member", assessment_id, field="team", old_value=old_text)

    def set_sign_place(self, assessment_id: uuid.UUID, place: str | None, *, actor: str | None = None) -> None:
        """Where the report is signed (None: the city's name)."""
        with self._begin() as conn:
            _require_draft(conn, assessment_id, "change")
            old = conn.execute(select(ASSESSMENTS.c.sign_place).where(ASSESSMENTS.c.id == assessment_id)).scalar()
            if old == place:
                return
            conn.execute(update(ASSESSMENTS).where(ASSESSMENTS.c.id == assessment_id).values(sign_place=place))
            _audit(conn, actor, "set", assessment_id, field="sign_place", old_value=old, new_value=place)

    # ---- audit --------------------------------------------------------------------------------

    def audit_trail(self, assessment_id: uuid.UUID) -> list[AuditInfo]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(AUDIT).where(AUDIT.c.assessment_id == assessment_id).order_by(AUDIT.c.at, AUDIT.c.field)
            ).all()
        return [
            AuditInfo(
                at=r.at,
                actor=r.actor,
                action=r.action,
                indicator_code=r.indicator_code,
                field=r.field,
                old_value=r.old_value,
                new_value=r.new_value,
            )
            for r in rows
        ]

    def counts(self) -> dict[str, int]:
        """Row counts per table: what tests and the about box use to see the whole store at once."""
        tables = {
            "cities": CITIES,
            "frameworks": FRAMEWORKS,
            "assessments": ASSESSMENTS,
            "responses": RESPONSES,
            "evidence_files": EVIDENCE,
            "audit_entries": AUDIT,
            "team_members": TEAM,
        }
        with self.engine.connect() as conn:
            return {name: conn.execute(select(func.count()).select_from(t)).scalar_one() for name, t in tables.items()}


_EMPTY_RESPONSE = ResponseInput().as_fields()  # an unanswered response


class _Transaction:
    """engine.begin() that turns database failures into one sentence for the user."""

    def __init__(self, store: Store):
        self._store = store
        self._context = store.engine.begin()

    def __enter__(self) -> Connection:
        try:
            return self._context.__enter__()
        except (OperationalError, DatabaseError) as exc:
            raise db.describe_database_error(exc, self._store.location) from None

    def __exit__(self, exc_type, exc, tb):
        try:
            self._context.__exit__(exc_type, exc, tb)  # rolls back when the block raised
        except (OperationalError, DatabaseError) as error:
            raise self._user_error(error) from None
        if isinstance(exc, OperationalError | DatabaseError):
            raise self._user_error(exc) from None
        return False

    def _user_error(self, error: Exception) -> UserError:
        if isinstance(error, IntegrityError):
            return UserError(f"the change conflicts with stored data: {error.orig}")
        return db.describe_database_error(error, self._store.location)


def _assessment_row(conn: Connection, assessment_id: uuid.UUID):
    row = conn.execute(
        select(ASSESSMENTS.c.status, ASSESSMENTS.c.year).where(ASSESSMENTS.c.id == assessment_id)
    ).first()
    if row is None:
        raise NotFoundError(f"no assessment with id {assessment_id}")
    return row


def _require_draft(conn: Connection, assessment_id: uuid.UUID, verb: str):
    row = _assessment_row(conn, assessment_id)
    if row.status == FINAL:
        raise ReadOnlyError(f"the assessment is final: you cannot {verb} it; reopen it first")
    return row


def _delete_orphan_blobs(conn: Connection) -> None:
    used = select(EVIDENCE.c.sha256)
    conn.execute(delete(BLOBS).where(BLOBS.c.sha256.not_in(used)))


def _audit_row(actor, action, assessment_id=None, indicator_code=None, field=None, old=None, new=None, at=None):
    return {
        "id": uuid.uuid4(),
        "at": at or utcnow(),
        "actor": actor or default_actor(),
        "action": action,
        "assessment_id": assessment_id,
        "indicator_code": indicator_code,
        "field": field,
        "old_value": _audit_text(old),
        "new_value": _audit_text(new),
    }


def _audit(
    conn: Connection,
    actor,
    action,
    assessment_id=None,
    indicator_code=None,
    field=None,
    *,
    old_value=None,
    new_value=None,
) -> None:
    conn.execute(
        insert(AUDIT).values(**_audit_row(actor, action, assessment_id, indicator_code, field, old_value, new_value))
    )


def _team_text(member: TeamMemberInfo) -> str:
    parts = [
        member.role,
        *([f"NIP {member.nip}"] if member.nip else []),
        *([member.position] if member.position else []),
    ]
    return f"{member.name} ({', '.join(parts)})"


def _framework_info(row) -> FrameworkInfo:
    return FrameworkInfo(
        id=row.id,
        code=row.code,
        version=row.version,
        title=json.loads(row.title),
        checksum=row.checksum,
        builtin=row.builtin,
        imported_at=row.imported_at,
    )


def _assessment_info(row) -> AssessmentInfo:
    return AssessmentInfo(
        id=row.id,
        city=row.city,
        year=row.year,
        framework_id=row.framework_id,
        framework_code=row.framework_code,
        framework_version=row.framework_version,
        assessor=row.assessor,
        status=row.status,
        is_demo=row.is_demo,
        created_at=row.created_at,
        updated_at=row.updated_at,
        finalized_at=row.finalized_at,
        finalized_by=row.finalized_by,
        sign_place=row.sign_place,
    )


def _response_record(row) -> ResponseRecord:
    return ResponseRecord(
        indicator_code=row.indicator_code,
        level=row.level,
        na=row.na,
        target=row.target,
        value=row.value,
        note=row.note,
        updated_by=row.updated_by,
        updated_at=row.updated_at,
        value_source=row.value_source,
        value_year=row.value_year,
        recommendation=row.recommendation,
        responsible=row.responsible,
        due=row.due,
    )


def _evidence_info(row) -> EvidenceInfo:
    return EvidenceInfo(
        id=row.id,
        assessment_id=row.assessment_id,
        indicator_code=row.indicator_code,
        file_name=row.file_name,
        size=row.size,
        sha256=row.sha256,
        added_by=row.added_by,
        added_at=row.added_at,
    )
