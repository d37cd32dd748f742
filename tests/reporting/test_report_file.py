"""The report as a file: embedded fonts, the empty case, progress, atomic writing, user texts, phases."""

from __future__ import annotations

import hashlib

import pytest
from pypdf import PdfReader

from smartcity_assess.core.errors import UserError
from smartcity_assess.core.framework_loader import load_framework_file
from smartcity_assess.core.scoring import Answer, score_assessment
from smartcity_assess.reporting import document, write_report
from smartcity_assess.reporting.data import gather
from smartcity_assess.reporting.fonts import covers
from smartcity_assess.reporting.radar import FixedScaleSpiderChart
from smartcity_assess.reporting.roadmap import roadmap
from smartcity_assess.services.assessments import new_assessment, record_response
from smartcity_assess.services.demo import load_demo
from tests.conftest import DATA

from .conftest import page_texts


def test_every_font_is_an_embedded_dejavu_subset(tmp_path, demo_store, demo_id):
    path = write_report(demo_store, demo_id("Bandung (demo)", 2026), tmp_path / "r.pdf", lang="id")
    fonts = {}
    for page in PdfReader(path).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            fonts[str(font["/BaseFont"])] = font
    assert fonts, "no fonts found"
    for name, font in fonts.items():
        assert "DejaVuSans" in name, name  # never reportlab's unembedded Helvetica
        assert "/FontFile2" in font["/FontDescriptor"], f"{name} is not embedded"


def test_an_assessment_without_answers_gives_a_valid_report_that_says_so(store, tmp_path):
    assessment_id = new_assessment(store, "Kota Sukabumi", 2026, assessor="Siti Nurhaliza")
    pages = page_texts(write_report(store, assessment_id, tmp_path / "empty.pdf"))
    text = " ".join(pages)
    assert "No indicator has been answered yet" in text
    assert "Overall index not scored" in text
    assert "Not scored yet: 0 of 9 indicators answered" in text
    assert "Progress since previous assessments" not in text
    assert "Method" in text and "No evidence file has been attached." in pages[-1]
    assert f"page {len(pages)} of {len(pages)}" in pages[-1]


def test_user_text_is_printed_as_written_with_evidence_counted(store, tmp_path):
    assessment_id = new_assessment(store, "Kota Bandung", 2026)
    note = "Warga masih kénéh bingung <BCC> & belum tahu; SOP ≥ 2 draf — “belum”"
    record_response(store, assessment_id, "GOV-03", level=2, note=note)
    store.add_evidence(assessment_id, "GOV-03", "sop-draft.pdf", b"%PDF-1.4 a")
    store.add_evidence(assessment_id, "GOV-03", "minutes.docx", b"b")
    assert covers(note)  # no glyph of it would be drawn as a box
    text = " ".join(page_texts(write_report(store, assessment_id, tmp_path / "r.pdf")))
    assert f"Finding: {note}" in text
    assert "GOV-03 Command-center standard operating procedures (SOP) 2 – Managed 4 2.00 1.5 2" in text
    appendix = text[text.index("Appendix: evidence files") :]
    for name, data in (("sop-draft.pdf", b"%PDF-1.4 a"), ("minutes.docx", b"b")):
        assert f"GOV-03 {name}" in appendix and hashlib.sha256(data).hexdigest() in appendix.replace(" ", "")


def test_progress_is_reported_from_start_to_finish(store, tmp_path):
    calls = []
    assessment_id = new_assessment(store, "Kota Bandung", 2026)
    write_report(store, assessment_id, tmp_path / "r.pdf", progress=lambda done, total: calls.append((done, total)))
    assert calls[0][0] == 0 and calls[-1][0] == calls[-1][1]
    assert len({total for _, total in calls}) == 1
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    assert len(calls) <= 101


def test_a_failed_write_leaves_the_old_file_and_no_partial_file(store, tmp_path, monkeypatch):
    assessment_id = new_assessment(store, "Kota Bandung", 2026)
    target = tmp_path / "report.pdf"
    target.write_bytes(b"the previous report")

    def broken_build(self, story, **kwargs):
        self.filename.write(b"%PDF-1.4 half")  # the document writes to the file atomic_write opened
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(document.ReportDocument, "build", broken_build)
    with pytest.raises(UserError, match=r"cannot write .*No space left on device"):
        write_report(store, assessment_id, target)
    assert target.read_bytes() == b"the previous report"
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".report.pdf")]


def test_unknown_language_is_refused_before_anything_is_written(store, tmp_path):
    assessment_id = new_assessment(store, "Kota Bandung", 2026)
    with pytest.raises(UserError, match="not a report language"):
        write_report(store, assessment_id, tmp_path / "r.pdf", lang="fr")
    assert not (tmp_path / "r.pdf").exists()


