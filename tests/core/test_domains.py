"""Domains above pillars: their figures are the pillar-weighted means, worked out by hand here.

tests/data/domains.yaml: D1 = {P1 (weight 1)}; D2 = {P2 (weight 2), P3 (weight 6)}.
"""

import copy

import pytest
import yaml

from smartcity_assess.core.framework_loader import (
    FrameworkError,
    canonical_json,
    framework_checksum,
    framework_from_data,
    framework_from_json,
    load_framework_file,
)
from smartcity_assess.core.scoring import Answer, score_assessment
from smartcity_assess.core.text import localize
from tests.conftest import DATA

RAW = yaml.safe_load((DATA / "domains.yaml").read_text())


def test_domain_figures_are_pillar_weighted_means_by_hand():
    fw = load_framework_file(DATA / "domains.yaml")
    answers = {
        "P1-1": Answer(level=2),
        "P2-1": Answer(level=3),  # P2: score (3+5)/2 = 4, target (4+5)/2 = 4.5, gap (1+0)/2 = 0.5
        "P2-2": Answer(level=5),
        "P3-1": Answer(level=1),  # P3: one of two answered → score 1, target 4, gap 3, completion 0.5
    }
    result = score_assessment(fw, answers)
    d1, d2 = result.domains
    assert (d1.code, d1.score, d1.target, d1.gap, d1.completion, d1.weight) == ("D1", 2.0, 4.0, 2.0, 1.0, 1.0)
    assert d2.code == "D2" and d2.weight == 8.0
    assert d2.score == pytest.approx((2 * 4 + 6 * 1) / 8)  # 1.75
    assert d2.target == pytest.approx((2 * 4.5 + 6 * 4) / 8)  # 4.125
    assert d2.gap == pytest.approx((2 * 0.5 + 6 * 3) / 8)  # 2.375
    assert d2.completion == pytest.approx((2 * 1.0 + 6 * 0.5) / 8)  # 0.625
    assert localize(d2.band.label) == "Poor" and localize(d1.band.label) == "Poor"
    # the overall index stays the pillar-weighted mean, which here equals the domain-weighted mean
    assert result.overall.score == pytest.approx((1 * 2 + 2 * 4 + 6 * 1) / 9)
    assert result.overall.score == pytest.approx((1 * d1.score + 8 * d2.score) / 9)


def test_a_domain_with_nothing_scored_has_no_score_but_its_completion():
    fw = load_framework_file(DATA / "domains.yaml")
    result = score_assessment(fw, {"P1-1": Answer(na=True)})
    d1, d2 = result.domains
    assert (d1.score, d1.target, d1.gap, d1.band, d1.completion) == (None, None, None, None, 1.0)
    assert (d2.score, d2.completion) == (None, 0.0)


def test_no_domains_means_an_empty_tuple(mini_framework):
    assert score_assessment(mini_framework, {}).domains == ()
    assert mini_framework.domains == ()


def test_domains_and_legal_basis_round_trip_in_the_canonical_form():
    fw = framework_from_data(copy.deepcopy(RAW))
    again = framework_from_json(canonical_json(fw))
    assert again == fw and framework_checksum(again) == framework_checksum(fw)
    assert [d.pillar_codes for d in fw.domains] == [("P1",), ("P2", "P3")]
    assert localize(fw.legal_basis, "id") == "Peraturan 1/2020 tentang pengujian"


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda d: d["pillars"][1].update(domain="D9"), "pillars[1].domain: 'D9' is not one of the domains (D1, D2)"),
        (lambda d: d["pillars"][0].pop("domain"), "pillars[0].domain: missing: the framework has domains"),
        (lambda d: d["domains"].append({"code": "D1", "name": "x"}), "domains[2].code: duplicate domain code 'D1'"),
        (lambda d: d["pillars"][0].update(domain=["D1", "D2"]), "pillars[0].domain: must be the code of one domain"),
        (lambda d: d["pillars"][0].update(domain={"en": "D1"}), "pillars[0].domain: must be the code of one domain"),
        (lambda d: d["domains"].append({"code": "D3", "name": "x"}), "domains[2]: no pillar belongs to domain 'D3'"),
        (lambda d: d["domains"][0].update(colour="red"), "domains[0]: unknown key 'colour'"),
        (lambda d: d["domains"][1].pop("name"), "domains[1].name: missing (required)"),
        (lambda d: d.update(domains=[]), "domains: must be a non-empty list"),
        (lambda d: d.update(legal_basis=""), "legal_basis: must be a text"),
        (
            lambda d: (d.pop("domains"), d["pillars"][2].pop("domain"), d["pillars"][1].pop("domain")),
            "pillars[0].domain: 'D1' names a domain, but the framework has no 'domains' list",
        ),
    ],
)
def test_each_domain_mistake_is_named_with_its_place(mutate, expected):
    data = copy.deepcopy(RAW)
    mutate(data)
    with pytest.raises(FrameworkError) as info:
        framework_from_data(data)
    assert any(p.startswith(expected) for p in info.value.problems), info.value.problems


def test_compare_has_a_row_per_domain_with_its_change():
    from smartcity_assess.core.comparison import DOMAIN, ComparedAssessment, build_comparison, comparison_to_dict

    fw = load_framework_file(DATA / "domains.yaml")
    before = score_assessment(fw, {"P1-1": Answer(level=2), "P2-1": Answer(level=3), "P3-1": Answer(level=1)})
    after = score_assessment(fw, {"P1-1": Answer(level=4), "P2-1": Answer(level=3), "P3-1": Answer(level=3)})
    comparison = build_comparison([ComparedAssessment("2025", fw, before), ComparedAssessment("2026", fw, after)])
    rows = comparison.rows(DOMAIN)
    assert list(rows["code"]) == ["D1", "D2"] and list(rows["name"]) == ["Policy", "Services"]
    d2 = rows.set_index("code").loc["D2"]
    assert d2["2025"] == pytest.approx((2 * 3 + 6 * 1) / 8) and d2["2026"] == pytest.approx((2 * 3 + 6 * 3) / 8)
    assert d2["change"] == pytest.approx(1.5)
    data = comparison_to_dict(comparison)
    assert [d["code"] for d in data["domains"]] == ["D1", "D2"]
    assert data["domains"][0]["scores"] == {"2025": 2.0, "2026": 4.0} and data["domains"][0]["change"] == 2.0
    # the rows follow the overall row and come before the pillars
    kinds = list(comparison.table["kind"])
    assert kinds[:4] == ["overall", "domain", "domain", "pillar"]
