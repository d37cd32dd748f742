"""Turning indicator levels into pillar and overall results, gaps and priorities.

Rules (weighted means, N/A and unanswered left out with weights renormalised):
  pillar score  = Σ w·level / Σ w          over answered, non-N/A indicators
  pillar target = Σ w·target / Σ w
  gap           = max(0, target − level);  pillar gap = Σ w·gap / Σ w
  overall       = the same weighted means over the pillars that have a score, with pillar weights
  priority      = pillar share × indicator share within its pillar × gap  (sums to the overall gap)
  completion    = (answered + N/A) / all indicators
  domain        = score, target and gap: weighted means of its scored pillars (pillar weights);
                  completion: the weighted mean of all its pillars' completions
Nothing is rounded here; rounding is for display.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from .framework import Band, Framework, Indicator


@dataclass(frozen=True)
class Answer:
    """What an assessor recorded for one indicator (level None and na False = unanswered)."""

    level: int | None = None
    na: bool = False
    target: int | None = None  # None: the framework's target for the indicator

    @property
    def is_scored(self) -> bool:
        return self.level is not None and not self.na


class IndicatorResult(NamedTuple):
    """Result of one indicator (a NamedTuple: a report of 1,000 assessments builds tens of thousands)."""

    code: str
    pillar: str
    level: int | None
    target: int
    gap: float | None
    na: bool
    priority: float | None
    weight: float


@dataclass(frozen=True)
class PillarResult:
    code: str
    weight: float
    score: float | None
    target: float | None
    gap: float | None
    band: Band | None
    completion: float
    answered: int
    not_applicable: int
    total: int


@dataclass(frozen=True)
class DomainResult:
    code: str
    weight: float  # the sum of its pillars' weights
    score: float | None
    target: float | None
    gap: float | None
    band: Band | None
    completion: float


@dataclass(frozen=True)
class OverallResult:
    score: float | None
    target: float | None
    gap: float | None
    band: Band | None
    completion: float
    answered: int
    not_applicable: int
    total: int


@dataclass(frozen=True)
class AssessmentScore:
    overall: OverallResult
    pillars: tuple[PillarResult, ...]
    domains: tuple[DomainResult, ...]  # () when the framework has no domains
    # What the indicator results are built from, on first use: bulk scoring (comparisons, many
    # years) often needs only the pillars, and tens of thousands of result objects made up front
    # cost more than the scoring itself.
    _framework: Framework = field(repr=False, compare=False)
    _answers: Mapping[str, Answer] = field(repr=False, compare=False)
    _priority: dict[str, float] = field(repr=False, compare=False)

    @cached_property
    def indicators(self) -> tuple[IndicatorResult, ...]:
        results = []
        for ind in self._framework.indicators:
            answer = self._answers.get(ind.code, NO_ANSWER)
            target, gap = _target_and_gap(ind, answer)
            level = None if answer.na else answer.level
            results.append(
                IndicatorResult(
                    ind.code, ind.pillar_code, level, target, gap, answer.na, self._priority.get(ind.code), ind.weight
                )
            )
        return tuple(results)

    def pillar(self, code: str) -> PillarResult | None:
        return next((p for p in self.pillars if p.code == code), None)

    def indicator(self, code: str) -> IndicatorResult | None:
        return next((i for i in self.indicators if i.code == code), None)

    def domain(self, code: str) -> DomainResult | None:
        return next((d for d in self.domains if d.code == code), None)

    def gaps_by_priority(self) -> list[IndicatorResult]:
        """Indicators below target, largest priority first (ties: framework order)."""
        below = [i for i in self.indicators if i.gap]
        return sorted(below, key=lambda i: -(i.priority or 0.0))


NO_ANSWER = Answer()


def _target_and_gap(indicator: Indicator, answer: Answer) -> tuple[int, float | None]:
    """The indicator's effective target, and its gap when it is scored (None when N/A or unanswered)."""
    target = answer.target if answer.target is not None else indicator.target
    if answer.na or answer.level is None:
        return target, None
    return target, float(target - answer.level) if target > answer.level else 0.0


