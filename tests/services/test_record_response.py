"""The autosave path: what a person changes is what is stored, and measurements stay honest.

mini.yaml: W1 is measured (thresholds 10, 30, 60, 85, higher is better), G1 is not.
"""

import math

import pytest

from smartcity_assess.core.errors import UserError
from smartcity_assess.services.assessments import new_assessment, record_response


@pytest.fixture
def assessment(mini_store):
    return new_assessment(mini_store, "Kota Bandung", 2026, framework_code="mini")


def stored(store, assessment_id, code):
    return store.responses(assessment_id)[code]


def test_a_corrected_measurement_decides_the_level_again(mini_store, assessment):
    record_response(mini_store, assessment, "W1", value=20)
    assert (stored(mini_store, assessment, "W1").value, stored(mini_store, assessment, "W1").level) == (20, 2)
    record_response(mini_store, assessment, "W1", value=90)
    assert (stored(mini_store, assessment, "W1").value, stored(mini_store, assessment, "W1").level) == (90, 5)


def test_a_level_chosen_by_hand_replaces_the_measurement(mini_store, assessment):
    record_response(mini_store, assessment, "W1", value=20)
    record_response(mini_store, assessment, "W1", level=4)
    response = stored(mini_store, assessment, "W1")
    assert (response.value, response.level) == (None, 4)


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_a_value_that_is_not_a_finite_number_is_refused_and_nothing_changes(mini_store, assessment, value):
    record_response(mini_store, assessment, "W1", value=20)
    with pytest.raises(UserError, match="is not a finite number"):
        record_response(mini_store, assessment, "W1", value=value)
    response = stored(mini_store, assessment, "W1")
    assert (response.value, response.level) == (20, 2)
