"""The command line as scripts use it: stdout contracts, `error: …` with exit 2, nothing written on bad input."""

import json
import subprocess
import sys

import pandas as pd
import pytest

from smartcity_assess.cli import main
from smartcity_assess.core.scoring import score_assessment
from smartcity_assess.services.frameworks import open_store
from tests.conftest import DATA, database_rows


@pytest.fixture
def mini_id(run):
    assert run("frameworks", "import", str(DATA / "mini.yaml"))[1] == "mini\n"
    code, out, _ = run(
        "assessments", "new", "--city", "Bandung", "--year", "2025", "--framework", "mini", "--assessor", "Ani"
    )
    assert code == 0
    return out.strip()


def write_csv(tmp_path, text, name="r.csv"):
    path = tmp_path / name
    path.write_text(text)
    return str(path)


def counts(db_path):
    store = open_store(db_path)
    try:
        return store.counts()
    finally:
        store.close()


def test_new_prints_the_id_alone(mini_id):
    assert len(mini_id) == 36 and mini_id.count("-") == 4


def test_import_then_score_json_matches_the_engine(run, mini_id, tmp_path, db_path):
    csv_path = write_csv(
        tmp_path, "indicator,level,target,na,value,note\nG1,2,,,,no SOP yet\nG2,3,,,,\nW1,,,,45,\nW2,,,yes,,\n"
    )
    assert run("responses", "import", mini_id, csv_path)[:2] == (0, "imported 4 responses: 4 changed, 0 unchanged\n")
    code, out, _ = run("score", mini_id, "--json")
    data = json.loads(out)
    assert code == 0
    assert set(data) == {"overall", "pillars", "domains", "indicators"}
    assert data["domains"] == []  # mini has no domains
    assert set(data["overall"]) == {"score", "target", "gap", "band", "completion"}
    assert data["overall"]["score"] == 2.8125 and data["overall"]["gap"] == 1.75  # worked out by hand
    assert data["overall"]["band"] == "Good"
    assert [p["code"] for p in data["pillars"]] == ["GOV", "WIFI"]
    w1 = next(i for i in data["indicators"] if i["code"] == "W1")
    assert (w1["level"], w1["pillar"], w1["target"], w1["gap"], w1["na"]) == (3, "WIFI", 4, 1.0, False)
    w2 = next(i for i in data["indicators"] if i["code"] == "W2")
    assert (w2["level"], w2["gap"], w2["priority"], w2["na"]) == (None, None, None, True)
    # and the same numbers as the engine computes from the stored rows
    store = open_store(db_path)
    info = store.assessment(store.resolve_assessment_id(mini_id))
    engine = score_assessment(
        store.framework(info.framework_id), {c: r.answer() for c, r in store.responses(info.id).items()}
    )
    assert [p["score"] for p in data["pillars"]] == [p.score for p in engine.pillars]
    assert json.loads(run("score", mini_id, "--json", "--lang", "id")[1])["overall"]["band"] == "Baik"


def test_score_json_has_nulls_when_nothing_is_scored(run, mini_id):
    data = json.loads(run("score", mini_id, "--json")[1])
    assert data["overall"] == {"score": None, "target": None, "gap": None, "band": None, "completion": 0.0}


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ("G1,2,,,,\nG9,3,,,,\n", "row 3, column indicator: 'G9' is not an indicator of framework mini 1"),
        ("G1,7,,,,\n", "row 2, column level: 7 is outside the scale 1–5"),
        ("G1,three,,,,\n", "row 2, column level: 'three' is not a number"),
        ("G1,2,,,,\nW1,2,,,45,\n", "row 3, column level: 2 contradicts the value 45 per 100k, which gives level 3"),
        ("W1,,,,12,5\n", None),  # a stray comma: the note "5" — valid, shows the file is read as CSV
        ("G1,2,,maybe,,\n", "row 2, column na: 'maybe' is not yes or no"),
        ("G1,2,9,,,\n", "row 2, column target: 9 is outside the scale 1–5"),
        ("G1,2,,,3.5,\n", "row 2, column value: G1 is not a measured indicator, so it takes no value"),
        ("G1,2,,,,\nG1,3,,,,\n", "row 3, column indicator: 'G1' appears twice"),
        ("G1,2.5,,,,\n", "row 2, column level: '2.5' is not a whole level"),
        ("W1,,,,12;5,\n", "row 2, column value: '12;5' is not a number"),
        ("G1,2,,yes,,\n", "row 2, column na: an indicator marked N/A cannot also have a level or a value"),
    ],
)
def test_bad_import_refuses_the_whole_file(run, mini_id, tmp_path, db_path, rows, message):
    path = write_csv(tmp_path, "indicator,level,target,na,value,note\n" + rows)
    before = counts(db_path)
    code, out, err = run("responses", "import", mini_id, path)
    if message is None:
        assert code == 0
        return
    assert code == 2 and out == ""
    assert err == f"error: r.csv: {message}\n"
    assert counts(db_path) == before


