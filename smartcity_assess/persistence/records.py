"""Plain records of stored data that start-up reads before SQLAlchemy is loaded (see quick_read)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

DRAFT = "draft"
IN_REVIEW = "in_review"  # submitted by the assessors, waiting for the reviewer: read-only
FINAL = "final"

# the roles of an evaluation team, in the order the report lists them
LEAD = "lead"
ASSESSOR = "assessor"
REVIEWER = "reviewer"
TEAM_ROLES = (LEAD, ASSESSOR, REVIEWER)


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
    submitted_at: datetime | None = None
    submitted_by: str | None = None
    reviewer: str | None = None
    reviewer_role: str | None = None
    reviewer_nip: str | None = None
    review_comment: str | None = None
    content_hash: str | None = None
    sealed_head: str | None = None
    editable_pillars: tuple[str, ...] | None = None  # an assignment's pillars; None: all of them
    sign_place: str | None = None  # where the report is signed; None: the city's name

    @property
    def is_final(self) -> bool:
        return self.status == FINAL

    @property
    def is_in_review(self) -> bool:
        return self.status == IN_REVIEW

    def may_edit_pillar(self, pillar_code: str) -> bool:
        return self.editable_pillars is None or pillar_code in self.editable_pillars
