"""Framework files: the built-in one is valid, and every mistake an author can make is named with its place."""

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
    load_framework_text,
)
from smartcity_assess.core.text import localize
from smartcity_assess.paths import assessments_path
from tests.conftest import DATA

BUILTIN = assessments_path("frameworks", "bandung-smart-city.yaml")


@pytest.fixture
def raw():
    return yaml.safe_load((DATA / "mini.yaml").read_text())


def problems_of(data) -> list[str]:
    with pytest.raises(FrameworkError) as info:
        framework_from_data(data)
    return info.value.problems


def test_builtin_framework_is_complete_and_bilingual():
    fw = load_framework_file(BUILTIN)
    assert [p.code for p in fw.pillars] == ["GOV", "INF", "WIFI", "COM"]
    assert all(6 <= len(p.indicators) <= 10 for p in fw.pillars)
    assert localize(fw.levels[1], "id") == "Rintisan" and localize(fw.levels[5], "id") == "Optimum"
    assert [b.min for b in fw.bands] == [0, 1.8, 2.6, 3.5, 4.2]
    for ind in fw.indicators:
        for text in (ind.name, ind.question, *ind.rubric.values()):
            assert {"en", "id"} <= set(text), ind.code
    assert sum(1 for i in fw.indicators if i.metric) >= 5
    names = " ".join(localize(i.name, "en").lower() for i in fw.indicators)
    for finding in ("sop", "website", "institutional", "socialization", "hotspots"):
        assert finding in names


def test_canonical_form_round_trips_with_the_same_checksum(raw):
    fw = framework_from_data(raw)
    again = framework_from_json(canonical_json(fw))
    assert again == fw
    assert framework_checksum(again) == framework_checksum(fw)
    reordered = load_framework_text(yaml.safe_dump(raw, sort_keys=True))
    assert framework_checksum(reordered) == framework_checksum(fw)


def test_metric_units_may_be_translated_or_left_empty(raw):
    metric = raw["pillars"][1]["indicators"][0]["metric"]
    metric["unit"] = {"en": "hotspots per 100,000 inhabitants", "id": "hotspot per 100.000 penduduk"}
    raw["pillars"][1]["indicators"][1]["metric"]["unit"] = ""
    fw = framework_from_data(raw)
    assert localize(fw.indicator("W1").metric.unit, "id") == "hotspot per 100.000 penduduk"
    assert localize(fw.indicator("W2").metric.unit, "id") == ""
    assert framework_checksum(framework_from_json(canonical_json(fw))) == framework_checksum(fw)


