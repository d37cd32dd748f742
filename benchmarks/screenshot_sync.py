"""A screenshot of File → Sync with server… for the README, after a sync that moved something.

    SMARTCITY_ASSESS_TEST_PG=URL xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb \
        python benchmarks/screenshot_sync.py [--lang id]

URL: a PostgreSQL server whose superuser may create a database (`bash .ci/postgres.sh` prints one).
A laptop's draft of Kota Bandung with a photo goes to a new server database, set up with `server
init`; a colleague's Kota Cimahi comes back. Writes docs/sync.png (docs/sync-id.png with --lang id).
"""

from __future__ import annotations

import os
import sys
import tempfile
import uuid
from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent / "docs"


def main() -> int:
    if os.environ.get("QT_QPA_PLATFORM", "xcb") != "xcb" or not os.environ.get("DISPLAY"):
        print("run under an X server with QT_QPA_PLATFORM=xcb (see the docstring)", file=sys.stderr)
        return 2
    admin_url = os.environ.get("SMARTCITY_ASSESS_TEST_PG")
    if not admin_url:
        print("set SMARTCITY_ASSESS_TEST_PG to a PostgreSQL server's URL (see the docstring)", file=sys.stderr)
        return 2
    lang = "id" if "--lang" in sys.argv and sys.argv[-1] == "id" else "en"
    work = Path(tempfile.mkdtemp(prefix="smartcity-sync-shot-"))
    os.environ["XDG_CONFIG_HOME"] = str(work / "config")

    from PySide6.QtCore import QSettings
    from PySide6.QtTest import QTest
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from smartcity_assess.services import server
    from smartcity_assess.services.assessments import new_assessment, record_response
    from smartcity_assess.services.evidence import add_evidence
    from smartcity_assess.services.frameworks import open_store
    from smartcity_assess.ui.app import MainWindow, create_application
    from smartcity_assess.ui.settings import AppSettings

    name = f"sca_shot_{uuid.uuid4().hex[:8]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    try:
        server.init(url)
        central = open_store(url)
        new_assessment(central, "Kota Cimahi", 2026, assessor="Dedi")
        central.close()

        app = create_application()
        laptop = open_store(work / "laptop.db")
        aid = new_assessment(laptop, "Kota Bandung", 2026, assessor="Rina")
        for code, level in {"GOV-01": 3, "GOV-02": 2, "GOV-03": 2, "GOV-04": 3, "INF-01": 4}.items():
            record_response(laptop, aid, code, level=level, actor="rina")
        add_evidence(laptop, aid, "GOV-01", "bcc-visit.jpg", os.urandom(3 * 1024 * 1024), actor="rina")

        settings = AppSettings(QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat))
        settings.assessor, settings.language = "rina", lang
        window = MainWindow(laptop, settings=settings)
        window.set_language(lang)
        window.resize(1360, 740)
        window.show()
        QTest.qWaitForWindowExposed(window)
        dialog = window.sync_with_server(url)
        # synced as the throwaway server's superuser; shown with the address a field assessor would have
        dialog.url_edit.setText("postgresql+psycopg://rina@db.jabarprov.go.id/smartcity")
        finished = []
        dialog.worker.signals.finished.connect(lambda: finished.append(True))
        while not finished:
            QTest.qWait(50)
        DOCS.mkdir(exist_ok=True)
        for _ in range(5):
            app.processEvents()
        QTest.qWait(300)
        shot = DOCS / ("sync-id.png" if lang == "id" else "sync.png")
        window.screen().grabWindow(0).copy(window.frameGeometry()).save(str(shot))
        print(shot)
        dialog.close()
        window.close()
        window.release()
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
