"""Start the real app on an X server with the demo data and save screenshots to docs/.

    xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb python benchmarks/screenshot.py [--lang id]

The windows fill the screen, as the app's first start does on a field laptop's 1366×768 screen (no window
manager runs under Xvfb, so "maximised" is the whole screen).

In English the files are docs/main-window.png, walk.png, walk-metric.png, compare.png; in another language they
carry its code (docs/walk-id.png …), so both sets can live side by side.

Uses a temporary database and settings, so it never touches the user's own.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent / "docs"


def main() -> int:
    parser = argparse.ArgumentParser(description="screenshots of the real app with the demo data")
    parser.add_argument("--lang", default="en", help="the app's language: en (default) or id")
    args = parser.parse_args()
    if os.environ.get("QT_QPA_PLATFORM", "xcb") != "xcb" or not os.environ.get("DISPLAY"):
        print("run under an X server with QT_QPA_PLATFORM=xcb (see the docstring)", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="smartcity-shots-"))
    os.environ["XDG_CONFIG_HOME"] = str(work / "config")
    os.environ.setdefault("SMARTCITY_ASSESS_USER", "assessor")
    os.environ.setdefault("TZ", "Asia/Jakarta")  # times show as the field teams' clocks read them (WIB)
    time.tzset()

    from PySide6.QtCore import QSettings
    from PySide6.QtTest import QTest

    from smartcity_assess.services.demo import load_demo
    from smartcity_assess.services.frameworks import open_store
    from smartcity_assess.ui.app import MainWindow, create_application
    from smartcity_assess.ui.i18n import TRANSLATIONS
    from smartcity_assess.ui.settings import AppSettings

    app = create_application()
    store = open_store(work / "demo.db")
    load_demo(store)
    settings = AppSettings(QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat))
    settings.language = args.lang
    TRANSLATIONS.install(args.lang)
    window = MainWindow(store, settings=settings)
    screen = window.screen().availableGeometry()
    window.setGeometry(screen)
    window.show()
    QTest.qWaitForWindowExposed(window)
    DOCS.mkdir(exist_ok=True)

    def shoot(name: str, widget=window) -> None:
        if args.lang != "en":
            name = name.replace(".png", f"-{args.lang}.png")
        for _ in range(5):  # let layouts and the radar settle
            app.processEvents()
        QTest.qWait(200)
        widget.screen().grabWindow(widget.winId()).save(str(DOCS / name))
        print(DOCS / name)

    shoot("main-window.png")
    draft = next(i for i in store.list_assessments(city="Bandung (demo)") if not i.is_final)
    window.open_assessment(draft.id)
    window.walk.go_to_code("GOV-03")
    interview = work / "bcc-operator-interview.txt"
    interview.write_text("Operators follow general Diskominfo procedures; no command-center SOP.", encoding="utf-8")
    window.walk.panel.add_evidence_files([str(interview)])
    shoot("walk.png")
    window.walk.go_to_code("WIFI-01")
    shoot("walk-metric.png")
    compare = window.show_compare()
    compare.setGeometry(screen)
    compare.set_include_drafts(True)  # the demo's current year is a draft: show it, marked
    QTest.qWaitForWindowExposed(compare)
    shoot("compare.png", compare)
    compare.show_year(2026)  # the cities, each compared with the first one
    shoot("compare-cities.png", compare)
    compare.close()
    window.close()
    window.release()
    return 0


if __name__ == "__main__":
    sys.exit(main())
