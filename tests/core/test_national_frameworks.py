"""The shipped national frameworks: SPBE 2020's structure and weights, Menuju 100 Smart City's dimensions,
and the generic framework's terminology."""

from collections import Counter

import pytest

from smartcity_assess.core.framework_loader import load_framework_file
from smartcity_assess.core.scoring import Answer, score_assessment
from smartcity_assess.core.text import localize
from smartcity_assess.paths import assessments_path

SPBE = load_framework_file(assessments_path("frameworks", "spbe-2020.yaml"))
M100 = load_framework_file(assessments_path("frameworks", "menuju-100-smart-city.yaml"))
GENERIC = load_framework_file(assessments_path("frameworks", "bandung-smart-city.yaml"))


def effective_weights(framework) -> dict[str, float]:
    """Each indicator's share of the overall index: pillar share × share within its pillar."""
    total = sum(p.weight for p in framework.pillars)
    shares = {}
    for pillar in framework.pillars:
        inside = sum(i.weight for i in pillar.indicators)
        for ind in pillar.indicators:
            shares[ind.code] = pillar.weight / total * ind.weight / inside
    return shares


def test_spbe_has_4_domains_8_aspects_and_47_indicators():
    assert [localize(d.name, "id") for d in SPBE.domains] == [
        "Kebijakan Internal SPBE",
        "Tata Kelola SPBE",
        "Manajemen SPBE",
        "Layanan SPBE",
    ]
    assert len(SPBE.pillars) == 8 and len(SPBE.indicators) == 47
    per_domain = Counter(p.domain for p in SPBE.pillars for _ in p.indicators)
    assert per_domain == {"D1": 10, "D2": 10, "D3": 11, "D4": 16}
    assert [i.code for i in SPBE.indicators] == [f"I{n:02d}" for n in range(1, 48)]


def test_spbe_domain_weights_are_the_regulations():
    shares = effective_weights(SPBE)
    by_domain = Counter()
    for pillar in SPBE.pillars:
        for ind in pillar.indicators:
            by_domain[pillar.domain] += shares[ind.code]
    assert by_domain["D1"] == pytest.approx(0.13)
    assert by_domain["D2"] == pytest.approx(0.25)
    assert by_domain["D3"] == pytest.approx(0.165)
    assert by_domain["D4"] == pytest.approx(0.455)
    assert sum(shares.values()) == pytest.approx(1.0)


def test_spbe_index_is_the_weighted_mean_of_the_indicator_levels():
    # Levels 1..5 cycling over the 47 indicators: the index is Σ share × level, as the regulation computes it.
    answers = {ind.code: Answer(level=1 + k % 5) for k, ind in enumerate(SPBE.indicators)}
    shares = effective_weights(SPBE)
    expected = sum(shares[code] * answer.level for code, answer in answers.items())
    assert score_assessment(SPBE, answers).overall.score == pytest.approx(expected)


def test_menuju_100_has_the_six_dimensions():
    names = [localize(p.name, "en").lower() for p in M100.pillars]
    assert names == [f"smart {d}" for d in ("governance", "branding", "economy", "living", "society", "environment")]
    assert all(len(p.indicators) >= 3 for p in M100.pillars)


@pytest.mark.parametrize("framework", [SPBE, M100, GENERIC], ids=lambda f: f.code)
def test_every_text_speaks_both_languages_and_states_its_legal_basis(framework):
    assert {"en", "id"} <= set(framework.legal_basis)
    for ind in framework.indicators:
        for text in (ind.name, ind.question, *ind.rubric.values()):
            assert {"en", "id"} <= set(text), ind.code
        if framework is not GENERIC:
            assert ind.references, ind.code  # each national indicator names its place in the regulation


def test_the_generic_framework_names_no_city_and_uses_the_regulations_terms():
    indonesian = " ".join(
        localize(t, "id")
        for ind in GENERIC.indicators
        for t in (ind.name, ind.question, *ind.rubric.values(), *([ind.metric.unit] if ind.metric else []))
    )
    english_title = localize(GENERIC.title, "en")
    assert "Bandung" not in indonesian and "Bandung" not in english_title
    for wrong in ("kota cerdas", "pita lebar", "pentaheliks", "spontan", "kasuistis", "kejadian"):
        assert wrong not in indonesian.lower(), wrong
    assert "command center" not in indonesian  # always capitalised, as the regulations write it
    assert "Rencana Induk (Masterplan) Smart City" in indonesian
    assert localize(GENERIC.indicator("WIFI-01").metric.unit, "id") == "titik Wi-Fi per 100.000 penduduk"
    # urban households are above 80 % already: the thresholds must separate cities above that
    assert GENERIC.indicator("COM-05").metric.thresholds[0] >= 80
