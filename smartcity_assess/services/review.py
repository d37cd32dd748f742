"""Review and sign-off: draft → in review → final, and the tamper-evident record that proves it.

An assessor submits; the reviewer approves (final: who signed, their role and NIP, when) or
returns it with comments. Approval seals the audit chain's head and the assessment's content
hash; `verify` recomputes both, and every response against its revision history, and names the
first thing that does not match. `finalize` is submit and approve in one step, for one assessor.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from dataclasses import dataclass

from ..core.audit_chain import first_break
from ..core.errors import UserError
from ..persistence import team
from ..persistence.models import DRAFT, FINAL, IN_REVIEW
from ..persistence.store import RESPONSE_FIELDS, Store, audit_row, default_actor, utcnow

_NIP = re.compile(r"[0-9]{18}")  # ASCII digits: \d takes Arabic-Indic and full-width ones too


def _require_no_conflicts(conn, assessment_id: uuid.UUID) -> None:
    count = team.count_open_conflicts(conn, assessment_id)
    if count:
        raise UserError("conflicts_open", count=count)


def _status(store: Store, conn, assessment_id: uuid.UUID) -> dict:
    row = team.assessment_row(conn, assessment_id)
    if row is None:
        store.assessment(assessment_id)  # raises the usual "no assessment with id …"
    return row


def submit(store: Store, assessment_id: uuid.UUID, *, actor: str | None = None) -> None:
    """Hand the draft to the reviewer: read-only until they approve or return it."""
    actor = actor or default_actor()
    with store.transaction() as conn:
        row = _status(store, conn, assessment_id)
        if row["status"] != DRAFT:
            raise UserError("submit_not_draft", status=row["status"])
        _require_no_conflicts(conn, assessment_id)
        now = utcnow()
        # the reviewer's earlier reason is answered by this submission (the audit trail keeps it):
        # it must not come back as a banner when the assessment is a draft again later
        team.set_review(
            conn, assessment_id, status=IN_REVIEW, submitted_at=now, submitted_by=actor, review_comment=None
        )
        team.insert_audit(conn, [audit_row(actor, "submit", assessment_id, None, "status", DRAFT, IN_REVIEW, now)])


def normalized_nip(nip: str | None) -> str | None:
    """A NIP (Nomor Induk Pegawai, 18 digits) without its spaces; UserError when it is not one."""
    if nip is None or not nip.strip():
        return None
    digits = "".join(nip.split())
    if not _NIP.fullmatch(digits):
        raise UserError("nip_invalid", nip=nip if len(nip) <= 40 else f"{nip[:40]}…")  # not a page of it
    return digits


def approve(
    store: Store,
    assessment_id: uuid.UUID,
    *,
    reviewer: str,
    role: str | None = None,
    nip: str | None = None,
    actor: str | None = None,
) -> str:
    """Sign off: final, with the reviewer, role, NIP and time; seals the chain. Returns the content hash."""
    reviewer = " ".join((reviewer or "").split())
    if not reviewer:
        raise UserError("reviewer_missing")
    nip = normalized_nip(nip)
    actor = actor or reviewer
    with store.transaction() as conn:
        row = _status(store, conn, assessment_id)
        if row["status"] != IN_REVIEW:
            raise UserError("approve_not_in_review", status=row["status"])
        _require_no_conflicts(conn, assessment_id)
        return _seal(conn, assessment_id, reviewer=reviewer, role=role, nip=nip, actor=actor)


def _seal(conn, assessment_id, *, reviewer, role, nip, actor) -> str:
    now = utcnow()
    digest = team.current_content_hash(conn, assessment_id)
    entry = audit_row(
        actor,
        "approve",
        assessment_id,
        None,
        "status",
        IN_REVIEW,
        _sealed_value(_signer(reviewer, role, nip), digest),
        now,
    )
    team.insert_audit(conn, [entry])
    team.set_review(
        conn,
        assessment_id,
        status=FINAL,
        finalized_at=now,
        finalized_by=actor,
        reviewer=reviewer,
        reviewer_role=role or None,
        reviewer_nip=nip,
        content_hash=digest,
        sealed_head=entry["hash"],
    )
    return digest


def _signer(reviewer, role, nip) -> str:
    return ", ".join(filter(None, [reviewer, role, f"NIP {nip}" if nip else None]))


def _sealed_value(signer: str, digest: str) -> str:
    """What the approval's audit entry records: verify compares the stored reviewer against it."""
    return f"{FINAL}; {signer}; content {digest}"


