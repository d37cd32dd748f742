"""Assessment use cases: start one, record what the assessor says, score it."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..core.errors import UserError
from ..core.framework import Framework
from ..core.responses import merge_response, validate_response
from ..core.scoring import AssessmentScore, score_assessment
from ..persistence.store import AssessmentInfo, ResponseRecord, Store
from .frameworks import BUILTIN_FRAMEWORK_CODE

_UNCHANGED = object()


def new_assessment(
    store: Store,
    city: str,
    year: int,
    *,
    framework_code: str | None = None,
    framework_version: str | None = None,
    assessor: str = "",
    actor: str | None = None,
) -> uuid.UUID:
    info = store.find_framework(framework_code or BUILTIN_FRAMEWORK_CODE, framework_version)
    return store.create_assessment(city, year, info.id, assessor=assessor, actor=actor or assessor or None)


def record_response(
    store: Store,
    assessment_id: uuid.UUID,
    indicator_code: str,
    *,
    actor: str | None = None,
    level=_UNCHANGED,
    na=_UNCHANGED,
    target=_UNCHANGED,
    value=_UNCHANGED,
    note=_UNCHANGED,
    value_source=_UNCHANGED,
    value_year=_UNCHANGED,
    recommendation=_UNCHANGED,
    responsible=_UNCHANGED,
    due=_UNCHANGED,
) -> ResponseRecord:
    """Change some fields of one response (the autosave path); the others keep their stored values.

    Choosing a level clears N/A and marking N/A clears the level, as a person would expect.
    A measured value sets the level from the metric's thresholds.
    """
    framework = store.framework(store.assessment(assessment_id).framework_id)
    current = store.responses(assessment_id).get(indicator_code)
    given = {
        k: v
        for k, v in dict(
            level=level,
            na=na,
            target=target,
            value=value,
            note=note,
            value_source=value_source,
            value_year=value_year,
            recommendation=recommendation,
            responsible=responsible,
            due=due,
        ).items()
        if v is not _UNCHANGED
    }
    merged = merge_response(current.as_input() if current else None, given)
    entry = validate_response(framework, indicator_code, merged)
    return store.save_response(assessment_id, indicator_code, entry.as_fields(), actor=actor)


@dataclass(frozen=True)
class ScoredAssessment:
    info: AssessmentInfo
    framework: Framework
    score: AssessmentScore


def score(
    store: Store, assessment_id: uuid.UUID, responses: Mapping[str, ResponseRecord] | None = None
) -> ScoredAssessment:
    """The assessment scored; pass its `responses` when already read, so they are not read again."""
    info = store.assessment(assessment_id)
    framework = store.framework(info.framework_id)
    if responses is None:
        responses = store.responses(assessment_id)
    answers = {code: record.answer() for code, record in responses.items()}
    return ScoredAssessment(info, framework, score_assessment(framework, answers))


def score_many(store: Store, infos: Iterable[AssessmentInfo] | None = None) -> list[ScoredAssessment]:
    """Score many assessments with one read of their answers (all assessments when infos is None)."""
    infos = list(infos) if infos is not None else store.list_assessments()
    answers = store.answers_for([i.id for i in infos])
    results = []
    for info in infos:
        framework = store.framework(info.framework_id)
        results.append(ScoredAssessment(info, framework, score_assessment(framework, answers.get(info.id, {}))))
    return results


def earlier_finals(store: Store, info: AssessmentInfo) -> list[ScoredAssessment]:
    """The same city's final assessments before this one (same framework code), oldest first, scored.

    Only finals: a draft's figures are not agreed results yet. The last is the 'previous year' that
    the app's radar and the report's both show, so they always agree.
    """
    earlier = [
        i
        for i in store.list_assessments(city=info.city, framework_code=info.framework_code)
        if i.year < info.year and i.is_final
    ]
    return score_many(store, earlier)  # list_assessments gives one city's years in order


def parse_year(text: str | int) -> int:
    try:
        year = int(str(text).strip())
    except ValueError:
        raise UserError(f"'{text}' is not a year") from None
    if not 1900 <= year <= 2200:
        raise UserError(f"{year} is not a plausible assessment year")
    return year
