"""`smartcity-assess --selftest`: proves that a build (above all a PyInstaller bundle) works.

Each step exercises what a bundle most easily loses — data files, Alembic's migration scripts,
Qt plugins, fonts, translations — on a temporary database, and the first failure is named:
`selftest failed at <step>: <why>` and exit status 1. Nothing outside the temporary folder is touched.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

EXIT_FAILED = 1


class SelfTest:
    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.store = None
        self.assessment_id = None
        self.scored = None

    def open_database(self) -> str:
        from ..services.frameworks import BUILTIN_FRAMEWORK_CODE, open_store

        self.store = open_store(self.workdir / "selftest.db")  # runs the migrations, imports the framework
        info = self.store.find_framework(BUILTIN_FRAMEWORK_CODE)
        framework = self.store.framework(info.id)
        return f"{framework.code} {framework.version}, {len(framework.indicators)} indicators"

    def assess(self) -> str:
        from ..core.text import localize
        from ..services.assessments import new_assessment, record_response, score

        self.assessment_id = new_assessment(self.store, "Selftest City", 2026, assessor="selftest")
        framework = self.store.framework(self.store.assessment(self.assessment_id).framework_id)
        expected_sum = 0
        for n, indicator in enumerate(framework.indicators):
            level = 1 + n % 5
            if indicator.metric is not None:
                value = _value_for(framework, indicator, level)
                record_response(self.store, self.assessment_id, indicator.code, value=value)
            else:
                record_response(self.store, self.assessment_id, indicator.code, level=level)
            expected_sum += level
        self.scored = score(self.store, self.assessment_id)
        result = self.scored.score
        stored = sum(i.level for i in result.indicators)
        if result.overall.completion != 1.0 or stored != expected_sum:
            raise AssertionError(f"stored levels add up to {stored}, expected {expected_sum}")
        return f"overall {result.overall.score:.2f} ({localize(result.overall.band.label, 'en')})"

    def draw_radar(self) -> str:
        from PySide6.QtWidgets import QApplication

        from ..core import chart_style
        from .widgets.radar import RadarSeries, RadarWidget

        app = QApplication.instance() or QApplication([sys.argv[0], "-platform", "offscreen"])
        pillars = self.scored.score.pillars
        radar = RadarWidget()
        radar.resize(480, 360)
        radar.set_axes([p.code for p in pillars])
        radar.set_series([RadarSeries("selftest", tuple(p.score for p in pillars), chart_style.CURRENT, filled=True)])
        app.processEvents()
        image = radar.grab().toImage()
        colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
        if len(colours) < 3:
            raise AssertionError("the radar drew a blank image")
        drawn = [round(r, 6) for r in radar.drawn_radii(0)]
        wanted = [round(p.score, 6) for p in pillars]
        if drawn != wanted:
            raise AssertionError(f"radar radii {drawn} differ from pillar scores {wanted}")
        return f"{image.width()}×{image.height()} px, {len(colours)} colours sampled"

    def write_report(self) -> str:
        from ..reporting import write_report

        path = write_report(self.store, self.assessment_id, self.workdir / "selftest.pdf", lang="id")
        data = Path(path).read_bytes()
        if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
            raise AssertionError("the report is not a complete PDF file")
        if b"FontFile2" not in data:  # an embedded TrueType font: the bundle carries resources/fonts
            raise AssertionError("the report has no embedded TrueType font")
        return f"{len(data) // 1024} KiB"

    def write_docx(self) -> str:
        import docx

        from ..reporting import write_report

        path = write_report(self.store, self.assessment_id, self.workdir / "selftest.docx", lang="id")
        document = docx.Document(path)  # python-docx's template travels with the bundle, or this fails
        if not any(p.style.name == "Heading 1" for p in document.paragraphs) or not document.inline_shapes:
            raise AssertionError("the Word report has no headings or no radar picture")
        return f"{Path(path).stat().st_size // 1024} KiB, {len(document.paragraphs)} paragraphs"

    def load_translation(self) -> str:
        from PySide6.QtCore import QCoreApplication

        from .i18n import SOURCE_LANGUAGE, TRANSLATIONS, translation_file

        path = translation_file("id")
        if path is None:
            raise AssertionError("the Indonesian translation (.qm) is not shipped")
        if not TRANSLATIONS.install("id"):
            raise AssertionError(f"{path.name} does not load")
        try:
            menu = QCoreApplication.translate("MainWindow", "&File")
        finally:
            TRANSLATIONS.install(SOURCE_LANGUAGE)
        if menu == "&File":
            raise AssertionError(f"{path.name} loads but does not translate the File menu")
        return f"{path.name} ('&File' → '{menu}')"

    def sort_names(self) -> str:
        """Qt's collation (file dialogs sort names with it) works in both languages: on Linux this needs ICU's
        collation data, which the bundle keeps for root, English and Indonesian only (.ci/icu_data.py)."""
        from PySide6.QtCore import QCollator, QLocale

        names = ["laporan-10.pdf", "Ábaca.txt", "laporan-9.pdf", "abdi.txt", "Zona.csv"]
        expected = ["Ábaca.txt", "abdi.txt", "laporan-9.pdf", "laporan-10.pdf", "Zona.csv"]
        for locale in ("id_ID", "en_US"):
            collator = QCollator(QLocale(locale))
            collator.setNumericMode(True)
            got = sorted(names, key=collator.sortKey)
            if got != expected:
                raise AssertionError(f"{locale} sorts {got}, expected {expected}")
        return "id_ID and en_US: accents, case and numbers in order"

    def open_window(self) -> str:
        """The assessor's window, as a field team sees it: Indonesian, on the scored assessment."""
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QApplication

        from .app import MainWindow
        from .i18n import SOURCE_LANGUAGE, TRANSLATIONS
        from .settings import AppSettings

        app = QApplication.instance()
        settings = AppSettings(QSettings(str(self.workdir / "settings.ini"), QSettings.Format.IniFormat))
        settings.language = "id"
        window = MainWindow(self.store, settings=settings)
        try:
            window.show()
            window.open_assessment(self.assessment_id)
            app.processEvents()
            menus = [action.text() for action in window.menuBar().actions()]
            if "&Berkas" not in menus:
                raise AssertionError(f"the menus are not in Indonesian: {menus}")
            return f"menus {' · '.join(m.replace('&', '') for m in menus)}"
        finally:
            window.close()
            window.release()
            window.deleteLater()
            TRANSLATIONS.install(SOURCE_LANGUAGE)


