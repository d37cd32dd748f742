"""The scored list of assessments at start-up, before the store's libraries are loaded (persistence.quick_read).

No SQLAlchemy here: the app's window asks for this first, shows it, and opens the store in the background.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from ..core.framework import Framework
from ..core.framework_loader import framework_checksum, framework_from_json
from ..core.scoring import AssessmentScore, score_assessment
from ..persistence.quick_read import read_listing
from ..persistence.records import AssessmentInfo


@dataclass(frozen=True)
class ScoredAssessment:
    info: AssessmentInfo
    framework: Framework
    score: AssessmentScore


def quick_scored_list(path_or_url) -> list[ScoredAssessment] | None:
    """Every assessment scored, as `score_many` gives them; None when only the store can read the database."""
    listing = read_listing(path_or_url)
    if listing is None:
        return None
    frameworks: dict[uuid.UUID, Framework] = {}
    for info in listing.infos:
        if info.framework_id not in frameworks:
            definition, checksum = listing.frameworks[info.framework_id]
            framework = framework_from_json(definition)
            if framework_checksum(framework) != checksum:  # altered outside the app: the store says so
                return None
            frameworks[info.framework_id] = framework
    return [
        ScoredAssessment(info, frameworks[info.framework_id], score_assessment(frameworks[info.framework_id], answers))
        for info in listing.infos
        for answers in (listing.answers[info.id],)
    ]
