"""Start-up: process start to the main window shown and the event loop idle, demo data loaded.

Each run is a fresh Python process (what a user waits for). The baseline is a bare PySide6
QMainWindow started the same way in the same run; runs alternate so both see the same machine load.
Prints medians and the ratio (goal: at most 2×).

    python benchmarks/bench_startup.py [--runs 7]

Uses QT_QPA_PLATFORM from the environment (offscreen when there is no display).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BARE = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1280, 800)
window.show()
QTimer.singleShot(0, app.quit)  # runs once the loop is idle after showing
app.exec()
"""

# The bare window plus the import of the store (SQLAlchemy + SQLModel + pydantic): the floor the
# persistence layer sets before the app does anything of its own.
FLOOR = "import smartcity_assess.persistence.store\n" + BARE

APP = """
import sys
from PySide6.QtCore import QTimer
from smartcity_assess.ui.app import start
started = start(sys.argv[1])
app, window = started
QTimer.singleShot(0, app.quit)
app.exec()
window.release()
"""


def timed(code: str, *args: str, env: dict) -> float:
    begin = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *args], env=env, check=True)
    return time.perf_counter() - begin


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="smartcity-bench-"))
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen" if not env.get("DISPLAY") else "xcb")
    env["XDG_CONFIG_HOME"] = str(work / "config")  # fresh settings: opens on the assessment list
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    database = str(work / "demo.db")
    subprocess.run(
        [sys.executable, "-m", "smartcity_assess.cli", "--db", database, "demo"],
        env=env,
        check=True,
        capture_output=True,
    )
    # one warm-up each so disk caches treat both alike
    timed(BARE, env=env)
    timed(APP, database, env=env)
    bare, floor, app = [], [], []
    for _ in range(options.runs):
        bare.append(timed(BARE, env=env))
        floor.append(timed(FLOOR, env=env))
        app.append(timed(APP, database, env=env))
    bare_median, app_median = statistics.median(bare), statistics.median(app)
    floor_median = statistics.median(floor)
    print(f"platform {env['QT_QPA_PLATFORM']}, {options.runs} runs each")
    print(f"bare QMainWindow: median {bare_median * 1000:.0f} ms")
    print(
        f"bare QMainWindow + import of persistence.store: median {floor_median * 1000:.0f} ms "
        f"({floor_median / bare_median:.2f}x)"
    )
    print(f"Smart City Assess (demo data, assessment list): median {app_median * 1000:.0f} ms")
    print(f"ratio {app_median / bare_median:.2f}x (goal <= 2x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
