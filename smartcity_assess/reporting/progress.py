"""What the 'progress since previous assessments' section shows, from the engine's results per year.

Years are compared by indicator and pillar code, so assessments made with different framework
versions line up; a code missing in a year (or N/A, or unanswered) is 'not assessed', never zero.
Changes run from the first compared year to the assessment of the report.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..services.assessments import ScoredAssessment

TOP = 5  # improvements and regressions listed


@dataclass(frozen=True)
class ScoreRow:
    code: str | None  # pillar code; None for the overall index
    scores: tuple[float | None, ...]  # one per year, oldest first
    change: float | None  # last − first; None when either is not assessed


@dataclass(frozen=True)
class LevelChange:
    code: str
    first: int
    last: int

    @property
    def change(self) -> int:
        return self.last - self.first


@dataclass(frozen=True)
class Progress:
    years: tuple[ScoredAssessment, ...]  # the earlier finals and the report's assessment, oldest first
    rows: tuple[ScoreRow, ...]
    improvements: tuple[LevelChange, ...]
    regressions: tuple[LevelChange, ...]
    not_comparable: tuple[str, ...]  # indicator codes of the report's framework without a level in both years

    @property
    def first(self) -> ScoredAssessment:
        return self.years[0]

    @property
    def versions_differ(self) -> bool:
        return len({s.info.framework_version for s in self.years}) > 1


def _change(first: float | None, last: float | None) -> float | None:
    return None if first is None or last is None else last - first


def progress(current: ScoredAssessment, earlier: tuple[ScoredAssessment, ...]) -> Progress | None:
    """None when the city has no earlier assessment to compare with."""
    if not earlier:
        return None
    years = (*earlier, current)
    rows = [ScoreRow(None, tuple(s.score.overall.score for s in years), None)]
    for pillar in current.framework.pillars:
        scores = []
        for s in years:
            result = s.score.pillar(pillar.code)
            scores.append(result.score if result else None)
        rows.append(ScoreRow(pillar.code, tuple(scores), None))
    rows = [ScoreRow(r.code, r.scores, _change(r.scores[0], r.scores[-1])) for r in rows]

    changes, not_comparable = [], []
    first = {i.code: i for i in earlier[0].score.indicators}
    for indicator in current.score.indicators:
        before = first.get(indicator.code)
        if before is None or before.level is None or indicator.level is None:
            not_comparable.append(indicator.code)
        elif before.level != indicator.level:
            changes.append(LevelChange(indicator.code, before.level, indicator.level))
    order = {ind.code: i for i, ind in enumerate(current.score.indicators)}
    improvements = sorted((c for c in changes if c.change > 0), key=lambda c: (-c.change, order[c.code]))
    regressions = sorted((c for c in changes if c.change < 0), key=lambda c: (c.change, order[c.code]))
    return Progress(
        years=years,
        rows=tuple(rows),
        improvements=tuple(improvements[:TOP]),
        regressions=tuple(regressions[:TOP]),
        not_comparable=tuple(not_comparable),
    )
