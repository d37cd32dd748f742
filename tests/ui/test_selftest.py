"""`smartcity-assess --selftest`: what proves a bundle works must itself pass, and name what fails."""

from smartcity_assess.cli import main
from smartcity_assess.ui import i18n, selftest


def test_selftest_passes_every_step_from_source(qapp, capsys):
    assert main(["--selftest"]) == 0
    out = capsys.readouterr().out
    for name, _ in selftest.STEPS:
        assert f"ok  {name}:" in out
    assert out.rstrip().endswith("selftest passed")


def test_a_failing_step_is_named_and_exits_non_zero(qapp, monkeypatch):
    monkeypatch.setattr(i18n, "translation_file", lambda lang: None)
    lines = []
    assert selftest.run(out=lines.append) == selftest.EXIT_FAILED
    assert lines[-1] == "selftest failed at translations: the Indonesian translation (.qm) is not shipped"
    assert not any("passed" in line for line in lines)
