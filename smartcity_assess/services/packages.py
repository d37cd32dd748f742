"""Packages (.scapkg): one assessment with its history, audit chain and evidence, between laptops.

Export writes a zip atomically, evidence streamed from the database. Import reads and checks the
whole package first — names, sizes, checksums, JSON, values, framework, audit chain — before it
touches the database, then merges it in one transaction (services.merging). Every refusal is one
sentence; the database is then exactly as it was.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from .. import __version__
from ..core import limits
from ..core import package_format as fmt
from ..core.audit_chain import content_hash, first_break
from ..core.clean_text import TextError, clean_text
from ..core.errors import NotFoundError, UserError
from ..core.framework import Framework
from ..core.framework_loader import FrameworkError, framework_checksum, framework_from_json
from ..core.responses import ResponseInput, validate_response
from ..files import atomic_write
from ..persistence import team
from ..persistence.models import DRAFT, FINAL, IN_REVIEW
from ..persistence.store import RESPONSE_FIELDS, Store, default_actor, utcnow
from .records import TeamMemberInfo
from .team import checked_member

Progress = Callable[[int, int], None]  # (bytes done, bytes in all)

_CHUNK = 1024 * 1024
STATUSES = (DRAFT, IN_REVIEW, FINAL)
REVIEW_FIELDS = (
    "submitted_at",
    "submitted_by",
    "reviewer",
    "reviewer_role",
    "reviewer_nip",
    "review_comment",
    "content_hash",
    "sealed_head",
)
TEAM_FIELDS = ("name", "role", "nip", "position", "added_at")
AUDIT_FIELDS = ("id", "seq", "at", "actor", "action", "indicator_code", "field", "old_value", "new_value")


def _plain(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def _json_bytes(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=1, default=_plain).encode("utf-8")


# ---- export ------------------------------------------------------------------------------------


def export_package(
    store: Store,
    assessment_id: uuid.UUID,
    out: str | os.PathLike,
    *,
    pillars: Iterable[str] | None = None,
    actor: str | None = None,
    progress: Progress | None = None,
) -> Path:
    """Write the assessment as a package at `out` (atomically: a complete file or none)."""
    out = Path(out)
    pillars = list(dict.fromkeys(p.strip() for p in pillars if p.strip())) if pillars is not None else None
    with store.reading() as conn:
        snap = team.snapshot(conn, assessment_id) if team.assessment_row(conn, assessment_id) else None
        if snap is None:
            raise NotFoundError(f"no assessment with id {assessment_id}")
        framework = store.framework(snap.assessment["framework_id"])
        for code in pillars or ():
            if framework.pillar(code) is None:
                raise UserError(
                    "unknown_pillar",
                    pillar=code,
                    framework=framework.code,
                    known=", ".join(p.code for p in framework.pillars),
                )
        members = _data_members(store, snap, pillars)
        blobs = sorted({e["sha256"]: e["size"] for e in snap.evidence}.items())
        total = sum(len(b) for b in members.values()) + sum(size for _, size in blobs)
        done = 0
        try:
            # atomic_write: a kill or a full disk never leaves half a package, and the file gets the
            # mode every file we write gets (the umask's), not a temporary file's 0600
            with atomic_write(out) as raw, zipfile.ZipFile(raw, "w", allowZip64=True) as zf:
                listed = {}
                for name, data in members.items():
                    zf.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=6)
                    listed[name] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
                    done += len(data)
                    if progress:
                        progress(done, total)
                for sha, size in blobs:
                    digest, written = hashlib.sha256(), 0
                    info = zipfile.ZipInfo(fmt.EVIDENCE_PREFIX + sha, date_time=_zip_time())
                    info.compress_type = zipfile.ZIP_STORED  # photos and PDFs are packed already
                    with zf.open(info, "w", force_zip64=size > 2**31) as dest:
                        for piece in team.blob_pieces(conn, sha):
                            digest.update(piece)
                            dest.write(piece)
                            written += len(piece)
                            done += len(piece)
                            if progress:
                                progress(done, total)
                    if digest.hexdigest() != sha or written != size:
                        name = next(e["file_name"] for e in snap.evidence if e["sha256"] == sha)
                        raise UserError(f"the stored evidence file {name} is damaged (its SHA-256 does not match)")
                    listed[fmt.EVIDENCE_PREFIX + sha] = {"sha256": sha, "size": size}
                manifest = _manifest(store, snap, pillars, listed, actor)
                zf.writestr(fmt.MANIFEST, _json_bytes(manifest), compress_type=zipfile.ZIP_DEFLATED)
        except OSError as exc:
            raise UserError("package_write_failed", name=str(out), reason=exc.strerror or str(exc)) from None
    return out


def _manifest(store: Store, snap: team.Snapshot, pillars, listed: dict, actor: str | None) -> dict[str, Any]:
    return {
        "format": fmt.FORMAT,
        "format_version": fmt.FORMAT_VERSION,
        "app_version": __version__,
        "exported_at": utcnow(),
        "exported_by": actor or default_actor(),
        "device_id": store.device_id,
        "assessment_id": snap.assessment["id"],
        "pillars": pillars,
        "members": listed,
    }


def _zip_time() -> tuple[int, int, int, int, int, int]:
    now = datetime.now()
    return (now.year, now.month, now.day, now.hour, now.minute, now.second)


def _data_members(store: Store, snap: team.Snapshot, pillars: list[str] | None) -> dict[str, bytes]:
    a = snap.assessment
    editable = pillars if pillars is not None else (a["editable_pillars"].split(",") if a["editable_pillars"] else None)
    assessment = {
        "id": a["id"],
        "city": a["city"],
        "year": a["year"],
        "framework": {
            "code": a["framework_code"],
            "version": a["framework_version"],
            "checksum": a["framework_checksum"],
        },
        "assessor": a["assessor"],
        "status": a["status"],
        "created_at": a["created_at"],
        "updated_at": a["updated_at"],
        "finalized_at": a["finalized_at"],
        "finalized_by": a["finalized_by"],
        "review": {k: a[k] for k in REVIEW_FIELDS},
        "editable_pillars": editable,
        # the report's evaluation team and signing place (absent from older packages)
        "team": [{k: m[k] for k in TEAM_FIELDS} for m in snap.members],
        "sign_place": a["sign_place"],
    }
    responses = [
        {
            "indicator": code,
            **{f: r[f] for f in RESPONSE_FIELDS},
            "updated_by": r["updated_by"],
            "updated_at": r["updated_at"],
            "revision": r["revision"],
            "revision_number": r["revision_number"],
        }
        for code, r in sorted(snap.responses.items())
    ]
    revisions = [
        {
            "id": r["id"],
            "indicator": r["indicator_code"],
            "number": r["number"],
            "parent_id": r["parent_id"],
            "merged_from": r["merged_from"],
            **{f: r[f] for f in (*RESPONSE_FIELDS, "changed", "actor", "device_id", "at")},
        }
        for r in snap.revisions
    ]
    audit = [{k: e[k] for k in (*AUDIT_FIELDS, "assessment_id", "prev_hash", "hash")} for e in snap.audit]
    evidence = [
        {
            "id": e["id"],
            "indicator": e["indicator_code"],
            **{k: e[k] for k in ("file_name", "size", "sha256", "added_by", "added_at")},
        }
        for e in snap.evidence
    ]
    # open conflicts travel with both sides, so whoever imports them decides them too (not settled by the
    # mere fact that only "mine" is the stored response)
    conflicts = [
        {
            "indicator": code,
            "mine_revision": c["mine_revision"],
            "theirs_revision": c["theirs_revision"],
            "theirs": c["theirs"],
            "source": c["source"],
            "created_at": c["created_at"],
        }
        for code, c in sorted(snap.conflicts.items())
    ]
    removals = [
        {
            "id": r["id"],
            "indicator": r["indicator_code"],
            **{k: r[k] for k in ("sha256", "file_name", "removed_by", "removed_at")},
        }
        for r in snap.removals
    ]
    return {
        "assessment.json": _json_bytes(assessment),
        "framework.json": snap.framework_definition.encode("utf-8"),
        "responses.json": _json_bytes(responses),
        "revisions.json": _json_bytes(revisions),
        "audit.json": _json_bytes(audit),
        "evidence.json": _json_bytes(evidence),
        "conflicts.json": _json_bytes(conflicts),
        "evidence_removals.json": _json_bytes(removals),
    }


# ---- reading and checking a package ----------------------------------------------------------


Pieces = Callable[[str], Iterator[bytes]]  # sha256 → the evidence file's bytes, in pieces


@dataclass
class Package:
    """A package that passed every check, parsed; evidence stays where it is (the zip, or the
    database the package was built from) until the merge writes the blobs the receiver lacks."""

    path: Path | None
    name: str
    manifest: dict[str, Any]
    listed: dict[str, tuple[str, int]]
    assessment: dict[str, Any]
    framework: Framework
    framework_definition: str
    responses: dict[str, dict[str, Any]]
    revisions: list[dict[str, Any]]
    audit: list[dict[str, Any]]
    evidence: list[dict[str, Any]]
    total_bytes: int = 0
    pillars: list[str] | None = field(default=None)
    team: list[dict[str, Any]] = field(default_factory=list)  # the evaluation team, as the sender has it
    conflicts: list[dict[str, Any]] = field(default_factory=list)  # open ones, both sides
    removals: list[dict[str, Any]] = field(default_factory=list)  # evidence removed, by whom, when
    source: Pieces | None = field(default=None, repr=False)

    def evidence_pieces(self, sha256: str) -> Iterator[bytes]:
        """The evidence file's bytes from where the package came from, checked again against its SHA-256."""
        member = fmt.EVIDENCE_PREFIX + sha256
        digest = hashlib.sha256()
        for piece in self.source(sha256) if self.source is not None else self._zip_pieces(member):
            digest.update(piece)
            yield piece
        if digest.hexdigest() != sha256:
            raise UserError("package_checksum", name=self.name, member=member)

    def _zip_pieces(self, member: str) -> Iterator[bytes]:
        try:
            with zipfile.ZipFile(self.path) as zf, zf.open(member) as src:
                while piece := src.read(_CHUNK):
                    yield piece
        except (OSError, zipfile.BadZipFile, zlib.error, EOFError, KeyError) as exc:
            raise UserError("package_damaged", name=self.name, reason=str(exc)) from None


