"""Every refusal of a package import: one sentence, and the receiving database unchanged row for row."""

import hashlib
import json
import zipfile

import pytest

from smartcity_assess.core import package_format
from smartcity_assess.core.errors import UserError
from smartcity_assess.core.framework_loader import load_framework_text
from smartcity_assess.services.review import finalize
from tests.conftest import DATA
from tests.team.helpers import members, repack


@pytest.fixture
def receiver(laptops, lead_package):
    """Ani's laptop, which already holds an earlier copy of the lead's assessment."""
    lead, aid, package = lead_package
    ani = laptops("ani")
    ani.receive(package)
    lead.answer(aid, "G2", level=4, note="changed since")  # so the next package would change something
    return ani, lead.export(aid, name="fresh.scapkg")


def refused(laptop, package_bytes_or_path, tmp_path, code, name="bad.scapkg"):
    path = package_bytes_or_path
    if isinstance(package_bytes_or_path, bytes):
        path = tmp_path / name
        path.write_bytes(package_bytes_or_path)
    before = laptop.rows()
    with pytest.raises(UserError) as caught:
        laptop.receive(path)
    assert caught.value.code == code, str(caught.value)
    assert laptop.rows() == before
    assert str(caught.value) and caught.value.text("id") != str(caught.value)  # a sentence in both languages
    return caught.value


def test_the_fresh_package_itself_is_accepted(receiver):
    ani, fresh = receiver
    assert ani.receive(fresh).updated == 1


def test_not_a_zip(receiver, tmp_path):
    ani, _ = receiver
    error = refused(ani, b"indicator,level\nG1,3\n", tmp_path, "package_not_zip")
    assert str(error) == "bad.scapkg is not a Smart City Assess package (it is not a zip file)"


def test_a_truncated_zip(receiver, tmp_path):
    ani, fresh = receiver
    data = fresh.read_bytes()
    refused(ani, data[: len(data) // 2], tmp_path, "package_truncated")


def test_an_unknown_format(receiver, tmp_path):
    ani, fresh = receiver
    data = repack(members(fresh), manifest_edit=lambda m: m.update(format="something-else"))
    refused(ani, data, tmp_path, "package_unknown_format")


def test_a_zip_without_a_manifest(receiver, tmp_path):
    ani, fresh = receiver
    parts = members(fresh)
    path = tmp_path / "bare.scapkg"
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in parts.items():
            if name != "manifest.json":
                zf.writestr(name, data)
    refused(ani, path, tmp_path, "package_unknown_format")


def test_a_newer_format_version(receiver, tmp_path):
    ani, fresh = receiver
    newer = package_format.FORMAT_VERSION + 1
    data = repack(members(fresh), manifest_edit=lambda m: m.update(format_version=newer))
    error = refused(ani, data, tmp_path, "package_newer_format")
    assert f"format {newer}" in str(error) and "update the app" in str(error)


def test_a_member_the_manifest_does_not_list(receiver, tmp_path):
    ani, fresh = receiver
    parts = members(fresh)
    extra = b"smuggled"
    parts["evidence/" + hashlib.sha256(extra).hexdigest()] = extra

    def forget(manifest):
        del manifest["members"]["evidence/" + hashlib.sha256(extra).hexdigest()]

    refused(ani, repack(parts, manifest_edit=forget), tmp_path, "package_unlisted_member")


def test_a_member_of_no_package(receiver, tmp_path):
    ani, fresh = receiver
    parts = members(fresh)
    parts["notes.txt"] = b"hello"
    refused(ani, repack(parts), tmp_path, "package_unexpected_member")


def test_the_manifest_names_a_member_that_is_missing(receiver, tmp_path):
    ani, fresh = receiver
    parts = members(fresh)
    evidence = next(n for n in parts if n.startswith("evidence/"))
    listed = json.loads(parts["manifest.json"])["members"]
    del parts[evidence]
    refused(ani, repack(parts, manifest_edit=lambda m: m.update(members=listed)), tmp_path, "package_missing_member")


@pytest.mark.parametrize("member", ["responses.json", "audit.json", "evidence/"])
def test_a_checksum_mismatch(receiver, tmp_path, member):
    ani, fresh = receiver
    parts = members(fresh)
    name = next(n for n in parts if n.startswith(member))
    listed = json.loads(parts["manifest.json"])["members"]
    parts[name] = parts[name].replace(b"G", b"H", 1) if name.endswith(".json") else parts[name][:-1] + b"!"
    error = refused(ani, repack(parts, manifest_edit=lambda m: m.update(members=listed)), tmp_path, "package_checksum")
    assert name in str(error)


@pytest.mark.parametrize("name", ["../evil.json", "/etc/passwd", "C:evil.json", "evidence\\..\\evil", "a/./b", "x//y"])
def test_member_names_that_escape(receiver, tmp_path, name):
    ani, fresh = receiver
    error = refused(ani, repack(members(fresh), names=[name]), tmp_path, "package_unsafe_name")
    assert name in str(error)


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("revisions.json\nPK\x01\x02" + "x" * 500, "package_unsafe_name"),
        ("notes\u2028" + "y" * 500, "package_unexpected_member"),
    ],
)
def test_a_damaged_member_name_is_quoted_on_one_short_line(receiver, tmp_path, name, code):
    """A flipped byte in the zip's directory gives a name with line ends and garbage (hypothesis found one)."""
    ani, fresh = receiver
    error = str(refused(ani, repack(members(fresh), names=[name]), tmp_path, code))
    assert "\n" not in error and "\u2028" not in error and len(error) < 250
    assert name[:5] in error and ("\\n" in error or "\\u2028" in error)  # escaped, not dropped


