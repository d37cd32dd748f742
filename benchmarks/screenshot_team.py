"""Screenshots of the field-team views for the README: the walk with conflict badges and the conflicts view.

    xvfb-run -a -s "-screen 0 1400x900x24" env QT_QPA_PLATFORM=xcb python benchmarks/screenshot_team.py

A lead and an assessor on temporary databases (the built-in framework): the assessor's package
comes back with two answers the lead changed too. Writes docs/walk-conflicts.png, docs/conflicts.png,
docs/agreement.png (the two assessors' levels), and — once the conflicts are settled and the
assessment submitted — docs/walk-review.png (Approve… / Return… offered) and docs/review-approve.png (the sign-off).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent / "docs"


def main() -> int:
    if os.environ.get("QT_QPA_PLATFORM", "xcb") != "xcb" or not os.environ.get("DISPLAY"):
        print("run under an X server with QT_QPA_PLATFORM=xcb (see the docstring)", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="smartcity-team-shots-"))
    os.environ["XDG_CONFIG_HOME"] = str(work / "config")

    from PySide6.QtCore import QSettings
    from PySide6.QtTest import QTest

    from smartcity_assess.services.assessments import new_assessment, record_response
    from smartcity_assess.services.frameworks import open_store
    from smartcity_assess.services.merging import import_package
    from smartcity_assess.services.packages import export_package
    from smartcity_assess.ui.app import MainWindow, create_application
    from smartcity_assess.ui.i18n import TRANSLATIONS
    from smartcity_assess.ui.settings import AppSettings

    app = create_application()
    TRANSLATIONS.install("en")  # as the app's start does: English's plurals ('2 conflicts', not 'conflict(s)')
    lead, ani = open_store(work / "lead.db"), open_store(work / "ani.db")
    aid = new_assessment(lead, "Kota Bandung", 2026, assessor="Rina (lead)", actor="rina")
    for code, level in {"GOV-01": 3, "GOV-02": 2, "GOV-03": 2, "GOV-04": 3}.items():
        record_response(lead, aid, code, level=level, actor="rina")
    import_package(ani, export_package(lead, aid, work / "start.scapkg", actor="rina"), actor="ani")
    record_response(ani, aid, "GOV-02", level=3, note="BKD letter: budget lines now flexible", actor="ani")
    record_response(ani, aid, "GOV-03", level=1, note="operators confirm: no SOP in use", actor="ani")
    record_response(ani, aid, "GOV-04", level=4, note="bcc.bandung.go.id live since May", actor="ani")
    record_response(lead, aid, "GOV-02", level=2, note="still a UPT-less unit (Perwal 20/2022)", actor="rina")
    record_response(lead, aid, "GOV-03", level=3, note="draft SOP seen at Diskominfo", actor="rina")
    package = export_package(ani, aid, work / "ani.scapkg", actor="ani")

    settings = AppSettings(QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat))
    settings.assessor = "rina"
    window = MainWindow(lead, settings=settings)
    window.resize(1360, 860)
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.open_assessment(aid)
    import_package(lead, package, actor="rina")
    window.check_outside_changes()
    window.walk.go_to_code("GOV-03")
    DOCS.mkdir(exist_ok=True)

    def shoot(name: str, widget) -> None:
        for _ in range(5):
            app.processEvents()
        QTest.qWait(200)
        widget.screen().grabWindow(widget.winId()).save(str(DOCS / name))
        print(DOCS / name)

    shoot("walk-conflicts.png", window)
    view = window.show_conflicts()
    view.move(20, 20)
    QTest.qWaitForWindowExposed(view)
    view.list.setCurrentIndex(view.model.index(view.model.row_of("GOV-03")))
    shoot("conflicts.png", view)
    view.close()

    agreement = window.show_agreement()
    agreement.move(20, 20)
    QTest.qWaitForWindowExposed(agreement)
    shoot("agreement.png", agreement)
    agreement.close()

    from smartcity_assess.services import conflicts, review
    from smartcity_assess.ui.dialogs.review import ApproveDialog

    conflicts.resolve_all(lead, aid, "theirs", actor="rina")
    review.submit(lead, aid, actor="rina")
    window.check_outside_changes()
    question = "Approve Kota Bandung 2026? It becomes final and read-only, and the record is sealed with your name."
    dialog = ApproveDialog(question, reviewer="Dr. Siti Rahma", parent=window)
    dialog.role.setText("Kepala Bappeda Kota Bandung")
    dialog.nip.setText("19800101 200501 1 001")
    dialog.show()
    QTest.qWaitForWindowExposed(dialog)
    shoot("review-approve.png", dialog)
    dialog.reject()
    shoot("walk-review.png", window)
    window.close()
    window.release()
    return 0


if __name__ == "__main__":
    sys.exit(main())
