"""What the 'progress since previous assessments' section shows, from the engine's results per year.

Years are compared by indicator and pillar code, so assessments made with different framework
versions line up; a code missing in a year (or N/A, or unanswered) is 'not assessed', never zero.
Changes run from the first compared year to the assessment of the report.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..core.comparison import INDICATOR, OVERALL, PILLAR, ComparedAssessment, build_comparison, shown_change
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


def progress(current: ScoredAssessment, earlier: tuple[ScoredAssessment, ...]) -> Progress | None:
    """None when the city has no earlier assessment to compare with.

    The figures come from the comparison table of core.comparison — the same one the Compare view
    and `smartcity-assess compare` show — restricted to the report's framework.
    """
    if not earlier:
        return None
    years = (*earlier, current)
    comparison = build_comparison([ComparedAssessment(str(s.info.year), s.framework, s.score) for s in years])
    keys = comparison.keys
    pillar_codes = {p.code for p in current.framework.pillars}
    rows = [
        ScoreRow(
            None if row["kind"] == OVERALL else row["code"],
            tuple(_number(row[k]) for k in keys),
            _number(shown_change(row[keys[0]], row[keys[-1]])),  # agrees with the printed scores
        )
        for row in comparison.table.to_dict("records")
        if row["kind"] == OVERALL or (row["kind"] == PILLAR and row["code"] in pillar_codes)
    ]

    levels = {row["code"]: (row[keys[0]], row[keys[-1]]) for row in comparison.rows(INDICATOR).to_dict("records")}
    changes, not_comparable = [], []
    for indicator in current.score.indicators:
        first, last = levels[indicator.code]
        if math.isnan(first) or math.isnan(last):
            not_comparable.append(indicator.code)
        elif first != last:
            changes.append(LevelChange(indicator.code, int(first), int(last)))
    # sorted() is stable: equal changes keep the framework's order
    improvements = sorted((c for c in changes if c.change > 0), key=lambda c: -c.change)
    regressions = sorted((c for c in changes if c.change < 0), key=lambda c: c.change)
    return Progress(
        years=years,
        rows=tuple(rows),
        improvements=tuple(improvements[:TOP]),
        regressions=tuple(regressions[:TOP]),
        not_comparable=tuple(not_comparable),
    )


def _number(value: float) -> float | None:
    return None if math.isnan(value) else float(value)
