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
import threading
import uuid
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, insert, select, update
from sqlalchemy.exc import DatabaseError, IntegrityError, OperationalError

from ..core.audit_chain import GENESIS, link
from ..core.clean_text import clean_text, safe_file_name
from ..core.errors import ChangedElsewhere, NotFoundError, ReadOnlyError, UserError
from ..core.framework import Framework
from ..core.framework_loader import FrameworkError, canonical_json, framework_checksum, framework_from_json
from ..core.limits import CITY_MAX_CHARS, PERSON_MAX_CHARS, REASON_MAX_CHARS
from ..core.responses import RESPONSE_FIELDS, UNANSWERED, ResponseInput, stored_answer_problem
from ..core.scoring import Answer
from ..core.text import Text
from . import db
from .models import ASSESSMENTS, AUDIT, BLOBS, CITIES, EVIDENCE, FRAMEWORKS, RESPONSES, utcnow
from .models import DATABASE_INFO as INFO
from .models import EVIDENCE_REMOVALS as REMOVALS
from .models import RESPONSE_REVISIONS as REVISIONS
from .models import TEAM_MEMBERS as TEAM
from .records import DRAFT, FINAL, IN_REVIEW, LEAD, REVIEWER, TEAM_ROLES, AssessmentInfo
from .stored_rows import RowReader, damaged, raw_select, response_problem

SINGLE_ROLES = (LEAD, REVIEWER)  # one each: they sign the report


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
    revision: uuid.UUID | None = None  # what a writer passes back as the revision it saw
    revision_number: int = 0

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
class RevisionInfo:
    id: uuid.UUID
    indicator_code: str
    number: int
    parent_id: uuid.UUID | None
    level: int | None
    na: bool
    target: int | None
    value: float | None
    note: str
    value_source: str
    value_year: int | None
    recommendation: str
    responsible: str
    due: int | None
    changed: tuple[str, ...]
    actor: str
    device_id: str
    at: datetime
    merged_from: uuid.UUID | None = None  # the other side's revision, when this one settled a conflict


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


