"""The report's fields of a response (value source and year, recommendation, responsible unit, due year)
are revisions like the level: they travel in packages, merge three-way, and clash as conflicts."""

import json
import zipfile

import pytest

from smartcity_assess.services.conflicts import THEIRS, open_conflicts, resolve
from smartcity_assess.services.review import approve, submit, verify

REPORT_FIELDS = {
    "value_source": "Diskominfo, inventaris titik Wi-Fi",
    "value_year": 2025,
    "recommendation": "Tambah 40 titik Wi-Fi di kelurahan padat",
    "responsible": "Diskominfo",
    "due": 2027,
}


def test_report_fields_arrive_with_their_history(laptops):
    lead, ani = laptops("lead", "ani")
    aid = lead.new()
    lead.answer(aid, "W1", value=45, **REPORT_FIELDS)
    package = lead.export(aid)
    with zipfile.ZipFile(package) as zf:
        [w1] = [r for r in json.loads(zf.read("responses.json")) if r["indicator"] == "W1"]
    assert {k: w1[k] for k in REPORT_FIELDS} == REPORT_FIELDS  # in the package itself

    result = ani.receive(package)
    assert result.added == 1
    arrived = ani.store.response(aid, "W1")
    assert {k: getattr(arrived, k) for k in REPORT_FIELDS} == REPORT_FIELDS
    [revision] = ani.store.response_history(aid, "W1")
    assert {k: getattr(revision, k) for k in REPORT_FIELDS} == REPORT_FIELDS


def test_a_recommendation_changed_on_one_side_is_taken_and_on_both_is_a_conflict(laptops):
    lead, ani = laptops("lead", "ani")
    aid = lead.new()
    lead.answer(aid, "G1", level=2, recommendation="Susun SOP Command Center")
    ani.receive(lead.export(aid))

    ani.answer(aid, "G1", responsible="Diskominfo", due=2027)  # only ani changed it: taken, no conflict
    result = lead.receive(ani.export(aid, name="ani-1.scapkg"))
    assert (result.updated, result.conflicts) == (1, 0)
    assert (lead.store.response(aid, "G1").responsible, lead.store.response(aid, "G1").due) == ("Diskominfo", 2027)

    lead.answer(aid, "G1", recommendation="Susun dan sahkan SOP")
    ani.answer(aid, "G1", recommendation="Terbitkan Perwal SOP")
    result = lead.receive(ani.export(aid, name="ani-2.scapkg"))
    assert result.conflicts == 1
    [conflict] = open_conflicts(lead.store, aid)
    assert (conflict.mine.recommendation, conflict.theirs.recommendation) == (
        "Susun dan sahkan SOP",
        "Terbitkan Perwal SOP",
    )
    resolve(lead.store, aid, "G1", take=THEIRS, actor="lead")
    settled = lead.store.response(aid, "G1")
    assert (settled.recommendation, settled.responsible, settled.level) == ("Terbitkan Perwal SOP", "Diskominfo", 2)


def test_the_seal_covers_the_recommendation(laptops):
    """An approved assessment whose recommendation is edited behind the app's back no longer verifies."""
    import sqlite3

    lead = laptops("lead")
    aid = lead.new()
    lead.answer(aid, "G1", level=2, recommendation="Susun SOP")
    submit(lead.store, aid, actor="lead")
    approve(lead.store, aid, reviewer="Rina", actor="Rina")
    assert verify(lead.store, aid).intact
    with sqlite3.connect(lead.path) as conn:
        conn.execute("UPDATE responses SET recommendation = 'Tidak perlu SOP'")
    assert not verify(lead.store, aid).intact


def test_the_team_and_signing_place_travel_and_are_united(laptops):
    """The reviewer's laptop prints the sign-off page the lead prepared: the team comes with the package."""
    from smartcity_assess.services.team import remove_member, set_member, set_sign_place

    lead, rina = laptops("lead", "rina")
    aid = lead.new()
    set_member(lead.store, aid, "Siti Aminah", "lead", nip="198203152006042001", position="Kabid Aptika")
    set_member(lead.store, aid, "Budi", "assessor")
    set_sign_place(lead.store, aid, "Bandung")
    rina.receive(lead.export(aid))
    assert [(m.name, m.role, m.nip) for m in rina.store.team(aid)] == [
        ("Siti Aminah", "lead", "198203152006042001"),
        ("Budi", "assessor", ""),
    ]
    assert rina.store.assessment(aid).sign_place == "Bandung"

    set_member(rina.store, aid, "Dr. Rina", "reviewer")  # added on the other laptop: comes back, united
    remove_member(rina.store, aid, "Siti Aminah")
    set_member(rina.store, aid, "Intan", "lead")  # a second lead is not taken where the place is held
    before = lead.rows()
    result = lead.receive(rina.export(aid, name="back.scapkg"))
    assert [(m.name, m.role) for m in lead.store.team(aid)] == [
        ("Siti Aminah", "lead"),
        ("Budi", "assessor"),
        ("Dr. Rina", "reviewer"),
    ]
    assert (result.added, result.updated, result.conflicts) == (0, 0, 0)
    assert lead.rows() != before
    after = lead.rows()
    lead.receive(rina.export(aid, name="again.scapkg"))
    assert lead.rows() == after  # the same team again: nothing written