def test_unknown_column_is_refused(run, mini_id, tmp_path):
    path = write_csv(tmp_path, "indicator,levle\nG1,2\n")
    code, _, err = run("responses", "import", mini_id, path)
    assert code == 2 and "row 1, column levle: unknown column" in err


def test_export_round_trips_through_csv_and_xlsx(run, mini_id, tmp_path, db_path):
    path = write_csv(
        tmp_path, 'indicator,level,target,na,value,note\nG1,2,3,,,"SOP, drafted"\nW1,,,,61.5,\nW2,,,yes,,\n'
    )
    run("responses", "import", mini_id, path)
    before = json.loads(run("score", mini_id, "--json")[1])
    for suffix in ("csv", "xlsx"):
        out_path = tmp_path / f"export.{suffix}"
        assert run("responses", "export", mini_id, "--out", str(out_path))[0] == 0
        frame = pd.read_csv(out_path) if suffix == "csv" else pd.read_excel(out_path)
        assert list(frame["indicator"]) == ["G1", "G2", "W1", "W2"]
        row = frame.set_index("indicator").loc["G1"]
        assert (row["level"], row["target"], row["note"], row["level_name"]) == (2, 3, "SOP, drafted", "Managed")
        assert frame.set_index("indicator").loc["W1", "value"] == 61.5
        # importing the export back changes nothing
        assert run("responses", "import", mini_id, str(out_path))[0] == 0
        assert json.loads(run("score", mini_id, "--json")[1]) == before


def test_final_assessment_refuses_import(run, mini_id, tmp_path, db_path):
    assert run("assessments", "finalize", mini_id)[:2] == (0, "finalized\n")
    path = write_csv(tmp_path, "indicator,level\nG1,2\n")
    before = counts(db_path)
    code, _, err = run("responses", "import", mini_id, path)
    assert code == 2 and err.startswith("error: ") and "final" in err
    assert counts(db_path) == before
    assert run("assessments", "reopen", mini_id, "--reason", "late evidence")[0] == 0
    assert run("responses", "import", mini_id, path)[0] == 0


def test_validate_lists_every_problem(run, tmp_path):
    bad = tmp_path / "bad.yaml"
    # "weight: 3" stands twice (the pillar and G2), so three problems in all
    text = (DATA / "mini.yaml").read_text().replace("weight: 3", "weight: 0").replace("target: 5", "target: 9")
    bad.write_text(text)
    code, out, err = run("frameworks", "validate", str(bad))
    assert code == 2 and out == ""
    lines = err.splitlines()
    assert len(lines) == 3 and all(line.startswith(f"error: {bad}: pillars[0]") for line in lines)
    code, out, _ = run("frameworks", "validate", str(DATA / "mini.yaml"))
    assert code == 0 and "valid framework mini 1: 2 pillars, 4 indicators" in out


