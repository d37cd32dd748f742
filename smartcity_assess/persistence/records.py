"""Plain records of stored data that start-up reads before SQLAlchemy is loaded (see quick_read)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

DRAFT = "draft"
FINAL = "final"


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

    @property
    def is_final(self) -> bool:
        return self.status == FINAL
