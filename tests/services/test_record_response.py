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


def test_a_level_chosen_over_a_measurement_is_refused_in_the_service_itself(mini_store, assessment):
    # The walk and the service once disagreed; the rule lives here now, for every front end.
    record_response(mini_store, assessment, "W1", value=20)
    with pytest.raises(UserError) as refused:
        record_response(mini_store, assessment, "W1", level=4)
    assert refused.value.code == "level_follows_value"
    response = stored(mini_store, assessment, "W1")
    assert (response.value, response.level) == (20, 2)
    record_response(mini_store, assessment, "W1", value=None)
    record_response(mini_store, assessment, "W1", level=4)  # with the value cleared, a level by hand is fine
    assert (stored(mini_store, assessment, "W1").value, stored(mini_store, assessment, "W1").level) == (None, 4)


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_a_value_that_is_not_a_finite_number_is_refused_and_nothing_changes(mini_store, assessment, value):
    record_response(mini_store, assessment, "W1", value=20)
    with pytest.raises(UserError, match="is not a finite number"):
        record_response(mini_store, assessment, "W1", value=value)
    response = stored(mini_store, assessment, "W1")
    assert (response.value, response.level) == (20, 2)


def test_importing_a_file_without_a_column_keeps_that_field(mini_store, assessment, tmp_path):
    from smartcity_assess.services.responses_io import import_responses

    record_response(mini_store, assessment, "G1", level=2, note="SOP drafted, not approved")
    record_response(mini_store, assessment, "W1", value=20)
    levels_only = tmp_path / "levels.csv"
    levels_only.write_text("indicator,level\nG1,3\nG2,4\n", encoding="utf-8")
    assert import_responses(mini_store, assessment, levels_only) == 2
    g1 = stored(mini_store, assessment, "G1")
    assert (g1.level, g1.note) == (3, "SOP drafted, not approved")  # the note stays
    assert stored(mini_store, assessment, "G2").level == 4
    w1 = stored(mini_store, assessment, "W1")
    assert (w1.value, w1.level) == (20, 2)  # not in the file: untouched

    cleared = tmp_path / "notes.csv"
    cleared.write_text("indicator,note\nG1,\n", encoding="utf-8")
    import_responses(mini_store, assessment, cleared)
    g1 = stored(mini_store, assessment, "G1")
    assert (g1.level, g1.note) == (3, "")  # an empty cell in a column that is there clears it


def test_a_semicolon_file_with_decimal_commas_imports_as_indonesian_excel_saves_it(mini_store, assessment, tmp_path):
    from smartcity_assess.services.responses_io import import_responses

    excel_id = tmp_path / "jawaban.csv"
    excel_id.write_bytes("\ufeffindicator;level;value;note\nG1;3;;Sudah ada SOP, belum disahkan\nW1;;85,5;\n".encode())
    assert import_responses(mini_store, assessment, excel_id) == 2
    assert stored(mini_store, assessment, "G1").note == "Sudah ada SOP, belum disahkan"
    w1 = stored(mini_store, assessment, "W1")
    assert (w1.value, w1.level) == (85.5, 5)  # thresholds 10, 30, 60, 85
