"""Rows for field teams: one assessment read whole (for packages), merged writes, conflicts, review.

Everything here runs inside the caller's `Store.transaction()`; services decide, this writes.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, select, update

from ..core.audit_chain import content_hash
from . import db
from .models import EVIDENCE_REMOVALS as REMOVALS
from .models import RESPONSE_CONFLICTS as CONFLICTS
from .models import TEAM_MEMBERS, utcnow
from .store import (
    ASSESSMENTS,
    AUDIT,
    BLOBS,
    CITIES,
    EVIDENCE,
    FRAMEWORKS,
    RESPONSE_FIELDS,
    RESPONSES,
    REVISIONS,
    append_audit,
    city_key,
)
from .store import _delete_orphan_blobs as delete_orphan_blobs


@dataclass
class Snapshot:
    """One assessment as plain dicts: what a package carries and what a merge compares against."""

    assessment: dict[str, Any]
    framework_definition: str
    responses: dict[str, dict[str, Any]]  # indicator → response row
    revisions: list[dict[str, Any]]
    audit: list[dict[str, Any]]
    evidence: list[dict[str, Any]]
    conflicts: dict[str, dict[str, Any]] = field(default_factory=dict)  # indicator → open conflict row
    removals: list[dict[str, Any]] = field(default_factory=list)  # evidence removed: what, who, when
    members: list[dict[str, Any]] = field(default_factory=list)  # the evaluation team, as added


def _dicts(rows) -> list[dict[str, Any]]:
    return [dict(r._mapping) for r in rows]


def assessment_row(conn: Connection, assessment_id: uuid.UUID) -> dict[str, Any] | None:
    row = conn.execute(
        select(
            ASSESSMENTS,
            CITIES.c.name.label("city"),
            FRAMEWORKS.c.version.label("framework_version"),
            FRAMEWORKS.c.checksum.label("framework_checksum"),
        )
        .join(CITIES, CITIES.c.id == ASSESSMENTS.c.city_id)
        .join(FRAMEWORKS, FRAMEWORKS.c.id == ASSESSMENTS.c.framework_id)
        .where(ASSESSMENTS.c.id == assessment_id)
    ).first()
    return dict(row._mapping) if row is not None else None


def snapshot(conn: Connection, assessment_id: uuid.UUID) -> Snapshot:
    assessment = assessment_row(conn, assessment_id)
    definition = conn.execute(
        select(FRAMEWORKS.c.definition).where(FRAMEWORKS.c.id == assessment["framework_id"])
    ).scalar_one()
    responses = {
        r["indicator_code"]: r
        for r in _dicts(conn.execute(select(RESPONSES).where(RESPONSES.c.assessment_id == assessment_id)))
    }
    revisions = _dicts(
        conn.execute(
            select(REVISIONS)
            .where(REVISIONS.c.assessment_id == assessment_id)
            .order_by(REVISIONS.c.indicator_code, REVISIONS.c.number, REVISIONS.c.at)
        )
    )
    audit = _dicts(conn.execute(select(AUDIT).where(AUDIT.c.assessment_id == assessment_id).order_by(AUDIT.c.seq)))
    evidence = _dicts(
        conn.execute(select(EVIDENCE).where(EVIDENCE.c.assessment_id == assessment_id).order_by(EVIDENCE.c.added_at))
    )
    conflicts = {
        r["indicator_code"]: r
        for r in _dicts(
            conn.execute(
                select(CONFLICTS).where(CONFLICTS.c.assessment_id == assessment_id, CONFLICTS.c.resolved_at.is_(None))
            )
        )
    }
    removals = _dicts(
        conn.execute(select(REMOVALS).where(REMOVALS.c.assessment_id == assessment_id).order_by(REMOVALS.c.removed_at))
    )
    members = _dicts(
        conn.execute(
            select(TEAM_MEMBERS).where(TEAM_MEMBERS.c.assessment_id == assessment_id).order_by(TEAM_MEMBERS.c.added_at)
        )
    )
    for row in conflicts.values():
        row["theirs"] = json.loads(row["theirs"])
    return Snapshot(assessment, definition, responses, revisions, audit, evidence, conflicts, removals, members)


def find_assessment(conn: Connection, assessment_id: uuid.UUID, city: str, year: int, framework_code: str):
    """The local assessment a package merges into: the same id, else the same city, year and framework."""
    found = conn.execute(select(ASSESSMENTS.c.id).where(ASSESSMENTS.c.id == assessment_id)).scalar()
    if found is not None:
        return found
    return conn.execute(
        select(ASSESSMENTS.c.id)
        .join(CITIES, CITIES.c.id == ASSESSMENTS.c.city_id)
        .where(
            CITIES.c.name_key == city_key(city),
            ASSESSMENTS.c.year == year,
            ASSESSMENTS.c.framework_code == framework_code,
        )
    ).scalar()


def create_assessment(conn: Connection, values: Mapping[str, Any], city: str) -> None:
    """Insert an assessment as a package describes it (its own id), with its city if new here."""
    city_id = conn.execute(select(CITIES.c.id).where(CITIES.c.name_key == city_key(city))).scalar()
    if city_id is None:
        city_id = uuid.uuid4()
        conn.execute(insert(CITIES).values(id=city_id, name=city, name_key=city_key(city), created_at=utcnow()))
    conn.execute(insert(ASSESSMENTS).values(**values, city_id=city_id))


def known_ids(conn: Connection, table, ids: Iterable[uuid.UUID]) -> set[uuid.UUID]:
    ids = list(ids)
    found: set[uuid.UUID] = set()
    for start in range(0, len(ids), 500):
        found.update(conn.execute(select(table.c.id).where(table.c.id.in_(ids[start : start + 500]))).scalars())
    return found


def insert_rows(conn: Connection, table, rows: list[dict[str, Any]]) -> None:
    if rows:
        conn.execute(insert(table), rows)


def set_response(
    conn: Connection, assessment_id: uuid.UUID, code: str, fields: Mapping[str, Any], stamp: Mapping[str, Any]
) -> None:
    """Make a response the given fields and stamp (updated_by, updated_at, revision, revision_number)."""
    values = {f: fields[f] for f in RESPONSE_FIELDS} | dict(stamp)
    done = conn.execute(
        update(RESPONSES)
        .where(RESPONSES.c.assessment_id == assessment_id, RESPONSES.c.indicator_code == code)
        .values(**values)
    )
    if done.rowcount == 0:
        conn.execute(
            insert(RESPONSES).values(id=uuid.uuid4(), assessment_id=assessment_id, indicator_code=code, **values)
        )


def merge_revision(
    conn: Connection,
    *,
    assessment_id: uuid.UUID,
    code: str,
    mine: Mapping[str, Any],
    other_id: uuid.UUID,
    other_number: int,
    fields: Mapping[str, Any],
    actor: str,
    device_id: str,
    at: datetime,
) -> dict[str, Any]:
    """A revision of ours that takes in the other side's revision (its second parent), with these fields.

    Returns the stamp for the response row. Once written, a package carrying the other side's
    revision again finds it among our ancestors: unchanged, not a new conflict.
    """
    number = max(mine["revision_number"], other_number) + 1
    revision = uuid.uuid4()
    changed = [f for f in RESPONSE_FIELDS if mine[f] != fields[f]]
    row = {f: fields[f] for f in RESPONSE_FIELDS}
    row.update(
        id=revision,
        assessment_id=assessment_id,
        indicator_code=code,
        number=number,
        parent_id=mine["revision"],
        merged_from=other_id,
        changed=",".join(changed),
        actor=actor,
        device_id=device_id,
        at=at,
    )
    conn.execute(insert(REVISIONS).values(**row))
    return {"updated_by": actor, "updated_at": at, "revision": revision, "revision_number": number}


def touch(conn: Connection, assessment_id: uuid.UUID, **values) -> None:
    conn.execute(update(ASSESSMENTS).where(ASSESSMENTS.c.id == assessment_id).values(updated_at=utcnow(), **values))


def open_conflict(conn: Connection, assessment_id, code, mine_revision, theirs_revision, theirs: Mapping, source: str):
    """Keep the incoming side of a conflicted response; replaces an open one's incoming side."""
    values = dict(
        mine_revision=mine_revision,
        theirs_revision=theirs_revision,
        theirs=json.dumps(theirs, ensure_ascii=False, default=str),
        source=source,
        created_at=utcnow(),
    )
    done = conn.execute(
        update(CONFLICTS)
        .where(
            CONFLICTS.c.assessment_id == assessment_id,
            CONFLICTS.c.indicator_code == code,
            CONFLICTS.c.resolved_at.is_(None),
        )
        .values(**values)
    )
    if done.rowcount == 0:
        conn.execute(
            insert(CONFLICTS).values(id=uuid.uuid4(), assessment_id=assessment_id, indicator_code=code, **values)
        )


