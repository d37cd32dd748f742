"""The field-team commands as scripts use them: exact output lines, JSON shapes, exit statuses."""

import json
import sqlite3

import pytest

from smartcity_assess.cli import main
from tests.conftest import DATA, database_rows


@pytest.fixture
def two(tmp_path, capsys):
    """run(db, *argv) on one of two databases, "lead" and "ani"; the lead's assessment answered."""

    def run(who, *argv):
        code = main(["--db", str(tmp_path / f"{who}.db"), "--actor", who, *argv])
        out, err = capsys.readouterr()
        return code, out, err

    run("lead", "frameworks", "import", str(DATA / "mini.yaml"))
    aid = run("lead", "assessments", "new", "--city", "Bandung", "--year", "2025", "--framework", "mini")[1].strip()
    answers = tmp_path / "a.csv"
    answers.write_text("indicator,level,note\nG1,2,no SOP\nG2,3,\n")
    assert run("lead", "responses", "import", aid, str(answers))[0] == 0
    return run, aid, tmp_path


def test_import_prints_the_counts_line_and_json(two):
    run, aid, tmp = two
    assert run("lead", "package", "export", aid, "--out", str(tmp / "p.scapkg")) == (0, f"{tmp / 'p.scapkg'}\n", "")
    assert run("ani", "package", "import", str(tmp / "p.scapkg"))[1] == "added 2, updated 0, unchanged 0, conflicts 0\n"
    code, out, _ = run("ani", "package", "import", str(tmp / "p.scapkg"), "--json")
    assert code == 0 and json.loads(out) == {"added": 0, "updated": 0, "unchanged": 2, "conflicts": 0}


def round_trip(run, aid, tmp, ani_csv: str, lead_csv: str) -> str:
    """The lead sends the assessment to Ani; both change it; Ani sends it back: the import's line."""
    run("lead", "package", "export", aid, "--out", str(tmp / "p.scapkg"))
    run("ani", "package", "import", str(tmp / "p.scapkg"))
    (tmp / "ani.csv").write_text(ani_csv)
    (tmp / "lead.csv").write_text(lead_csv)
    run("ani", "responses", "import", aid, str(tmp / "ani.csv"))
    run("lead", "responses", "import", aid, str(tmp / "lead.csv"))
    run("ani", "package", "export", aid, "--out", str(tmp / "back.scapkg"))
    return run("lead", "package", "import", str(tmp / "back.scapkg"))[1]


def test_conflicts_list_and_resolve(two):
    run, aid, tmp = two
    line = round_trip(run, aid, tmp, "indicator,level,note\nG1,4,enacted\n", "indicator,level,target\nG1,3,5\n")
    assert line == "added 0, updated 0, unchanged 1, conflicts 1\n"
    code, out, _ = run("lead", "conflicts", "list", aid, "--json")
    [conflict] = json.loads(out)
    assert conflict["indicator"] == "G1"
    assert {k: conflict["mine"][k] for k in ("level", "target", "note", "by")} == {
        "level": 3,
        "target": 5,
        "note": "no SOP",
        "by": "lead",
    }
    assert {k: conflict["theirs"][k] for k in ("level", "target", "note", "by")} == {
        "level": 4,
        "target": None,
        "note": "enacted",
        "by": "ani",
    }
    assert set(conflict["mine"]) >= {"level", "target", "value", "note", "by", "at"}
    code, out, _ = run("lead", "conflicts", "list", aid)
    assert "mine:   level 3 target 5" in out and "theirs: level 4" in out
    code, _, err = run("lead", "assessments", "finalize", aid)
    assert code == 2 and err.startswith("error: conflicts from merged packages are still open (1)")
    code, _, err = run("lead", "conflicts", "resolve", aid, "G1")
    assert code == 2 and "--take mine, --take theirs" in err
    assert run("lead", "conflicts", "resolve", aid, "G1", "--take", "theirs") == (0, "resolved G1\n", "")
    assert json.loads(run("lead", "conflicts", "list", aid, "--json")[1]) == []
    history = json.loads(run("lead", "assessments", "history", aid, "--json")[1])
    assert {"action": "resolve_conflict", "indicator": "G1", "new": "theirs"}.items() <= history[-1].items()
    assert run("lead", "assessments", "finalize", aid)[0] == 0


def test_conflicts_list_shows_what_taking_a_side_would_lose_in_the_readers_language(two):
    run, aid, tmp = two
    line = round_trip(
        run,
        aid,
        tmp,
        "indicator,level,recommendation,responsible,due\nG1,4,Sahkan SOP,Diskominfo,2027\n",
        "indicator,level\nG1,3\n",
    )
    assert line.endswith("conflicts 1\n")
    out = run("lead", "--lang", "id", "conflicts", "list", aid)[1]
    assert "milik saya:   tingkat 3 (lead," in out
    assert "milik mereka: tingkat 4 (ani," in out and "· rekomendasi: Sahkan SOP (Diskominfo, target waktu 2027)" in out
    assert "recommendation" not in run("lead", "conflicts", "list", aid)[1].split("theirs")[0]  # mine has none


def test_resolve_with_a_reconciled_answer(two):
    run, aid, tmp = two
    assert round_trip(run, aid, tmp, "indicator,level\nG2,5\n", "indicator,level\nG2,1\n").endswith("conflicts 1\n")
    code, _, err = run("lead", "conflicts", "resolve", aid, "G2", "--level", "9")
    assert code == 2 and "outside the scale" in err
    assert run("lead", "conflicts", "resolve", aid, "G2", "--level", "3", "--note", "met halfway")[0] == 0
    scores = json.loads(run("lead", "score", aid, "--json")[1])
    assert next(i for i in scores["indicators"] if i["code"] == "G2")["level"] == 3