def test_import_of_invalid_framework_writes_nothing(run, tmp_path, db_path):
    run("frameworks", "list")
    before = counts(db_path)
    bad = tmp_path / "bad.yaml"
    bad.write_text("code: x\n")
    code, _, err = run("frameworks", "import", str(bad))
    assert code == 2 and err.count("\n") == 1 and err.startswith("error: ")
    assert counts(db_path) == before


def test_lists_as_json(run, mini_id):
    frameworks = json.loads(run("frameworks", "list", "--json")[1])
    assert {f["code"] for f in frameworks} == {"bandung-smart-city", "spbe-2020", "menuju-100-smart-city", "mini"}
    builtin = next(f for f in frameworks if f["code"] == "bandung-smart-city")
    assert builtin["builtin"] and builtin["pillars"] == ["GOV", "INF", "WIFI", "COM"]
    assessments = json.loads(run("assessments", "list", "--json")[1])
    assert [(a["id"], a["city"], a["year"], a["status"], a["completion"]) for a in assessments] == [
        (mini_id, "Bandung", 2025, "draft", 0.0)
    ]


def test_demo_loads_three_years_of_one_city_once(run):
    assert run("demo")[0] == 0
    assessments = json.loads(run("assessments", "list", "--json")[1])
    bandung = sorted(a["year"] for a in assessments if a["city"] == "Bandung (demo)")
    assert bandung == [2023, 2024, 2025, 2026]
    assert all(a["demo"] for a in assessments)
    assert run("demo")[1] == "demo data is already loaded\n"
    # the story of the seed theses: the command-center findings are the largest gaps
    latest = next(a for a in assessments if a["city"] == "Bandung (demo)" and a["year"] == 2026)
    data = json.loads(run("score", latest["id"], "--json")[1])
    top = sorted((i for i in data["indicators"] if i["priority"]), key=lambda i: -i["priority"])[:4]
    assert {i["code"] for i in top} == {"COM-01", "GOV-02", "GOV-03", "GOV-04"}


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["score", "nothex"], "error: 'nothex' is not an assessment id"),
        (["score", "00000000"], "error: no assessment with id 00000000"),
        (["assessments", "new", "--city", "X", "--year", "20x5"], "error: '20x5' is not a year"),
        (["assessments", "new", "--city", "X", "--year", "2025", "--framework", "nope"], "error: no framework nope"),
        (["responses", "export", "00000000", "--out", "x.pdf"], "error: no assessment with id 00000000"),
    ],
)
def test_bad_arguments_give_one_error_line(run, argv, message):
    code, out, err = run(*argv)
    assert code == 2 and out == "" and err.startswith(message) and err.count("\n") == 1