def acting_person(actor: str | None) -> str:
    """Who makes a change, as the audit trail records it: given, else the system's user; one clean line."""
    return clean_text(actor or default_actor(), "actor", PERSON_MAX_CHARS, single_line=True)


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
        self._active = threading.local()  # the write transaction this thread is inside, if any
        self._device_id: str | None = None
        self._watch: db.ChangeWatch | None = None

    @classmethod
    def open(cls, path_or_url: str | os.PathLike | None = None) -> Store:
        return cls(db.open_engine(path_or_url))

    @property
    def location(self) -> str:
        return self.engine.url.database or str(self.engine.url)

    def close(self) -> None:
        if self._watch is not None:
            self._watch.close()
        self.engine.dispose()

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One write transaction for everything inside the block: all of it is stored, or none.

        Services wrap a whole use case in it (read what they check, then write); every store method
        called inside joins it instead of starting its own. On SQLite it takes the write lock at
        once (BEGIN IMMEDIATE), so what the use case read is still true when it writes.
        """
        active = getattr(self._active, "conn", None)
        if active is not None:
            yield active
            return
        with _Transaction(self) as conn:
            self._active.conn = conn
            try:
                yield conn
            finally:
                self._active.conn = None

    def lock_for_write(self, assessment_id: uuid.UUID) -> str:
        """Inside transaction(): queue behind other writers of this assessment; returns its status.

        A use case calls it before reading what it will check and merge, so on a server (row locks)
        the read and the write see the same state, as BEGIN IMMEDIATE gives on SQLite.
        """
        with self.transaction() as conn:
            return _assessment_row(conn, assessment_id).status

    def reading(self):
        """One consistent read of the database (a read transaction), or the active write transaction."""
        return self._reading()

    @contextmanager
    def _reading(self) -> Iterator[Connection]:
        """The active write transaction, so a use case reads what it will write; else a read connection."""
        active = getattr(self._active, "conn", None)
        if active is not None:
            yield active
            return
        try:
            with self.engine.connect() as conn:
                yield conn
        except (OperationalError, DatabaseError) as exc:
            raise db.describe_database_error(exc, self.location) from None

    def change_token(self) -> object:
        """A token that changes when anyone commits; the app polls it to see other writers' changes."""
        if self._watch is None:
            self._watch = db.ChangeWatch(self.engine)
        try:
            return self._watch.token()
        except (OperationalError, DatabaseError) as exc:
            raise db.describe_database_error(exc, self.location) from None

    @property
    def device_id(self) -> str:
        """This database's id, made once when it was created; revisions say where they were made."""
        if self._device_id is None:
            with self._reading() as conn:
                self._device_id = conn.execute(select(INFO.c.value).where(INFO.c.key == "device_id")).scalar() or ""
        return self._device_id

    # ---- frameworks -------------------------------------------------------------------------

    def add_framework(
        self, framework: Framework, source_text: str | None = None, *, builtin: bool = False, actor: str | None = None
    ) -> FrameworkInfo:
        """Store a frozen copy. Importing the same content again returns the stored one."""
        checksum = framework_checksum(framework)
        with self.transaction() as conn:
            db.serialize(conn, "frameworks")  # two first opens of one server database import it once
            row = conn.execute(
                select(FRAMEWORKS).where(FRAMEWORKS.c.code == framework.code, FRAMEWORKS.c.version == framework.version)
            ).first()
            if row is not None:
                if row.checksum != checksum:
                    raise UserError("framework_content_differs", code=framework.code, version=framework.version)
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
        with self._reading() as conn:
            rows = conn.execute(select(FRAMEWORKS).order_by(FRAMEWORKS.c.code, FRAMEWORKS.c.imported_at)).all()
        return [_framework_info(r) for r in rows]

    def find_framework(self, code: str, version: str | None = None) -> FrameworkInfo:
        """The framework with this code: the given version, else the most recently imported."""
        query = select(FRAMEWORKS).where(FRAMEWORKS.c.code == code)
        if version is not None:
            query = query.where(FRAMEWORKS.c.version == version)
        with self._reading() as conn:
            row = conn.execute(query.order_by(FRAMEWORKS.c.imported_at.desc()).limit(1)).first()
        if row is None:
            if version:
                raise NotFoundError("no_framework_version", code=code, version=version)
            raise NotFoundError("no_framework", code=code)
        return _framework_info(row)

    def framework(self, framework_id: uuid.UUID) -> Framework:
        """The validated framework definition, parsed once per store."""
        cached = self._frameworks.get(framework_id)
        if cached is not None:
            return cached
        with self._reading() as conn:
            row = conn.execute(
                select(FRAMEWORKS.c.definition, FRAMEWORKS.c.checksum, FRAMEWORKS.c.code, FRAMEWORKS.c.version).where(
                    FRAMEWORKS.c.id == framework_id
                )
            ).first()
        if row is None:
            raise NotFoundError("stored_framework_missing")
        try:
            framework = framework_from_json(row.definition)
        except FrameworkError as exc:
            raise damaged(f"framework {row.code} {row.version}", exc.problems[0]) from None
        if framework_checksum(framework) != row.checksum:
            raise UserError("framework_altered", code=framework.code, version=framework.version)
        self._frameworks[framework_id] = framework
        return framework

    # ---- cities and assessments ---------------------------------------------------------------

    def list_cities(self) -> list[str]:
        with self._reading() as conn:
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
        city = clean_text(city, "city", CITY_MAX_CHARS, single_line=True)
        assessor = clean_text(assessor, "assessor", PERSON_MAX_CHARS, single_line=True)
        if not city:
            raise UserError("city_empty")
        if not 1900 <= year <= 2200:
            raise UserError("year_implausible", year=year)
        framework = self.framework(framework_id)
        assessment_id = uuid.uuid4()
        with self.transaction() as conn:
            db.serialize(conn, "cities")  # the city row is shared: looked up, else made, by one writer at a time
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
                raise UserError("assessment_exists", city=city, year=year, framework=framework.code)
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
        with self._reading() as conn:
            row = conn.execute(self._assessment_query().where(ASSESSMENTS.c.id == assessment_id)).first()
        if row is None:
            raise NotFoundError("no_assessment")
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
        with self._reading() as conn:
            return [_assessment_info(r) for r in conn.execute(query).all()]

    def resolve_assessment_id(self, text: str, *, deleted_too: bool = False) -> uuid.UUID:
        """An assessment id from its full form or a unique prefix of at least 4 hex digits; `deleted_too`:
        also the id of a deleted assessment, whose audit trail outlives it."""
        cleaned = text.strip().lower().replace("-", "")
        if len(cleaned) < 4 or any(c not in "0123456789abcdef" for c in cleaned):
            raise UserError("not_an_assessment_id", text=text)
        with self._reading() as conn:
            # Uuid columns are stored as 32 hex digits on SQLite and native on other databases;
            # comparing in Python keeps this portable and the table is small.
            ids = [i for i in conn.execute(select(ASSESSMENTS.c.id)).scalars() if i.hex.startswith(cleaned)]
            if not ids and deleted_too:
                gone = select(AUDIT.c.assessment_id).where(AUDIT.c.action == "delete").distinct()
                ids = [i for i in conn.execute(gone).scalars() if i is not None and i.hex.startswith(cleaned)]
        if not ids:
            raise NotFoundError("no_assessment_with_id", text=text)
        if len(ids) > 1:
            raise UserError("assessment_id_ambiguous", text=text, count=len(ids))
        return ids[0]

    def delete_assessment(self, assessment_id: uuid.UUID, *, actor: str | None = None) -> None:
        with self.transaction() as conn:
            info = _require_draft(conn, assessment_id, "delete")
            conn.execute(delete(RESPONSES).where(RESPONSES.c.assessment_id == assessment_id))
            conn.execute(delete(REVISIONS).where(REVISIONS.c.assessment_id == assessment_id))
            conn.execute(delete(EVIDENCE).where(EVIDENCE.c.assessment_id == assessment_id))
            conn.execute(delete(TEAM).where(TEAM.c.assessment_id == assessment_id))
            conn.execute(delete(REMOVALS).where(REMOVALS.c.assessment_id == assessment_id))
            conn.execute(delete(ASSESSMENTS).where(ASSESSMENTS.c.id == assessment_id))
            _delete_orphan_blobs(conn)
            _audit(conn, actor, "delete", assessment_id, old_value=f"{info.year}")

    def delete_demo_assessments(self, *, actor: str | None = None) -> list[str]:
        """Delete every sample assessment (final ones too), its responses and evidence, and the cities left
        with no assessment, in one transaction; an audit row each. Returns "city year" of each removed."""
        with self.transaction() as conn:
            rows = conn.execute(
                select(ASSESSMENTS.c.id, ASSESSMENTS.c.city_id, ASSESSMENTS.c.year, CITIES.c.name)
                .join(CITIES, CITIES.c.id == ASSESSMENTS.c.city_id)
                .where(ASSESSMENTS.c.is_demo)
                .order_by(CITIES.c.name_key, ASSESSMENTS.c.year)
            ).all()
            ids = [r.id for r in rows]
            if not ids:
                return []
            conn.execute(delete(RESPONSES).where(RESPONSES.c.assessment_id.in_(ids)))
            conn.execute(delete(REVISIONS).where(REVISIONS.c.assessment_id.in_(ids)))
            conn.execute(delete(EVIDENCE).where(EVIDENCE.c.assessment_id.in_(ids)))
            conn.execute(delete(REMOVALS).where(REMOVALS.c.assessment_id.in_(ids)))
            conn.execute(delete(ASSESSMENTS).where(ASSESSMENTS.c.id.in_(ids)))
            _delete_orphan_blobs(conn)
            still_used = select(ASSESSMENTS.c.city_id)
            cities = {r.city_id for r in rows}
            conn.execute(delete(CITIES).where(CITIES.c.id.in_(cities), CITIES.c.id.not_in(still_used)))
            for row in rows:
                _audit(conn, actor, "delete", row.id, old_value=f"{row.name} {row.year} (sample data)")
        return [f"{r.name} {r.year}" for r in rows]

    def finalize(self, assessment_id: uuid.UUID, *, actor: str | None = None) -> None:
        actor = acting_person(actor)
        with self.transaction() as conn:
            _require_draft(conn, assessment_id, "finalize")
            now = utcnow()
            conn.execute(
                update(ASSESSMENTS)
                .where(ASSESSMENTS.c.id == assessment_id)
                .values(status=FINAL, finalized_at=now, finalized_by=actor, updated_at=now)
            )
            _audit(conn, actor, "finalize", assessment_id, field="status", old_value=DRAFT, new_value=FINAL)

    def reopen(self, assessment_id: uuid.UUID, *, actor: str | None = None, reason: str = "") -> None:
        reason = clean_text(reason, "reason", REASON_MAX_CHARS).strip()
        with self.transaction() as conn:
            row = _assessment_row(conn, assessment_id)
            if row.status != FINAL:
                raise UserError("not_final_nothing_to_reopen")
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
        """The stored responses, each checked against the framework (stored_rows: damage is one sentence)."""
        info = self.assessment(assessment_id)
        framework = self.framework(info.framework_id)
        with self._reading() as conn:
            rows = conn.execute(raw_select(RESPONSES).where(RESPONSES.c.assessment_id == assessment_id)).all()
        reader = RowReader(RESPONSES, self.engine.dialect)
        records = {}
        for row in rows:
            values, problem = reader.values(row)
            problem = problem or response_problem(values)
            problem = problem or stored_answer_problem(framework, values["level"], values["na"], values["target"])
            if problem is not None:
                raise damaged(f"response of {values['indicator_code']} in {info.city} {info.year}", problem)
            records[values["indicator_code"]] = _response_record(_Values(values))
        return records

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
        with self._reading() as conn:
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
                key = (level, na, target)
                answer = answers.get(key)
                if answer is None:
                    if not _plausible_answer(level, na, target):  # what repeats is checked once
                        self.refuse_answer(uuid.UUID(str(raw_id)), code, level, na, target)
                    answer = answers[key] = Answer(level=level, na=bool(na), target=target)
                bucket[code] = answer
        return result

    def refuse_answer(self, assessment_id: uuid.UUID, code: str, level, na, target):
        """Raise DamagedData naming the assessment and indicator of a stored answer that does not hold."""
        info = self.assessment(assessment_id)
        problem = stored_answer_problem(self.framework(info.framework_id), level, na, target)
        raise damaged(f"response of {code} in {info.city} {info.year}", problem or "it cannot be read")

    def save_response(
        self,
        assessment_id: uuid.UUID,
        indicator_code: str,
        fields: Mapping[str, Any],
        *,
        actor: str | None = None,
        seen: Mapping[str, uuid.UUID | None] | None = None,
    ) -> ResponseRecord:
        """Write validated fields of one response (any of level, na, target, value, note) with audit rows."""
        return self.save_responses(assessment_id, {indicator_code: fields}, actor=actor, seen=seen)[indicator_code]

    def save_responses(
        self,
        assessment_id: uuid.UUID,
        rows: Mapping[str, Mapping[str, Any]],
        *,
        actor: str | None = None,
        seen: Mapping[str, uuid.UUID | None] | None = None,
    ) -> dict[str, ResponseRecord]:
        """Write several responses in one transaction: all of them or, on any error, none.

        Only the fields given are written. `seen` maps an indicator to the revision the caller
        showed (None: it showed no response); when a field this write changes was changed by
        someone else since that revision, nothing is written and ChangedElsewhere says so.
        Indicators not in `seen` are written as given (an import a person asked for).
        """
        actor = acting_person(actor)
        unknown = {f for fields in rows.values() for f in fields} - set(RESPONSE_FIELDS)
        if unknown:
            raise ValueError(f"not response fields: {sorted(unknown)}")
        with self.transaction() as conn:
            _require_draft(conn, assessment_id, "change")
            now = utcnow()  # taken under the write lock, so audit times sort as the commits did
            existing = {
                r.indicator_code: r
                for r in conn.execute(
                    select(RESPONSES).where(
                        RESPONSES.c.assessment_id == assessment_id, RESPONSES.c.indicator_code.in_(list(rows))
                    )
                )
            }
            self.require_assigned(conn, assessment_id, rows)
            inserts, audits, history = [], [], []
            device = self.device_id
            for code, fields in rows.items():
                old = existing.get(code)
                changed = {
                    f: v for f, v in fields.items() if (getattr(old, f) if old is not None else UNANSWERED[f]) != v
                }
                if not changed:
                    continue
                if seen is not None and code in seen:
                    _refuse_changed_elsewhere(conn, assessment_id, code, old, seen[code], changed)
                for field, new in changed.items():
                    before = getattr(old, field) if old is not None else None
                    audits.append(_audit_row(actor, "set", assessment_id, code, field, before, new, now))
                revision, number = uuid.uuid4(), (old.revision_number if old is not None else 0) + 1
                stored = {**(_stored_fields(old) if old is not None else UNANSWERED), **changed}
                history.append(
                    {
                        **stored,
                        "id": revision,
                        "assessment_id": assessment_id,
                        "indicator_code": code,
                        "number": number,
                        "parent_id": old.revision if old is not None else None,
                        "changed": ",".join(f for f in RESPONSE_FIELDS if f in changed),
                        "actor": actor,
                        "device_id": device,
                        "at": now,
                    }
                )
                stamp = {"updated_by": actor, "updated_at": now, "revision": revision, "revision_number": number}
                if old is None:
                    inserts.append(
                        {**stored, **stamp, "id": uuid.uuid4(), "assessment_id": assessment_id, "indicator_code": code}
                    )
                else:
                    conn.execute(update(RESPONSES).where(RESPONSES.c.id == old.id).values(**changed, **stamp))
            if inserts:
                conn.execute(insert(RESPONSES), inserts)
            if audits:
                conn.execute(insert(REVISIONS), history)
                append_audit(conn, audits)
                conn.execute(update(ASSESSMENTS).where(ASSESSMENTS.c.id == assessment_id).values(updated_at=now))
            saved = conn.execute(
                select(RESPONSES).where(
                    RESPONSES.c.assessment_id == assessment_id, RESPONSES.c.indicator_code.in_(list(rows))
                )
            ).all()
        return {r.indicator_code: _response_record(r) for r in saved}

    def response(self, assessment_id: uuid.UUID, indicator_code: str) -> ResponseRecord | None:
        with self._reading() as conn:
            row = conn.execute(
                select(RESPONSES).where(
                    RESPONSES.c.assessment_id == assessment_id, RESPONSES.c.indicator_code == indicator_code
                )
            ).first()
        return _response_record(row) if row is not None else None

    def response_history(self, assessment_id: uuid.UUID, indicator_code: str | None = None) -> list[RevisionInfo]:
        """Every revision of the assessment's responses (or one indicator's), oldest first."""
        query = select(REVISIONS).where(REVISIONS.c.assessment_id == assessment_id)
        if indicator_code is not None:
            query = query.where(REVISIONS.c.indicator_code == indicator_code)
        with self._reading() as conn:
            rows = conn.execute(query.order_by(REVISIONS.c.indicator_code, REVISIONS.c.number)).all()
        return [_revision_info(r) for r in rows]

    def require_assigned(self, conn: Connection, assessment_id: uuid.UUID, indicator_codes: Iterable[str]) -> None:
        """ReadOnlyError when an indicator is outside the pillars an assignment package gave this database."""
        row = conn.execute(
            select(ASSESSMENTS.c.editable_pillars, ASSESSMENTS.c.framework_id).where(ASSESSMENTS.c.id == assessment_id)
        ).first()
        if row is None or row.editable_pillars is None:
            return
        allowed = set(row.editable_pillars.split(","))
        framework = self.framework(row.framework_id)
        for code in indicator_codes:
            indicator = framework.indicator(code)
            if indicator is not None and indicator.pillar_code not in allowed:
                raise ReadOnlyError("pillar_not_assigned", indicator=code, pillar=indicator.pillar_code)

    # ---- evidence -----------------------------------------------------------------------------

    def add_evidence(
        self, assessment_id: uuid.UUID, indicator_code: str, file_name: str, data: bytes, *, actor: str | None = None
    ) -> EvidenceInfo:
        actor = acting_person(actor)
        file_name = safe_file_name(file_name)  # a base name only, whoever calls: it is written to disk later
        digest = hashlib.sha256(data).hexdigest()
        evidence_id = uuid.uuid4()
        with self.transaction() as conn:
            _require_draft(conn, assessment_id, "add evidence to")
            self.require_assigned(conn, assessment_id, [indicator_code])
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
        with self._reading() as conn:
            return [_evidence_info(r) for r in conn.execute(query.order_by(EVIDENCE.c.added_at))]

    def evidence_data(self, evidence_id: uuid.UUID) -> bytes:
        """The file's bytes, checked against the SHA-256 recorded when it was added."""
        with self._reading() as conn:
            row = conn.execute(
                select(EVIDENCE.c.file_name, BLOBS.c.data, BLOBS.c.sha256)
                .join(BLOBS, BLOBS.c.sha256 == EVIDENCE.c.sha256)
                .where(EVIDENCE.c.id == evidence_id)
            ).first()
        if row is None:
            raise NotFoundError("no_evidence")
        if hashlib.sha256(row.data).hexdigest() != row.sha256:
            raise UserError("evidence_damaged", name=row.file_name)
        return row.data

    def remove_evidence(self, evidence_id: uuid.UUID, *, actor: str | None = None) -> None:
        with self.transaction() as conn:
            row = conn.execute(select(EVIDENCE).where(EVIDENCE.c.id == evidence_id)).first()
            if row is None:
                raise NotFoundError("no_evidence")
            _require_draft(conn, row.assessment_id, "remove evidence from")
            self.require_assigned(conn, row.assessment_id, [row.indicator_code])
            conn.execute(delete(EVIDENCE).where(EVIDENCE.c.id == evidence_id))
            _delete_orphan_blobs(conn)
            # kept so that the removal travels in packages and a merge does not bring the file back
            conn.execute(
                insert(REMOVALS).values(
                    id=uuid.uuid4(),
                    assessment_id=row.assessment_id,
                    indicator_code=row.indicator_code,
                    sha256=row.sha256,
                    file_name=row.file_name,
                    removed_by=acting_person(actor),
                    removed_at=utcnow(),
                )
            )
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
        with self._reading() as conn:
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
        with self.transaction() as conn:
            _require_draft(conn, assessment_id, "change")
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
                    raise UserError("team_role_taken", role=member.role, holder=holder)
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
                before = team_text(TeamMemberInfo(old.name, old.role, old.nip, old.position))
            _audit(
                conn,
                actor,
                "set_team_member",
                assessment_id,
                field="team",
                old_value=before,
                new_value=team_text(member),
            )

    def remove_team_member(self, assessment_id: uuid.UUID, name: str, *, actor: str | None = None) -> None:
        with self.transaction() as conn:
            _require_draft(conn, assessment_id, "change")
            old = conn.execute(select(TEAM).where(TEAM.c.assessment_id == assessment_id, TEAM.c.name == name)).first()
            if old is None:
                raise NotFoundError("team_no_member", name=name)
            conn.execute(delete(TEAM).where(TEAM.c.id == old.id))
            old_text = team_text(TeamMemberInfo(old.name, old.role, old.nip, old.position))
            _audit(conn, actor, "remove_team_member", assessment_id, field="team", old_value=old_text)

    def set_sign_place(self, assessment_id: uuid.UUID, place: str | None, *, actor: str | None = None) -> None:
        """Where the report is signed (None: the city's name)."""
        with self.transaction() as conn:
            _require_draft(conn, assessment_id, "change")
            old = conn.execute(select(ASSESSMENTS.c.sign_place).where(ASSESSMENTS.c.id == assessment_id)).scalar()
            if old == place:
                return
            conn.execute(update(ASSESSMENTS).where(ASSESSMENTS.c.id == assessment_id).values(sign_place=place))
            _audit(conn, actor, "set", assessment_id, field="sign_place", old_value=old, new_value=place)

    # ---- audit --------------------------------------------------------------------------------

    def audit_trail(self, assessment_id: uuid.UUID) -> list[AuditInfo]:
        with self._reading() as conn:
            rows = conn.execute(select(AUDIT).where(AUDIT.c.assessment_id == assessment_id).order_by(AUDIT.c.seq)).all()
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
        with self._reading() as conn:
            return {name: conn.execute(select(func.count()).select_from(t)).scalar_one() for name, t in tables.items()}