def package_from_store(store: Store, assessment_id: uuid.UUID, *, name: str, actor: str | None = None) -> Package:
    """The package export would write for this assessment, built in memory: no zip, evidence read from
    `store` only when a merge needs a blob. The same members pass the same checks as a package file's,
    so a sync merges exactly what `package import` would (and refuses what it would)."""
    with store.reading() as conn:
        if team.assessment_row(conn, assessment_id) is None:
            raise NotFoundError(f"no assessment with id {assessment_id}")
        snap = team.snapshot(conn, assessment_id)
    members = _data_members(store, snap, None)
    listed = {m: (hashlib.sha256(data).hexdigest(), len(data)) for m, data in members.items()}
    listed.update({fmt.EVIDENCE_PREFIX + e["sha256"]: (e["sha256"], e["size"]) for e in snap.evidence})
    manifest = json.loads(_json_bytes(_manifest(store, snap, None, {}, actor)))
    data = {m: _parse_json(name, m, members[m]) for m in (*fmt.DATA_MEMBERS, *fmt.SINCE_VERSION_2)}
    evidence_bytes = sum(size for _, size in {(e["sha256"], e["size"]) for e in snap.evidence})
    package = _parse_package(None, name, manifest, listed, data, members["framework.json"], evidence_bytes)
    package.source = lambda sha256: _stored_pieces(store, sha256)
    return package


