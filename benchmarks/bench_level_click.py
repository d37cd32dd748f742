"""Choosing a level: from the click to the response saved in the database and the radar redrawn.

Runs the real walk (offscreen by default) on the demo's Bandung 2026 draft and times
`choose_level` plus the event processing that repaints the radar. The baseline, measured in the
same run, is the bare database write (services.assessments.record_response) without any UI.
Prints medians; goal: under 16 ms (one frame at 60 Hz).

    python benchmarks/bench_level_click.py [--clicks 200]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clicks", type=int, default=200)
    options = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    work = Path(tempfile.mkdtemp(prefix="smartcity-bench-"))
    os.environ["XDG_CONFIG_HOME"] = str(work / "config")

    from PySide6.QtCore import QSettings
    from PySide6.QtTest import QTest

    from smartcity_assess.services.assessments import record_response
    from smartcity_assess.services.demo import load_demo
    from smartcity_assess.services.frameworks import open_store
    from smartcity_assess.ui.app import MainWindow, create_application
    from smartcity_assess.ui.settings import AppSettings

    app = create_application()
    store = open_store(work / "demo.db")
    load_demo(store)
    window = MainWindow(store, settings=AppSettings(QSettings(str(work / "s.ini"), QSettings.Format.IniFormat)))
    window.show()
    QTest.qWaitForWindowExposed(window)
    draft = next(i for i in store.list_assessments(city="Bandung (demo)") if not i.is_final)
    window.open_assessment(draft.id)
    walk = window.walk
    walk.go_to_code("GOV-03")
    app.processEvents()
    radar = walk.scores.radar

    ui_times, db_times = [], []
    for i in range(options.clicks):
        level = 1 + i % 5
        begin = time.perf_counter()
        walk.panel.choose_level(level)
        app.processEvents()  # the repaint of the radar and the panel
        ui_times.append(time.perf_counter() - begin)
        stored = store.responses(draft.id)["GOV-03"].level
        assert stored == level, (stored, level)
        assert radar.series()[0].values == tuple(p.score for p in window.session.score.pillars)

        begin = time.perf_counter()
        record_response(store, draft.id, "GOV-04", level=level)
        db_times.append(time.perf_counter() - begin)

    ui, db = statistics.median(ui_times), statistics.median(db_times)
    print(f"{options.clicks} level choices on platform {os.environ['QT_QPA_PLATFORM']}")
    print(f"bare database write (record_response): median {db * 1000:.2f} ms")
    print(
        f"choose level -> saved, scored, radar redrawn: median {ui * 1000:.2f} ms "
        f"(p90 {statistics.quantiles(ui_times, n=10)[-1] * 1000:.2f} ms; goal < 16 ms)"
    )
    print(f"ratio to the bare write {ui / db:.2f}x")
    window.close()
    window.release()
    return 0


if __name__ == "__main__":
    sys.exit(main())
