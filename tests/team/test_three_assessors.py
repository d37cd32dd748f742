"""A lead and three field assessors, and a fourth who started on her own: a known set of added,
updated, unchanged and conflicting responses, evidence united by hash, nothing silently lost."""

import pytest

from smartcity_assess.core.errors import UserError
from smartcity_assess.services import conflicts, review
from smartcity_assess.services.merging import import_package


def counts(result):
    return (result.added, result.updated, result.unchanged, result.conflicts)


@pytest.fixture
def team(laptops):
    lead, ani, budi, citra = laptops("lead", "ani", "budi", "citra")
    aid = lead.new()
    lead.answer(aid, "G1", level=2)
    lead.answer(aid, "G2", level=3)
    start = lead.export(aid, name="start.scapkg")
    for assessor in (ani, budi, citra):
        assert counts(assessor.receive(start)) == (2, 0, 0, 0)
    return lead, ani, budi, citra, aid


def test_three_assessors_merge_with_a_known_outcome(team, laptops):
    lead, ani, budi, citra, aid = team
    sop = b"%PDF SOP enacted 2025"
    ani.answer(aid, "G1", level=4, note="SOP enacted by Perwal 20/2022")
    ani.attach(aid, "G1", "perwal.pdf", sop)
    budi.answer(aid, "G2", level=4, note="website live")
    budi.attach(aid, "G1", "perwal-copy.pdf", sop)  # the same bytes under another name
    lead.answer(aid, "G2", level=2, note="website offline in March")
    citra.answer(aid, "W1", value=45)
    citra.answer(aid, "W2", na=True)

    # Ani changed G1, which nobody else touched: taken. She left G2 alone: the lead's stays.
    assert counts(lead.receive(ani.export(aid))) == (0, 1, 1, 0)
    assert lead.store.response(aid, "G1").level == 4
    # Budi's G1 is the common ancestor of ours: unchanged. G2 changed on both sides: a conflict.
    assert counts(lead.receive(budi.export(aid))) == (0, 0, 1, 1)
    assert lead.store.response(aid, "G2").level == 2  # never overwritten silently
    # Citra answered two new indicators.
    assert counts(lead.receive(citra.export(aid))) == (2, 0, 2, 0)

    # Dewi started her own Bandung 2025 on her laptop: no common ancestor, merged as one assessment.
    dewi = laptops("dewi")
    own = dewi.new()
    dewi.answer(own, "G1", level=4, note="SOP enacted by Perwal 20/2022")  # the same as ours: unchanged
    dewi.answer(own, "W2", value=2)  # we have N/A from Citra: a conflict
    result = lead.receive(dewi.export(own))
    assert counts(result) == (0, 0, 1, 1) and result.assessment_id == aid
    assert len(lead.store.list_assessments()) == 1

    open_ = {c.indicator: c for c in conflicts.open_conflicts(lead.store, aid)}
    assert set(open_) == {"G2", "W2"}
    g2 = open_["G2"]
    assert (g2.mine.level, g2.mine.note, g2.mine.by) == (2, "website offline in March", "lead")
    assert (g2.theirs.level, g2.theirs.note, g2.theirs.by) == (4, "website live", "budi")
    assert (open_["W2"].mine.na, open_["W2"].theirs.value, open_["W2"].theirs.level) == (True, 2.0, 4)

    evidence = lead.store.evidence(aid, "G1")
    assert [e.sha256 for e in evidence] == [evidence[0].sha256]  # one file, however many sent it

    with pytest.raises(UserError) as refused:
        review.finalize(lead.store, aid, actor="lead")
    assert refused.value.code == "conflicts_open"

    conflicts.resolve(lead.store, aid, "G2", answer={"level": 3, "note": "site up, services partial"}, actor="lead")
    conflicts.resolve(lead.store, aid, "W2", take="theirs", actor="lead")
    assert (lead.store.response(aid, "G2").level, lead.store.response(aid, "W2").level) == (3, 4)
    trail = [(e.action, e.indicator_code, e.new_value) for e in lead.store.audit_trail(aid)]
    assert ("resolve_conflict", "G2", "edited") in trail and ("resolve_conflict", "W2", "theirs") in trail

    # Packages sent again find everything already merged: nothing changes, no conflict comes back.
    before = lead.rows()
    for laptop, assessment in ((ani, aid), (budi, aid), (citra, aid), (dewi, own)):
        again = lead.receive(laptop.export(assessment, name=f"{laptop.name}-again.scapkg"))
        assert (again.added, again.updated, again.conflicts) == (0, 0, 0)
    assert lead.rows() == before

    review.finalize(lead.store, aid, actor="lead")
    assert review.verify(lead.store, aid).intact


