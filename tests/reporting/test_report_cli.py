"""`smartcity-assess report ID --out FILE.pdf [--lang en|id]`: the file, or one `error: …` line and exit 2."""

from __future__ import annotations

import pytest

from .conftest import page_texts


@pytest.fixture
def assessment_id(run):
    code, out, _ = run("assessments", "new", "--city", "Kota Bandung", "--year", "2026", "--assessor", "Ani")
    assert code == 0
    return out.strip()


def test_report_writes_the_pdf_and_prints_its_path(run, assessment_id, tmp_path):
    out_file = tmp_path / "bandung.pdf"
    code, out, err = run("report", assessment_id[:8], "--out", str(out_file), "--lang", "id")
    assert (code, err) == (0, "")
    assert out.strip() == str(out_file.resolve())
    pages = page_texts(out_file)
    assert "Laporan Hasil Penilaian Tingkat Kematangan Smart City Kota Bandung Tahun 2026" in pages[0]


@pytest.mark.parametrize(
    ("given_id", "message"),
    [("ffffffff", "no assessment with id ffffffff"), ("xyz!", "is not an assessment id")],
)
def test_bad_id_is_one_error_line_and_exit_2(run, assessment_id, tmp_path, given_id, message):
    out_file = tmp_path / "r.pdf"
    code, out, err = run("report", given_id, "--out", str(out_file))
    assert code == 2 and out == ""
    assert err.startswith("error: ") and message in err and err.count("\n") == 1
    assert not out_file.exists()


@pytest.mark.parametrize(
    ("where", "message"),
    [
        ("missing/r.pdf", "does not exist"),
        ("a-file.txt/r.pdf", "does not exist"),
        (".", "is a folder"),
        ("r.txt", "give a file name ending in .pdf or .docx"),
    ],
)
def test_unwritable_path_is_one_error_line_and_exit_2(run, assessment_id, tmp_path, where, message):
    (tmp_path / "a-file.txt").write_text("not a folder")
    before = sorted(p.name for p in tmp_path.iterdir())
    code, out, err = run("report", assessment_id, "--out", str(tmp_path / where))
    assert code == 2 and out == ""
    assert err.startswith("error: ") and message in err and err.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_unknown_language_is_refused_by_the_parser(run, assessment_id, tmp_path):
    with pytest.raises(SystemExit) as exit_info:
        run("report", assessment_id, "--out", str(tmp_path / "r.pdf"), "--lang", "fr")
    assert exit_info.value.code == 2
    assert not (tmp_path / "r.pdf").exists()


def test_report_writes_a_docx_too(run, assessment_id, tmp_path):
    import docx

    out_file = tmp_path / "laporan.docx"
    code, out, err = run("report", assessment_id, "--out", str(out_file), "--lang", "id")
    assert (code, err) == (0, "")
    assert out.strip() == str(out_file.resolve())
    assert docx.Document(out_file).core_properties.title == (
        "Laporan Hasil Penilaian Tingkat Kematangan Smart City Kota Bandung Tahun 2026"
    )
