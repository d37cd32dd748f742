"""Open conflicts travel in packages: whoever imports an assessment with undecided responses sees them as
conflicts too, with both sides, instead of the exporter's side silently taken as settled."""

from __future__ import annotations

import json

import pytest

from smartcity_assess.services import conflicts, review
from smartcity_assess.services.merging import import_package
from tests.team.helpers import members, repack


@pytest.fixture
def lead_with_a_conflict(laptops):
    """The lead has G1 open: theirs 2 (lead) against 4 (ani, "Perwal enacted"); G2 agreed."""
    lead, ani, siti = laptops("lead", "ani", "siti")
    aid = lead.new()
    lead.answer(aid, "G1", level=1)
    ani.receive(lead.export(aid))
    ani.answer(aid, "G1", level=4, note="Perwal enacted")
    ani.answer(aid, "G2", level=3)
    lead.answer(aid, "G1", level=2, note="draft only")
    lead.receive(ani.export(aid))
    assert [c.indicator for c in conflicts.open_conflicts(lead.store, aid)] == ["G1"]
    return lead, ani, siti, aid


def test_the_package_carries_the_open_conflict_and_the_recipient_sees_it(lead_with_a_conflict):
    lead, _, siti, aid = lead_with_a_conflict
    package = lead.export(aid, name="lead-open.scapkg")
    carried = json.loads(members(package)["conflicts.json"])
    assert [(c["indicator"], c["theirs"]["level"], c["theirs"]["by"]) for c in carried] == [("G1", 4, "ani")]

    result = siti.receive(package)
    assert result.conflicts == 1 and result.as_dict()["added"] == 1  # G2 added, G1 a conflict
    (found,) = conflicts.open_conflicts(siti.store, aid)
    assert (found.indicator, found.mine.level, found.mine.note) == ("G1", 2, "draft only")
    assert (found.theirs.level, found.theirs.note, found.theirs.by) == (4, "Perwal enacted", "ani")
    with pytest.raises(Exception, match="still open"):
        review.submit(siti.store, aid, actor="siti")

    before = siti.rows()
    again = siti.receive(package)
    assert again.conflicts == 1 and siti.rows() == before  # the same package twice: nothing written


def test_a_side_already_taken_in_is_not_reopened(lead_with_a_conflict):
    lead, ani, _, aid = lead_with_a_conflict
    # ani wrote the "theirs" side: the lead's package brings the lead's answer as the conflict, once
    result = ani.receive(lead.export(aid, name="to-ani.scapkg"))
    (found,) = conflicts.open_conflicts(ani.store, aid)
    assert result.conflicts == 1 and (found.mine.level, found.theirs.level) == (4, 2)

    # settled at the lead: the next package carries no conflict, and ani's merge takes the decision
    conflicts.resolve(lead.store, aid, "G1", take="theirs", actor="lead")
    conflicts.resolve(ani.store, aid, "G1", take="mine", actor="ani")
    settled = lead.export(aid, name="settled.scapkg")
    assert json.loads(members(settled)["conflicts.json"]) == []
    assert ani.receive(settled).conflicts == 0 and not conflicts.open_conflicts(ani.store, aid)
    assert ani.store.response(aid, "G1").level == 4


@pytest.mark.parametrize(("prefer", "level"), [("mine", 2), ("theirs", 4)])
def test_prefer_settles_a_carried_conflict_too(lead_with_a_conflict, prefer, level):
    lead, _, siti, aid = lead_with_a_conflict
    result = siti.receive(lead.export(aid, name="p.scapkg"), prefer=prefer)
    assert result.conflicts == 0 and not conflicts.open_conflicts(siti.store, aid)
    assert siti.store.response(aid, "G1").level == level
    trail = [(e.action, e.indicator_code, e.new_value) for e in siti.store.audit_trail(aid)]
    assert ("resolve_conflict", "G1", f"{prefer} (--prefer {prefer})") in trail


def test_a_version_1_package_without_the_new_members_is_still_read(lead_with_a_conflict, tmp_path):
    lead, _, siti, aid = lead_with_a_conflict
    parts = members(lead.export(aid, name="v2.scapkg"))
    for name in ("conflicts.json", "evidence_removals.json"):
        del parts[name]
    old = tmp_path / "v1.scapkg"
    old.write_bytes(repack(parts, manifest_edit=lambda m: m.update(format_version=1)))
    result = import_package(siti.store, old, actor="siti")
    assert result.as_dict() == {"added": 2, "updated": 0, "unchanged": 0, "conflicts": 0}  # as version 1 did


def test_a_carried_side_off_the_scale_is_refused_rows_unchanged(lead_with_a_conflict, tmp_path):
    lead, _, siti, aid = lead_with_a_conflict
    parts = members(lead.export(aid, name="v2.scapkg"))
    carried = json.loads(parts["conflicts.json"])
    carried[0]["theirs"]["level"] = 9
    parts["conflicts.json"] = json.dumps(carried).encode()
    bad = tmp_path / "bad.scapkg"
    bad.write_bytes(repack(parts))
    before = siti.rows()
    with pytest.raises(Exception) as refused:
        import_package(siti.store, bad, actor="siti")
    assert refused.value.code == "package_outside_scale" and siti.rows() == before
