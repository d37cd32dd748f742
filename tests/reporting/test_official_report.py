"""The report an office signs, in PDF and DOCX alike: sign-off page, team, legal basis, per-indicator findings
with rubric text, value source and recommendation, the evidence appendix, the conclusion; PUEBI in Indonesian.

Both files are built from the same blocks, so every check runs on the text of each.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess

import docx
import pytest

from smartcity_assess.core.text import localize
from smartcity_assess.reporting import write_report
from smartcity_assess.services.assessments import new_assessment, record_response, score
from smartcity_assess.services.demo import DEMO_TEAM, RECOMMENDATIONS, VALUE_SOURCES

from .conftest import page_texts

BANDUNG = "Bandung (demo)"
EVIDENCE = b"%PDF-1.4 minutes of the SOP workshop"


def docx_text(path) -> str:
    """Every paragraph and table cell of the body, in order, whitespace collapsed like the PDF text."""
    document = docx.Document(path)
    parts = []
    for element in document.element.body.iterchildren():
        if element.tag.endswith("}p"):
            parts.append("".join(t.text or "" for t in element.iter() if t.tag.endswith("}t")))
        elif element.tag.endswith("}tbl"):
            for row in element.iter():
                if row.tag.endswith("}tc"):
                    parts.append("".join(t.text or "" for t in row.iter() if t.tag.endswith("}t")))
    return re.sub(r"\s+", " ", " ".join(parts))


@pytest.fixture(scope="module")
def bandung(demo_store, demo_id):
    assessment_id = demo_id(BANDUNG, 2026)
    demo_store.add_evidence(assessment_id, "GOV-03", "sop-workshop.pdf", EVIDENCE, actor="Rina")
    return assessment_id


@pytest.fixture(scope="module")
def text_of(demo_store, tmp_path_factory):
    """text_of(id, lang, kind) → the whole report's text (pdf or docx), written once per module."""
    folder, cache = tmp_path_factory.mktemp("official"), {}

    def make(assessment_id, lang, kind):
        key = (assessment_id, lang, kind)
        if key not in cache:
            path = write_report(demo_store, assessment_id, folder / f"{assessment_id}-{lang}.{kind}", lang=lang)
            cache[key] = " ".join(page_texts(path)) if kind == "pdf" else docx_text(path)
        return cache[key]

    return make


KINDS = ["pdf", "docx"]


@pytest.mark.parametrize("kind", KINDS)
def test_the_sign_off_page_names_place_date_reviewer_and_lead_with_nip(text_of, bandung, kind):
    text = text_of(bandung, "id", kind)
    page = text[text.index("LEMBAR PENGESAHAN") : text.index("Ringkasan eksekutif")]
    assert "Laporan Hasil Penilaian Tingkat Kematangan Smart City Bandung (demo) Tahun 2026 ini telah disusun" in page
    assert "Bandung (demo), ……" in page  # a draft: the date is left to be written by hand
    lead = next(m for m in DEMO_TEAM if m[1] == "lead")
    reviewer = next(m for m in DEMO_TEAM if m[1] == "reviewer")
    for caption, (name, _role, nip, position) in (("Ketua Tim Penilai,", lead), ("Direviu oleh,", reviewer)):
        assert caption in page and name in page and position in page
        assert f"NIP. {nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}" in page


@pytest.mark.parametrize("kind", KINDS)
def test_a_final_assessment_is_signed_on_its_finalization_date(text_of, demo_id, demo_store, kind):
    info = demo_store.assessment(demo_id("Cimahi (demo)", 2025))
    text = text_of(info.id, "en", kind)
    day = info.finalized_at.date()
    assert f"Cimahi (demo), {day.day} {day.strftime('%B')} {day.year}" in text


@pytest.mark.parametrize("kind", KINDS)
def test_the_introduction_states_legal_basis_purpose_scope_and_team(text_of, bandung, demo_store, kind):
    framework = score(demo_store, bandung).framework
    text = text_of(bandung, "id", kind)
    intro = text[text.index("2 Pendahuluan") : text.index("3 Metode")]
    for part in localize(framework.legal_basis, "id").split(";"):
        part = part.strip().rstrip(".")
        assert f"{part[:1].upper()}{part[1:]}." in intro  # one regulation a line, as a sentence
    assert "Maksud dan tujuan" in intro and "Ruang lingkup" in intro
    assert f"{len(framework.indicators)} indikator dalam {len(framework.pillars)} pilar" in intro
    for n, (name, role, _nip, position) in enumerate(DEMO_TEAM, start=1):
        word = {"lead": "Ketua", "assessor": "Anggota penilai", "reviewer": "Reviewer"}[role]
        assert f"{n} {name} {word} {position}" in intro
    method = text[text.index("3 Metode") : text.index("4 Pilar GOV")]
    assert "Tahapan" in method and "Persiapan" in method and "Reviu" in method and "Finalisasi" in method
    for source in VALUE_SOURCES.values():
        assert source in method  # the sources section names where the measured values come from


@pytest.mark.parametrize("kind", KINDS)
def test_each_indicator_shows_rubric_text_finding_value_source_and_recommendation(text_of, bandung, demo_store, kind):
    scored = score(demo_store, bandung)
    responses = demo_store.responses(bandung)
    fw = scored.framework
    text = text_of(bandung, "en", kind)
    findings = text[text.index("4 Pillar GOV") : text.index("8 Prioritised gaps")]
    for ind in fw.indicators:
        result = scored.score.indicator(ind.code)
        if result.level is None:
            continue
        rubric = localize(ind.rubric[result.level], "en")
        level = localize(fw.levels[result.level], "en")
        assert f"Level reached: {result.level} – {level} (target {result.target}). {rubric}" in findings, ind.code
    gov02 = responses["GOV-02"]
    action, unit, _years = RECOMMENDATIONS["GOV-02"]
    assert f"Finding: {gov02.note}" in findings
    assert f"Recommendation: {action} (responsible: {unit}; due: {gov02.due})" in findings
    wifi01 = responses["WIFI-01"]
    unit_text = localize(fw.indicator("WIFI-01").metric.unit, "en")
    assert f"Measured value: {wifi01.value:g} {unit_text} (source: {VALUE_SOURCES['WIFI-01']}, 2025)" in findings
    assert "References: " in findings and "Evidence: 1 file, see the appendix." in findings


