"""Packages mangled at random — bytes, members, manifest — never give a traceback or a change.

The receiving database already holds the package, so an import that is (rightly) still accepted
after a harmless mangling must change nothing either.
"""

import json
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smartcity_assess.core.errors import UserError
from tests.team.helpers import Laptop, members, repack

_JSON_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-(2**70), 2**70), st.floats(), st.text(max_size=20), st.just([]), st.just({})
)


def _flip_bytes(data: bytes, seed: int, count: int) -> bytes:
    rng = random.Random(seed)
    out = bytearray(data)
    for _ in range(count):
        out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
    return bytes(out)


def _edit_member(parts: dict, seed: int, value) -> dict:
    rng = random.Random(seed)
    name = rng.choice(sorted(n for n in parts if n.endswith(".json") and n != "manifest.json"))
    data = json.loads(parts[name])
    target = data
    while isinstance(target, list | dict) and target:
        key = rng.choice(range(len(target))) if isinstance(target, list) else rng.choice(sorted(target))
        if not isinstance(target[key], list | dict) or rng.random() < 0.3:
            target[key] = value
            break
        target = target[key]
    parts[name] = json.dumps(data).encode()
    return parts


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    how=st.sampled_from(["flip", "truncate", "drop", "manifest", "member", "member-unlisted"]),
    seed=st.integers(0, 2**32),
    count=st.integers(1, 8),
    value=_JSON_VALUES,
)
def test_a_mangled_package_is_refused_or_changes_nothing(tmp_path_factory, how, seed, count, value):
    folder = tmp_path_factory.mktemp("mangle")
    lead, ani = Laptop(folder, "lead").with_mini(), Laptop(folder, "ani").with_mini()
    try:
        aid = lead.new()
        lead.answer(aid, "G1", level=2, note="no SOP yet")
        lead.answer(aid, "W1", value=45)
        lead.attach(aid, "G1", "sop.pdf", b"%PDF " * 50)
        package = lead.export(aid)
        ani.receive(package)
        original = package.read_bytes()
        parts = members(package)
        rng = random.Random(seed)
        if how == "flip":
            mangled = _flip_bytes(original, seed, count)
        elif how == "truncate":
            mangled = original[: rng.randrange(len(original))]
        elif how == "drop":
            del parts[rng.choice(sorted(parts))]
            mangled = repack(parts, relist=False) if "manifest.json" in parts else b"PK\x05\x06" + bytes(18)
        elif how == "manifest":
            manifest = json.loads(parts["manifest.json"])
            key = rng.choice(sorted(manifest))
            manifest[key] = value
            parts["manifest.json"] = json.dumps(manifest).encode()
            mangled = repack(parts, relist=False)
        else:
            mangled = repack(_edit_member(parts, seed, value), relist=how == "member")
        path = folder / "mangled.scapkg"
        path.write_bytes(mangled)
        before = ani.rows()
        try:
            ani.receive(path)
        except UserError as error:
            assert str(error) and "\n" not in str(error)
        assert ani.rows() == before
    finally:
        lead.close()
        ani.close()
