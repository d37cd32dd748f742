"""Review states travel in packages: a reviewer elsewhere approves, and the seal verifies everywhere."""

import pytest

from smartcity_assess.core.errors import UserError
from smartcity_assess.services import review


def test_a_final_package_verifies_on_the_recipients_side(laptops):
    lead, auditor = laptops("lead", "auditor")
    aid = lead.new()
    lead.answer(aid, "G1", level=3)
    lead.attach(aid, "G1", "sop.pdf", b"%PDF sop")
    review.finalize(lead.store, aid, actor="lead")
    result = auditor.receive(lead.export(aid))
    info = auditor.store.assessment(aid)
    assert result.created and info.is_final and info.content_hash == lead.store.assessment(aid).content_hash
    assert review.verify(auditor.store, aid).intact


def test_the_reviewer_approves_on_their_laptop_and_the_lead_takes_the_signed_copy(laptops):
    lead, siti = laptops("lead", "siti")
    aid = lead.new()
    lead.answer(aid, "G1", level=3)
    review.submit(lead.store, aid, actor="lead")
    siti.receive(lead.export(aid))
    assert siti.store.assessment(aid).is_in_review
    digest = review.approve(siti.store, aid, reviewer="Dr. Siti", nip="198001012005011001")
    assert lead.receive(siti.export(aid)).unchanged == 1
    info = lead.store.assessment(aid)
    assert (info.status, info.reviewer, info.reviewer_nip, info.content_hash) == (
        "final",
        "Dr. Siti",
        "198001012005011001",
        digest,
    )
    assert review.verify(lead.store, aid).intact


def test_a_returned_assessment_comes_back_as_a_draft_with_the_comments(laptops):
    lead, siti = laptops("lead", "siti")
    aid = lead.new()
    lead.answer(aid, "G1", level=3)
    review.submit(lead.store, aid, actor="lead")
    siti.receive(lead.export(aid))
    review.return_to_draft(siti.store, aid, reason="G1 needs the Perwal", actor="siti")
    lead.receive(siti.export(aid))
    info = lead.store.assessment(aid)
    assert (info.status, info.review_comment) == ("draft", "G1 needs the Perwal")
    lead.answer(aid, "G1", level=4)  # a draft again: answers can change


def test_an_assessors_late_package_is_refused_while_the_assessment_is_in_review(laptops):
    lead, ani = laptops("lead", "ani")
    aid = lead.new()
    ani.receive(lead.export(aid))
    ani.answer(aid, "G2", level=5)
    review.submit(lead.store, aid, actor="lead")
    before = lead.rows()
    with pytest.raises(UserError) as refused:
        lead.receive(ani.export(aid))
    assert refused.value.code == "package_target_in_review"
    assert lead.rows() == before
