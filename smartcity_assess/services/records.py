"""What the front ends hold from the storage layer, handed over by services, the one door.

The store handle (reads, and the writes that services make through it) and the plain, frozen
records it returns; the database location helpers for messages. Front ends import these from here,
never from `persistence` (an import-linter contract in pyproject.toml keeps it so).
"""

from ..persistence.credentials import login_and_host
from ..persistence.db import DATABASE_ENV, database_location, database_url, describe_database_error
from ..persistence.records import TEAM_ROLES
from ..persistence.store import (
    AssessmentInfo,
    AuditInfo,
    EvidenceInfo,
    FrameworkInfo,
    ResponseRecord,
    RevisionInfo,
    Store,
    TeamMemberInfo,
    default_actor,
)

__all__ = [
    "DATABASE_ENV",
    "TEAM_ROLES",
    "AssessmentInfo",
    "AuditInfo",
    "EvidenceInfo",
    "FrameworkInfo",
    "ResponseRecord",
    "RevisionInfo",
    "Store",
    "TeamMemberInfo",
    "database_location",
    "database_url",
    "default_actor",
    "describe_database_error",
    "login_and_host",
]