def close_conflict(conn: Connection, conflict_id: uuid.UUID, actor: str, resolution: str) -> None:
    conn.execute(
        update(CONFLICTS)
        .where(CONFLICTS.c.id == conflict_id)
        .values(resolved_at=utcnow(), resolved_by=actor, resolution=resolution)
    )


def open_conflicts(conn: Connection, assessment_id: uuid.UUID) -> list[dict[str, Any]]:
    rows = conn.execute(
        select(CONFLICTS)
        .where(CONFLICTS.c.assessment_id == assessment_id, CONFLICTS.c.resolved_at.is_(None))
        .order_by(CONFLICTS.c.indicator_code)
    )
    out = _dicts(rows)
    for row in out:
        row["theirs"] = json.loads(row["theirs"])
    return out


def count_open_conflicts(conn: Connection, assessment_id: uuid.UUID) -> int:
    return len(
        conn.execute(
            select(CONFLICTS.c.id).where(CONFLICTS.c.assessment_id == assessment_id, CONFLICTS.c.resolved_at.is_(None))
        ).all()
    )


def delete_evidence(conn: Connection, evidence_ids: Iterable[uuid.UUID]) -> None:
    """Remove evidence rows (a merge taking in removals made elsewhere), and the contents no row uses now."""
    ids = list(evidence_ids)
    if ids:
        conn.execute(EVIDENCE.delete().where(EVIDENCE.c.id.in_(ids)))
        delete_orphan_blobs(conn)


