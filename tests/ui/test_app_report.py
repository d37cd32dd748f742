"""From the app: the Word report (really written, in the background), the field sheet, and the team and
signing place in the assessment's properties."""

from __future__ import annotations

import sqlite3

import docx
from openpyxl import load_workbook


def rows(path) -> dict[str, list]:
    with sqlite3.connect(path) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {t: sorted(map(repr, conn.execute(f"SELECT * FROM {t}"))) for t in tables}


def test_the_word_report_is_written_from_the_app(qtbot, walk_window, tmp_path, answers):
    answers["confirm"] = False  # do not open the file
    target = tmp_path / "laporan.docx"
    assert walk_window.export_docx(str(target)) is not None
    qtbot.waitUntil(lambda: bool(answers["asked"]), timeout=20000)
    assert "laporan.docx" in answers["asked"][-1]
    document = docx.Document(target)
    assert document.core_properties.title == "Smart City Maturity Assessment Report, Testville, 2026"


def test_the_field_sheet_is_written_from_the_app(walk_window, tmp_path):
    written = walk_window.export_field_sheet(str(tmp_path / "sheet.xlsx"))
    assert load_workbook(written).sheetnames == ["Instructions", "GOV", "WIFI", "_form"]


def test_the_team_is_kept_in_the_properties(qtbot, walk_window, errors, db_path):
    window = walk_window
    dialog = window.show_properties()
    dialog.name_edit.setText("Siti Aminah")
    dialog.role_box.setCurrentIndex(dialog.role_box.findData("lead"))
    dialog.nip_edit.setText("19820315 200604 2 001")
    dialog.position_edit.setText("Kepala Bidang")
    assert dialog.add_member()
    team = window.store.team(window.session.assessment_id)
    assert [(m.name, m.role, m.nip, m.position) for m in team] == [
        ("Siti Aminah", "lead", "198203152006042001", "Kepala Bidang")
    ]
    assert dialog.table.item(0, 0).text() == "Siti Aminah" and dialog.table.item(0, 1).text() == "Lead"
    before = rows(db_path)
    dialog.name_edit.setText("Andi")
    dialog.nip_edit.setText("123")
    assert not dialog.add_member()
    assert errors == ["'123' is not a NIP: a NIP has 18 digits."]
    assert rows(db_path) == before
    dialog.place_edit.setText("Cikole")
    dialog.place_edit.setModified(True)
    dialog.save_place()
    assert window.store.assessment(window.session.assessment_id).sign_place == "Cikole"
    dialog.table.selectRow(0)
    dialog.remove_selected()
    assert window.store.team(window.session.assessment_id) == []
    dialog.close()
