"""Field sheets: exported per pillar with rubrics and validated answer columns, filled in with openpyxl as an
assessor would, and read back all or nothing."""

from __future__ import annotations

import sqlite3

import pytest
from openpyxl import load_workbook

from smartcity_assess.core.text import localize
from smartcity_assess.services.field_sheets import KEY_ROW
from smartcity_assess.services.frameworks import open_store


def rows(path) -> dict[str, list]:
    with sqlite3.connect(path) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {t: sorted(map(repr, conn.execute(f"SELECT * FROM {t}"))) for t in tables}


@pytest.fixture
def sheet(run, tmp_path, mini_store):
    path = tmp_path / "lembar.xlsx"
    code, out, err = run("forms", "export", "--framework", "mini", "--out", str(path), "--lang", "id")
    assert (code, err) == (0, "") and out.strip() == str(path)
    return path


@pytest.fixture
def mini_id(run, mini_store):
    return run("assessments", "new", "--city", "Kota Bandung", "--year", "2026", "--framework", "mini")[1].strip()


def column(sheet, key: str) -> int:
    keys = [c.value for c in sheet[KEY_ROW]]
    return keys.index(key) + 1


def row_of(sheet, code: str) -> int:
    return next(r for r in range(KEY_ROW + 1, sheet.max_row + 1) if sheet.cell(r, 1).value == code)


def fill(path, answers: dict[str, dict[str, object]]) -> None:
    workbook = load_workbook(path)
    for name in workbook.sheetnames:
        sheet = workbook[name]
        if sheet.sheet_state == "hidden" or sheet.max_row < KEY_ROW or sheet.cell(KEY_ROW, 1).value != "indicator":
            continue
        for code, cells in answers.items():
            if any(sheet.cell(r, 1).value == code for r in range(KEY_ROW + 1, sheet.max_row + 1)):
                for key, value in cells.items():
                    sheet.cell(row_of(sheet, code), column(sheet, key), value)
    workbook.save(path)


def test_the_sheet_has_a_pillar_per_sheet_with_rubrics_and_validated_answer_columns(sheet, mini_framework):
    workbook = load_workbook(sheet)
    assert workbook.sheetnames == ["Petunjuk", "GOV", "WIFI", "_form"]
    assert workbook["_form"].sheet_state == "hidden"
    gov = workbook["GOV"]
    g2 = row_of(gov, "G2")
    indicator = mini_framework.indicator("G2")
    assert gov.cell(g2, column(gov, "question")).value == localize(indicator.question, "id")
    for level in (1, 5):
        assert gov.cell(g2, column(gov, f"rubric_{level}")).value == localize(indicator.rubric[level], "id")
    assert gov.cell(KEY_ROW - 1, column(gov, "level")).value == "Tingkat (1–5 atau TB)"
    wifi = workbook["WIFI"]
    assert wifi.cell(row_of(wifi, "W1"), column(wifi, "thresholds")).value == "10 · 30 · 60 · 85"
    validations = {str(v.sqref): v for v in gov.data_validations.dataValidation}
    level_range = next(ref for ref in validations if ref.startswith(gov.cell(1, column(gov, "level")).column_letter))
    assert validations[level_range].formula1 == '"1,2,3,4,5,TB"'
    assert {v.type for v in validations.values()} >= {"list", "decimal", "whole"}


def test_a_filled_in_sheet_is_imported(run, sheet, mini_id, db_path):
    fill(
        sheet,
        {
            "G1": {
                "level": 2,
                "note": "SOP masih draf",
                "recommendation": "Sahkan SOP",
                "responsible": "Diskominfo",
                "due": 2027,
            },
            "G2": {"level": "TB"},
            "W1": {"value": 45, "value_source": "Inventaris Diskominfo", "value_year": 2025},
        },
    )
    code, out, err = run("responses", "import", mini_id, str(sheet))
    assert (code, out, err) == (0, "imported 3 responses: 3 changed, 0 unchanged\n", "")
    store = open_store(db_path)
    responses = store.responses(store.resolve_assessment_id(mini_id))
    g1, g2, w1 = responses["G1"], responses["G2"], responses["W1"]
    assert (g1.level, g1.note, g1.recommendation, g1.responsible, g1.due) == (
        2,
        "SOP masih draf",
        "Sahkan SOP",
        "Diskominfo",
        2027,
    )
    assert (g2.na, g2.level) == (True, None)
    assert (w1.value, w1.level, w1.value_source, w1.value_year) == (45, 3, "Inventaris Diskominfo", 2025)
    assert "W2" not in responses  # a row left empty records nothing


def test_an_empty_cell_keeps_what_is_recorded(run, sheet, mini_id, db_path):
    fill(sheet, {"G1": {"level": 2, "note": "first visit"}})
    run("responses", "import", mini_id, str(sheet))
    again = sheet.with_name("second.xlsx")
    run("forms", "export", "--framework", "mini", "--out", str(again))
    fill(again, {"G1": {"level": 3}})
    assert run("responses", "import", mini_id, str(again))[0] == 0
    store = open_store(db_path)
    g1 = store.responses(store.resolve_assessment_id(mini_id))["G1"]
    assert (g1.level, g1.note) == (3, "first visit")


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"G1": {"level": 2}, "G2": {"level": 7}}, "sheet GOV, row 5, column level: 7 is outside the scale 1–5"),
        ({"W1": {"value": 45, "level": 1}}, "sheet WIFI, row 4, column level: 1 contradicts the value 45"),
        ({"G1": {"due": 27}}, "sheet GOV, row 4, column due: 27 is not a plausible year"),
        ({"G1": {"level": "TB", "value": 3}}, "sheet GOV, row 4, column value: G1 is not a measured indicator"),
    ],
)
def test_one_bad_cell_refuses_the_whole_sheet(run, sheet, mini_id, db_path, answers, message):
    fill(sheet, {"W2": {"level": 4}, **answers})  # a good row too: nothing of it may be written
    before = rows(db_path)
    code, out, err = run("responses", "import", mini_id, str(sheet))
    assert code == 2 and out == ""
    assert err.startswith(f"error: lembar.xlsx: {message}"), err
    assert rows(db_path) == before


