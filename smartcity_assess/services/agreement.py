"""Agreement between assessors who scored the same indicators independently.

Per indicator, the level each assessor last gave in their own revisions (revisions that settled a
conflict are the reconciliation, not an assessor's judgement, and are left out); the spread
(max − min); and Krippendorff's alpha (ordinal) over indicators × assessors, computed by the
`krippendorff` package.
"""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass

from ..persistence.store import Store


@dataclass(frozen=True)
class IndicatorAgreement:
    indicator: str
    levels: dict[str, int]  # assessor → level
    spread: int | None  # max − min; None with fewer than two levels


@dataclass(frozen=True)
class Agreement:
    alpha: float | None
    assessors: tuple[str, ...]
    indicators: tuple[IndicatorAgreement, ...]  # spread ≥ 2 first, then in framework order

    def as_dict(self) -> dict:
        return {
            "alpha": self.alpha,
            "assessors": list(self.assessors),
            "indicators": [{"indicator": i.indicator, "levels": i.levels, "spread": i.spread} for i in self.indicators],
        }


def agreement(store: Store, assessment_id: uuid.UUID) -> Agreement:
    info = store.assessment(assessment_id)
    framework = store.framework(info.framework_id)
    latest: dict[tuple[str, str], tuple] = {}  # (indicator, assessor) → (at, level)
    for rev in store.response_history(assessment_id):
        if rev.merged_from is not None or not rev.actor:
            continue
        key = (rev.indicator_code, rev.actor)
        if key not in latest or rev.at >= latest[key][0]:
            latest[key] = (rev.at, None if rev.na else rev.level)
    given = {key: level for key, (_, level) in latest.items() if level is not None}
    assessors = tuple(sorted({actor for _, actor in given}))
    order = {ind.code: i for i, ind in enumerate(framework.indicators)}
    rows = []
    for ind in framework.indicators:
        levels = {a: given[(ind.code, a)] for a in assessors if (ind.code, a) in given}
        if levels:
            values = list(levels.values())
            spread = max(values) - min(values) if len(values) > 1 else None
            rows.append(IndicatorAgreement(ind.code, levels, spread))
    rows.sort(key=lambda r: (not (r.spread is not None and r.spread >= 2), order[r.indicator]))
    return Agreement(_alpha(rows, assessors, framework.level_numbers), assessors, tuple(rows))


def _alpha(rows: list[IndicatorAgreement], assessors: tuple[str, ...], domain: tuple[int, ...]) -> float | None:
    """Krippendorff's alpha (ordinal); None when fewer than two assessors rated any indicator in common."""
    if len(assessors) < 2 or not any(r.spread is not None for r in rows):
        return None
    import krippendorff  # loaded only when asked: it brings numpy's start-up cost
    import numpy as np

    data = np.array([[r.levels.get(a, np.nan) for r in rows] for a in assessors], dtype=float)
    try:
        # every judgement on one level leaves no disagreement to measure: 0/0, not a figure
        with np.errstate(invalid="ignore", divide="ignore"):
            value = krippendorff.alpha(reliability_data=data, level_of_measurement="ordinal", value_domain=list(domain))
    except (ValueError, ZeroDivisionError):
        return None
    value = float(value)
    return None if math.isnan(value) or math.isinf(value) else value
