"""Choosing what to compare: spelling of city names, several frameworks, drafts."""

import pytest

from smartcity_assess.core.errors import NotFoundError, UserError
from smartcity_assess.services.assessments import new_assessment, record_response
from smartcity_assess.services.compare import compare_cities, compare_years, select_cities, select_years


@pytest.fixture
def two_frameworks(mini_store):
    """Bandung 2024 and 2025 with the mini framework (final) and 2025 with the built-in one too."""
    for year, level in ((2024, 2), (2025, 4)):
        assessment_id = new_assessment(mini_store, "Bandung", year, framework_code="mini")
        record_response(mini_store, assessment_id, "G1", level=level)
        mini_store.finalize(assessment_id)
    builtin = new_assessment(mini_store, "Bandung", 2025)
    mini_store.finalize(builtin)
    new_assessment(mini_store, "Cimahi", 2025, framework_code="mini")  # a draft
    return mini_store


def test_several_frameworks_need_a_choice(two_frameworks):
    with pytest.raises(UserError, match="several frameworks"):
        select_years(two_frameworks, "Bandung")
    comparison = compare_years(two_frameworks, "  bandung ", framework_code="mini")  # any spacing or case
    assert comparison.keys == ("2024", "2025")
    g1 = comparison.table.set_index("code").loc["G1"]
    assert (g1["2024"], g1["2025"], g1["change"], g1["trend"]) == (2, 4, 2, "improved")


def test_cities_keep_the_given_order_and_drop_repeats(two_frameworks):
    infos = select_cities(
        two_frameworks, 2025, ["cimahi", "Bandung", "CIMAHI"], framework_code="mini", include_drafts=True
    )
    assert [i.city for i in infos] == ["Cimahi", "Bandung"]
    comparison = compare_cities(two_frameworks, 2025, ["Cimahi", "Bandung"], framework_code="mini", include_drafts=True)
    assert comparison.keys == ("Cimahi", "Bandung") and comparison.drafts == {"Cimahi"}


def test_a_draft_needs_asking(two_frameworks):
    with pytest.raises(UserError, match="is a draft"):
        select_cities(two_frameworks, 2025, ["Cimahi"], framework_code="mini")
    with pytest.raises(UserError, match="only draft assessments"):
        select_years(two_frameworks, "Cimahi")


def test_unknown_names(two_frameworks):
    with pytest.raises(NotFoundError, match="no assessments for city 'Bogor'"):
        select_years(two_frameworks, "Bogor")
    with pytest.raises(NotFoundError, match="Bandung has no assessment for 2023"):
        select_years(two_frameworks, "Bandung", [2023, 2024], framework_code="mini")
