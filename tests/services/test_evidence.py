"""Evidence rules shared by every front end: size, empty, duplicate, and never the database itself."""

import pytest

from smartcity_assess.core.errors import UserError
from smartcity_assess.services.assessments import new_assessment
from smartcity_assess.services.evidence import add_evidence_file
from tests.conftest import database_rows


@pytest.fixture
def draft(store):
    return new_assessment(store, "Kota Bandung", 2026)


@pytest.mark.parametrize("suffix", ["", "-wal"])
def test_the_database_itself_is_refused_as_evidence_and_nothing_changes(store, draft, db_path, suffix):
    code = store.framework(store.assessment(draft).framework_id).indicators[0].code
    before = database_rows(db_path)
    with pytest.raises(UserError) as refused:
        add_evidence_file(store, draft, code, db_path.with_name(db_path.name + suffix))
    assert refused.value.code == "evidence_is_database"
    assert "basis data penilaian" in refused.value.text("id")
    assert database_rows(db_path) == before


def test_size_empty_and_duplicate_rules(store, draft, db_path, tmp_path):
    code = store.framework(store.assessment(draft).framework_id).indicators[0].code
    sop = tmp_path / "sop.pdf"
    sop.write_bytes(b"%PDF-1.4 sop")
    add_evidence_file(store, draft, code, sop, limit_bytes=100)
    before = database_rows(db_path)
    (tmp_path / "empty.pdf").write_bytes(b"")
    (tmp_path / "big.pdf").write_bytes(b"x" * 101)
    for path, expected in [
        (sop, "evidence_duplicate"),
        (tmp_path / "empty.pdf", "evidence_empty"),
        (tmp_path / "big.pdf", "evidence_too_large"),
    ]:
        with pytest.raises(UserError) as refused:
            add_evidence_file(store, draft, code, path, limit_bytes=100)
        assert refused.value.code == expected
    assert database_rows(db_path) == before
    assert [e.file_name for e in store.evidence(draft, code)] == ["sop.pdf"]