def test_only_final_earlier_assessments_of_the_same_city_are_compared(store):
    load_demo(store)
    (b2025,) = store.list_assessments(city="Bandung (demo)", year=2025)
    (b2026,) = store.list_assessments(city="Bandung (demo)", year=2026)
    finals_before = sorted(i.year for i in store.list_assessments(city="Bandung (demo)") if i.is_final)
    assert 2025 in finals_before
    assert [s.info.year for s in gather(store, b2026.id).earlier] == finals_before
    store.reopen(b2025.id, reason="test")  # 2025 becomes a draft again: not an agreed result
    assert [s.info.year for s in gather(store, b2026.id).earlier] == [y for y in finals_before if y != 2025]


def test_roadmap_phases_follow_the_cumulative_priority(mini_framework):
    # Priorities by hand (pillar share × indicator share × gap): GOV 3/4, WIFI 1/4.
    # G1: 3/4 × 1/4 × (4−2) = 0.375; G2: 3/4 × 3/4 × (5−3) = 1.125; W1: 1/4 × 1/2 × (4−3) = 0.125; W2 at target.
    answers = {"G1": Answer(level=2), "G2": Answer(level=3), "W1": Answer(level=3), "W2": Answer(level=4)}
    items = roadmap(score_assessment(mini_framework, answers))
    total = 0.375 + 1.125 + 0.125
    # G2 begins at 0 (first 50 %), G1 at 1.125/1.625 = 69 % (next 30 %), W1 at 1.5/1.625 = 92 % (the rest)
    assert [(i.gap.code, i.phase) for i in items] == [
        ("G2", "phase_0_6"),
        ("G1", "phase_6_12"),
        ("W1", "phase_12_24"),
    ]
    assert [i.cumulative_share for i in items] == pytest.approx([1.125 / total, 1.5 / total, 1.0])


def test_the_pdf_radar_keeps_the_fixed_scale_whatever_the_data():
    chart = FixedScaleSpiderChart()
    chart.data = [[1.0, 2.0, 2.5]]  # SpiderChart itself would stretch 2.5 to the full radius
    assert chart.normalizeData()[0] == pytest.approx([0.2, 0.4, 0.5])


def test_progress_across_framework_versions_compares_by_code_and_says_not_assessed(store, tmp_path):
    v1_text = (DATA / "mini.yaml").read_text(encoding="utf-8")
    # version 2 adds a pillar that 2024 could not assess
    v2_text = v1_text.replace('version: "1"', 'version: "2"') + (
        "  - code: COM\n    name: {en: Community, id: Masyarakat}\n    weight: 1\n    indicators:\n"
        "      - code: C1\n        name: Outreach\n        question: Is there outreach?\n"
        "        rubric: {1: none, 2: some, 3: planned, 4: measured, 5: improved}\n"
    )
    for name, text in (("v1.yaml", v1_text), ("v2.yaml", v2_text)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        store.add_framework(load_framework_file(tmp_path / name), text)
    old = new_assessment(store, "Kota Cimahi", 2024, framework_code="mini", framework_version="1")
    for code, level in (("G1", 2), ("G2", 4), ("W1", 3), ("W2", 3)):
        record_response(store, old, code, level=level)
    store.finalize(old)
    new = new_assessment(store, "Kota Cimahi", 2025, framework_code="mini", framework_version="2")
    for code, level in (("G1", 3), ("G2", 2), ("W1", 3), ("C1", 2)):
        record_response(store, new, code, level=level)

    text = " ".join(page_texts(write_report(store, new, tmp_path / "r.pdf")))
    section = text[text.index("Progress since previous assessments") : text.index("Conclusion")]
    assert "The framework version changed: 1 in 2024, 2 in 2025." in section
    assert "COM Community not assessed 2.00 —" in section  # never zero
    assert "G1 Command-center SOP 2 → 3 +1" in section
    assert "G2 Website 4 → 2 -2" in section
    # W2 unanswered in 2025, C1 absent in 2024: listed as not comparable, not as a change
    assert "Not comparable with 2024" in section and "W2, C1" in section


def test_method_shows_the_renormalised_share_when_a_pillar_has_no_score(mini_store, tmp_path):
    # mini.yaml: GOV weight 3, WIFI weight 1; only GOV is answered, so GOV carries 100 % of the index.
    assessment_id = new_assessment(mini_store, "Kota Bandung", 2026, framework_code="mini")
    record_response(mini_store, assessment_id, "G1", level=3)
    text = " ".join(page_texts(write_report(mini_store, assessment_id, tmp_path / "r.pdf")))
    method = text[text.index("Method") :]
    assert "Share in this assessment" in method
    assert "GOV Government 3 75% 100% 2" in method
    assert "WIFI Wi-Fi 1 25% — 2" in method
