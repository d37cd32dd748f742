"""The roadmap: the gaps, in the engine's priority order, cut into three phases officials can act on.

Rule: walk the gaps largest priority first and note where each one begins on the cumulative
priority (a fraction of the summed priorities, which equal the overall weighted gap). Gaps that
begin within the first 50% go to 0–6 months, within the next 30% to 6–12 months, the rest to
12–24 months — the few gaps that make up half of the distance to target come first. Priorities are
the scoring engine's; nothing here rescores.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.scoring import AssessmentScore, IndicatorResult

PHASES = ("phase_0_6", "phase_6_12", "phase_12_24")  # catalogue keys, in order
PHASE_STARTS = (0.0, 0.5, 0.8)  # a gap beginning at or after this cumulative share goes to that phase or later


@dataclass(frozen=True)
class RoadmapItem:
    phase: str
    gap: IndicatorResult
    cumulative_share: float  # share of the total priority covered once this gap is closed


def roadmap(score: AssessmentScore) -> list[RoadmapItem]:
    gaps = score.gaps_by_priority()
    total = sum(g.priority or 0.0 for g in gaps)
    if total <= 0:
        return []
    items, covered = [], 0.0
    for gap in gaps:
        begins = covered / total
        phase = PHASES[max(i for i, start in enumerate(PHASE_STARTS) if begins >= start - 1e-12)]
        covered += gap.priority or 0.0
        items.append(RoadmapItem(phase, gap, covered / total))
    return items
