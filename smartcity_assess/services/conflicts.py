"""Conflicts a merge kept: listed with both sides, settled by a person (every decision audited)."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ..core.errors import UserError
from ..core.responses import UNANSWERED, ResponseInput, indicator_or_error, merge_response, validate_response
from ..persistence import team
from ..persistence.store import (
    RESPONSE_FIELDS,
    ResponseRecord,
    Store,
    audit_row,
    default_actor,
    require_draft,
    utcnow,
)

MINE, THEIRS = "mine", "theirs"


@dataclass(frozen=True)
class Side:
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
    evidence: tuple[tuple[str, str], ...]  # (file name, sha256)
    by: str
    at: datetime | None

    def fields(self) -> dict[str, Any]:
        return {f: getattr(self, f) for f in RESPONSE_FIELDS}

    def as_dict(self) -> dict[str, Any]:
        return {
            **self.fields(),
            "evidence": [{"file_name": n, "sha256": s} for n, s in self.evidence],
            "by": self.by,
            "at": self.at.isoformat() if self.at else None,
        }


@dataclass(frozen=True)
class Conflict:
    id: uuid.UUID
    indicator: str
    mine: Side
    theirs: Side
    source: str


def open_conflicts(store: Store, assessment_id: uuid.UUID) -> list[Conflict]:
    """Every open conflict of the assessment, by indicator, with both sides as they stand."""
    with store.reading() as conn:
        rows = team.open_conflicts(conn, assessment_id)
        snap = team.snapshot(conn, assessment_id) if rows else None
    out = []
    for row in rows:
        code = row["indicator_code"]
        mine = snap.responses.get(code) or UNANSWERED
        mine_evidence = tuple((e["file_name"], e["sha256"]) for e in snap.evidence if e["indicator_code"] == code)
        theirs = row["theirs"]
        out.append(
            Conflict(
                id=row["id"],
                indicator=code,
                mine=Side(
                    **{f: mine[f] for f in RESPONSE_FIELDS},
                    evidence=mine_evidence,
                    by=mine.get("updated_by") or "",
                    at=mine.get("updated_at"),
                ),
                theirs=Side(
                    **{f: theirs.get(f, UNANSWERED[f]) for f in RESPONSE_FIELDS},  # older sides lack some
                    evidence=tuple((e["file_name"], e["sha256"]) for e in theirs.get("evidence", [])),
                    by=theirs.get("by") or "",
                    at=datetime.fromisoformat(theirs["at"]) if theirs.get("at") else None,
                ),
                source=row["source"],
            )
        )
    return out


def resolve(
    store: Store,
    assessment_id: uuid.UUID,
    indicator: str,
    *,
    take: str | None = None,
    answer: Mapping[str, Any] | None = None,
    actor: str | None = None,
) -> ResponseRecord:
    """Settle one conflict: take mine, take theirs, or write a reconciled answer (fields given change)."""
    if (take is None) == (not answer):
        raise UserError("resolve_how")
    if take is not None and take not in (MINE, THEIRS):
        raise UserError("resolve_how")
    actor = actor or default_actor()
    with store.transaction() as conn:
        info = store.assessment(assessment_id)
        framework = store.framework(info.framework_id)
        indicator_or_error(framework, indicator)
        conflict = next((c for c in open_conflicts(store, assessment_id) if c.indicator == indicator), None)
        if conflict is None:
            raise UserError("no_conflict", indicator=indicator)
        store.require_assigned(conn, assessment_id, [indicator])
        if take == MINE:
            fields = conflict.mine.fields()
        elif take == THEIRS:
            fields = conflict.theirs.fields()
        else:
            merged = merge_response(ResponseInput(**conflict.mine.fields()), answer)
            fields = validate_response(framework, indicator, merged).as_fields()
        _settle(store, conn, assessment_id, indicator, fields, take or "edited", actor)
    return store.response(assessment_id, indicator)


def resolve_all(store: Store, assessment_id: uuid.UUID, take: str, *, actor: str | None = None) -> int:
    """Take one side for every open conflict, in one transaction; returns how many were settled."""
    if take not in (MINE, THEIRS):
        raise UserError("resolve_how")
    actor = actor or default_actor()
    with store.transaction() as conn:
        conflicts = open_conflicts(store, assessment_id)
        store.require_assigned(conn, assessment_id, [c.indicator for c in conflicts])
        for conflict in conflicts:
            side = conflict.mine if take == MINE else conflict.theirs
            _settle(store, conn, assessment_id, conflict.indicator, side.fields(), take, actor)
    return len(conflicts)


def _settle(store: Store, conn, assessment_id, code, fields, how: str, actor: str) -> None:
    require_draft(conn, assessment_id, "change")
    row = next(r for r in team.open_conflicts(conn, assessment_id) if r["indicator_code"] == code)
    snap_mine = team.snapshot(conn, assessment_id).responses[code]
    theirs_number = next(
        (r.number for r in store.response_history(assessment_id, code) if r.id == row["theirs_revision"]), 0
    )
    now = utcnow()
    stamp = team.merge_revision(
        conn,
        assessment_id=assessment_id,
        code=code,
        mine=snap_mine,
        other_id=row["theirs_revision"],
        other_number=theirs_number,
        fields=fields,
        actor=actor,
        device_id=store.device_id,
        at=now,
    )
    entries = [
        audit_row(actor, "resolve_conflict", assessment_id, code, f, snap_mine[f], fields[f], now)
        for f in RESPONSE_FIELDS
        if snap_mine[f] != fields[f]
    ]
    entries.append(audit_row(actor, "resolve_conflict", assessment_id, code, None, None, how, now))
    team.set_response(conn, assessment_id, code, fields, stamp)
    team.close_conflict(conn, row["id"], actor, how)
    team.insert_audit(conn, entries)
    team.touch(conn, assessment_id)