def test_a_sheet_of_another_framework_is_refused(run, tmp_path, mini_id, db_path):
    other = tmp_path / "spbe.xlsx"
    run("forms", "export", "--framework", "spbe-2020", "--out", str(other))
    fill(other, {"I01": {"level": 3}})
    before = rows(db_path)
    code, _, err = run("responses", "import", mini_id, str(other))
    assert code == 2 and "a field sheet of framework spbe-2020, but the assessment uses mini" in err
    assert rows(db_path) == before


def test_export_errors_are_one_line(run, tmp_path, mini_store):
    code, _, err = run("forms", "export", "--framework", "nope", "--out", str(tmp_path / "x.xlsx"))
    assert code == 2 and err.startswith("error: no framework nope")
    code, _, err = run("forms", "export", "--framework", "mini", "--out", str(tmp_path / "x.csv"))
    assert code == 2 and "ending in .xlsx" in err


def test_excel_refuses_a_wrong_entry_rather_than_only_suggesting_one(sheet):
    """Excel stops a wrong entry only when a validation says to show its error; openpyxl's default is off."""
    for name in ("GOV", "WIFI"):
        validations = load_workbook(sheet)[name].data_validations.dataValidation
        assert validations and all(v.showErrorMessage for v in validations)


def test_the_instructions_spell_out_tb(sheet):
    lines = [row[0] for row in load_workbook(sheet)["Petunjuk"].iter_rows(values_only=True)]
    assert "TB – tidak berlaku" in lines


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({}, "error: spbe.xlsx: lembar kerja lapangan belum berisi satu jawaban pun\n"),
        ({"I01": {"level": 3}}, "error: spbe.xlsx: lembar kerja lapangan kerangka spbe-2020, padahal penilaian ini"),
    ],
)
def test_a_refused_sheet_is_said_in_indonesian_with_lang_id(run, tmp_path, mini_id, db_path, answers, message):
    other = tmp_path / "spbe.xlsx"
    run("forms", "export", "--framework", "spbe-2020" if answers else "mini", "--out", str(other))
    fill(other, answers)
    before = rows(db_path)
    code, _, err = run("--lang", "id", "responses", "import", mini_id, str(other))
    assert code == 2 and err.startswith(message), err
    assert rows(db_path) == before


def test_a_failed_export_leaves_the_sheet_there_as_it_was(run, sheet, monkeypatch):
    from openpyxl import Workbook

    before = sheet.read_bytes()

    def full_disk(self, target):
        target.write(b"PK\x03\x04 half a workbook")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Workbook, "save", full_disk)
    code, out, err = run("forms", "export", "--framework", "mini", "--out", str(sheet))
    assert (code, out) == (2, "")
    assert err == f"error: {sheet}: cannot write the file (No space left on device); nothing was changed\n"
    assert sheet.read_bytes() == before
    assert [p.name for p in sheet.parent.iterdir() if p.name.startswith(".")] == []  # no half file left beside it


def test_a_folder_as_the_sheet_is_one_sentence(run, tmp_path, mini_store):
    folder = tmp_path / "sheets.xlsx"
    folder.mkdir()
    code, _, err = run("forms", "export", "--framework", "mini", "--out", str(folder))
    assert code == 2 and err == f"error: {folder} is a folder; give a file name such as lembar.xlsx\n"


def test_a_formula_is_named_with_its_sheet_since_every_pillar_has_a_cell_k4(run, sheet, mini_id, db_path):
    workbook = load_workbook(sheet)
    wifi = workbook["WIFI"]
    wifi.cell(row_of(wifi, "W2"), column(wifi, "level"), "=1+2")
    workbook.save(sheet)
    before = rows(db_path)
    code, _, err = run("responses", "import", mini_id, str(sheet))
    assert code == 2 and ": sheet WIFI, cell K5 holds a formula (=1+2); the import takes values only" in err, err
    assert rows(db_path) == before


def test_a_four_level_framework_says_1_to_4_not_1_to_5(tmp_path):
    from smartcity_assess.core.framework_loader import framework_from_data
    from smartcity_assess.reporting.field_sheet import write_field_sheet

    data = {
        "code": "four",
        "version": "1",
        "title": "Four levels",
        "levels": {1: "Initial", 2: "Managed", 3: "Defined", 4: "Optimised"},
        "bands": [{"min": 0, "label": "Low"}, {"min": 2.5, "label": "High"}],
        "pillars": [
            {
                "code": "P",
                "name": "Pillar",
                "weight": 1,
                "indicators": [
                    {"code": "X1", "name": "X", "question": "X?", "weight": 1, "rubric": dict(enumerate("abcd", 1))}
                ],
            }
        ],
    }
    path = write_field_sheet(framework_from_data(data), tmp_path / "four.xlsx", "id")
    workbook = load_workbook(path)
    pillar = workbook["P"]
    assert pillar.cell(KEY_ROW - 1, column(pillar, "level")).value == "Tingkat (1–4 atau TB)"
    [level] = [v for v in pillar.data_validations.dataValidation if v.formula1 == '"1,2,3,4,TB"']
    assert level.error == "Pilih 1–4 atau TB"
    guide = " ".join(str(row[0]) for row in workbook["Petunjuk"].iter_rows(values_only=True) if row[0])
    assert "tingkat (1–4, atau TB" in guide and "1–5" not in guide