def _stored_pieces(store: Store, sha256: str) -> Iterator[bytes]:
    with store.reading() as conn:
        yield from team.blob_pieces(conn, sha256)


def read_package(path: str | os.PathLike, progress: Progress | None = None) -> Package:
    """Open and check a package completely, without touching any database; UserError on the first problem."""
    path = Path(path)
    name = path.name
    try:
        with open(path, "rb") as handle:
            magic = handle.read(4)
    except OSError as exc:
        raise UserError("package_unreadable", name=name, reason=exc.strerror or str(exc)) from None
    if magic[:2] != b"PK":
        raise UserError("package_not_zip", name=name)
    try:
        with zipfile.ZipFile(path) as zf:
            return _check(zf, path, name, progress)
    except zipfile.BadZipFile:
        raise UserError("package_truncated", name=name) from None
    except (zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError, OverflowError) as exc:
        if not _raised_by_zip_reading(exc):
            raise  # a bug of ours while checking, not a damaged package: say so as one
        raise UserError("package_damaged", name=name, reason=str(exc) or type(exc).__name__) from None
    except OSError as exc:
        raise UserError("package_unreadable", name=name, reason=exc.strerror or str(exc)) from None


def _raised_by_zip_reading(exc: BaseException) -> bool:
    """Whether zipfile (or zlib under it) raised this while reading the archive: encrypted or unknown
    compression (RuntimeError, NotImplementedError), bad deflate data, a truncated or lying header."""
    if isinstance(exc, zlib.error):
        return True
    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    return tb is not None and "zipfile" in tb.tb_frame.f_code.co_filename