def blob_known(conn: Connection, sha256: str) -> bool:
    return conn.execute(select(BLOBS.c.sha256).where(BLOBS.c.sha256 == sha256)).first() is not None


def insert_blob(conn: Connection, sha256: str, size: int, pieces: Iterable[bytes]) -> None:
    db.insert_blob(conn, BLOBS.name, "data", "sha256", sha256, size, pieces)


def blob_pieces(conn: Connection, sha256: str) -> Iterable[bytes]:
    return db.read_blob(conn, BLOBS.name, "data", "sha256", sha256)


def insert_audit(conn: Connection, entries: list[dict[str, Any]]) -> None:
    """Append entries (from here or from a package) to their assessments' chains, re-linked at the end."""
    if entries:
        append_audit(conn, entries)


def current_content_hash(conn: Connection, assessment_id: uuid.UUID) -> str:
    """The content hash of the assessment as stored now (what an approval seals and verify checks)."""
    assessment = assessment_row(conn, assessment_id)
    responses = {
        r["indicator_code"]: r
        for r in _dicts(conn.execute(select(RESPONSES).where(RESPONSES.c.assessment_id == assessment_id)))
    }
    evidence = _dicts(conn.execute(select(EVIDENCE).where(EVIDENCE.c.assessment_id == assessment_id)))
    members = _dicts(conn.execute(select(TEAM_MEMBERS).where(TEAM_MEMBERS.c.assessment_id == assessment_id)))
    return content_hash(assessment, responses, evidence, members)


def replace_team(conn: Connection, assessment_id: uuid.UUID, members: Iterable[Mapping[str, Any]]) -> None:
    """The team as given (an approved assessment arriving from elsewhere: the team it was signed with)."""
    conn.execute(TEAM_MEMBERS.delete().where(TEAM_MEMBERS.c.assessment_id == assessment_id))
    insert_rows(conn, TEAM_MEMBERS, [{**m, "id": uuid.uuid4(), "assessment_id": assessment_id} for m in members])


def set_review(conn: Connection, assessment_id: uuid.UUID, **values: datetime | str | None) -> None:
    touch(conn, assessment_id, **values)


def deleted_assessment_ids(conn: Connection) -> set[uuid.UUID]:
    """Assessments deleted here: their audit trail outlives them (a sync does not bring them back)."""
    gone = select(AUDIT.c.assessment_id).where(AUDIT.c.action == "delete", AUDIT.c.assessment_id.is_not(None))
    return set(conn.execute(gone.distinct()).scalars())


def missing_blobs(conn: Connection, sha256s: Iterable[str]) -> set[str]:
    """Which of these evidence files this database does not hold yet."""
    wanted = set(sha256s)
    held = set()
    for chunk in [sorted(wanted)[i : i + 500] for i in range(0, len(wanted), 500)]:
        held.update(conn.execute(select(BLOBS.c.sha256).where(BLOBS.c.sha256.in_(chunk))).scalars())
    return wanted - held
