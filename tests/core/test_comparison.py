"""The comparison table on hand-built data: deltas, "not assessed" never zero, framework version changes.

mini: GOV (weight 3): G1 w1, G2 w3; WIFI (weight 1): W1, W2 (metrics). Expected numbers are worked out by hand.
"""

import math

import pytest

from smartcity_assess.core.comparison import (
    EXPORT_KIND_HEADER,
    HELD,
    IMPROVED,
    INDICATOR,
    OVERALL,
    PILLAR,
    REGRESSED,
    ComparedAssessment,
    build_comparison,
    comparison_to_dict,
)
from smartcity_assess.core.framework_loader import load_framework_text
from smartcity_assess.core.scoring import Answer, score_assessment
from tests.conftest import DATA

MINI_TEXT = (DATA / "mini.yaml").read_text()


def column(key, framework, levels, draft=False):
    answers = {code: (Answer(na=True) if level == "na" else Answer(level=level)) for code, level in levels.items()}
    return ComparedAssessment(key=key, framework=framework, score=score_assessment(framework, answers), draft=draft)


def row(comparison, code):
    table = comparison.table
    return table[table["code"] == code].iloc[0]


def mini_v2():
    """Version 2 of mini: W2 dropped, G3 added to GOV (weight 1)."""
    text = MINI_TEXT.replace('version: "1"', 'version: "2"')
    head, _dropped_w2 = text.split("      - code: W2")
    g3 = (
        "      - code: G3\n"
        "        name: Open data\n"
        "        question: Is data open?\n"
        "        weight: 1\n"
        "        rubric: {1: none, 2: some, 3: catalogue, 4: api, 5: reused}\n"
    )
    return load_framework_text(head.replace("  - code: WIFI", g3 + "  - code: WIFI"))


def test_levels_scores_and_changes_by_hand(mini_framework):
    comparison = build_comparison(
        [
            column("2024", mini_framework, {"G1": 1, "G2": 2, "W1": 3, "W2": 4}),
            column("2025", mini_framework, {"G1": 2, "G2": 2, "W1": 3, "W2": 3}),
            column("2026", mini_framework, {"G1": 3, "G2": 4, "W1": 3, "W2": 2}),
        ]
    )
    assert comparison.keys == ("2024", "2025", "2026")
    assert list(comparison.table["kind"]) == [OVERALL, PILLAR, INDICATOR, INDICATOR, PILLAR, INDICATOR, INDICATOR]
    g1 = row(comparison, "G1")
    assert [g1["2024"], g1["2025"], g1["2026"], g1["change"], g1["trend"]] == [1, 2, 3, 2, IMPROVED]
    assert (row(comparison, "W1")["change"], row(comparison, "W1")["trend"]) == (0, HELD)
    assert (row(comparison, "W2")["change"], row(comparison, "W2")["trend"]) == (-2, REGRESSED)
    gov = row(comparison, "GOV")
    assert gov["2024"] == pytest.approx((1 + 3 * 2) / 4)  # 1.75
    assert gov["2026"] == pytest.approx((3 + 3 * 4) / 4)  # 3.75
    assert gov["change"] == pytest.approx(2.0)
    wifi = row(comparison, "WIFI")
    assert (wifi["2024"], wifi["2026"], wifi["trend"]) == (3.5, 2.5, REGRESSED)
    overall = row(comparison, "OVERALL")
    assert overall["2024"] == pytest.approx((3 * 1.75 + 3.5) / 4)  # 2.1875
    assert overall["2026"] == pytest.approx((3 * 3.75 + 2.5) / 4)  # 3.4375
    assert overall["change"] == pytest.approx(1.25)