class _Values:
    """A dict of converted row values read as attributes, like a row."""

    def __init__(self, values: dict):
        self.__dict__.update(values)


def _plausible_answer(level, na, target) -> bool:
    """The types a stored answer can have (the scale is checked against its framework on refusal)."""
    whole = (type(level) is int or level is None) and (type(target) is int or target is None)
    return whole and na in (0, 1) and not (na and level is not None)


class _Transaction:
    """engine.begin() that turns database failures into one sentence for the user."""

    def __init__(self, store: Store):
        self._store = store
        self._conn: Connection | None = None
        self._transaction = None

    def __enter__(self) -> Connection:
        try:
            self._conn = db.write_connection(self._store.engine)
            self._transaction = self._conn.begin()
            return self._conn
        except (OperationalError, DatabaseError) as exc:
            if self._conn is not None:
                self._conn.close()
            raise db.describe_database_error(exc, self._store.location) from None

    def __exit__(self, exc_type, exc, tb):
        try:
            if exc_type is None:
                self._transaction.commit()
            else:
                self._transaction.rollback()
        except (OperationalError, DatabaseError) as error:
            raise self._user_error(error) from None
        finally:
            self._conn.close()
        if isinstance(exc, OperationalError | DatabaseError):
            raise self._user_error(exc) from None
        return False

    def _user_error(self, error: Exception) -> UserError:
        if isinstance(error, IntegrityError):
            return UserError("conflicts_with_stored", detail=str(error.orig))
        return db.describe_database_error(error, self._store.location)


