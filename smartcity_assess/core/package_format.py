"""The package format (.scapkg): which members a package has, their limits, and the shape of each.

A package is a zip: manifest.json (format version, who and where it came from, and the SHA-256
and size of every other member), the assessment, its frozen framework, responses with their
revision histories, the audit chain, evidence metadata, and one member per evidence file named by
its SHA-256. Version 2 adds the open conflicts (both sides, so the recipient decides them too) and
the evidence removals (so a file removed on one laptop stays removed after a merge); a version 1
package is read as having neither. Everything here is pure checking of names and parsed values; reading the zip is the
service's job. Every refusal is one UserError sentence naming the package.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from .errors import UserError

FORMAT = "smartcity-assess-package"
FORMAT_VERSION = 2
MANIFEST = "manifest.json"
DATA_MEMBERS = ("assessment.json", "framework.json", "responses.json", "revisions.json", "audit.json", "evidence.json")
SINCE_VERSION_2 = ("conflicts.json", "evidence_removals.json")  # absent from version 1 packages: read as []
EVIDENCE_PREFIX = "evidence/"
_EVIDENCE_NAME = re.compile(r"evidence/[0-9a-f]{64}")
_SHA256 = re.compile(r"[0-9a-f]{64}")

MAX_MANIFEST_BYTES = 4 * 1024 * 1024
MAX_MEMBER_BYTES = 256 * 1024 * 1024  # one member, unpacked (the largest evidence file we accept)
MAX_TOTAL_BYTES = 8 * 1024 * 1024 * 1024  # the whole package, unpacked
MAX_RATIO = 250  # unpacked / packed size of one member: more is a zip bomb (our JSON packs ~10×)
MAX_MEMBERS = 100_000


def unsafe_name(name: str) -> bool:
    """A member name that could escape the folder it is unpacked in, on any system."""
    return (
        not name
        or "\\" in name
        or name.startswith("/")
        or re.match(r"[A-Za-z]:", name) is not None
        or any(part in ("..", ".", "") for part in name.split("/"))
        or any(ord(c) < 32 for c in name)
    )


def expected_name(name: str) -> bool:
    return (
        name == MANIFEST
        or name in DATA_MEMBERS
        or name in SINCE_VERSION_2
        or _EVIDENCE_NAME.fullmatch(name) is not None
    )


def shown_member(name: str, most: int = 80) -> str:
    """A member name as an error may quote it: a damaged zip's name can hold line ends and binary garbage,
    and the refusal must stay one line."""
    shown = "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in name[: most + 1])
    return shown if len(shown) <= most else f"{shown[:most]}…"


def check_member_name(package: str, name: str) -> None:
    if unsafe_name(name):
        raise UserError("package_unsafe_name", name=package, member=shown_member(name))
    if not expected_name(name):
        raise UserError("package_unexpected_member", name=package, member=shown_member(name))


def check_member_size(package: str, name: str, size: int, packed: int) -> None:
    limit = MAX_MANIFEST_BYTES if name == MANIFEST else MAX_MEMBER_BYTES
    if size > limit:
        raise UserError("package_member_too_large", name=package, member=name, size=size, limit=limit)
    if size > 64 * 1024 and size > MAX_RATIO * max(packed, 1):
        raise UserError("package_bomb", name=package, member=name, ratio=size // max(packed, 1))


class Shape:
    """Checks a parsed JSON member field by field; the first problem is the package's refusal."""

    def __init__(self, package: str, member: str):
        self.package = package
        self.member = member

    def fail(self, field: str):
        raise UserError("package_bad_content", name=self.package, member=self.member, field=field)

    def mapping(self, value: Any, field: str) -> Mapping[str, Any]:
        if not isinstance(value, dict):
            self.fail(field)
        return value

    def items(self, value: Any, field: str) -> list:
        if not isinstance(value, list):
            self.fail(field)
        return value

    def text(self, data: Mapping, key: str, *, optional: bool = False, where: str = "") -> str | None:
        value = data.get(key)
        if value is None and optional:
            return None
        if not isinstance(value, str) or len(value) > 1_000_000:
            self.fail(where + key)
        return value

    def integer(self, data: Mapping, key: str, *, optional: bool = False, where: str = "") -> int | None:
        value = data.get(key)
        if value is None and optional:
            return None
        if not isinstance(value, int) or isinstance(value, bool) or abs(value) > 2**53:
            self.fail(where + key)
        return value

    def number(self, data: Mapping, key: str, *, where: str = "") -> float | None:
        value = data.get(key)
        if value is None:
            return None
        if not isinstance(value, int | float) or isinstance(value, bool) or value != value or abs(value) > 1e300:
            self.fail(where + key)
        return float(value)

    def flag(self, data: Mapping, key: str, *, where: str = "") -> bool:
        value = data.get(key)
        if not isinstance(value, bool):
            self.fail(where + key)
        return value

    def uid(self, data: Mapping, key: str, *, optional: bool = False, where: str = "") -> uuid.UUID | None:
        value = data.get(key)
        if value is None and optional:
            return None
        try:
            return uuid.UUID(value)
        except (TypeError, ValueError, AttributeError):
            self.fail(where + key)

    def moment(self, data: Mapping, key: str, *, optional: bool = False, where: str = "") -> datetime | None:
        value = data.get(key)
        if value is None and optional:
            return None
        try:
            moment = datetime.fromisoformat(value)
        except (TypeError, ValueError):
            self.fail(where + key)
        if moment.tzinfo is None:
            self.fail(where + key)
        return moment

    def sha256(self, data: Mapping, key: str, *, where: str = "") -> str:
        value = data.get(key)
        if not isinstance(value, str) or _SHA256.fullmatch(value) is None:
            self.fail(where + key)
        return value


def check_manifest(package: str, data: Any) -> dict[str, tuple[str, int]]:
    """The members the manifest lists (name → (sha256, size)); refuses an unknown or newer format."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise UserError("package_unknown_format", name=package)
    version = data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise UserError("package_unknown_format", name=package)
    if version > FORMAT_VERSION:
        raise UserError("package_newer_format", name=package, version=version, supported=FORMAT_VERSION)
    shape = Shape(package, MANIFEST)
    for key in ("app_version", "exported_by", "device_id"):
        shape.text(data, key)
    shape.moment(data, "exported_at")
    shape.uid(data, "assessment_id")
    pillars = data.get("pillars")
    if pillars is not None and not (isinstance(pillars, list) and pillars and all(isinstance(p, str) for p in pillars)):
        shape.fail("pillars")
    members = shape.mapping(data.get("members"), "members")
    if len(members) > MAX_MEMBERS:
        shape.fail("members")
    listed = {}
    for name, entry in members.items():
        check_member_name(package, name)
        entry = shape.mapping(entry, f"members.{name}")
        size = shape.integer(entry, "size", where=f"members.{name}.")
        if size < 0:
            shape.fail(f"members.{name}.size")
        listed[name] = (shape.sha256(entry, "sha256", where=f"members.{name}."), size)
    if MANIFEST in listed:
        shape.fail(f"members.{MANIFEST}")
    for name in DATA_MEMBERS + (SINCE_VERSION_2 if version >= 2 else ()):
        if name not in listed:
            raise UserError("package_incomplete", name=package, member=name)
    return listed


def json_members(listed: Mapping[str, Any]) -> tuple[str, ...]:
    """The JSON members a package has: all of them from version 2 on, the first six in version 1."""
    return DATA_MEMBERS + tuple(m for m in SINCE_VERSION_2 if m in listed)