def _check(zf: zipfile.ZipFile, path: Path, name: str, progress: Progress | None) -> Package:
    infos = zf.infolist()
    if len(infos) > fmt.MAX_MEMBERS:
        raise UserError("package_bad_content", name=name, member=fmt.MANIFEST, field="members")
    seen: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        fmt.check_member_name(name, info.orig_filename)
        if info.orig_filename in seen:
            raise UserError("package_duplicate_member", name=name, member=info.orig_filename)
        if info.flag_bits & 0x1:
            raise UserError("package_damaged", name=name, reason="encrypted member")
        fmt.check_member_size(name, info.orig_filename, info.file_size, info.compress_size)
        total += info.file_size
        seen[info.orig_filename] = info
    if total > fmt.MAX_TOTAL_BYTES:
        raise UserError("package_total_too_large", name=name, limit=fmt.MAX_TOTAL_BYTES)
    if fmt.MANIFEST not in seen:
        raise UserError("package_unknown_format", name=name)
    manifest = _parse_json(name, fmt.MANIFEST, _read_member(zf, seen[fmt.MANIFEST], name, None, fmt.MAX_MANIFEST_BYTES))
    listed = fmt.check_manifest(name, manifest)
    for member in seen:
        if member != fmt.MANIFEST and member not in listed:
            raise UserError("package_unlisted_member", name=name, member=member)
    for member in listed:
        if member not in seen:
            raise UserError("package_missing_member", name=name, member=member)
    done, everything = 0, sum(size for _, size in listed.values())
    contents: dict[str, bytes] = {}
    for member, (sha, size) in listed.items():
        if seen[member].file_size != size:
            raise UserError("package_checksum", name=name, member=member)
        digest = hashlib.sha256()
        keep = not member.startswith(fmt.EVIDENCE_PREFIX)
        parts = []
        for piece in _pieces(zf, seen[member], name, size):
            digest.update(piece)
            if keep:
                parts.append(piece)
            done += len(piece)
            if progress:
                progress(done, everything)
        if digest.hexdigest() != sha:
            raise UserError("package_checksum", name=name, member=member)
        if keep:
            contents[member] = b"".join(parts)
    data = {m: _parse_json(name, m, contents[m]) for m in fmt.json_members(listed)}
    return _parse_package(path, name, manifest, listed, data, contents["framework.json"], everything)