def _assessment_row(conn: Connection, assessment_id: uuid.UUID):
    """The assessment's status, locked for this write transaction.

    Every write starts here, so on a server writers of one assessment queue on its row (FOR UPDATE):
    a finalize and a save cannot interleave, and what a save read is still true when it writes.
    (SQLite has no row locks: there BEGIN IMMEDIATE already holds the whole database.) On a server
    with access control (persistence.server) the row-level policies may hide the row from a lock
    by a login that may not change it: that is said in a sentence naming the city.
    """
    query = select(ASSESSMENTS.c.status, ASSESSMENTS.c.year).where(ASSESSMENTS.c.id == assessment_id)
    if conn.dialect.name == "sqlite":
        row = conn.execute(query).first()
        if row is None:
            raise NotFoundError("no_assessment")
        return row
    try:
        with conn.begin_nested():
            row = conn.execute(query.with_for_update()).first()
    except DatabaseError as exc:
        if db.database_problem(exc) != "db_not_allowed":
            raise
        row = None
    if row is not None:
        return row
    # The lock found nothing: the assessment is gone, or the server's policies hide it from this login.
    # The savepoint kept the transaction usable for this one look, made only on the way to a refusal.
    city = conn.execute(
        select(CITIES.c.name)
        .join(ASSESSMENTS, ASSESSMENTS.c.city_id == CITIES.c.id)
        .where(ASSESSMENTS.c.id == assessment_id)
    ).scalar()
    if city is None:
        raise NotFoundError("no_assessment")
    raise UserError("not_allowed_city", city=city)


