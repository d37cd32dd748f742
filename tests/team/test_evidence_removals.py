"""Evidence removals travel: for each file (indicator + content) the later of its last adding and its last
removal wins, on either side. Removed on one laptop and untouched on the other: removed after the merge;
attached again after the removal: kept. Every removal a merge makes is in the audit trail."""

from __future__ import annotations

import hashlib
import json

import pytest

from smartcity_assess.core.errors import UserError
from smartcity_assess.services import review
from smartcity_assess.services.evidence import remove_evidence
from tests.team.helpers import members

SCAN = b"%PDF-1.4 Perwal 20/2022 scan"
PHOTO = b"\x89PNG command center photo"


def names(laptop, aid):
    return sorted((e.indicator_code, e.file_name) for e in laptop.store.evidence(aid))


@pytest.fixture
def shared(laptops):
    """Lead and ani both hold G1's scan and photo (from the lead's package)."""
    lead, ani = laptops("lead", "ani")
    aid = lead.new()
    lead.answer(aid, "G1", level=3)
    lead.attach(aid, "G1", "perwal.pdf", SCAN)
    lead.attach(aid, "G1", "photo.png", PHOTO)
    ani.receive(lead.export(aid))
    assert names(ani, aid) == [("G1", "perwal.pdf"), ("G1", "photo.png")]
    return lead, ani, aid


def remove(laptop, aid, file_name):
    item = next(e for e in laptop.store.evidence(aid) if e.file_name == file_name)
    remove_evidence(laptop.store, item.id, actor=laptop.name)


def test_removed_on_one_side_and_untouched_on_the_other_stays_removed(shared):
    lead, ani, aid = shared
    remove(ani, aid, "photo.png")
    package = ani.export(aid)
    (record,) = json.loads(members(package)["evidence_removals.json"])
    assert (record["indicator"], record["file_name"], record["removed_by"]) == ("G1", "photo.png", "ani")
    assert "evidence/" + hashlib.sha256(PHOTO).hexdigest() not in members(package)

    result = lead.receive(package)
    assert result.evidence_removed == 1
    assert names(lead, aid) == [("G1", "perwal.pdf")]
    assert len(lead.rows()["evidence_blobs"]) == 1  # the photo's bytes went with it
    entry = [e for e in lead.store.audit_trail(aid) if e.action == "remove_evidence"][-1]
    assert entry.old_value == "photo.png" and entry.new_value.startswith("removed by ani at ")
    assert review.verify(lead.store, aid).intact

    before = lead.rows()
    assert lead.receive(package).evidence_removed == 0 and lead.rows() == before  # twice: nothing more
    ani.receive(lead.export(aid))  # and back: the file does not return to ani either
    assert names(ani, aid) == [("G1", "perwal.pdf")]


def test_attached_again_after_the_removal_is_kept(shared):
    lead, ani, aid = shared
    remove(ani, aid, "photo.png")
    lead.receive(ani.export(aid))
    lead.attach(aid, "G1", "photo.png", PHOTO)  # the lead wants it after all: a later adding
    ani.receive(lead.export(aid, name="lead-again.scapkg"))
    assert names(ani, aid) == [("G1", "perwal.pdf"), ("G1", "photo.png")]
    lead.receive(ani.export(aid, name="ani-again.scapkg"))
    assert names(lead, aid) == [("G1", "perwal.pdf"), ("G1", "photo.png")]


def test_a_removal_elsewhere_cannot_touch_a_final_assessment(shared):
    lead, ani, aid = shared
    remove(ani, aid, "photo.png")
    review.finalize(lead.store, aid, actor="lead")
    before = lead.rows()
    with pytest.raises(UserError) as refused:
        lead.receive(ani.export(aid))
    assert refused.value.code == "package_target_final" and lead.rows() == before


def test_an_empty_database_gets_the_removal_records_too(shared, laptops):
    lead, ani, aid = shared
    remove(lead, aid, "perwal.pdf")
    budi = laptops("budi")
    budi.receive(lead.export(aid, name="for-budi.scapkg"))
    assert names(budi, aid) == [("G1", "photo.png")]
    ani.receive(budi.export(aid))  # budi never had the scan, yet his package removes it at ani's
    assert names(ani, aid) == [("G1", "photo.png")]
