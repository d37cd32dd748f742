"""Export → import into an empty database gives the same assessment: scores, notes, evidence bytes,
revision history and audit chain."""

import zipfile

from smartcity_assess.core.audit_chain import first_break
from smartcity_assess.services.assessments import score
from smartcity_assess.services.review import verify


def test_round_trip_into_an_empty_database_gives_an_identical_assessment(laptops, lead_package):
    lead, aid, package = lead_package
    other = laptops("ani")
    result = other.receive(package)
    assert (result.added, result.updated, result.unchanged, result.conflicts) == (3, 0, 0, 0)
    assert result.assessment_id == aid and result.created

    mine, theirs = lead.store.responses(aid), other.store.responses(aid)
    assert {c: r.as_input() for c, r in mine.items()} == {c: r.as_input() for c, r in theirs.items()}
    assert theirs["G1"].note == "no SOP yet" and theirs["W1"].value == 45.5 and theirs["W1"].level == 3
    assert {c: (r.revision, r.revision_number) for c, r in mine.items()} == {
        c: (r.revision, r.revision_number) for c, r in theirs.items()
    }
    assert score(lead.store, aid).score == score(other.store, aid).score
    assert lead.store.response_history(aid) == other.store.response_history(aid)

    [ev_lead], [ev_other] = lead.store.evidence(aid), other.store.evidence(aid)
    assert (ev_other.file_name, ev_other.sha256, ev_other.added_by) == (ev_lead.file_name, ev_lead.sha256, "lead")
    assert other.store.evidence_data(ev_other.id) == b"%PDF-1.4 draft SOP " * 100

    chain_lead, chain_other = _chain(lead, aid), _chain(other, aid)
    assert chain_other[: len(chain_lead)] == chain_lead  # the same entries, hashes and links
    assert [e[2] for e in chain_other[len(chain_lead) :]] == ["import_package"]  # and the import, audited
    assert verify(other.store, aid).intact


def test_importing_the_same_package_twice_changes_nothing_the_second_time(laptops, lead_package):
    _, _, package = lead_package
    other = laptops("ani")
    other.receive(package)
    before = other.rows()
    again = other.receive(package)
    assert (again.added, again.updated, again.unchanged, again.conflicts) == (0, 0, 3, 0)
    assert other.rows() == before


def test_the_package_carries_a_manifest_of_every_member_and_a_verifiable_chain(lead_package):
    import hashlib
    import json

    lead, aid, package = lead_package
    with zipfile.ZipFile(package) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        names = set(zf.namelist()) - {"manifest.json"}
        assert set(manifest["members"]) == names
        for name in names:
            data = zf.read(name)
            assert manifest["members"][name] == {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
        audit = json.loads(zf.read("audit.json"))
    assert manifest["format_version"] == 2 and manifest["exported_by"] == "lead"
    assert manifest["device_id"] == lead.store.device_id and manifest["assessment_id"] == str(aid)
    assert first_break([{**e, "at": e["at"]} for e in _parsed(audit)]) is None


def test_export_is_atomic_a_failed_export_leaves_no_file(laptops, lead_package, tmp_path, monkeypatch):
    import pytest

    from smartcity_assess.core.errors import UserError
    from smartcity_assess.services import packages

    lead, aid, _ = lead_package
    target = tmp_path / "out.scapkg"
    target.write_bytes(b"the previous package")

    def broken(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(packages.os, "replace", broken)
    with pytest.raises(UserError) as refused:
        packages.export_package(lead.store, aid, target)
    assert refused.value.code == "package_write_failed"
    assert target.read_bytes() == b"the previous package"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.scapkg")]


def _parsed(entries):
    from datetime import datetime
    from uuid import UUID

    return [
        {**e, "id": UUID(e["id"]), "assessment_id": UUID(e["assessment_id"]), "at": datetime.fromisoformat(e["at"])}
        for e in entries
    ]


def _chain(laptop, aid):
    import sqlite3

    with sqlite3.connect(laptop.path) as conn:
        return conn.execute(
            "SELECT seq, id, action, indicator_code, field, old_value, new_value, actor, at, prev_hash, hash "
            "FROM audit_entries WHERE assessment_id = ? ORDER BY seq",
            (aid.hex,),
        ).fetchall()


def test_a_package_gets_the_mode_every_written_file_gets(lead_package):
    import os
    import stat

    from smartcity_assess.files import umask_mode

    _, _, package = lead_package
    assert stat.S_IMODE(os.stat(package).st_mode) == umask_mode()  # not a temporary file's 0600
    assert [p.name for p in package.parent.iterdir() if p.name.endswith(".part")] == []