def _require_draft(conn: Connection, assessment_id: uuid.UUID, verb: str):
    row = _assessment_row(conn, assessment_id)
    if row.status == FINAL:
        raise ReadOnlyError(f"final_cannot_{verb.split()[0]}")
    if row.status == IN_REVIEW:
        raise ReadOnlyError("assessment_in_review")
    return row


require_draft = _require_draft  # for the other writers of persistence's tables (services' team use cases)


def _stored_fields(row) -> dict:
    return {f: getattr(row, f) for f in RESPONSE_FIELDS}


def _refuse_changed_elsewhere(conn: Connection, assessment_id, code, old, seen_revision, changing: Mapping) -> None:
    """ChangedElsewhere when a field about to be written changed after the revision the caller saw."""
    current = old.revision if old is not None else None
    if current == seen_revision:
        return
    query = select(REVISIONS.c.changed, REVISIONS.c.actor, REVISIONS.c.at).where(
        REVISIONS.c.assessment_id == assessment_id, REVISIONS.c.indicator_code == code
    )
    if seen_revision is not None:
        seen_number = conn.execute(select(REVISIONS.c.number).where(REVISIONS.c.id == seen_revision)).scalar()
        if seen_number is not None:
            query = query.where(REVISIONS.c.number > seen_number)
    later = conn.execute(query.order_by(REVISIONS.c.number)).all()
    clashing = [r for r in later if set(r.changed.split(",")) & set(changing)]
    if not clashing and later:
        return  # others changed only fields this write leaves alone: field-level, nothing is lost
    last = clashing[-1] if clashing else None
    raise ChangedElsewhere(
        indicator=code,
        by=last.actor if last is not None else (old.updated_by if old is not None else ""),
        at=last.at if last is not None else (old.updated_at if old is not None else None),
        current=_response_record(old) if old is not None else None,
    )


