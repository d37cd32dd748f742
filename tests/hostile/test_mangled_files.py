"""Property: whatever a mangled CSV, XLSX, YAML or zip does, the app answers 0 or one sentence (exit 2),
never a traceback, and a refused file leaves the database exactly as it was, row for row."""

from __future__ import annotations

import contextlib
import io
import warnings
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import DATA
from tests.hostile.conftest import database_rows

SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


@st.composite
def mangled(draw, seed: bytes) -> bytes:
    """The seed after a few byte-level accidents: flipped, cut, inserted, deleted or repeated bytes."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["flip", "truncate", "insert", "delete", "repeat"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if kind == "flip" and data:
            data[at] ^= draw(st.integers(1, 255))
        elif kind == "truncate":
            del data[at:]
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=64))
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 512))]
        else:
            data[at:at] = data[at : at + draw(st.integers(1, 512))] * draw(st.integers(1, 20))
    return bytes(data)


def check_answer(run, db, path, *argv) -> None:
    before = database_rows(db)
    code, _, err = run(*argv, str(path))
    assert code in (0, 2), err
    assert "Traceback" not in err
    if code == 2:
        assert err.startswith("error: ") and err.count("\n") == 1, err
        assert database_rows(db) == before


@pytest.fixture
def exported(run, demo_db, draft_id, tmp_path):
    """The draft's own export in both formats: the files a person would edit and send back."""
    paths = {}
    for suffix in ("csv", "xlsx"):
        paths[suffix] = tmp_path / f"seed.{suffix}"
        assert run("responses", "export", draft_id, "--out", str(paths[suffix]))[0] == 0
    return {k: p.read_bytes() for k, p in paths.items()}


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_mangled_response_tables(run, demo_db, draft_id, exported, tmp_path, suffix):
    @SETTINGS
    @given(data=st.data())
    def check(data):
        path = tmp_path / f"mangled.{suffix}"
        path.write_bytes(data.draw(mangled(exported[suffix])))
        check_answer(run, demo_db, path, "responses", "import", draft_id)

    check()


def test_mangled_framework_files(run, demo_db, tmp_path):
    seed = (DATA / "mini.yaml").read_bytes()

    @SETTINGS
    @given(data=mangled(seed))
    def check(data):
        path = tmp_path / "mangled.yaml"
        path.write_bytes(data)
        check_answer(run, demo_db, path, "frameworks", "import")

    check()


member_names = st.one_of(
    st.sampled_from(["xl/workbook.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml", "[Content_Types].xml"]),
    st.sampled_from(["../../escape.txt", "/abs/path", "evidence/\x00nul.pdf", "manifest.json", "a" * 300]),
    st.text(min_size=1, max_size=40),
)


@st.composite
def package_zips(draw) -> bytes:
    """Zip archives shaped like a workbook or a package: odd member names, nesting, junk contents."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", draw(st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED]))) as archive:
        for _ in range(draw(st.integers(0, 8))):
            name = draw(member_names)
            content = draw(st.one_of(st.binary(max_size=256), st.just(b"<?xml version='1.0'?><a/>" * 50)))
            # zipfile warns of a repeated name (a hostile zip may well repeat one) and fails on a few others
            with warnings.catch_warnings(), contextlib.suppress(ValueError, IndexError):
                warnings.simplefilter("ignore")
                archive.writestr(name, content)
    return buffer.getvalue()


def test_mangled_zip_packages(run, demo_db, draft_id, tmp_path):
    @SETTINGS
    @given(data=st.data())
    def check(data):
        archive = data.draw(package_zips())
        if data.draw(st.booleans()):
            archive = data.draw(mangled(archive))
        path = tmp_path / "package.xlsx"
        path.write_bytes(archive)
        check_answer(run, demo_db, path, "responses", "import", draft_id)

    check()