def _quiet_qt(message: str) -> None:
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def _value_for(framework, indicator, level: int) -> float:
    """A measured value that the indicator's thresholds turn into `level`."""
    thresholds = indicator.metric.thresholds
    lowest, highest = thresholds[0], thresholds[-1]
    span = max(highest - lowest, 1.0)
    low, high = indicator.metric.bounds  # within the plausible range, which the app enforces
    candidates = [lowest - span if low is None else low, *thresholds, highest + span if high is None else high]
    candidates += [(a + b) / 2 for a, b in pairwise(thresholds)]
    for value in candidates:
        if framework.level_for_value(indicator, value) == level:
            return value
    return candidates[0]


STEPS: tuple[tuple[str, str], ...] = (
    ("database and built-in framework", "open_database"),
    ("assessment scored", "assess"),
    ("radar drawn offscreen", "draw_radar"),
    ("PDF report written", "write_report"),
    ("Word report written and read back", "write_docx"),
    ("translations", "load_translation"),
    ("names sorted as people expect", "sort_names"),
    ("main window in Bahasa Indonesia", "open_window"),
)


def run(out: Callable[[str], None] = print) -> int:
    from PySide6.QtCore import qInstallMessageHandler

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # The offscreen platform warns that it cannot size windows to their hints: true and harmless here.
    previous_handler = qInstallMessageHandler(lambda _kind, _context, message: _quiet_qt(message))
    try:
        return _run_steps(out)
    finally:
        qInstallMessageHandler(previous_handler)


def _run_steps(out: Callable[[str], None]) -> int:
    with tempfile.TemporaryDirectory(prefix="smartcity-selftest-") as tmp:
        test = SelfTest(Path(tmp))
        try:
            for name, method in STEPS:
                start = time.perf_counter()
                try:
                    detail = getattr(test, method)()
                except Exception as exc:
                    if os.environ.get("SMARTCITY_ASSESS_DEBUG"):
                        traceback.print_exc()
                    out(f"selftest failed at {name}: {exc or type(exc).__name__}")
                    return EXIT_FAILED
                out(f"ok  {name}: {detail} ({(time.perf_counter() - start) * 1000:.0f} ms)")
        finally:
            if test.store is not None:
                test.store.close()
    out("selftest passed")
    return 0