def _pieces(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, limit: int) -> Iterator[bytes]:
    """A member's bytes in pieces; refuses one that unpacks to more than it declared (a lying header)."""
    count = 0
    with zf.open(info) as src:
        while piece := src.read(_CHUNK):
            count += len(piece)
            if count > limit:
                raise UserError(
                    "package_bomb", name=name, member=info.orig_filename, ratio=count // max(info.compress_size, 1)
                )
            yield piece


def _read_member(zf, info, name, _progress, limit) -> bytes:
    return b"".join(_pieces(zf, info, name, min(limit, info.file_size)))


def _parse_json(name: str, member: str, data: bytes) -> Any:
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        reason = exc.msg if isinstance(exc, json.JSONDecodeError) else type(exc).__name__
        raise UserError("package_bad_json", name=name, member=member, reason=reason) from None


def _response_fields(shape: fmt.Shape, row: dict, where: str) -> dict[str, Any]:
    return {
        "level": shape.integer(row, "level", optional=True, where=where),
        "na": shape.flag(row, "na", where=where),
        "target": shape.integer(row, "target", optional=True, where=where),
        "value": shape.number(row, "value", where=where),
        "note": shape.text(row, "note", where=where),
        # the report's fields (issue 13): absent from packages written before them, so optional
        "value_source": shape.text(row, "value_source", optional=True, where=where) or "",
        "value_year": shape.integer(row, "value_year", optional=True, where=where),
        "recommendation": shape.text(row, "recommendation", optional=True, where=where) or "",
        "responsible": shape.text(row, "responsible", optional=True, where=where) or "",
        "due": shape.integer(row, "due", optional=True, where=where),
    }


def _require_indicator(name: str, framework: Framework, code: str) -> None:
    if framework.indicator(code) is None:
        raise UserError("package_unknown_indicator", name=name, indicator=code, framework=framework.code)


def _check_values(name: str, framework: Framework, code: str, fields: dict[str, Any]) -> None:
    """Refuses a response outside the framework's scale (or otherwise not what the app would store)."""
    _require_indicator(name, framework, code)
    levels = framework.level_numbers
    for key in ("level", "target"):
        if fields[key] is not None and fields[key] not in levels:
            raise UserError(
                "package_outside_scale",
                name=name,
                indicator=code,
                field=key,
                value=fields[key],
                low=levels[0],
                high=levels[-1],
            )
    try:
        stored = validate_response(framework, code, ResponseInput(**fields))
    except UserError as exc:
        raise UserError("package_bad_response", name=name, indicator=code, reason=str(exc)) from None
    if stored.as_fields() != fields:
        raise UserError("package_bad_response", name=name, indicator=code, reason="level and value disagree")


