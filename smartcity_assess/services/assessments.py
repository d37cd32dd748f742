"""Assessment use cases: start one, record what the assessor says, score it."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping

from ..core.errors import UserError
from ..core.framework import Framework
from ..core.responses import indicator_or_error, merge_response, stored_answer_problem, validate_response
from ..core.scoring import score_assessment
from ..persistence.store import AssessmentInfo, ResponseRecord, Store
from .frameworks import BUILTIN_FRAMEWORK_CODE
from .listing import ScoredAssessment
from .review import finalize as sign_off
from .review import reopen as reopen_sealed

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


NOT_CHECKED = object()  # record_response(seen=…) default: the caller showed nothing to check against


def record_response(
    store: Store,
    assessment_id: uuid.UUID,
    indicator_code: str,
    *,
    actor: str | None = None,
    seen=NOT_CHECKED,
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

    One transaction: the stored response is read, merged and written under the write lock, so a
    field another writer saved a moment ago is never reverted. `seen` is the revision the caller
    showed (None: no response yet); a field changed by someone else since then raises
    ChangedElsewhere instead of being overwritten.

    Choosing a level clears N/A and marking N/A clears the level, as a person would expect.
    A measured value sets the level from the metric's thresholds; a level chosen over a measured
    value is refused (it would silently throw the measurement away).
    """
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
    with store.transaction():
        store.lock_for_write(assessment_id)
        framework = store.framework(store.assessment(assessment_id).framework_id)
        current = store.response(assessment_id, indicator_code)
        indicator = indicator_or_error(framework, indicator_code)
        if (
            given.get("level") is not None
            and "value" not in given
            and indicator.metric is not None
            and current is not None
            and current.value is not None
        ):
            raise UserError("level_follows_value", indicator=indicator_code)
        merged = merge_response(current.as_input() if current else None, given)
        entry = validate_response(framework, indicator_code, merged)
        checked = None if seen is NOT_CHECKED else {indicator_code: seen}
        return store.save_response(assessment_id, indicator_code, entry.as_fields(), actor=actor, seen=checked)


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
    on_scale: dict[uuid.UUID, set[int]] = {}  # framework → ids of the (interned) answers checked on its scale
    for info in infos:
        framework = store.framework(info.framework_id)
        given = answers.get(info.id, {})
        _check_scale(store, info, framework, given, on_scale.setdefault(info.framework_id, set()))
        results.append(ScoredAssessment(info, framework, score_assessment(framework, given)))
    return results


def _check_scale(store: Store, info: AssessmentInfo, framework: Framework, answers, checked: set[int]) -> None:
    """A stored level off the framework's scale would score silently wrong: refuse it, naming it."""
    for code, answer in answers.items():
        if id(answer) in checked:
            continue
        if stored_answer_problem(framework, answer.level, answer.na, answer.target) is not None:
            store.refuse_answer(info.id, code, answer.level, answer.na, answer.target)
        checked.add(id(answer))


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
        raise UserError("not_a_year", text=text) from None
    if not 1900 <= year <= 2200:
        raise UserError("year_implausible", year=year)
    return year


def finalize(store: Store, assessment_id: uuid.UUID, *, actor: str | None = None) -> None:
    """Make the assessment read-only; one transaction, so no save can land after it (they wait or are refused).

    Submit and approve in one step, by the one assessor (services.review): sealed like any approval,
    refused while merge conflicts are open.
    """
    sign_off(store, assessment_id, actor=actor)


def reopen(store: Store, assessment_id: uuid.UUID, *, reason: str = "", actor: str | None = None) -> None:
    """Make a final assessment editable again; the reason goes to the audit trail."""
    reopen_sealed(store, assessment_id, actor=actor, reason=reason)


def delete(store: Store, assessment_id: uuid.UUID, *, actor: str | None = None) -> None:
    """Delete a draft with its responses, revisions and evidence (the audit trail keeps that it was)."""
    store.delete_assessment(assessment_id, actor=actor)