def test_a_member_over_the_size_cap(receiver, tmp_path, monkeypatch):
    ani, fresh = receiver
    monkeypatch.setattr(package_format, "MAX_MEMBER_BYTES", 1000)
    refused(ani, fresh, tmp_path, "package_member_too_large")


def test_a_package_over_the_total_cap(receiver, tmp_path, monkeypatch):
    ani, fresh = receiver
    from smartcity_assess.services import packages

    monkeypatch.setattr(packages.fmt, "MAX_TOTAL_BYTES", 2000)
    refused(ani, fresh, tmp_path, "package_total_too_large")


def test_a_zip_bomb(receiver, tmp_path):
    ani, fresh = receiver
    parts = members(fresh)
    bomb = bytes(20 * 1024 * 1024)  # 20 MB of zeros packs into ~20 KB
    parts["evidence/" + hashlib.sha256(bomb).hexdigest()] = bomb
    error = refused(ani, repack(parts), tmp_path, "package_bomb")
    assert "zip bomb" in str(error)


def test_a_member_that_unpacks_to_more_than_its_header_says(receiver, tmp_path):
    ani, fresh = receiver
    parts = members(fresh)
    data = repack(parts)
    # Lie in both headers about responses.json's size: the reader must stop at the declared size.
    size = len(parts["responses.json"]).to_bytes(4, "little")
    data = data.replace(size, (len(parts["responses.json"]) - 10).to_bytes(4, "little"))
    path = tmp_path / "liar.scapkg"
    path.write_bytes(data)
    before = ani.rows()
    with pytest.raises(UserError):
        ani.receive(path)
    assert ani.rows() == before


@pytest.mark.parametrize(
    ("member", "content", "code"),
    [
        ("responses.json", b"[{not json", "package_bad_json"),
        ("responses.json", b"\xff\xfe", "package_bad_json"),
        ("responses.json", b'{"indicator": "G1"}', "package_bad_content"),
        ("assessment.json", b'{"id": 5}', "package_bad_content"),
        ("audit.json", b"[[1, 2]]", "package_bad_content"),
        ("framework.json", b'{"code": "mini"}', "package_framework_invalid"),
    ],
)
def test_malformed_json(receiver, tmp_path, member, content, code):
    ani, fresh = receiver
    parts = members(fresh)
    parts[member] = content
    refused(ani, repack(parts), tmp_path, code)


def _edit_json(parts, member, edit):
    data = json.loads(parts[member])
    edit(data)
    parts[member] = json.dumps(data).encode()


@pytest.mark.parametrize(("field", "value"), [("level", 7), ("target", 0), ("level", -1)])
def test_values_outside_the_framework_scale(receiver, tmp_path, field, value):
    ani, fresh = receiver
    parts = members(fresh)

    def outside(rows):
        for row in rows:
            if row["indicator"] == "G2":
                row[field] = value

    _edit_json(parts, "responses.json", outside)
    _edit_json(parts, "revisions.json", outside)
    error = refused(ani, repack(parts), tmp_path, "package_outside_scale")
    assert f"{field} of {value}" in str(error) and "1–5" in str(error)


def test_a_level_that_contradicts_its_measured_value(receiver, tmp_path):
    ani, fresh = receiver
    parts = members(fresh)

    def contradict(rows):
        for row in rows:
            if row["indicator"] == "W1":
                row["level"] = 5  # 45.5 per 100k gives 3

    _edit_json(parts, "responses.json", contradict)
    _edit_json(parts, "revisions.json", contradict)
    refused(ani, repack(parts), tmp_path, "package_bad_response")


def test_a_tampered_audit_trail(receiver, tmp_path):
    ani, fresh = receiver
    parts = members(fresh)

    def forge(entries):
        entries[1]["new_value"] = "5"

    _edit_json(parts, "audit.json", forge)
    error = refused(ani, repack(parts), tmp_path, "package_chain_broken")
    assert "entry 2" in str(error)


def test_a_history_that_does_not_lead_to_the_response(receiver, tmp_path):
    ani, fresh = receiver
    parts = members(fresh)
    _edit_json(parts, "revisions.json", lambda rows: rows.pop())
    refused(ani, repack(parts), tmp_path, "package_history_gap")


def test_a_framework_with_the_same_code_and_version_but_other_content(lead_package, tmp_path):
    _, _, package = lead_package
    from tests.team.helpers import Laptop

    other = Laptop(tmp_path, "budi")
    try:
        text = (DATA / "mini.yaml").read_text().replace("Command-center SOP", "Command-centre SOP")
        other.store.add_framework(load_framework_text(text), text)
        error = refused(other, package, tmp_path, "package_framework_differs")
        assert "mini version 1" in str(error)
    finally:
        other.close()


def test_a_final_assessment_on_the_receiving_side(receiver, tmp_path):
    ani, fresh = receiver
    aid = ani.store.list_assessments()[0].id
    finalize(ani.store, aid, actor="ani")
    error = refused(ani, fresh, tmp_path, "package_target_final")
    assert "is final here" in str(error)


def test_a_package_that_cannot_be_read(receiver, tmp_path):
    ani, _ = receiver
    refused(ani, tmp_path / "nowhere.scapkg", tmp_path, "package_unreadable")
