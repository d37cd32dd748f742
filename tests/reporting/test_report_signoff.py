"""A team's report: who assessed, who reviewed and when, the sealed content hash, the agreement figure."""

import pytest

from smartcity_assess.reporting import write_report
from smartcity_assess.services import review, team
from tests.reporting.conftest import page_texts
from tests.team.helpers import Laptop


@pytest.fixture
def signed(tmp_path):
    lead, ani = Laptop(tmp_path, "lead").with_mini(), Laptop(tmp_path, "ani").with_mini()
    aid = lead.new()
    ani.receive(lead.export(aid))
    for code, level in {"G1": 2, "G2": 4}.items():
        lead.answer(aid, code, level=level)
    for code, level in {"G1": 4, "G2": 4}.items():
        ani.answer(aid, code, level=level)
    lead.receive(ani.export(aid), prefer="mine")
    review.submit(lead.store, aid, actor="lead")
    digest = review.approve(lead.store, aid, reviewer="Dr. Siti Rahma", role="Kepala Bidang", nip="198001012005011001")
    yield lead, aid, digest
    lead.close()
    ani.close()


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ("Assessed by", "Reviewed and approved by", "Krippendorff")),
        ("id", ("Dinilai oleh", "Ditinjau dan disetujui oleh", "Krippendorff")),
    ],
)
def test_the_report_of_a_signed_team_assessment_says_who_and_prints_the_hash(signed, tmp_path, lang, words):
    lead, aid, digest = signed
    text = " ".join(page_texts(write_report(lead.store, aid, tmp_path / f"r-{lang}.pdf", lang=lang)))
    for word in words:
        assert word in text
    assert "ani, lead" in text
    assert "Dr. Siti Rahma, Kepala Bidang, NIP 198001012005011001" in text
    assert digest in text.replace(" ", "")
    assert "G1" in text.split("Krippendorff")[1][:400]  # the indicator with a spread of two is named


def test_one_assessor_has_no_agreement_paragraph(tmp_path):
    lead = Laptop(tmp_path, "lead").with_mini()
    try:
        aid = lead.new()
        lead.answer(aid, "G1", level=3)
        text = " ".join(page_texts(write_report(lead.store, aid, tmp_path / "one.pdf")))
        assert "Krippendorff" not in text and "not yet approved" in text
    finally:
        lead.close()


def test_the_sign_off_page_names_who_approved_as_the_cover_does(tmp_path):
    """The team named 'Ujang' without a NIP; 'Ujang Suryana' approved with one: the signed page must not differ."""
    lead = Laptop(tmp_path, "lead").with_mini()
    try:
        aid = lead.new()
        lead.answer(aid, "G1", level=3)
        team.set_member(lead.store, aid, "Ujang", "reviewer")
        team.set_member(lead.store, aid, "Rina", "lead", nip="197905102006042003", position="Kepala Seksi")
        review.submit(lead.store, aid, actor="lead")
        review.approve(lead.store, aid, reviewer="Ujang Suryana", role="Kepala Bidang", nip="198001012005011001")
        signoff = page_texts(write_report(lead.store, aid, tmp_path / "r.pdf", lang="id"))[1]
        assert "Ujang Suryana" in signoff and "NIP. 19800101 200501 1 001" in signoff and "Kepala Bidang" in signoff
        assert "NIP. 19790510 200604 2 003" in signoff  # the lead as the team names them
    finally:
        lead.close()


def test_the_method_counts_one_file_and_says_when_no_value_has_a_source(tmp_path):
    lead = Laptop(tmp_path, "lead").with_mini()
    try:
        aid = lead.new()
        lead.answer(aid, "G1", level=3)
        lead.attach(aid, "G1", "sop.pdf", b"%PDF-1.4 sop")
        text = " ".join(" ".join(page_texts(write_report(lead.store, aid, tmp_path / "r.pdf"))).split())
        assert "interviews with the perangkat daerah and 1 evidence file (listed in the appendix); no measured" in text
        assert "from no source stated yet" not in text
        lead.answer(aid, "W1", value=45, value_source="BPS Susenas")
        text = " ".join(" ".join(page_texts(write_report(lead.store, aid, tmp_path / "r.pdf"))).split())
        assert "1 evidence file (listed in the appendix) and measured values from BPS Susenas." in text
    finally:
        lead.close()
