"""Agreement between assessors: each one's own latest level, the spread, Krippendorff's alpha (ordinal)."""

import krippendorff
import numpy as np
import pytest

from smartcity_assess.services.agreement import agreement
from tests.team.helpers import Laptop


@pytest.fixture
def team(tmp_path):
    lead, ani, budi = (Laptop(tmp_path, n).with_mini() for n in ("lead", "ani", "budi"))
    aid = lead.new()
    package = lead.export(aid)
    ani.receive(package)
    budi.receive(package)
    yield lead, ani, budi, aid
    for laptop in (lead, ani, budi):
        laptop.close()


def score_all(laptop, aid, levels):
    for code, level in levels.items():
        laptop.answer(aid, code, level=level)


def test_full_agreement_is_alpha_one(team):
    lead, ani, budi, aid = team
    for laptop in (ani, budi):
        score_all(laptop, aid, {"G1": 2, "G2": 4})
    score_all(lead, aid, {"G1": 2, "G2": 4})  # the lead's own independent scoring too
    for laptop in (ani, budi):
        lead.receive(laptop.export(aid), prefer="mine")
    result = agreement(lead.store, aid)
    assert result.assessors == ("ani", "budi", "lead")
    assert result.alpha == pytest.approx(1.0)
    assert [(i.indicator, i.spread) for i in result.indicators] == [("G1", 0), ("G2", 0)]


def test_spread_orders_the_indicators_and_alpha_is_krippendorffs(team):
    lead, ani, budi, aid = team
    score_all(ani, aid, {"G1": 1, "G2": 4})
    score_all(budi, aid, {"G1": 4, "G2": 4})
    lead.receive(ani.export(aid))
    lead.receive(budi.export(aid), prefer="theirs")  # reconciled: the lead's settling revision is not a judgement
    result = agreement(lead.store, aid)
    assert result.assessors == ("ani", "budi")
    assert result.indicators[0].indicator == "G1" and result.indicators[0].spread == 3
    assert result.indicators[0].levels == {"ani": 1, "budi": 4}
    expected = krippendorff.alpha(
        np.array([[1, 4], [4, 4]], dtype=float), level_of_measurement="ordinal", value_domain=[1, 2, 3, 4, 5]
    )
    assert result.alpha == pytest.approx(expected) and result.alpha < 0.5


def test_one_assessor_has_no_alpha(team):
    lead, _, _, aid = team
    score_all(lead, aid, {"G1": 3})
    result = agreement(lead.store, aid)
    assert result.alpha is None and result.as_dict()["indicators"] == [
        {"indicator": "G1", "levels": {"lead": 3}, "spread": None}
    ]