def _weighted_mean(pairs: list[tuple[float, float]]) -> float | None:
    total = sum(w for w, _ in pairs)
    if not pairs or total <= 0:
        return None
    return sum(w * v for w, v in pairs) / total


def score_assessment(framework: Framework, answers: Mapping[str, Answer]) -> AssessmentScore:
    """Score one assessment. `answers` maps indicator code → Answer; missing codes are unanswered.

    Written as single passes with running sums: comparisons and bulk reports score thousands of
    assessments, and this loop is most of their time.
    """
    pillar_results: list[PillarResult] = []
    # pillar → [(indicator code, weight share within the pillar, gap)], for the priority pass after the pillars
    scored_by_pillar: dict[str, list[tuple[str, float, float]]] = {}
    get = answers.get

    for pillar in framework.pillars:
        scored: list[tuple[str, float, float]] = []
        answered = not_applicable = 0
        sum_w = sum_level = sum_target = sum_gap = 0.0
        for ind in pillar.indicators:
            answer = get(ind.code, NO_ANSWER)
            if answer.na:
                not_applicable += 1
            elif answer.level is not None:
                answered += 1
                target, gap = _target_and_gap(ind, answer)
                w = ind.weight
                sum_w += w
                sum_level += w * answer.level
                sum_target += w * target
                sum_gap += w * gap
                scored.append((ind.code, w, gap))

        has_score = sum_w > 0  # weights are positive: zero means nothing scored
        score = sum_level / sum_w if has_score else None
        total = len(pillar.indicators)
        pillar_results.append(
            PillarResult(
                code=pillar.code,
                weight=pillar.weight,
                score=score,
                target=sum_target / sum_w if has_score else None,
                gap=sum_gap / sum_w if has_score else None,
                band=framework.band_for(score),
                completion=(answered + not_applicable) / total if total else 0.0,
                answered=answered,
                not_applicable=not_applicable,
                total=total,
            )
        )
        scored_by_pillar[pillar.code] = [(code, w / sum_w, gap) for code, w, gap in scored]

    scored_pillars = [p for p in pillar_results if p.score is not None]
    pillar_weight_sum = sum(p.weight for p in scored_pillars)
    priority: dict[str, float] = {}
    for p in scored_pillars:
        pillar_share = p.weight / pillar_weight_sum
        for code, share, gap in scored_by_pillar[p.code]:
            priority[code] = pillar_share * share * gap

    overall_score = _weighted_mean([(p.weight, p.score) for p in scored_pillars])
    answered = sum(p.answered for p in pillar_results)
    not_applicable = sum(p.not_applicable for p in pillar_results)
    total = sum(p.total for p in pillar_results)
    overall = OverallResult(
        score=overall_score,
        target=_weighted_mean([(p.weight, p.target) for p in scored_pillars]),
        gap=_weighted_mean([(p.weight, p.gap) for p in scored_pillars]),
        band=framework.band_for(overall_score),
        completion=(answered + not_applicable) / total if total else 0.0,
        answered=answered,
        not_applicable=not_applicable,
        total=total,
    )
    return AssessmentScore(
        overall, tuple(pillar_results), _domain_results(framework, pillar_results), framework, dict(answers), priority
    )


def _domain_results(framework: Framework, pillar_results: list[PillarResult]) -> tuple[DomainResult, ...]:
    if not framework.domains:
        return ()
    by_code = {p.code: p for p in pillar_results}
    results = []
    for domain in framework.domains:
        pillars = [by_code[code] for code in domain.pillar_codes]
        scored = [p for p in pillars if p.score is not None]
        score = _weighted_mean([(p.weight, p.score) for p in scored])
        results.append(
            DomainResult(
                code=domain.code,
                weight=sum(p.weight for p in pillars),
                score=score,
                target=_weighted_mean([(p.weight, p.target) for p in scored]),
                gap=_weighted_mean([(p.weight, p.gap) for p in scored]),
                band=framework.band_for(score),
                completion=_weighted_mean([(p.weight, p.completion) for p in pillars]) or 0.0,
            )
        )
    return tuple(results)
