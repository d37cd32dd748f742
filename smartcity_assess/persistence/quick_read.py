"""The assessment list read straight from a SQLite file with the standard library, for the first seconds of
start-up: SQLAlchemy (and the sqlite dialect) take ~300 ms to import on a field laptop's slow core, and the
list should be on screen before that.

Read-only, and only for what it can be sure of: a plain database file whose schema is this build's head and
passes SQLite's quick check. Anything else — no file yet, an older or newer schema, damage, a server URL —
returns None, and the store (which migrates, and words every refusal) reads the list instead. The rows are
the same the store gives (`Store.list_assessments`, `Store.answers_for`); a test compares the two.
"""

from __future__ import annotations

import sqlite3
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from ..core.scoring import Answer
from .location import SCHEMA_HEAD, sqlite_file
from .records import AssessmentInfo

_ASSESSMENTS = """
SELECT a.id, c.name, a.year, a.framework_id, a.framework_code, f.version, a.assessor, a.status, a.is_demo,
       a.created_at, a.updated_at, a.finalized_at, a.finalized_by,
       a.submitted_at, a.submitted_by, a.reviewer, a.reviewer_role, a.reviewer_nip, a.review_comment,
       a.content_hash, a.sealed_head, a.editable_pillars
FROM assessments a JOIN cities c ON c.id = a.city_id JOIN frameworks f ON f.id = a.framework_id
ORDER BY c.name_key, a.year, a.framework_code
"""


@dataclass(frozen=True)
class Listing:
    infos: list[AssessmentInfo]
    frameworks: dict[uuid.UUID, tuple[str, str]]  # id → (canonical JSON definition, its recorded checksum)
    answers: dict[uuid.UUID, dict[str, Answer]]


def _time(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text).replace(tzinfo=UTC)


def read_listing(path_or_url) -> Listing | None:
    """Every assessment with its framework definition and answers, or None when the store must read it."""
    path = sqlite_file(path_or_url)
    if path is None or not path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        if [r[0] for r in conn.execute("PRAGMA quick_check(1)")] != ["ok"]:
            return None
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        if revision is None or revision[0] != SCHEMA_HEAD:
            return None
        infos = [
            AssessmentInfo(
                id=uuid.UUID(r[0]),
                city=r[1],
                year=r[2],
                framework_id=uuid.UUID(r[3]),
                framework_code=r[4],
                framework_version=r[5],
                assessor=r[6],
                status=r[7],
                is_demo=bool(r[8]),
                created_at=_time(r[9]),
                updated_at=_time(r[10]),
                finalized_at=_time(r[11]),
                finalized_by=r[12],
                submitted_at=_time(r[13]),
                submitted_by=r[14],
                reviewer=r[15],
                reviewer_role=r[16],
                reviewer_nip=r[17],
                review_comment=r[18],
                content_hash=r[19],
                sealed_head=r[20],
                editable_pillars=tuple(r[21].split(",")) if r[21] is not None else None,
            )
            for r in conn.execute(_ASSESSMENTS)
        ]
        frameworks = {
            uuid.UUID(r[0]): (r[1], r[2]) for r in conn.execute("SELECT id, definition, checksum FROM frameworks")
        }
        answers: dict[uuid.UUID, dict[str, Answer]] = {i.id: {} for i in infos}
        by_hex = {i.id.hex: answers[i.id] for i in infos}
        seen: dict[tuple, Answer] = {}
        for raw_id, code, level, na, target in conn.execute(
            "SELECT assessment_id, indicator_code, level, na, target FROM responses"
        ):
            key = (level, bool(na), target)
            answer = seen.get(key) or seen.setdefault(key, Answer(level=level, na=bool(na), target=target))
            by_hex[raw_id][code] = answer
    except (sqlite3.Error, ValueError, KeyError):  # anything unexpected: the store reads it and says what is wrong
        return None
    finally:
        conn.close()
    return Listing(infos, frameworks, answers)