def test_evidence_add_list_get(two):
    run, aid, tmp = two
    source = tmp / "foto kantor.jpg"
    source.write_bytes(b"\xff\xd8 a photo of the command center")
    code, out, _ = run("lead", "evidence", "add", aid, "G1", str(source))
    sha = out.strip()
    assert code == 0 and len(sha) == 64
    code, out, _ = run("lead", "evidence", "list", aid, "--json")
    [item] = json.loads(out)
    assert {k: item[k] for k in ("indicator", "name", "size", "sha256", "by")} == {
        "indicator": "G1",
        "name": "foto kantor.jpg",
        "size": source.stat().st_size,
        "sha256": sha,
        "by": "lead",
    }
    out_path = tmp / "copy.jpg"
    assert run("lead", "evidence", "get", aid, sha[:12], "--out", str(out_path))[0] == 0
    assert out_path.read_bytes() == source.read_bytes()
    code, _, err = run("lead", "evidence", "get", aid, "00" * 32, "--out", str(out_path))
    assert code == 2 and "no evidence file with SHA-256" in err
    code, _, err = run("lead", "evidence", "add", aid, "G9", str(source))
    assert code == 2 and "G9" in err


def test_submit_return_approve_and_verify(two):
    run, aid, tmp = two
    assert run("lead", "assessments", "submit", aid) == (0, "in review\n", "")
    (tmp / "late.csv").write_text("indicator,level\nG1,5\n")
    code, _, err = run("lead", "responses", "import", aid, str(tmp / "late.csv"))
    assert code == 2 and "in review" in err
    code, _, err = run("lead", "assessments", "return", aid, "--reason", "")
    assert code == 2 and "--reason" in err
    assert run("lead", "assessments", "return", aid, "--reason", "G1 needs the Perwal as evidence")[0] == 0
    listed = json.loads(run("lead", "assessments", "list", "--json")[1])
    assert listed[0]["status"] == "draft"
    assert run("lead", "assessments", "submit", aid)[0] == 0
    code, _, err = run("lead", "assessments", "approve", aid, "--reviewer", "Siti", "--nip", "12345")
    assert code == 2 and "18 digits" in err
    code, out, _ = run(
        "lead",
        "assessments",
        "approve",
        aid,
        "--reviewer",
        "Dr. Siti",
        "--role",
        "Kabid",
        "--nip",
        "198001012005011001",
    )
    assert code == 0 and out.startswith("final; content sha256 ")
    assert run("lead", "assessments", "verify", aid) == (0, "intact\n", "")


def test_verify_finds_a_response_edited_behind_the_apps_back(two):
    run, aid, tmp = two
    assert run("lead", "assessments", "verify", aid) == (0, "intact\n", "")
    with sqlite3.connect(tmp / "lead.db") as conn:
        conn.execute("UPDATE responses SET level = 5 WHERE indicator_code = 'G1'")
    code, out, _ = run("lead", "assessments", "verify", aid)
    assert code == 1 and "G1" in out and out.startswith("not intact")


def test_verify_finds_an_edited_audit_entry_and_an_edited_final(two):
    run, aid, tmp = two
    assert run("lead", "assessments", "finalize", aid)[0] == 0
    db = tmp / "lead.db"
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE audit_entries SET new_value = '5' WHERE action = 'set' AND field = 'level' AND seq = 2")
    code, out, _ = run("lead", "assessments", "verify", aid)
    assert code == 1 and "audit entry 2" in out
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE audit_entries SET new_value = '2' WHERE action = 'set' AND field = 'level' AND seq = 2")
    assert run("lead", "assessments", "verify", aid)[0] == 0  # put back as it was: intact again
    with sqlite3.connect(db) as conn:
        # response and its revision both edited: only the seal can tell
        conn.execute("UPDATE responses SET level = 5 WHERE indicator_code = 'G1'")
        conn.execute("UPDATE response_revisions SET level = 5 WHERE indicator_code = 'G1'")
    code, out, _ = run("lead", "assessments", "verify", aid)
    assert code == 1 and "no longer matches what was approved" in out


def test_a_refused_import_on_the_cli_is_one_line_and_changes_nothing(two):
    run, _, tmp = two
    bad = tmp / "bad.scapkg"
    bad.write_bytes(b"PK\x03\x04 not really")
    before = database_rows(tmp / "lead.db")
    code, out, err = run("lead", "package", "import", str(bad))
    assert (code, out) == (2, "") and err.count("\n") == 1 and err.startswith("error: bad.scapkg is damaged")
    assert database_rows(tmp / "lead.db") == before


def test_agreement_json(two):
    run, aid, tmp = two
    run("lead", "package", "export", aid, "--out", str(tmp / "p.scapkg"))
    run("ani", "package", "import", str(tmp / "p.scapkg"))
    (tmp / "ani.csv").write_text("indicator,level\nG1,4\nG2,4\n")
    run("ani", "responses", "import", aid, str(tmp / "ani.csv"))
    run("ani", "package", "export", aid, "--out", str(tmp / "back.scapkg"))
    run("lead", "package", "import", str(tmp / "back.scapkg"), "--prefer", "mine")
    code, out, _ = run("lead", "agreement", aid, "--json")
    data = json.loads(out)
    assert code == 0 and data["assessors"] == ["ani", "lead"]
    assert data["indicators"][0] == {"indicator": "G1", "levels": {"ani": 4, "lead": 2}, "spread": 2}
    assert data["indicators"][1] == {"indicator": "G2", "levels": {"ani": 4, "lead": 3}, "spread": 1}
    assert isinstance(data["alpha"], float)