def _revision_info(row) -> RevisionInfo:
    return RevisionInfo(
        id=row.id,
        indicator_code=row.indicator_code,
        number=row.number,
        parent_id=row.parent_id,
        level=row.level,
        na=row.na,
        target=row.target,
        value=row.value,
        note=row.note,
        value_source=row.value_source,
        value_year=row.value_year,
        recommendation=row.recommendation,
        responsible=row.responsible,
        due=row.due,
        changed=tuple(f for f in row.changed.split(",") if f),
        actor=row.actor,
        device_id=row.device_id,
        at=row.at,
        merged_from=row.merged_from,
    )


def _delete_orphan_blobs(conn: Connection) -> None:
    used = select(EVIDENCE.c.sha256)
    conn.execute(delete(BLOBS).where(BLOBS.c.sha256.not_in(used)))


def _audit_row(actor, action, assessment_id=None, indicator_code=None, field=None, old=None, new=None, at=None):
    return {
        "id": uuid.uuid4(),
        "at": at or utcnow(),
        "actor": acting_person(actor),
        "action": action,
        "assessment_id": assessment_id,
        "indicator_code": indicator_code,
        "field": field,
        "old_value": _audit_text(old),
        "new_value": _audit_text(new),
    }


def append_audit(conn: Connection, rows: list[dict]) -> None:
    """Insert audit rows, each linked to the end of its assessment's hash chain (under the write lock)."""
    chains: dict[object, list[dict]] = {}
    for row in rows:
        chains.setdefault(row["assessment_id"], []).append(row)
    for assessment_id, entries in chains.items():
        link(entries, *chain_head(conn, assessment_id))
    conn.execute(insert(AUDIT), rows)


