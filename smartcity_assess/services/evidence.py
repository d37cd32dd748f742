"""Evidence files: added and removed through here only, with the rules every front end shares.

The size limit, the empty-file and duplicate checks, and the refusal to read the database's own
files live here, not in a widget, so the app and the command line refuse the same things.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from pathlib import Path

from ..core.clean_text import safe_file_name
from ..core.errors import UserError
from ..persistence.db import database_files
from ..persistence.store import EvidenceInfo, Store

DEFAULT_LIMIT_BYTES = 25 * 1024 * 1024


def _same_file(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def refuse_database_file(store: Store, path: Path) -> None:
    """UserError when `path` is one of the database's own files — told by stat, without opening it."""
    try:
        offered = path.stat()
    except OSError:
        return  # reading it will say what is wrong
    for own in database_files(store.engine):
        try:
            if _same_file(offered, own.stat()):
                raise UserError("evidence_is_database", name=path.name)
        except FileNotFoundError:
            continue


def read_evidence_file(store: Store, path: str | Path, limit_bytes: int = DEFAULT_LIMIT_BYTES) -> tuple[str, bytes]:
    """(file name, bytes) of a file offered as evidence, or one sentence saying why not."""
    path = Path(path)
    refuse_database_file(store, path)
    try:
        size = path.stat().st_size  # first: a missing file "cannot be read", it is not "not a file"
        if not path.is_file():
            raise UserError("evidence_not_a_file", name=path.name)
        if size > limit_bytes:
            raise UserError("evidence_too_large", name=path.name, size=size, limit=limit_bytes)
        if size == 0:
            raise UserError("evidence_empty", name=path.name)
        data = path.read_bytes()
    except OSError as exc:
        raise UserError("evidence_unreadable", name=path.name, reason=exc.strerror or str(exc)) from None
    if len(data) > limit_bytes:  # it grew between the look and the read
        raise UserError("evidence_too_large", name=path.name, size=len(data), limit=limit_bytes)
    return safe_file_name(path.name), data


def add_evidence(
    store: Store,
    assessment_id: uuid.UUID,
    indicator_code: str,
    file_name: str,
    data: bytes,
    *,
    actor: str | None = None,
    limit_bytes: int = DEFAULT_LIMIT_BYTES,
) -> EvidenceInfo:
    """Attach bytes to an indicator in one transaction; the same file twice on one indicator is refused."""
    if not data:
        raise UserError("evidence_empty", name=file_name)
    if len(data) > limit_bytes:
        raise UserError("evidence_too_large", name=file_name, size=len(data), limit=limit_bytes)
    digest = hashlib.sha256(data).hexdigest()
    with store.transaction():
        framework = store.framework(store.assessment(assessment_id).framework_id)
        if framework.indicator(indicator_code) is None:
            raise UserError("not_an_indicator", indicator=indicator_code, framework=framework.code)
        if any(e.file_name == file_name and e.sha256 == digest for e in store.evidence(assessment_id, indicator_code)):
            raise UserError("evidence_duplicate", name=file_name, indicator=indicator_code)
        return store.add_evidence(assessment_id, indicator_code, file_name, data, actor=actor)


def add_evidence_file(
    store: Store,
    assessment_id: uuid.UUID,
    indicator_code: str,
    path: str | Path,
    *,
    actor: str | None = None,
    limit_bytes: int = DEFAULT_LIMIT_BYTES,
) -> EvidenceInfo:
    name, data = read_evidence_file(store, path, limit_bytes)
    return add_evidence(store, assessment_id, indicator_code, name, data, actor=actor, limit_bytes=limit_bytes)


def remove_evidence(store: Store, evidence_id: uuid.UUID, *, actor: str | None = None) -> None:
    store.remove_evidence(evidence_id, actor=actor)


def find_by_sha256(store: Store, assessment_id: uuid.UUID, sha256: str) -> EvidenceInfo:
    """The assessment's evidence file with this SHA-256 (a unique prefix of 8 or more hex digits will do)."""
    wanted = sha256.strip().lower()
    matches = {e.sha256: e for e in store.evidence(assessment_id) if len(wanted) >= 8 and e.sha256.startswith(wanted)}
    if len(matches) != 1:
        raise UserError("evidence_not_found", sha256=sha256)
    return next(iter(matches.values()))


def save_evidence_copy(store: Store, evidence: EvidenceInfo, out: str | Path) -> Path:
    """Write an evidence file's bytes (checked against its SHA-256) to `out`, atomically."""
    out = Path(out)
    data = store.evidence_data(evidence.id)
    temp = out.with_name(f".{out.name}.part")
    try:
        temp.write_bytes(data)
        os.replace(temp, out)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise UserError("evidence_unreadable", name=str(out), reason=exc.strerror or str(exc)) from None
    return out