def test_not_assessed_is_missing_never_zero(mini_framework):
    comparison = build_comparison(
        [
            column("2024", mini_framework, {"G1": 2, "W1": 3, "W2": 3}),  # G2 unanswered
            column("2025", mini_framework, {"G1": 3, "G2": 4, "W1": "na"}),  # W1 N/A, W2 unanswered, all W N/A
        ]
    )
    g2 = row(comparison, "G2")
    assert math.isnan(g2["2024"]) and g2["2025"] == 4
    assert math.isnan(g2["change"]) and g2["trend"] is None  # a change needs both ends
    assert math.isnan(row(comparison, "W1")["2025"])
    assert ("W1", "2025") in comparison.not_applicable
    wifi = row(comparison, "WIFI")
    assert wifi["2024"] == 3 and math.isnan(wifi["2025"])  # a pillar with nothing scored has no score
    # the overall renormalises over what was scored: 2025 is GOV alone = (3 + 3·4) / 4
    assert row(comparison, "OVERALL")["2025"] == pytest.approx(3.75)

    data = comparison_to_dict(comparison)
    assert data["years"] == [2024, 2025]
    g2_json = next(i for i in data["indicators"] if i["code"] == "G2")
    assert g2_json == {"code": "G2", "pillar": "GOV", "levels": {"2024": None, "2025": 4}, "change": None}
    wifi_json = next(p for p in data["pillars"] if p["code"] == "WIFI")
    assert wifi_json == {"code": "WIFI", "scores": {"2024": 3.0, "2025": None}, "change": None}
    # CSV/XLSX: not assessed is an empty cell, not 0
    assert comparison.export_frame().loc[g2.name, "2024"] != 0


def test_framework_version_change_matches_by_code_and_is_stated(mini_framework):
    v2 = mini_v2()
    comparison = build_comparison(
        [
            column("2024", mini_framework, {"G1": 2, "G2": 2, "W1": 3, "W2": 3}),
            column("2025", v2, {"G1": 3, "G2": 2, "G3": 4, "W1": 4}),
        ]
    )
    (change,) = comparison.framework_changes
    assert (change.before, change.after, change.added, change.dropped) == ("mini 1", "mini 2", ("G3",), ("W2",))
    assert change.describe() == "framework changed between 2024 (mini 1) and 2025 (mini 2): added G3; dropped W2"
    # rows follow the latest framework, then codes only the older one had; matched by code
    assert list(comparison.table["code"]) == ["OVERALL", "GOV", "G1", "G2", "G3", "WIFI", "W1", "W2"]
    assert row(comparison, "G1")["change"] == 1
    g3, w2 = row(comparison, "G3"), row(comparison, "W2")
    assert math.isnan(g3["2024"]) and g3["2025"] == 4 and math.isnan(g3["change"])
    assert w2["2024"] == 3 and math.isnan(w2["2025"]) and math.isnan(w2["change"])
    assert w2["pillar"] == "WIFI"


def test_same_framework_states_no_change_and_single_column_has_no_change(mini_framework):
    comparison = build_comparison([column("Bandung", mini_framework, {"G1": 2})])
    assert comparison.framework_changes == ()
    assert comparison.table["change"].isna().all()


def test_drafts_are_marked_in_export_headers(mini_framework):
    comparison = build_comparison(
        [column("2025", mini_framework, {"G1": 2}), column("2026", mini_framework, {"G1": 3}, draft=True)]
    )
    assert comparison.drafts == {"2026"}
    assert list(comparison.export_frame().columns) == [
        EXPORT_KIND_HEADER,
        "code",
        "pillar",
        "name",
        "2025",
        "2026 (draft)",
        "change",
        "trend",
    ]


def test_cities_form_keys_by_city_name(mini_framework):
    comparison = build_comparison(
        [column("Bandung", mini_framework, {"G1": 4}), column("Cimahi", mini_framework, {"G1": 2})]
    )
    data = comparison_to_dict(comparison, "cities")
    assert data["cities"] == ["Bandung", "Cimahi"]
    g1 = next(i for i in data["indicators"] if i["code"] == "G1")
    assert g1["levels"] == {"Bandung": 4, "Cimahi": 2} and g1["change"] == -2


def test_duplicate_keys_refused(mini_framework):
    with pytest.raises(ValueError):
        build_comparison([column("2025", mini_framework, {}), column("2025", mini_framework, {})])


def test_the_shown_change_agrees_with_the_shown_scores():
    from smartcity_assess.core.comparison import shown_change

    # 3.0072 and 2.5033 print as 3.01 and 2.50: the change a reader checks is 0.51, not 0.50 (exact 0.5039)
    assert shown_change(2.5033, 3.0072) == 0.51
    assert math.isnan(shown_change(None, 3.0)) and math.isnan(shown_change(2.0, math.nan))
    # a rounding-level change reads as held, never "+0.00 improved"
    assert shown_change(2.504, 2.5049) == 0.0
