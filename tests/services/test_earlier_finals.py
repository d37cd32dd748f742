"""The 'previous year' the radar and the report show: the same rule, finals only, oldest first."""

from smartcity_assess.services.assessments import earlier_finals, new_assessment, record_response


def test_only_earlier_final_assessments_of_the_same_city_count(mini_store):
    ids = {}
    for city, year in (("Kota Bandung", 2023), ("Kota Bandung", 2024), ("Kota Bandung", 2025), ("Cimahi", 2024)):
        ids[city, year] = new_assessment(mini_store, city, year, framework_code="mini")
        record_response(mini_store, ids[city, year], "G1", level=year - 2021)
    for key in (("Kota Bandung", 2023), ("Kota Bandung", 2024), ("Cimahi", 2024)):
        mini_store.finalize(ids[key])
    current = new_assessment(mini_store, "Kota Bandung", 2026, framework_code="mini")

    earlier = earlier_finals(mini_store, mini_store.assessment(current))
    assert [e.info.year for e in earlier] == [2023, 2024]  # 2025 is a draft; Cimahi is another city
    assert earlier[-1].score.pillar("GOV").score == 3  # G1 level 2024 − 2021
