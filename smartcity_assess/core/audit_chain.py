"""The audit trail as a hash chain, and the content hash an approval seals.

Every entry stores the SHA-256 of its own content together with the previous entry's hash, so an
entry edited, removed or put in behind the app's back breaks the chain from there on. Pure
functions over plain values: the store links entries as it writes them, `verify` recomputes.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from .responses import REPORT_FIELDS

GENESIS = "0" * 64  # the "previous hash" of an assessment's first entry

# What an entry's hash covers (its seq, id and prev_hash included): every column but the hash itself.
ENTRY_FIELDS = (
    "id",
    "seq",
    "at",
    "actor",
    "action",
    "assessment_id",
    "indicator_code",
    "field",
    "old_value",
    "new_value",
)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC).isoformat(timespec="microseconds")
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def canonical(data: Any) -> bytes:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=_plain).encode()


def entry_hash(entry: Mapping[str, Any], prev_hash: str) -> str:
    """SHA-256 of an audit entry's content and the hash of the entry before it."""
    content = {name: _plain(entry.get(name)) for name in ENTRY_FIELDS}
    content["prev_hash"] = prev_hash
    return hashlib.sha256(canonical(content)).hexdigest()


def link(entries: Iterable[dict[str, Any]], head_seq: int, head_hash: str) -> list[dict[str, Any]]:
    """The entries numbered and chained after the head (seq, hash); changes and returns the dicts."""
    linked = []
    for entry in entries:
        head_seq += 1
        entry["seq"] = head_seq
        entry["prev_hash"] = head_hash
        entry["hash"] = head_hash = entry_hash(entry, head_hash)
        linked.append(entry)
    return linked


def first_break(entries: Iterable[Mapping[str, Any]]) -> tuple[int, Mapping[str, Any]] | None:
    """(position, entry) of the first entry, in seq order, whose link or own hash does not match."""
    previous = GENESIS
    for position, entry in enumerate(entries, start=1):
        if entry.get("seq") != position or entry.get("prev_hash") != previous:
            return position, entry
        if entry_hash(entry, previous) != entry.get("hash"):
            return position, entry
        previous = entry["hash"]
    return None


RESPONSE_FIELDS = ("level", "na", "target", "value", "note")


def content_hash(
    assessment: Mapping[str, Any],
    responses: Mapping[str, Mapping[str, Any]],
    evidence: Iterable[Mapping[str, Any]],
    members: Iterable[Mapping[str, Any]] = (),
) -> str:
    """SHA-256 of what an approval signs: the assessment, every response and every evidence file's hash,
    and the people and place the signed report names (only when given: older seals still verify)."""
    data = {
        # the city as the store matches it (case and spaces folded): a database that spells it
        # "Kota bandung" holds the same assessment, and a seal made elsewhere must still verify there
        "assessment": {
            "id": _plain(assessment["id"]),
            "city": " ".join(str(assessment["city"]).split()).casefold(),
            "year": assessment["year"],
            "framework_checksum": assessment["framework_checksum"],
        },
        "responses": {code: _response_content(fields) for code, fields in sorted(responses.items())},
        "evidence": sorted([e["indicator_code"], e["file_name"], e["sha256"], int(e["size"])] for e in evidence),
    }
    team = sorted([m["name"], m["role"], m["nip"] or "", m["position"] or ""] for m in members)
    if team:
        data["team"] = team
    if assessment.get("sign_place"):
        data["sign_place"] = assessment["sign_place"]
    return hashlib.sha256(canonical(data)).hexdigest()


# The report's fields of a response are hashed only when given, so a seal made before they existed
# still verifies.


def _response_content(fields: Mapping[str, Any]) -> dict[str, Any]:
    value = fields.get("value")
    content = {
        "level": fields.get("level"),
        "na": bool(fields.get("na")),
        "target": fields.get("target"),
        "value": None if value is None else float(value),
        "note": fields.get("note") or "",
    }
    for name in REPORT_FIELDS:
        if fields.get(name) not in (None, ""):
            content[name] = fields[name]
    return content
