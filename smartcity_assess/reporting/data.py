"""Everything one report shows, read from the store once and scored by the foundation's engine.

The report never recomputes a figure: scores, gaps and priorities come from
`services.assessments.score` / `score_many` (i.e. `core.scoring`), and this module only collects them
together with the notes, evidence counts and the city's earlier assessments.
"""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from ..core.errors import UserError
from ..services.agreement import Agreement, agreement
from ..services.assessments import ScoredAssessment, earlier_finals, score
from ..services.records import EvidenceInfo, ResponseRecord, Store, TeamMemberInfo


@dataclass(frozen=True)
class ReportData:
    current: ScoredAssessment
    responses: dict[str, ResponseRecord]
    evidence: tuple[EvidenceInfo, ...]  # in the order they were added
    team: tuple[TeamMemberInfo, ...]
    earlier: tuple[ScoredAssessment, ...]  # final assessments of the same city and framework code, oldest first
    report_date: date
    agreement: Agreement | None = None  # between the assessors who scored it independently

    @property
    def previous(self) -> ScoredAssessment | None:
        """The latest earlier final assessment (the 'previous year' on the radar), if any."""
        return self.earlier[-1] if self.earlier else None

    @cached_property
    def evidence_counts(self) -> dict[str, int]:
        return dict(Counter(e.indicator_code for e in self.evidence))

    @property
    def has_answers(self) -> bool:
        return self.current.score.overall.score is not None


def as_assessment_id(value: uuid.UUID | str) -> uuid.UUID:
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise UserError(f"'{value}' is not an assessment id") from None


def gather(store: Store, assessment_id: uuid.UUID | str, report_date: date | None = None) -> ReportData:
    assessment_id = as_assessment_id(assessment_id)
    responses = store.responses(assessment_id)
    current = score(store, assessment_id, responses)  # NotFoundError (a UserError) for an unknown id
    info = current.info
    earlier = tuple(earlier_finals(store, info))
    return ReportData(
        current=current,
        responses=responses,
        evidence=tuple(store.evidence(info.id)),
        team=tuple(store.team(info.id)),
        earlier=earlier,
        report_date=report_date or date.today(),
        agreement=agreement(store, info.id),
    )