def test_a_package_with_a_forged_team_member_is_refused_unchanged(laptops, tmp_path):

    from smartcity_assess.core.errors import UserError
    from tests.team.helpers import members, repack

    lead, ani = laptops("lead", "ani")
    aid = lead.new()
    lead.answer(aid, "G1", level=2)
    parts = members(lead.export(aid))
    for forged in (
        {"name": "Mallory\x00", "role": "reviewer", "nip": "", "position": "", "added_at": "2026-01-01T00:00:00+00:00"},
        {"name": "Mallory", "role": "boss", "nip": "", "position": "", "added_at": "2026-01-01T00:00:00+00:00"},
        {"name": "Mallory", "role": "lead", "nip": "12ab", "position": "", "added_at": "2026-01-01T00:00:00+00:00"},
        {"name": "M" * 5000, "role": "lead", "nip": "", "position": "", "added_at": "2026-01-01T00:00:00+00:00"},
    ):
        assessment = json.loads(parts["assessment.json"])
        assessment["team"] = [forged]
        bad = tmp_path / "forged.scapkg"
        bad.write_bytes(repack({**parts, "assessment.json": json.dumps(assessment).encode()}))
        before = ani.rows()
        with pytest.raises(UserError, match=r"forged\.scapkg"):
            ani.receive(bad)
        assert ani.rows() == before


@pytest.mark.parametrize(
    "edit",
    [
        "UPDATE team_members SET name = 'Mallory'",
        "UPDATE team_members SET nip = '199901012020011001'",
        "UPDATE assessments SET sign_place = 'Atlantis'",
        "UPDATE assessments SET reviewer_nip = '199901012020011001'",
        "UPDATE assessments SET reviewer = 'Mallory'",
        "UPDATE responses SET responsible = 'Nobody'",
    ],
)
def test_verify_finds_the_signed_people_and_place_edited_behind_the_apps_back(laptops, edit):
    """What the signed report prints (team, place, reviewer) is sealed like the answers."""
    import sqlite3

    from smartcity_assess.services.team import set_member, set_sign_place

    lead = laptops("lead")
    aid = lead.new()
    lead.answer(aid, "G1", level=2, recommendation="Susun SOP", responsible="Diskominfo")
    set_member(lead.store, aid, "Siti Aminah", "lead", nip="198203152006042001")
    set_sign_place(lead.store, aid, "Bandung")
    submit(lead.store, aid, actor="lead")
    approve(lead.store, aid, reviewer="Rina", nip="197901012005011002", actor="Rina")
    assert verify(lead.store, aid).intact
    with sqlite3.connect(lead.path) as conn:
        conn.execute(edit)
    assert not verify(lead.store, aid).intact


def test_a_final_arrives_with_the_team_it_was_signed_with(laptops):
    from smartcity_assess.services.team import set_member, set_sign_place

    lead, ani = laptops("lead", "ani")
    aid = lead.new()
    lead.answer(aid, "G1", level=2)
    ani.receive(lead.export(aid))
    set_member(ani.store, aid, "Ani", "assessor")  # ani's own idea of the team, never sent
    set_member(lead.store, aid, "Siti Aminah", "lead")
    set_sign_place(lead.store, aid, "Bandung")
    submit(lead.store, aid, actor="lead")
    approve(lead.store, aid, reviewer="Rina", actor="Rina")
    ani.receive(lead.export(aid, name="final.scapkg"))
    assert ani.store.assessment(aid).status == "final"
    assert [m.name for m in ani.store.team(aid)] == ["Siti Aminah"]  # as signed, not united
    assert ani.store.assessment(aid).sign_place == "Bandung"
    assert verify(ani.store, aid).intact
