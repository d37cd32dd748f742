"""The release files serve Windows, macOS and Linux: nothing in them assumes Linux unless it is guarded.

No machine here runs Windows or macOS, so this reads build.spec and .ci/release.py as text and checks
what would break there: Linux-only tools, paths with a fixed separator, shell commands, and platform
steps that are not behind a `sys.platform` test. The workflow must build on all three systems.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
FILES = [ROOT / "build.spec", ROOT / ".ci" / "release.py", ROOT / ".ci" / "icu_data.py"]
LINUX_ONLY = ("strip", "cc", "gcc", "ldd", "patchelf", "objcopy", "readelf", ".so")


def _guarded(tree: ast.AST) -> set[int]:
    """Line numbers of an `if` whose test names sys.platform — test, body and else (a branch for some systems) —
    and of the functions called only there."""
    lines: set[int] = set()
    guarded_functions: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "platform" in ast.unparse(node.test):
            for child in (node.test, *node.body, *node.orelse):
                for inner in ast.walk(child):
                    if hasattr(inner, "lineno"):
                        lines.add(inner.lineno)
                    if isinstance(inner, ast.Call) and isinstance(inner.func, ast.Name):
                        guarded_functions.add(inner.func.id)
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name in guarded_functions:
            lines.update(range(node.lineno, node.end_lineno + 1))
    return lines


def test_build_and_release_scripts_keep_linux_only_steps_behind_a_platform_test():
    problems = []
    for path in FILES:
        text = path.read_text(encoding="utf-8")
        tree = ast.parse(text)
        guarded = _guarded(tree) if path.name != "icu_data.py" else set(range(1, len(text.splitlines()) + 2))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Constant) or not isinstance(node.value, str):
                continue
            value = node.value
            if re.match(r"^/(usr|bin|etc|tmp|home|opt)\b", value) and node.lineno not in guarded:
                problems.append(f"{path.name}:{node.lineno}: fixed Unix path {value!r}")
            if value in LINUX_ONLY and node.lineno not in guarded:
                problems.append(f"{path.name}:{node.lineno}: Linux-only {value!r} outside a platform test")
            if "/" in value and "\\" in value:
                problems.append(f"{path.name}:{node.lineno}: mixed path separators {value!r}")
        for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call)):
            source = ast.unparse(call)
            if "shell=True" in source or source.startswith(("os.system", "subprocess.getoutput")):
                problems.append(f"{path.name}:{call.lineno}: a shell command is not portable: {source[:60]}")
    assert not problems, "\n".join(problems)


def test_the_icu_trim_is_a_linux_step_of_the_spec():
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert re.search(r'if sys\.platform\.startswith\("linux"\) and \(shutil\.which\("cc"\)', spec)
    assert re.search(r'if sys\.platform\.startswith\("linux"\) and shutil\.which\("strip"\)', spec)


def test_the_release_workflow_builds_and_self_tests_on_all_three_systems():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8"))
    job = workflow["jobs"]["bundle"]
    assert set(job["strategy"]["matrix"]["os"]) == {"windows-latest", "macos-latest", "ubuntu-latest"}
    commands = " ".join(step.get("run", "") for step in job["steps"])
    assert "python .ci/release.py" in commands  # which runs the bundle's --selftest and fails with it
    assert "--skip-build" not in commands
    uploads = [s for s in job["steps"] if s.get("uses", "").startswith("actions/upload-artifact")]
    assert uploads and "dist/*.zip" in uploads[0]["with"]["path"] and "dist/*.tar.gz" in uploads[0]["with"]["path"]


def test_the_selftest_failure_fails_the_release():
    release = (ROOT / ".ci" / "release.py").read_text(encoding="utf-8")
    assert "if not selftest():" in release and "return 1" in release
