"""The JSON form of a score, as `smartcity-assess score --json` prints it (a stable contract)."""

from __future__ import annotations

from .framework import Band, Framework
from .scoring import AssessmentScore
from .text import localize


def _band(band: Band | None, lang: str) -> str | None:
    return localize(band.label, lang) if band else None


def score_to_dict(framework: Framework, score: AssessmentScore, lang: str = "en") -> dict:
    overall = score.overall
    return {
        "overall": {
            "score": overall.score,
            "target": overall.target,
            "gap": overall.gap,
            "band": _band(overall.band, lang),
            "completion": overall.completion,
        },
        "pillars": [
            {
                "code": p.code,
                "score": p.score,
                "target": p.target,
                "gap": p.gap,
                "band": _band(p.band, lang),
                "completion": p.completion,
            }
            for p in score.pillars
        ],
        "domains": [
            {
                "code": d.code,
                "score": d.score,
                "target": d.target,
                "gap": d.gap,
                "band": _band(d.band, lang),
                "completion": d.completion,
            }
            for d in score.domains
        ],
        "indicators": [
            {
                "code": i.code,
                "pillar": i.pillar,
                "level": i.level,
                "target": i.target,
                "gap": i.gap,
                "na": i.na,
                "priority": i.priority,
            }
            for i in score.indicators
        ],
    }