def _parse_package(path, name, manifest, listed, data, framework_bytes, total) -> Package:
    shape = fmt.Shape(name, "assessment.json")
    a = shape.mapping(data["assessment.json"], "")
    fw = shape.mapping(a.get("framework"), "framework")
    review = shape.mapping(a.get("review"), "review")
    assessment = {
        "id": shape.uid(a, "id"),
        "city": shape.text(a, "city"),
        "year": shape.integer(a, "year"),
        "framework_code": shape.text(fw, "code", where="framework."),
        "framework_version": shape.text(fw, "version", where="framework."),
        "framework_checksum": shape.sha256(fw, "checksum", where="framework."),
        "assessor": shape.text(a, "assessor"),
        "status": shape.text(a, "status"),
        "created_at": shape.moment(a, "created_at"),
        "updated_at": shape.moment(a, "updated_at"),
        "finalized_at": shape.moment(a, "finalized_at", optional=True),
        "finalized_by": shape.text(a, "finalized_by", optional=True),
    }
    for key in REVIEW_FIELDS:
        if key == "submitted_at":
            assessment[key] = shape.moment(review, key, optional=True, where="review.")
        else:
            assessment[key] = shape.text(review, key, optional=True, where="review.")
    assessment["sign_place"] = _sign_place(shape, a)
    team_members = _parse_team(shape, a.get("team", []))
    editable = a.get("editable_pillars")
    if editable is not None and not (isinstance(editable, list) and all(isinstance(p, str) for p in editable)):
        shape.fail("editable_pillars")
    assessment["editable_pillars"] = editable
    if assessment["status"] not in STATUSES:
        shape.fail("status")
    if not assessment["city"].strip() or not 1900 <= assessment["year"] <= 2200:
        shape.fail("city" if not assessment["city"].strip() else "year")
    if assessment["id"] != uuid.UUID(manifest["assessment_id"]):
        shape.fail("id")

    try:
        definition = framework_bytes.decode("utf-8")
        framework = framework_from_json(definition)
    except (UnicodeDecodeError, ValueError, FrameworkError, TypeError, KeyError, AttributeError):
        raise UserError("package_framework_invalid", name=name) from None
    if (
        framework_checksum(framework) != assessment["framework_checksum"]
        or framework.code != assessment["framework_code"]
        or framework.version != assessment["framework_version"]
    ):
        raise UserError("package_framework_invalid", name=name)
    pillars = manifest.get("pillars")
    for code in [*(pillars or ()), *(editable or ())]:
        if framework.pillar(code) is None:
            raise UserError("package_bad_content", name=name, member=fmt.MANIFEST, field="pillars")

    shape = fmt.Shape(name, "revisions.json")
    revisions, by_id = [], {}
    for i, raw in enumerate(shape.items(data["revisions.json"], "")):
        where = f"[{i}]."
        row = shape.mapping(raw, f"[{i}]")
        rev = {
            "id": shape.uid(row, "id", where=where),
            "indicator_code": shape.text(row, "indicator", where=where),
            "number": shape.integer(row, "number", where=where),
            "parent_id": shape.uid(row, "parent_id", optional=True, where=where),
            "merged_from": shape.uid(row, "merged_from", optional=True, where=where),
            **_response_fields(shape, row, where),
            "changed": shape.text(row, "changed", where=where),
            "actor": shape.text(row, "actor", where=where),
            "device_id": shape.text(row, "device_id", where=where),
            "at": shape.moment(row, "at", where=where),
        }
        if rev["id"] in by_id:
            shape.fail(f"[{i}].id")
        _check_values(name, framework, rev["indicator_code"], {f: rev[f] for f in RESPONSE_FIELDS})
        by_id[rev["id"]] = rev
        revisions.append(rev)
    for rev in revisions:
        for parent in (rev["parent_id"], rev["merged_from"]):
            if parent is not None and (parent not in by_id or by_id[parent]["indicator_code"] != rev["indicator_code"]):
                raise UserError("package_history_gap", name=name, indicator=rev["indicator_code"])

    shape = fmt.Shape(name, "responses.json")
    responses = {}
    for i, raw in enumerate(shape.items(data["responses.json"], "")):
        where = f"[{i}]."
        row = shape.mapping(raw, f"[{i}]")
        code = shape.text(row, "indicator", where=where)
        fields = _response_fields(shape, row, where)
        _check_values(name, framework, code, fields)
        response = {
            **fields,
            "updated_by": shape.text(row, "updated_by", where=where),
            "updated_at": shape.moment(row, "updated_at", where=where),
            "revision": shape.uid(row, "revision", where=where),
            "revision_number": shape.integer(row, "revision_number", where=where),
        }
        if code in responses:
            shape.fail(f"[{i}].indicator")
        head = by_id.get(response["revision"])
        if head is None or head["indicator_code"] != code or any(head[f] != fields[f] for f in fields):
            raise UserError("package_history_gap", name=name, indicator=code)
        responses[code] = response

    shape = fmt.Shape(name, "audit.json")
    audit = []
    for i, raw in enumerate(shape.items(data["audit.json"], "")):
        where = f"[{i}]."
        row = shape.mapping(raw, f"[{i}]")
        audit.append(
            {
                "id": shape.uid(row, "id", where=where),
                "seq": shape.integer(row, "seq", where=where),
                "at": shape.moment(row, "at", where=where),
                "actor": shape.text(row, "actor", where=where),
                "action": shape.text(row, "action", where=where),
                "assessment_id": shape.uid(row, "assessment_id", where=where),
                "indicator_code": shape.text(row, "indicator_code", optional=True, where=where),
                "field": shape.text(row, "field", optional=True, where=where),
                "old_value": shape.text(row, "old_value", optional=True, where=where),
                "new_value": shape.text(row, "new_value", optional=True, where=where),
                "prev_hash": shape.text(row, "prev_hash", where=where),
                "hash": shape.text(row, "hash", where=where),
            }
        )
    broken = first_break(audit)
    if broken is not None:
        raise UserError("package_chain_broken", name=name, seq=broken[0])
    if len({e["id"] for e in audit}) != len(audit):
        raise UserError("package_chain_broken", name=name, seq=len(audit))

    shape = fmt.Shape(name, "evidence.json")
    evidence = []
    for i, raw in enumerate(shape.items(data["evidence.json"], "")):
        where = f"[{i}]."
        row = shape.mapping(raw, f"[{i}]")
        item = {
            "id": shape.uid(row, "id", where=where),
            "indicator_code": shape.text(row, "indicator", where=where),
            "file_name": shape.text(row, "file_name", where=where),
            "size": shape.integer(row, "size", where=where),
            "sha256": shape.sha256(row, "sha256", where=where),
            "added_by": shape.text(row, "added_by", where=where),
            "added_at": shape.moment(row, "added_at", where=where),
        }
        _require_indicator(name, framework, item["indicator_code"])
        member = listed.get(fmt.EVIDENCE_PREFIX + item["sha256"])
        if member is None:
            raise UserError("package_missing_member", name=name, member=fmt.EVIDENCE_PREFIX + item["sha256"])
        if member[1] != item["size"] or not item["file_name"].strip() or item["size"] <= 0:
            shape.fail(f"[{i}].size")
        evidence.append(item)

    conflicts = _parse_conflicts(name, framework, data.get("conflicts.json", []), by_id)
    removals = _parse_removals(name, framework, data.get("evidence_removals.json", []))

    if assessment["status"] == FINAL:
        sealed = content_hash(assessment, responses, evidence, team_members)
        seal = next((e for e in audit if e["hash"] == assessment["sealed_head"]), None)
        if sealed != assessment["content_hash"] or seal is None or sealed not in (seal["new_value"] or ""):
            raise UserError("package_seal_broken", name=name)
    return Package(
        path=path,
        name=name,
        manifest=manifest,
        listed=listed,
        assessment=assessment,
        framework=framework,
        framework_definition=definition,
        responses=responses,
        revisions=revisions,
        audit=audit,
        evidence=evidence,
        total_bytes=total,
        pillars=pillars,
        conflicts=conflicts,
        removals=removals,
        team=team_members,
    )