def test_plain_string_texts_read_the_same_in_every_language(raw):
    fw = framework_from_data(raw)
    assert localize(fw.indicator("G1").name, "id") == "Command-center SOP"


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (
            lambda d: d["pillars"][0]["indicators"][1].update(code="G1"),
            "pillars[0].indicators[1].code: duplicate indicator code 'G1'",
        ),
        (
            lambda d: d["pillars"][1]["indicators"][0].update(code="G2"),
            "pillars[1].indicators[0].code: duplicate indicator code 'G2'",
        ),
        (lambda d: d["pillars"][1].update(code="GOV"), "pillars[1].code: duplicate pillar code 'GOV'"),
        (
            lambda d: d["pillars"][0]["indicators"][1]["rubric"].pop(4),
            "pillars[0].indicators[1].rubric: no text for level 4",
        ),
        (
            lambda d: d["pillars"][0]["indicators"][0].update(weight=0),
            "pillars[0].indicators[0].weight: must be a positive number, not 0",
        ),
        (lambda d: d["pillars"][1].update(weight=-2), "pillars[1].weight: must be a positive number, not -2"),
        (
            lambda d: d["bands"].insert(2, {"min": 1.0, "label": "x"}),
            "bands[2].min: bands must be sorted by ascending min (1 after 1.8)",
        ),
        (
            lambda d: d["pillars"][1]["indicators"][0]["metric"].update(thresholds=[10, 60, 30, 85]),
            "pillars[1].indicators[0].metric.thresholds: must be strictly ascending",
        ),
        (lambda d: d.update(version=1.10), 'version: must be quoted, as "1.1" or the version you meant'),
        (lambda d: d.pop("title"), "title: missing (required)"),
        (
            lambda d: d["pillars"][1]["indicators"][0]["metric"].update(unit=5),
            "pillars[1].indicators[0].metric.unit: must be a text or a mapping of language to text",
        ),
        (
            lambda d: d["pillars"][1]["indicators"][0]["metric"].update(thresholds=[10, 30]),
            "pillars[1].indicators[0].metric.thresholds: needs 4 thresholds (one fewer than the levels), not 2",
        ),
        (
            lambda d: d["pillars"][0]["indicators"][1].update(target=6),
            "pillars[0].indicators[1].target: 6 is not one of the levels [1, 2, 3, 4, 5]",
        ),
        (lambda d: d.update(default_target=0), "default_target: 0 is not one of the levels [1, 2, 3, 4, 5]"),
        (lambda d: d.update(colour="blue"), "unknown key 'colour'"),
        (lambda d: d["pillars"][0].update(icon="x"), "pillars[0]: unknown key 'icon'"),
        (lambda d: d["pillars"][0]["indicators"][0].update(wieght=2), "pillars[0].indicators[0]: unknown key 'wieght'"),
        (
            lambda d: d["pillars"][1]["indicators"][0]["metric"].update(higher=True),
            "pillars[1].indicators[0].metric: unknown key 'higher'",
        ),
        (lambda d: d.update(code="Bandung City"), "code: 'Bandung City' is not a valid code"),
        (
            lambda d: d["pillars"][0]["indicators"][0].pop("question"),
            "pillars[0].indicators[0].question: missing (required)",
        ),
        (lambda d: d["levels"].pop(3), "levels: must be consecutive whole numbers, not [1, 2, 4, 5]"),
        (
            lambda d: d["pillars"][0]["indicators"][0].update(name={"en": ""}),
            "pillars[0].indicators[0].name.en: must be a non-empty text",
        ),
        (lambda d: d["pillars"][0].update(indicators=[]), "pillars[0].indicators: must be a non-empty list"),
        (
            lambda d: d["pillars"][0]["indicators"][0].update(weight="heavy"),
            "pillars[0].indicators[0].weight: must be a number, not the text 'heavy'",
        ),
    ],
)
def test_each_mistake_is_named_with_its_place(raw, mutate, expected):
    data = copy.deepcopy(raw)
    mutate(data)
    problems = problems_of(data)
    assert any(p.startswith(expected) for p in problems), problems


def test_all_problems_are_reported_at_once(raw):
    raw["pillars"][0]["weight"] = 0
    raw["pillars"][1]["indicators"][1]["rubric"].pop(2)
    problems = problems_of(raw)
    assert len(problems) == 2
    with pytest.raises(FrameworkError, match=r"\(and 1 more problem\)"):
        framework_from_data(raw)


def test_broken_yaml_names_line_and_column(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("code: x\ntitle: [unclosed\n")
    with pytest.raises(FrameworkError, match=r"broken\.yaml: line \d+, column \d+"):
        load_framework_file(path)


def test_missing_and_non_utf8_files_are_named(tmp_path):
    with pytest.raises(FrameworkError, match="file not found"):
        load_framework_file(tmp_path / "nope.yaml")
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("title: Pemerintahan Kota — é".encode("latin-1", errors="replace") + b"\xe9")
    with pytest.raises(FrameworkError, match="not UTF-8"):
        load_framework_file(latin)


def test_yaml_tags_are_not_executed(tmp_path):
    path = tmp_path / "evil.yaml"
    path.write_text("code: !!python/object/apply:os.system ['echo hacked']\n")
    with pytest.raises(FrameworkError):
        load_framework_file(path)


def test_a_missing_key_is_said_once(raw):
    del raw["levels"]
    assert [p for p in problems_of(raw) if p.startswith("levels")] == ["levels: missing (required)"]


def test_absurdly_nested_yaml_is_one_problem_not_a_crash(tmp_path):
    path = tmp_path / "deep.yaml"
    path.write_text("a: " + "[" * 5000, encoding="utf-8")
    with pytest.raises(FrameworkError, match="nested too deeply"):
        load_framework_file(path)