@pytest.mark.parametrize("kind", KINDS)
def test_the_roadmap_carries_the_recommendations_by_unit(text_of, bandung, kind):
    text = text_of(bandung, "id", kind)
    roadmap = text[text.index("9 Peta jalan") : text.index("10 Kemajuan")]
    action, unit, _ = RECOMMENDATIONS["GOV-03"]
    assert unit in roadmap and action in roadmap
    assert "Porsi kumulatif" in roadmap and "Perangkat daerah penanggung jawab" in roadmap
    assert "belum ditentukan" in roadmap  # gaps with no unit yet say so


@pytest.mark.parametrize("kind", KINDS)
def test_the_evidence_appendix_lists_every_file_with_its_sha256(text_of, bandung, kind):
    text = text_of(bandung, "en", kind)
    appendix = text[text.index("12 Appendix: evidence files") :]
    assert "GOV-03 sop-workshop.pdf" in appendix and "Rina" in appendix
    assert hashlib.sha256(EVIDENCE).hexdigest() in appendix.replace(" ", "")


@pytest.mark.parametrize("kind", KINDS)
def test_the_conclusion_sums_up_index_gaps_recommendations_and_change(text_of, bandung, demo_store, kind):
    result = score(demo_store, bandung).score
    text = text_of(bandung, "en", kind)
    conclusion = text[text.index("11 Conclusion") : text.index("12 Appendix")]
    assert f"is {result.overall.score:.2f} ({localize(result.overall.band.label, 'en')})" in conclusion
    assert f"{len(result.gaps_by_priority())} indicators are below their target" in conclusion
    assert "recommendations are addressed to" in conclusion and "Since 2025 the index has changed by" in conclusion
    assert "This report is a draft" in conclusion


@pytest.mark.parametrize("kind", KINDS)
def test_indonesian_text_follows_puebi_and_the_agreed_terms(text_of, bandung, kind):
    text = text_of(bandung, "id", kind)
    assert "Laporan Hasil Penilaian Tingkat Kematangan Smart City Bandung (demo) Tahun 2026" in text
    assert re.search(r"\d %", text) is None  # 97% without a space
    assert "Skor" in text and "Porsi kumulatif" in text
    for wrong in ("T/B", "Kum. porsi", "dinormalkan", "Nilai pilar"):
        assert wrong not in text, wrong


def test_domains_are_scored_and_shown_in_the_report(store, tmp_path):
    assessment_id = new_assessment(store, "Kabupaten Sumedang", 2026, framework_code="spbe-2020")
    record_response(store, assessment_id, "I01", level=2)  # D1: one indicator answered
    record_response(store, assessment_id, "I11", level=4)  # D2
    result = score(store, assessment_id).score
    d1 = result.domain("D1")
    for kind in KINDS:
        path = write_report(store, assessment_id, tmp_path / f"spbe.{kind}", lang="id")
        text = " ".join(page_texts(path)) if kind == "pdf" else docx_text(path)
        assert "Skor per domain" in text
        assert f"D1 Kebijakan Internal SPBE 13 {d1.score:.2f}".replace(".", ",") in text
        assert "Domain D2: Tata Kelola SPBE." in text
        assert "Peraturan Presiden Nomor 95 Tahun 2018" in text


def test_every_docx_table_header_repeats_and_stays_with_its_first_row(demo_store, bandung, tmp_path):
    """A header of two lines at a page's foot broke over it ('assessment' alone on the next page). Not by
    w:cantSplit on the header: LibreOffice then drops the table's rows from the page altogether."""
    from docx.oxml.ns import qn

    document = docx.Document(write_report(demo_store, bandung, tmp_path / "r.docx"))
    headers = [t.rows[0] for t in document.tables if t.rows[0]._tr.trPr is not None]
    assert len(headers) >= 10
    for row in headers:
        assert row._tr.trPr.find(qn("w:tblHeader")) is not None and row._tr.trPr.find(qn("w:cantSplit")) is None
        assert all(cell.paragraphs[0].paragraph_format.keep_with_next for cell in row.cells)


def test_the_docx_reopens_and_libreoffice_converts_it_to_pdf(demo_store, bandung, tmp_path):
    path = write_report(demo_store, bandung, tmp_path / "laporan.docx", lang="id")
    document = docx.Document(path)  # python-docx reads back what it wrote
    assert document.core_properties.title.startswith("Laporan Hasil Penilaian")
    assert any(p.style.name == "Heading 1" for p in document.paragraphs)
    assert len(document.inline_shapes) == 1  # the radar
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice is missing in CI (.ci/run installs libreoffice-writer-nogui)")
        pytest.skip("LibreOffice is not installed")
    profile = tmp_path / "lo-profile"  # its own profile: no clash with a LibreOffice the user has open
    subprocess.run(
        [
            office,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "out"),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pages = page_texts(tmp_path / "out" / "laporan.pdf")
    text = " ".join(pages)
    assert len(pages) >= 10
    assert "LEMBAR PENGESAHAN" in text and "Lampiran: daftar berkas bukti" in text
    assert f"halaman {len(pages)} dari {len(pages)}" in pages[-1]  # the page fields were computed
