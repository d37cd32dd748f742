"""Turning indicator levels into pillar and overall results, gaps and priorities.

Rules (weighted means, N/A and unanswered left out with weights renormalised):
  pillar score  = Σ w·level / Σ w          over answered, non-N/A indicators
  pillar target = Σ w·target / Σ w
  gap           = max(0, target − level);  pillar gap = Σ w·gap / Σ w
  overall       = the same weighted means over the pillars that have a score, with pillar weights
  priority      = pillar share × indicator share within its pillar × gap  (sums to the overall gap)
  completion    = (answered + N/A) / all indicators
Nothing is rounded here; rounding is for display.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .framework import Band, Framework


@dataclass(frozen=True)
class Answer:
    """What an assessor recorded for one indicator (level None and na False = unanswered)."""

    level: int | None = None
    na: bool = False
    target: int | None = None  # None: the framework's target for the indicator

    @property
    def is_scored(self) -> bool:
        return self.level is not None and not self.na


@dataclass(frozen=True)
class IndicatorResult:
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
    indicators: tuple[IndicatorResult, ...]

    def pillar(self, code: str) -> PillarResult | None:
        return next((p for p in self.pillars if p.code == code), None)

    def indicator(self, code: str) -> IndicatorResult | None:
        return next((i for i in self.indicators if i.code == code), None)

    def gaps_by_priority(self) -> list[IndicatorResult]:
        """Indicators below target, largest priority first (ties: framework order)."""
        below = [i for i in self.indicators if i.gap]
        return sorted(below, key=lambda i: -(i.priority or 0.0))


def _weighted_mean(pairs: list[tuple[float, float]]) -> float | None:
    total = sum(w for w, _ in pairs)
    if not pairs or total <= 0:
        return None
    return sum(w * v for w, v in pairs) / total


def score_assessment(framework: Framework, answers: Mapping[str, Answer]) -> AssessmentScore:
    """Score one assessment. `answers` maps indicator code → Answer; missing codes are unanswered."""
    pillar_results: list[PillarResult] = []
    # pillar → [(indicator code, weight share within the pillar, gap)], for the priority pass after the pillars
    scored_by_pillar: dict[str, list[tuple[str, float, float]]] = {}
    indicator_rows: list[tuple] = []
    no_answer = Answer()

    for pillar in framework.pillars:
        scored: list[tuple[str, float, int, int, float]] = []
        answered = not_applicable = 0
        for ind in pillar.indicators:
            answer = answers.get(ind.code, no_answer)
            target = answer.target if answer.target is not None else ind.target
            gap = None
            if answer.na:
                not_applicable += 1
            elif answer.level is not None:
                answered += 1
                gap = float(max(0, target - answer.level))
                scored.append((ind.code, ind.weight, answer.level, target, gap))
            indicator_rows.append((ind, answer, target, gap))

        score = _weighted_mean([(w, lvl) for _, w, lvl, _, _ in scored])
        pillar_target = _weighted_mean([(w, tgt) for _, w, _, tgt, _ in scored])
        pillar_gap = _weighted_mean([(w, gap) for _, w, _, _, gap in scored])
        total = len(pillar.indicators)
        pillar_results.append(
            PillarResult(
                code=pillar.code,
                weight=pillar.weight,
                score=score,
                target=pillar_target,
                gap=pillar_gap,
                band=framework.band_for(score),
                completion=(answered + not_applicable) / total if total else 0.0,
                answered=answered,
                not_applicable=not_applicable,
                total=total,
            )
        )
        weight_sum = sum(w for _, w, _, _, _ in scored)
        scored_by_pillar[pillar.code] = [(code, w / weight_sum, gap) for code, w, _, _, gap in scored]

    scored_pillars = [p for p in pillar_results if p.score is not None]
    pillar_weight_sum = sum(p.weight for p in scored_pillars)
    priority: dict[str, float] = {}
    for p in scored_pillars:
        pillar_share = p.weight / pillar_weight_sum
        for code, share, gap in scored_by_pillar[p.code]:
            priority[code] = pillar_share * share * gap

    indicators = tuple(
        IndicatorResult(
            code=ind.code,
            pillar=ind.pillar_code,
            level=answer.level if not answer.na else None,
            target=target,
            gap=gap,
            na=answer.na,
            priority=priority.get(ind.code),
            weight=ind.weight,
        )
        for ind, answer, target, gap in indicator_rows
    )

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
    return AssessmentScore(overall=overall, pillars=tuple(pillar_results), indicators=indicators)
