"""Build the field teams' download: the PyInstaller bundle, its self-test, and a versioned archive.

    python .ci/release.py [--skip-build]

Same on Windows, macOS and Linux (run it in an environment with `pip install ".[build]"`):
1. `pyinstaller build.spec` → dist/smartcity-assess/ (one folder, no Python needed);
2. the bundle's own `--selftest` (database, framework, scoring, radar, PDF, translations);
3. dist/smartcity-assess-<version>-<os>-<arch>.tar.gz (.zip on Windows);
4. figures: unpacked size against the 180 MB goal and its ten largest files, and the start-up of the bundle against the
   same command run from source (medians of fresh processes, alternating).
Exit status 1 when the build or the self-test fails.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
NAME, VERSION = PROJECT["name"], PROJECT["version"]
SIZE_GOAL_MB = 180
LARGEST_SHOWN = 10
STARTUP_RUNS = 5


def bundle_dir() -> Path:
    return DIST / NAME


def bundle_executable() -> Path:
    suffix = ".exe" if sys.platform == "win32" else ""
    return bundle_dir() / f"{NAME}{suffix}"


def build() -> None:
    work = ROOT / "build" / "pyinstaller"
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    subprocess.run([*command, "--distpath", str(DIST), "--workpath", str(work), str(ROOT / "build.spec")], check=True)


def selftest_environment() -> dict[str, str]:
    """As on a field laptop with no Python: nothing of this machine's Python reaches the bundle."""
    if sys.platform == "win32":  # Windows programs need their system variables (SYSTEMROOT, TEMP, …)
        env = {k: v for k, v in os.environ.items() if not k.upper().startswith(("PYTHON", "VIRTUAL_ENV"))}
    else:
        env = {"PATH": "/usr/bin:/bin", "HOME": os.environ.get("HOME", "/tmp"), "LANG": "C.UTF-8"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def selftest() -> bool:
    result = subprocess.run([str(bundle_executable()), "--selftest"], env=selftest_environment())
    return result.returncode == 0


def archive() -> Path:
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    base = DIST / f"{NAME}-{VERSION}-{system}-{platform.machine().lower()}"
    kind = "zip" if sys.platform == "win32" else "gztar"
    return Path(shutil.make_archive(str(base), kind, root_dir=DIST, base_dir=NAME))


def bundle_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]


def folder_size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in bundle_files(folder)) / 1e6


def largest_files(folder: Path, count: int = LARGEST_SHOWN) -> list[tuple[float, str]]:
    """(MB, path inside the bundle) of the largest files: where the next trim would pay."""
    files = sorted(bundle_files(folder), key=lambda p: p.stat().st_size, reverse=True)[:count]
    return [(p.stat().st_size / 1e6, p.relative_to(folder).as_posix()) for p in files]


def startup_seconds(command: list[str], env: dict[str, str]) -> float:
    begin = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - begin


def compare_startup() -> tuple[float, float]:
    """Median seconds of `frameworks list` on a fresh database: the bundle and from source.

    It imports what the app imports at start (Qt aside) and opens, migrates and reads a database,
    so it measures what the bundle adds or saves: unpacking, loading libraries, compiled bytecode.
    """
    with tempfile.TemporaryDirectory() as tmp:
        env = selftest_environment()
        env["SMARTCITY_ASSESS_DB"] = str(Path(tmp) / "startup.db")
        bundled = [str(bundle_executable()), "frameworks", "list"]
        source = [sys.executable, "-m", "smartcity_assess", "frameworks", "list"]
        source_env = dict(env, PYTHONPATH=str(ROOT))
        startup_seconds(bundled, env)  # creates the database; warms the file cache for both
        startup_seconds(source, source_env)
        bundle_times, source_times = [], []
        for _ in range(STARTUP_RUNS):
            bundle_times.append(startup_seconds(bundled, env))
            source_times.append(startup_seconds(source, source_env))
    return statistics.median(bundle_times), statistics.median(source_times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-build", action="store_true", help="use the bundle already in dist/")
    args = parser.parse_args()
    if not args.skip_build:
        build()
    if not selftest():
        print("error: the bundle's self-test failed (see above)", file=sys.stderr)
        return 1
    path = archive()
    size = folder_size_mb(bundle_dir())
    bundled, source = compare_startup()
    print(f"archive                  {path.relative_to(ROOT)} ({path.stat().st_size / 1e6:.0f} MB)")
    verdict = "met" if size < SIZE_GOAL_MB else "NOT MET"
    print(f"bundle, unpacked         {size:.0f} MB (goal < {SIZE_GOAL_MB} MB: {verdict})")
    print(f"largest {LARGEST_SHOWN} files:")
    for megabytes, name in largest_files(bundle_dir()):
        print(f"  {megabytes:6.1f} MB  {name}")
    print(f"start-up, bundle         {bundled * 1000:.0f} ms (median of {STARTUP_RUNS}, `frameworks list`)")
    print(f"start-up, from source    {source * 1000:.0f} ms")
    print(f"ratio bundle / source    {bundled / source:.2f} ×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
