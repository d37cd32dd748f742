"""In the Indonesian app, the errors a person can provoke are Indonesian sentences, never raw ids."""

import re

from PySide6.QtCore import Qt

from smartcity_assess.services.assessments import new_assessment
from smartcity_assess.ui.dialogs.new_assessment import NewAssessmentChoice
from tests.cli.test_errors_in_indonesian import english_words

UUID = re.compile(r"[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}")


def assert_indonesian(sentences):
    assert sentences, "no error was shown"
    for sentence in sentences:
        assert english_words(sentence) == set(), sentence
        assert not UUID.search(sentence), sentence  # no raw id in a dialog sentence
        assert sentence.endswith((".", ")")), sentence


def test_a_duplicate_assessment_is_refused_in_indonesian(make_window, store, errors):
    new_assessment(store, "Kota Sukabumi", 2026)
    window = make_window(store)
    assert window.set_language("id")
    info = store.list_frameworks()[0]
    window.create_assessment(NewAssessmentChoice(city="Kota Sukabumi", year=2026, framework=info, assessor="Ana"))
    assert_indonesian(errors)
    assert "Kota Sukabumi sudah memiliki penilaian tahun 2026" in errors[0]


def test_walk_errors_are_indonesian(qtbot, walk_window, db_path, errors, tmp_path):
    window = walk_window
    assert window.set_language("id")
    panel = window.walk.panel
    panel.add_evidence_files([str(db_path)])  # the database itself, dropped on the evidence area
    empty = tmp_path / "kosong.pdf"
    empty.write_bytes(b"")
    panel.add_evidence_files([str(empty)])
    panel.value_edit.setFocus()
    window.walk.go_to_code("W2")  # a measured indicator
    panel.value_edit.setFocus()
    qtbot.keyClicks(panel.value_edit, "2")
    qtbot.keyClick(panel.value_edit, Qt.Key.Key_Return)
    panel.setFocus()
    qtbot.keyClick(panel, Qt.Key.Key_1)  # a level over the measured value
    assert_indonesian([*errors, panel._answer.text()])
    assert len(errors) == 2
