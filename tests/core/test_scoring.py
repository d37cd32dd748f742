"""Scoring rules, checked against numbers worked out by hand for tests/data/mini.yaml.

mini: GOV (weight 3): G1 w1 target 4, G2 w3 target 5; WIFI (weight 1): W1, W2 w1 target 4 (metric).
"""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smartcity_assess.core.framework_loader import load_framework_file
from smartcity_assess.core.scoring import Answer, score_assessment
from tests.conftest import DATA

MINI = load_framework_file(DATA / "mini.yaml")


def test_weighted_means_gaps_and_priorities_by_hand(mini_framework):
    answers = {"G1": Answer(level=2), "G2": Answer(level=3), "W1": Answer(level=3), "W2": Answer(na=True)}
    result = score_assessment(mini_framework, answers)
    gov, wifi = result.pillars
    assert gov.score == pytest.approx((1 * 2 + 3 * 3) / 4)  # 2.75
    assert gov.target == pytest.approx((1 * 4 + 3 * 5) / 4)  # 4.75
    assert gov.gap == pytest.approx((1 * 2 + 3 * 2) / 4)  # 2.0
    assert (wifi.score, wifi.target, wifi.gap) == (3.0, 4.0, 1.0)  # N/A W2 left out
    assert result.overall.score == pytest.approx((3 * 2.75 + 1 * 3.0) / 4)  # 2.8125
    assert result.overall.target == pytest.approx((3 * 4.75 + 1 * 4.0) / 4)
    assert result.overall.gap == pytest.approx((3 * 2.0 + 1 * 1.0) / 4)  # 1.75
    priorities = {i.code: i.priority for i in result.indicators}
    assert priorities["G2"] == pytest.approx(0.75 * 0.75 * 2)  # pillar share × indicator share × gap
    assert priorities["G1"] == pytest.approx(0.75 * 0.25 * 2)
    assert priorities["W1"] == pytest.approx(0.25 * 1.0 * 1)
    assert priorities["W2"] is None
    assert [i.code for i in result.gaps_by_priority()] == ["G2", "G1", "W1"]
    assert result.overall.band.label["en"] == "Good"  # 2.8125 ≥ 2.6
    assert result.overall.completion == 1.0


def test_unanswered_left_out_and_weights_renormalised(mini_framework):
    result = score_assessment(mini_framework, {"G2": Answer(level=5)})
    gov, wifi = result.pillars
    assert (gov.score, gov.gap, gov.completion) == (5.0, 0.0, 0.5)
    assert wifi.score is None and wifi.band is None and wifi.completion == 0.0
    # Only GOV is scored, so the overall equals it: WIFI's weight is renormalised away.
    assert result.overall.score == 5.0
    assert result.overall.completion == pytest.approx(1 / 4)


def test_nothing_answered_gives_no_scores(mini_framework):
    result = score_assessment(mini_framework, {})
    assert result.overall.score is None and result.overall.gap is None and result.overall.band is None
    assert result.overall.completion == 0.0
    assert all(i.priority is None and i.gap is None for i in result.indicators)
    assert result.gaps_by_priority() == []


def test_all_na_pillar_counts_as_complete_but_unscored(mini_framework):
    result = score_assessment(mini_framework, {"W1": Answer(na=True), "W2": Answer(na=True), "G1": Answer(level=1)})
    wifi = result.pillar("WIFI")
    assert wifi.score is None and wifi.completion == 1.0
    assert result.overall.score == 1.0


def test_response_target_overrides_framework_target_and_gap_never_negative(mini_framework):
    result = score_assessment(mini_framework, {"G1": Answer(level=4, target=2), "G2": Answer(level=2, target=3)})
    assert result.indicator("G1").gap == 0.0  # above its target: no negative gap
    assert result.indicator("G2").target == 3
    assert result.pillar("GOV").target == pytest.approx((1 * 2 + 3 * 3) / 4)


def test_band_boundaries_are_inclusive_at_min(mini_framework):
    labels = {s: mini_framework.band_for(s).label["en"] for s in (0, 1.79, 1.8, 2.6, 3.5, 4.2, 5)}
    assert labels == {
        0: "Poor",
        1.79: "Poor",
        1.8: "Fair",
        2.6: "Good",
        3.5: "Very good",
        4.2: "Excellent",
        5: "Excellent",
    }


@pytest.mark.parametrize(("value", "level"), [(0, 1), (9.99, 1), (10, 2), (29, 2), (30, 3), (60, 4), (85, 5), (1e6, 5)])
def test_metric_higher_is_better(mini_framework, value, level):
    assert mini_framework.level_for_value(mini_framework.indicator("W1"), value) == level


@pytest.mark.parametrize(("value", "level"), [(0, 5), (1, 5), (1.5, 4), (3, 4), (3.1, 3), (7, 3), (14, 2), (15, 1)])
def test_metric_lower_is_better(mini_framework, value, level):
    # level = levels − (number of thresholds < value), thresholds [1, 3, 7, 14]
    assert mini_framework.level_for_value(mini_framework.indicator("W2"), value) == level


answer_strategy = st.one_of(
    st.none(),
    st.builds(Answer, level=st.integers(1, 5), target=st.one_of(st.none(), st.integers(1, 5))),
    st.just(Answer(na=True)),
)


@given(st.fixed_dictionaries({c: answer_strategy for c in ("G1", "G2", "W1", "W2")}))
def test_priorities_add_up_to_the_overall_gap(raw):
    answers = {code: a for code, a in raw.items() if a is not None}
    result = score_assessment(MINI, answers)
    total = sum(i.priority for i in result.indicators if i.priority is not None)
    if result.overall.gap is None:
        assert total == 0
    else:
        assert math.isclose(total, result.overall.gap, abs_tol=1e-12)
        assert 1 <= result.overall.score <= 5
