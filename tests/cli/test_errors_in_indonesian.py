"""With --lang id, every error a person can provoke on the command line is Indonesian.

Each case is a command a person could type by mistake; the message must come out in Bahasa
Indonesia (no English sentence), after the `error: ` prefix that scripts look for, with exit 2.
"""

import re

import pytest

from smartcity_assess.cli import main
from smartcity_assess.core.messages import MESSAGES
from smartcity_assess.services.assessments import new_assessment
from smartcity_assess.services.demo import load_demo
from smartcity_assess.services.frameworks import open_store

ENGLISH = {"the", "is", "not", "has", "have", "cannot", "with", "of", "to", "and", "no", "give", "choose", "first"}


def english_words(message: str) -> set[str]:
    """English function words in the message, leaving out what the user typed and option names."""
    message = re.sub(r"'[^']*'|\"[^\"]*\"|--[\w-]+|\S*[/\\]\S*", " ", message)
    return {w for w in re.findall(r"[a-z]+", message.lower())} & ENGLISH


@pytest.fixture
def prepared(db_path, tmp_path):
    store = open_store(db_path)
    load_demo(store)
    draft = new_assessment(store, "Kota Sukabumi", 2026)
    final = next(a.id for a in store.list_assessments(city="Bandung (demo)") if a.is_final)
    store.close()
    good_csv = tmp_path / "good.csv"
    good_csv.write_text("indicator,level\nGOV-01,3\n", encoding="utf-8")
    return {"draft": str(draft), "final": str(final), "good_csv": str(good_csv), "tmp": tmp_path}


CASES = {
    "duplicate assessment": lambda p: ["assessments", "new", "--city", "Kota Sukabumi", "--year", "2026"],
    "implausible year": lambda p: ["assessments", "new", "--city", "Kota Bogor", "--year", "1066"],
    "not a year": lambda p: ["assessments", "new", "--city", "Kota Bogor", "--year", "tahun ini"],
    "no such framework": lambda p: ["assessments", "new", "--city", "Bogor", "--year", "2026", "--framework", "x"],
    "not an id": lambda p: ["score", "zz"],
    "unknown id": lambda p: ["score", "ffffffff"],
    "finalize a final": lambda p: ["assessments", "finalize", p["final"]],
    "reopen a draft": lambda p: ["assessments", "reopen", p["draft"], "--reason", "revisi"],
    "reopen without a reason": lambda p: ["assessments", "reopen", p["final"]],
    "an unknown command": lambda p: ["nilai"],
    "a wrong choice": lambda p: ["report", p["final"], "--out", "x.pdf", "--lang", "fr"],
    "delete a final": lambda p: ["assessments", "delete", p["final"]],
    "import into a final": lambda p: ["responses", "import", p["final"], p["good_csv"]],
    "compare without a city": lambda p: ["compare"],
    "compare cities without a year": lambda p: ["compare", "--city", "Bandung (demo)", "--cities", "A"],
    "compare years without a city": lambda p: ["compare", "--year", "2025", "--years", "2024"],
    "compare an unknown city": lambda p: ["compare", "--city", "Atlantis"],
    "compare a missing year": lambda p: ["compare", "--city", "Bandung (demo)", "--years", "1999"],
    "compare a draft year": lambda p: ["compare", "--city", "Bandung (demo)", "--years", "2026"],
    "compare a year with no city": lambda p: ["compare", "--year", "2025", "--cities", "Atlantis"],
    "compare no year": lambda p: ["compare", "--year", "2001", "--cities", "Bandung (demo)"],
    "database folder missing": lambda p: ["--db", str(p["tmp"] / "no" / "such" / "x.db"), "assessments", "list"],
    "server on a file": lambda p: ["server", "init"],
}


@pytest.mark.parametrize("case", list(CASES))
def test_every_error_a_person_can_provoke_is_indonesian(db_path, capsys, prepared, case):
    try:
        code = main(["--db", str(db_path), "--lang", "id", *CASES[case](prepared)])
    except SystemExit as exit_:  # argparse's own usage errors end the program this way
        code = exit_.code
    out, err = capsys.readouterr()
    assert code == 2, (out, err)
    assert err.startswith("error: ") and err.count("\n") == 1, err
    assert english_words(err[len("error: ") :]) == set(), err


def test_every_message_has_both_languages_and_the_same_parameters():
    for code, texts in MESSAGES.items():
        assert set(texts) == {"en", "id"}, code
        assert set(re.findall(r"{(\w+)}", texts["en"])) == set(re.findall(r"{(\w+)}", texts["id"])), code