def return_to_draft(store: Store, assessment_id: uuid.UUID, *, reason: str, actor: str | None = None) -> None:
    """The reviewer sends it back with comments (shown to the assessors)."""
    reason = (reason or "").strip()
    if not reason:
        raise UserError("return_reason_missing")
    actor = actor or default_actor()
    with store.transaction() as conn:
        row = _status(store, conn, assessment_id)
        if row["status"] != IN_REVIEW:
            raise UserError("return_not_in_review", status=row["status"])
        now = utcnow()
        team.set_review(conn, assessment_id, status=DRAFT, review_comment=reason)
        team.insert_audit(
            conn, [audit_row(actor, "return", assessment_id, None, "status", IN_REVIEW, f"{DRAFT}: {reason}", now)]
        )


def finalize(
    store: Store, assessment_id: uuid.UUID, *, actor: str | None = None, role: str | None = None, nip: str | None = None
) -> str:
    """Submit and approve in one step (one assessor who signs it off); returns the content hash."""
    actor = actor or default_actor()
    with store.transaction():
        submit(store, assessment_id, actor=actor)
        return approve(store, assessment_id, reviewer=actor, role=role, nip=nip, actor=actor)


def reopen(store: Store, assessment_id: uuid.UUID, *, reason: str = "", actor: str | None = None) -> None:
    """A final assessment editable again (audited); its seal no longer applies."""
    with store.transaction() as conn:
        store.reopen(assessment_id, actor=actor, reason=reason)
        team.set_review(conn, assessment_id, content_hash=None, sealed_head=None, submitted_at=None, submitted_by=None)


@dataclass(frozen=True)
class Verification:
    intact: bool
    code: str = ""
    params: dict | None = None

    def problem(self) -> UserError | None:
        return None if self.intact else UserError(self.code, **(self.params or {}))


def verify(store: Store, assessment_id: uuid.UUID) -> Verification:
    """Recompute the audit chain, every response against its history, evidence bytes and a final's seal."""
    store.assessment(assessment_id)
    with store.reading() as conn:
        snap = team.snapshot(conn, assessment_id)
        broken = first_break(snap.audit)
        if broken is not None:
            position, entry = broken
            what = " ".join(filter(None, [entry.get("action"), entry.get("indicator_code"), entry.get("field")]))
            return Verification(False, "verify_entry", {"seq": position, "what": what, "at": entry.get("at")})
        revisions = {r["id"]: r for r in snap.revisions}
        for code, response in sorted(snap.responses.items()):
            head = revisions.get(response["revision"])
            if head is None or head["indicator_code"] != code or any(head[f] != response[f] for f in RESPONSE_FIELDS):
                return Verification(False, "verify_response", {"indicator": code})
        for rev in snap.revisions:
            for parent in (rev["parent_id"], rev["merged_from"]):
                if parent is not None and parent not in revisions:
                    return Verification(False, "verify_response", {"indicator": rev["indicator_code"]})
        for item in snap.evidence:
            digest = hashlib.sha256()
            for piece in team.blob_pieces(conn, item["sha256"]):
                digest.update(piece)
            if digest.hexdigest() != item["sha256"]:
                return Verification(
                    False, "verify_evidence", {"name": item["file_name"], "indicator": item["indicator_code"]}
                )
        a = snap.assessment
        if a["status"] == FINAL and a["sealed_head"] is not None:
            current = team.current_content_hash(conn, assessment_id)
            seal = next((e for e in snap.audit if e["hash"] == a["sealed_head"]), None)
            signer = _signer(a["reviewer"], a["reviewer_role"], a["reviewer_nip"])
            if seal is None or seal["new_value"] != _sealed_value(signer, a["content_hash"]):
                return Verification(False, "verify_seal", {})  # the seal, or who it says signed, was changed
            if current != a["content_hash"]:
                return Verification(False, "verify_content", {"sealed": a["content_hash"][:16], "now": current[:16]})
    return Verification(True)