def test_prefer_settles_conflicts_at_import_and_says_so_in_the_trail(team):
    lead, ani, _, _, aid = team
    ani.answer(aid, "G1", level=5)
    lead.answer(aid, "G1", level=1)
    package = ani.export(aid)
    before = lead.rows()
    assert counts(import_package(lead.store, package, prefer="mine", actor="lead"))[3] == 0
    assert lead.store.response(aid, "G1").level == 1
    assert lead.rows() != before
    assert ("resolve_conflict", "G1", "mine (--prefer mine)") in [
        (e.action, e.indicator_code, e.new_value) for e in lead.store.audit_trail(aid)
    ]
    # and once settled, the same package is unchanged, not a new conflict
    assert counts(lead.receive(package)) == (0, 0, 2, 0)


def test_prefer_theirs_and_newer(team):
    lead, ani, budi, _, aid = team
    lead.answer(aid, "G1", level=1)
    ani.answer(aid, "G1", level=5)  # later than the lead's
    assert counts(import_package(lead.store, ani.export(aid), prefer="newer", actor="lead")) == (0, 1, 1, 0)
    assert lead.store.response(aid, "G1").level == 5
    budi.answer(aid, "G2", level=1)
    lead.answer(aid, "G2", level=5)  # later than Budi's
    assert counts(import_package(lead.store, budi.export(aid), prefer="newer", actor="lead"))[1:] == (0, 2, 0)
    assert lead.store.response(aid, "G2").level == 5
    lead.answer(aid, "G2", level=2)
    budi.answer(aid, "G2", level=4)
    assert counts(import_package(lead.store, budi.export(aid), prefer="theirs", actor="lead"))[1] == 1
    assert lead.store.response(aid, "G2").level == 4


def test_an_assignment_package_keeps_other_pillars_read_only(team, laptops):
    lead, _, _, _, aid = team
    eka = laptops("eka")
    eka.receive(lead.export(aid, pillars=["WIFI"], name="wifi.scapkg"))
    eka.answer(aid, "W1", value=70)
    with pytest.raises(UserError) as refused:
        eka.answer(aid, "G1", level=5)
    assert refused.value.code == "pillar_not_assigned" and "GOV" in str(refused.value)
    with pytest.raises(UserError):
        eka.attach(aid, "G2", "x.pdf", b"x")
    assert counts(lead.receive(eka.export(aid))) == (1, 0, 2, 0)
    assert lead.store.response(aid, "W1").level == 4
    lead.answer(aid, "G1", level=5)  # the lead's own database is not restricted


def test_a_conflict_kept_twice_is_not_doubled_and_a_newer_side_replaces_it(team):
    lead, ani, _, _, aid = team
    lead.answer(aid, "G1", level=1)
    ani.answer(aid, "G1", level=4)
    assert counts(lead.receive(ani.export(aid)))[3] == 1
    ani.answer(aid, "G1", level=5, note="after a second visit")
    assert counts(lead.receive(ani.export(aid)))[3] == 1
    [conflict] = conflicts.open_conflicts(lead.store, aid)
    assert (conflict.theirs.level, conflict.theirs.note) == (5, "after a second visit")