def _sign_place(shape: fmt.Shape, a: Mapping[str, Any]) -> str | None:
    place = shape.text(a, "sign_place", optional=True)
    if place is not None:
        try:
            checked = clean_text(place, "sign_place", limits.CITY_MAX_CHARS, single_line=True)
        except TextError:
            checked = None
        if not checked or checked != place:
            shape.fail("sign_place")
    return place


def _parse_team(shape: fmt.Shape, raw: Any) -> list[dict[str, Any]]:
    """The evaluation team, each member exactly as `services.team` would store them, or the package is refused."""
    members, names = [], set()
    for i, item in enumerate(shape.items(raw, "team")[: limits.TEAM_MAX_MEMBERS + 1]):
        where = f"team[{i}]."
        row = shape.mapping(item, f"team[{i}]")
        member = {key: shape.text(row, key, where=where) for key in ("name", "role", "nip", "position")}
        member["added_at"] = shape.moment(row, "added_at", where=where)
        try:
            stored = checked_member(member["name"], member["role"], member["nip"], member["position"])
        except UserError:
            stored = None
        as_given = TeamMemberInfo(member["name"], member["role"], member["nip"], member["position"])
        if i >= limits.TEAM_MAX_MEMBERS or stored != as_given or stored.name in names:
            shape.fail(f"team[{i}]")
        names.add(stored.name)
        members.append(member)
    return members