def chain_head(conn: Connection, assessment_id: uuid.UUID | None) -> tuple[int, str]:
    """(seq, hash) of the last entry of an assessment's audit chain; (0, GENESIS) when it has none."""
    which = AUDIT.c.assessment_id.is_(None) if assessment_id is None else AUDIT.c.assessment_id == assessment_id
    row = conn.execute(select(AUDIT.c.seq, AUDIT.c.hash).where(which).order_by(AUDIT.c.seq.desc()).limit(1)).first()
    return (row.seq, row.hash) if row is not None else (0, GENESIS)


audit_row = _audit_row  # for the other writers of persistence (team merges)


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
    append_audit(conn, [_audit_row(actor, action, assessment_id, indicator_code, field, old_value, new_value)])


def team_text(member: TeamMemberInfo) -> str:
    """A member as the audit trail records them: 'Siti (lead, NIP 1982…, Kepala Bidang)'."""
    parts = [
        member.role,
        *([f"NIP {member.nip}"] if member.nip else []),
        *([member.position] if member.position else []),
    ]
    return f"{member.name} ({', '.join(parts)})"


def _framework_info(row) -> FrameworkInfo:
    try:
        title = json.loads(row.title)
    except (TypeError, ValueError, RecursionError):
        title = None
    if not isinstance(title, dict) or not all(isinstance(t, str) for t in title.values()):
        raise damaged(f"framework {row.code} {row.version}", "its title is not a stored text")
    return FrameworkInfo(
        id=row.id,
        code=row.code,
        version=row.version,
        title=title,
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
        submitted_at=row.submitted_at,
        submitted_by=row.submitted_by,
        reviewer=row.reviewer,
        reviewer_role=row.reviewer_role,
        reviewer_nip=row.reviewer_nip,
        review_comment=row.review_comment,
        content_hash=row.content_hash,
        sealed_head=row.sealed_head,
        editable_pillars=tuple(row.editable_pillars.split(",")) if row.editable_pillars is not None else None,
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
        revision=row.revision,
        revision_number=row.revision_number,
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
