"""`smartcity-assess compare`: the JSON contract, exports that read back equal, one-sentence errors."""

import json
import math

import pandas as pd
import pytest

from smartcity_assess.core.comparison import EXPORT_KIND_HEADER
from smartcity_assess.services.assessments import score_many
from smartcity_assess.services.frameworks import open_store

BANDUNG = "Bandung (demo)"
CIMAHI = "Cimahi (demo)"


@pytest.fixture
def run(run):
    """The command line on a database with the demo data loaded."""
    assert run("demo")[0] == 0
    return run


@pytest.fixture
def engine_scores(db_path):
    """(city, year) → the scoring engine's result, read independently of the comparison code."""
    store = open_store(db_path)
    try:
        return {(s.info.city, s.info.year): s for s in score_many(store)}
    finally:
        store.close()


def test_years_json_matches_the_scoring_engine(run, engine_scores):
    code, out, err = run("compare", "--city", "bandung (demo)", "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["years"] == [2023, 2024, 2025]  # finals only: the 2026 draft is left out unless asked
    first, last = engine_scores[(BANDUNG, 2023)].score, engine_scores[(BANDUNG, 2025)].score
    assert data["overall"]["scores"]["2023"] == pytest.approx(first.overall.score)
    assert data["overall"]["change"] == pytest.approx(last.overall.score - first.overall.score)
    assert [p["code"] for p in data["pillars"]] == ["GOV", "INF", "WIFI", "COM"]
    for pillar in data["pillars"]:
        before = next(p.score for p in first.pillars if p.code == pillar["code"])
        after = next(p.score for p in last.pillars if p.code == pillar["code"])
        assert pillar["change"] == pytest.approx(after - before)
    levels = {i.code: i.level for i in last.indicators}
    assert len(data["indicators"]) == 33
    for indicator in data["indicators"]:
        assert indicator["levels"]["2025"] == levels[indicator["code"]]
    com07 = next(i for i in data["indicators"] if i["code"] == "COM-07")
    assert com07 == {"code": "COM-07", "pillar": "COM", "levels": {"2023": 5, "2024": 4, "2025": 4}, "change": -1}


def test_drafts_only_when_asked_and_not_assessed_is_null(run):
    data = json.loads(run("compare", "--city", BANDUNG, "--years", "2025", "2026", "--include-drafts", "--json")[1])
    assert data["years"] == [2025, 2026]
    wifi08 = next(i for i in data["indicators"] if i["code"] == "WIFI-08")  # unanswered in the 2026 draft
    assert wifi08["levels"] == {"2025": 2, "2026": None} and wifi08["change"] is None
    code, out, err = run("compare", "--city", BANDUNG, "--years", "2025", "2026", "--json")
    assert (code, out) == (2, "")
    assert err.startswith("error: ") and "draft" in err


def test_cities_json_keyed_by_city_name_in_the_order_given(run, engine_scores):
    data = json.loads(run("compare", "--year", "2025", "--cities", CIMAHI, BANDUNG, "--json")[1])
    assert data["cities"] == [CIMAHI, BANDUNG]
    scores = data["overall"]["scores"]
    assert list(scores) == [CIMAHI, BANDUNG]
    assert scores[BANDUNG] == pytest.approx(engine_scores[(BANDUNG, 2025)].score.overall.score)
    assert data["overall"]["change"] == pytest.approx(scores[BANDUNG] - scores[CIMAHI])
    com08 = next(i for i in data["indicators"] if i["code"] == "COM-08")  # N/A in Cimahi: not assessed
    assert com08["levels"][CIMAHI] is None and com08["change"] is None


def same(cell, value) -> bool:
    """A read-back cell equals the JSON value; null must come back as an empty cell (NaN), never 0."""
    return math.isnan(cell) if value is None else cell == value


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_exports_read_back_equal(run, tmp_path, suffix, db_path):
    path = tmp_path / f"comparison{suffix}"
    code, out, _ = run("compare", "--city", BANDUNG, "--include-drafts", "--out", str(path))
    assert code == 0 and out.splitlines()[0] == str(path)
    data = json.loads(run("compare", "--city", BANDUNG, "--include-drafts", "--json")[1])
    frame = pd.read_csv(path) if suffix == ".csv" else pd.read_excel(path, sheet_name="comparison")
    years = ["2023", "2024", "2025", "2026 (draft)"]
    assert list(frame.columns) == [EXPORT_KIND_HEADER, "code", "pillar", "name", *years, "change", "trend"]
    assert "unrounded" in EXPORT_KIND_HEADER and "levels" in EXPORT_KIND_HEADER  # the header says what the numbers are
    if suffix == ".csv":  # levels are whole numbers in the file itself, not 2.0
        gov01 = next(line for line in path.read_text(encoding="utf-8").splitlines() if ",GOV-01," in line)
        assert ",2,3,3,4,2," in gov01, gov01
    by_code = frame.set_index("code")
    assert by_code.loc["OVERALL", "2024"] == pytest.approx(data["overall"]["scores"]["2024"])
    for indicator in data["indicators"]:
        for year, level in indicator["levels"].items():
            cell = by_code.loc[indicator["code"], "2026 (draft)" if year == "2026" else year]
            assert same(cell, level), (indicator["code"], year)
        assert same(by_code.loc[indicator["code"], "change"], indicator["change"])
    assert by_code.loc["COM-07", "trend"] == "regressed"  # 5 in 2023 … 4 in 2026
    assert by_code.loc["GOV-01", "trend"] == "improved"


def test_table_output_marks_drafts_and_not_assessed(run):
    code, out, _ = run("compare", "--city", BANDUNG, "--years", "2025", "2026", "--include-drafts")
    assert code == 0
    assert "note: draft (not final): 2026" in out
    assert "2026 (draft)" in out
    wifi08 = next(line for line in out.splitlines() if line.startswith("WIFI-08"))
    assert "not assessed" in wifi08 and " 0 " not in wifi08


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--city", "Atlantis"], "no assessments for city 'Atlantis'"),
        (["--city", BANDUNG, "--years", "2019"], "has no assessment for 2019"),
        (["--city", BANDUNG, "--years", "soon"], "'soon' is not a year"),
        (["--year", "2019", "--cities", BANDUNG], "no assessments for 2019"),
        (["--year", "2024", "--cities", BANDUNG, CIMAHI], "Cimahi (demo) has no assessment for 2024"),
        (["--year", "2025", "--cities", "Atlantis"], "no assessments for city 'Atlantis'"),
        (["--city", BANDUNG, "--framework", "nope"], "no assessments with framework nope"),
        ([], "compare either one city"),
        (["--year", "2025"], "name the cities"),
        (["--city", BANDUNG, "--out", "x.pdf"], "use a .csv or .xlsx file"),
    ],
)
def test_bad_input_is_one_sentence_and_exit_2(run, argv, message, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = run("compare", *argv)
    assert (code, out) == (2, "")
    assert err.startswith("error: ") and message in err and err.count("\n") == 1
    assert not (tmp_path / "x.pdf").exists()


def test_cities_are_compared_with_a_reference_city_and_the_differences_agree_with_the_figures(run):
    code, out, _ = run("compare", "--year", "2025", "--cities", BANDUNG, CIMAHI)
    assert code == 0
    header, overall = out.splitlines()[0], next(line for line in out.splitlines() if line.startswith("OVERALL"))
    assert f"{BANDUNG} (reference)" in header and header.rstrip().endswith(f"{CIMAHI} − {BANDUNG}")
    bandung, cimahi, difference = (float(x) for x in overall.split()[-3:])
    assert difference == round(cimahi - bandung, 2)  # the difference between the figures printed

    code, out, _ = run("compare", "--year", "2025", "--cities", BANDUNG, CIMAHI, "--reference", CIMAHI)
    header, overall = out.splitlines()[0], next(line for line in out.splitlines() if line.startswith("OVERALL"))
    assert f"{CIMAHI} (reference)" in header and header.rstrip().endswith(f"{BANDUNG} − {CIMAHI}")
    assert float(overall.split()[-1]) == -difference
    code, _, err = run("compare", "--year", "2025", "--cities", BANDUNG, "--reference", "Atlantis")
    assert code == 2 and "is not one of the cities compared" in err