def _parse_conflicts(name: str, framework: Framework, raw: Any, revisions: dict) -> list[dict[str, Any]]:
    """The open conflicts a package carries: each incoming side a revision of its history, on the scale."""
    shape = fmt.Shape(name, "conflicts.json")
    out, seen = [], set()
    for i, item in enumerate(shape.items(raw, "")):
        where = f"[{i}]."
        row = shape.mapping(item, f"[{i}]")
        code = shape.text(row, "indicator", where=where)
        theirs = shape.mapping(row.get("theirs"), f"[{i}].theirs")
        fields = _response_fields(shape, theirs, where + "theirs.")
        _check_values(name, framework, code, fields)
        evidence = []
        for j, e in enumerate(shape.items(theirs.get("evidence", []), where + "theirs.evidence")):
            at = f"{where}theirs.evidence[{j}]."
            e = shape.mapping(e, at)
            evidence.append(
                {
                    "file_name": shape.text(e, "file_name", where=at),
                    "sha256": shape.sha256(e, "sha256", where=at),
                    "size": shape.integer(e, "size", optional=True, where=at),
                    "added_by": shape.text(e, "added_by", optional=True, where=at),
                }
            )
        conflict = {
            "indicator_code": code,
            "mine_revision": shape.uid(row, "mine_revision", optional=True, where=where),
            "theirs_revision": shape.uid(row, "theirs_revision", where=where),
            "theirs": {
                **fields,
                "by": shape.text(theirs, "by", optional=True, where=where + "theirs.") or "",
                "at": shape.moment(theirs, "at", optional=True, where=where + "theirs."),
                "device": shape.text(theirs, "device", optional=True, where=where + "theirs.") or "",
                "evidence": evidence,
            },
            "source": shape.text(row, "source", where=where),
        }
        head = revisions.get(conflict["theirs_revision"])
        if head is None or head["indicator_code"] != code or any(head[f] != fields[f] for f in fields):
            raise UserError("package_history_gap", name=name, indicator=code)
        if code in seen:
            shape.fail(f"[{i}].indicator")
        seen.add(code)
        out.append(conflict)
    return out


def _parse_removals(name: str, framework: Framework, raw: Any) -> list[dict[str, Any]]:
    shape = fmt.Shape(name, "evidence_removals.json")
    out = []
    for i, item in enumerate(shape.items(raw, "")):
        where = f"[{i}]."
        row = shape.mapping(item, f"[{i}]")
        removal = {
            "id": shape.uid(row, "id", where=where),
            "indicator_code": shape.text(row, "indicator", where=where),
            "sha256": shape.sha256(row, "sha256", where=where),
            "file_name": shape.text(row, "file_name", where=where),
            "removed_by": shape.text(row, "removed_by", where=where),
            "removed_at": shape.moment(row, "removed_at", where=where),
        }
        _require_indicator(name, framework, removal["indicator_code"])
        out.append(removal)
    if len({r["id"] for r in out}) != len(out):
        shape.fail("id")
    return out
