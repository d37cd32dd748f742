"""A shipped framework whose content changes must get a new version.

Databases already hold a frozen copy under the old version; the app refuses to store different
content under a version it already has, so an unchanged version would stop every existing
installation from starting. Each released (code, version) is pinned to its checksum here.
"""

import json

import pytest

from smartcity_assess.core.framework_loader import framework_checksum, load_framework_file
from smartcity_assess.paths import assessments_path
from tests.conftest import DATA

PINNED = json.loads((DATA / "builtin_framework_checksums.json").read_text(encoding="utf-8"))
SHIPPED = sorted(assessments_path("frameworks").glob("*.yaml"))


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_changed_content_comes_with_a_new_version(path):
    framework = load_framework_file(path)
    key = f"{framework.code} {framework.version}"
    assert key in PINNED, f"new version {key}: add its checksum {framework_checksum(framework)} to {DATA.name}/"
    assert framework_checksum(framework) == PINNED[key], (
        f"{path.name} changed but is still version {framework.version}: give it a new version"
    )


def test_metric_units_speak_both_languages():
    for path in SHIPPED:
        for indicator in load_framework_file(path).indicators:
            if indicator.metric is not None:
                assert {"en", "id"} <= set(indicator.metric.unit), indicator.code