def test_a_newer_database_is_refused_by_the_installed_command(tmp_path):
    import sqlite3

    path = tmp_path / "new.db"
    assert main(["--db", str(path), "frameworks", "list"]) == 0
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num='0042_future'")
    proc = subprocess.run(
        [sys.executable, "-m", "smartcity_assess", "--db", str(path), "assessments", "list"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2
    assert (
        proc.stderr.startswith("error: the database was written by a newer version") and "Traceback" not in proc.stderr
    )


def test_history_lists_every_change_with_who_and_why(run, mini_id, tmp_path):
    answers = tmp_path / "answers.csv"
    answers.write_text("indicator,level,note\nG1,3,SOP drafted\n", encoding="utf-8")
    assert run("responses", "import", mini_id, str(answers))[0] == 0
    assert run("assessments", "finalize", mini_id)[0] == 0
    assert run("assessments", "reopen", mini_id, "--reason", "typo in G1 note")[0] == 0
    code, out, _ = run("assessments", "history", mini_id, "--json")
    assert code == 0
    trail = json.loads(out)
    actions = [(e["action"], e["indicator"], e["field"], e["old"], e["new"]) for e in trail]
    assert ("set", "G1", "level", None, "3") in actions and ("set", "G1", "note", None, "SOP drafted") in actions
    # finalize is submit + approve by the one assessor, the approval sealing the content hash
    assert ("submit", None, "status", "draft", "in_review") in actions
    approval = next(e for e in trail if e["action"] == "approve")
    assert approval["old"] == "in_review" and approval["new"].startswith("final; tester; content ")
    reopen = [e for e in trail if e["action"] == "reopen"]
    assert len(reopen) == 1 and reopen[0]["new"].endswith("typo in G1 note") and reopen[0]["actor"] == "tester"
    code, out, _ = run("assessments", "history", mini_id)
    assert code == 0 and "final → draft: typo in G1 note" in out


def test_unreadable_response_file_is_named_once(run, mini_id, tmp_path):
    latin1 = tmp_path / "jawaban.csv"
    latin1.write_bytes("indicator,note\nG1,Kota Bandung caf\xe9\n".encode("latin-1"))
    code, _, err = run("responses", "import", mini_id, str(latin1))
    assert code == 2
    assert err == f"error: {latin1}: not UTF-8 text; save the CSV as UTF-8\n"


def test_a_too_short_id_prefix_says_how_long_it_must_be(run, mini_id):
    code, _, err = run("score", mini_id[:3])
    assert code == 2 and "first 4 or more characters" in err


def test_no_display_is_one_sentence_not_a_qt_abort(run, monkeypatch):
    monkeypatch.setattr("sys.platform", "linux")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    code, out, err = run()
    assert code == 2 and out == ""
    assert err.startswith("error: there is no display to open the app on") and err.count("\n") == 1


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("score",), "error: the following arguments are required: id (see 'smartcity-assess score --help')"),
        (("--bogus",), "error: unrecognized arguments: --bogus (see 'smartcity-assess --help')"),
    ],
)
def test_usage_mistakes_are_one_error_line(argv, message, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(list(argv))
    assert exit_info.value.code == 2
    assert capsys.readouterr().err == message + "\n"


@pytest.mark.parametrize(
    ("db", "message"),
    [
        ("", "error: the database path is empty"),
        ("notaurl://", "error: notaurl:// is not a database this installation can open"),
    ],
)
def test_a_database_that_cannot_be_opened_is_one_line(db, message, capsys):
    assert main(["--db", db, "assessments", "list"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(message) and err.count("\n") == 1


def test_report_columns_round_trip_and_bad_years_are_refused(run, mini_id, tmp_path, db_path):
    path = write_csv(
        tmp_path,
        "indicator,value,value_source,value_year,recommendation,responsible,due\n"
        "W1,45,BPS Susenas,2025,Tambah titik Wi-Fi,Diskominfo,2027\n",
    )
    assert run("responses", "import", mini_id, path)[0] == 0
    out_path = tmp_path / "export.xlsx"
    run("responses", "export", mini_id, "--out", str(out_path))
    row = pd.read_excel(out_path).set_index("indicator").loc["W1"]
    assert (row["value_source"], row["value_year"], row["recommendation"], row["responsible"], row["due"]) == (
        "BPS Susenas",
        2025,
        "Tambah titik Wi-Fi",
        "Diskominfo",
        2027,
    )
    before = counts(db_path)
    bad = write_csv(tmp_path, "indicator,due\nW1,2027.5\n")
    assert (
        run("responses", "import", mini_id, bad)[2] == "error: r.csv: row 2, column due: '2027.5' is not a whole year\n"
    )
    bad = write_csv(tmp_path, "indicator,value_year\nW1,25\n")
    assert run("responses", "import", mini_id, bad)[2] == (
        "error: r.csv: row 2, column value_year: 25 is not a plausible year\n"
    )
    assert counts(db_path) == before


def test_team_command_adds_lists_and_removes(run, mini_id, db_path):
    assert (
        run("assessments", "team", mini_id, "--add", "Siti Aminah", "--role", "lead", "--nip", "198203152006042001")[0]
        == 0
    )
    run("assessments", "team", mini_id, "--add", "Budi", "--role", "reviewer", "--place", "Cibadak")
    code, out, _ = run("assessments", "team", mini_id, "--json")
    data = json.loads(out)
    assert code == 0 and data["place"] == "Cibadak"
    assert [(m["name"], m["role"], m["nip"]) for m in data["team"]] == [
        ("Siti Aminah", "lead", "198203152006042001"),
        ("Budi", "reviewer", ""),
    ]
    before = counts(db_path)
    assert run("assessments", "team", mini_id, "--add", "Andi")[:3:2] == (
        2,
        "error: --add needs --role lead, assessor or reviewer\n",
    )
    code, _, err = run("assessments", "team", mini_id, "--add", "Andi", "--role", "lead")
    assert code == 2 and "already has a lead (Siti Aminah)" in err
    assert counts(db_path) == before
    run("assessments", "team", mini_id, "--remove", "Budi")
    assert "Budi" not in run("assessments", "team", mini_id)[1]


def test_changing_a_members_position_keeps_their_nip(run, mini_id):
    nip = "198203152006042001"
    run("assessments", "team", mini_id, "--add", "Siti Aminah", "--role", "lead", "--nip", nip)
    run("assessments", "team", mini_id, "--add", "Siti Aminah", "--role", "lead", "--position", "Kepala Bidang")
    [member] = json.loads(run("assessments", "team", mini_id, "--json")[1])["team"]
    assert (member["nip"], member["position"]) == (nip, "Kepala Bidang")
    run("assessments", "team", mini_id, "--add", "Siti Aminah", "--role", "lead", "--nip", "")  # "" clears it
    [member] = json.loads(run("assessments", "team", mini_id, "--json")[1])["team"]
    assert (member["nip"], member["position"]) == ("", "Kepala Bidang")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--nip", "198203152006042001"], "error: --nip goes with --add NAME (the member it is for)\n"),
        (["--position", "Kepala Bidang"], "error: --position goes with --add NAME (the member it is for)\n"),
        # \d would take these: Arabic-Indic and full-width digits are not a NIP
        (["--add", "Andi", "--role", "assessor", "--nip", "١٩٨٢٠٣١٥٢٠٠٦٠٤٢٠٠١"], "is not a NIP: a NIP has 18 digits"),
        (["--add", "Andi", "--role", "assessor", "--nip", "１９８２０３１５２００６０４２００１"], "is not a NIP"),
    ],
)
def test_a_team_option_that_cannot_apply_is_refused_and_nothing_changes(run, mini_id, db_path, argv, message):
    before = database_rows(db_path)
    code, out, err = run("assessments", "team", mini_id, *argv)
    assert (code, out) == (2, "") and message in err
    assert database_rows(db_path) == before


def test_a_nip_of_a_megabyte_is_refused_in_one_short_line(run, mini_id, db_path):
    before = database_rows(db_path)
    code, _, err = run("assessments", "team", mini_id, "--add", "Andi", "--role", "lead", "--nip", "1" * 1_000_000)
    assert code == 2 and err == f"error: '{'1' * 40}…' is not a NIP: a NIP has 18 digits\n"
    assert database_rows(db_path) == before


def test_score_prints_and_lists_the_domains_of_spbe(run, tmp_path):
    code, out, _ = run("assessments", "new", "--city", "Kabupaten Garut", "--year", "2026", "--framework", "spbe-2020")
    assessment = out.strip()
    assert run("responses", "import", assessment, write_csv(tmp_path, "indicator,level\nI01,3\n"))[0] == 0
    code, out, _ = run("score", assessment, "--lang", "id")
    assert code == 0
    domain_lines = out[out.index("DOMAIN") :].splitlines()
    assert domain_lines[1].split()[:5] == ["D1", "Kebijakan", "Internal", "SPBE", "3,00"]  # decimal comma
    data = json.loads(run("score", assessment, "--json")[1])
    assert [d["code"] for d in data["domains"]] == ["D1", "D2", "D3", "D4"]
    d1, d4 = data["domains"][0], data["domains"][3]
    assert (d1["score"], d1["completion"]) == (3.0, 0.1)  # one of the ten internal-policy indicators, at level 3
    assert d4["score"] is None and d4["completion"] == 0.0
