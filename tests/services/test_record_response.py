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
    assert import_responses(mini_store, assessment, levels_only).rows == 2
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
    assert import_responses(mini_store, assessment, excel_id).rows == 2
    assert stored(mini_store, assessment, "G1").note == "Sudah ada SOP, belum disahkan"
    w1 = stored(mini_store, assessment, "W1")
    assert (w1.value, w1.level) == (85.5, 5)  # thresholds 10, 30, 60, 85


def test_a_reimport_says_how_many_responses_changed(store, tmp_path):
    """Export, change one row, import back: 33 rows read, 1 changed — in the service and on the command line."""
    from smartcity_assess.services.assessments import new_assessment
    from smartcity_assess.services.responses_io import export_responses, import_responses

    assessment = new_assessment(store, "Bandung", 2026)
    for code in ("GOV-01", "GOV-02", "INF-01"):
        record_response(store, assessment, code, level=3)
    exported = export_responses(store, assessment, tmp_path / "all.csv")
    lines = exported.read_text(encoding="utf-8").splitlines()
    edited = tmp_path / "edited.csv"
    edited.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert import_responses(store, assessment, edited).changed == 0  # the same file changes nothing
    header, *rows = lines
    level = header.split(",").index("level")
    cells = rows[1].split(",")
    assert cells[0] == "GOV-02"
    cells[level] = "4"
    edited.write_text("\n".join([header, rows[0], ",".join(cells), *rows[2:]]) + "\n", encoding="utf-8")
    result = import_responses(store, assessment, edited)
    assert (result.rows, result.changed) == (len(rows), 1)
    assert store.responses(assessment)["GOV-02"].level == 4
