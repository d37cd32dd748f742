"""Writing the open assessment out from the app: its responses (CSV/XLSX) and its PDF gap report.

Texts keep the MainWindow translation context, where they were written first (lupdate reads only
literal translate calls, hence no shorter alias).
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QProgressDialog

from ..core.errors import UserError
from ..services.records import Store
from . import file_dialogs
from .dialogs import messages
from .i18n import sentence
from .worker import Worker

if TYPE_CHECKING:
    from .app import MainWindow


def export_responses(window: MainWindow, path: str | None = None) -> Path | None:
    """Responses of the open assessment to CSV or XLSX, in the window's language."""
    assessment_id = window.current_assessment_id()
    if assessment_id is None:
        return None
    if path is None:
        path = _ask_path(
            window,
            assessment_id,
            QCoreApplication.translate("MainWindow", "Export responses"),
            "csv",
            QCoreApplication.translate("MainWindow", "CSV (*.csv);;Excel workbook (*.xlsx)"),
        )
        if path is None:
            return None
    from ..services.responses_io import export_responses as write_responses  # pandas loads only when used

    try:
        written = write_responses(window.store, assessment_id, path, window.lang)
    except UserError as exc:
        window.show_error(sentence(exc))
        return None
    window.statusBar().showMessage(
        QCoreApplication.translate("MainWindow", "Responses written to {path}.").format(path=written), 5000
    )
    return written


def _ask_path(window: MainWindow, assessment_id: uuid.UUID, title: str, suffix: str, filters: str) -> str | None:
    """The file the person chooses to write, starting from city-year.suffix; None when cancelled."""
    path, _ = file_dialogs.save_file(window, title, suggested_name(window.store, assessment_id, suffix), filters)
    return path


def suggested_name(store: Store, assessment_id: uuid.UUID, suffix: str) -> str:
    """city-year.suffix: what a file dialog offers first (in the folder used last)."""
    info = store.assessment(assessment_id)
    stem = "-".join("".join(c if c.isalnum() else " " for c in f"{info.city} {info.year}").split()).lower()
    return f"{stem}.{suffix}"


def export_pdf(window: MainWindow, path: str | None = None) -> Worker | None:
    """Write the PDF gap report in the background, with progress; offers to open it when done."""
    assessment_id = window.current_assessment_id()
    if assessment_id is None:
        return None
    try:
        from ..reporting import write_report
    except ImportError:
        window.show_error(
            QCoreApplication.translate("MainWindow", "PDF reports are not available in this build of the app.")
        )
        return None
    if path is None:
        path = _ask_path(
            window,
            assessment_id,
            QCoreApplication.translate("MainWindow", "Export PDF report"),
            "pdf",
            QCoreApplication.translate("MainWindow", "PDF (*.pdf)"),
        )
        if path is None:
            return None
    if window.walk is not None:
        window.walk.panel.save_pending()
    dialog = QProgressDialog(QCoreApplication.translate("MainWindow", "Writing the report…"), "", 0, 0, window)
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    worker = Worker(write_report, window.store, assessment_id, path, lang=window.lang, with_progress=True)

    def progress(done: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)

    def finished() -> None:
        dialog.reset()
        dialog.deleteLater()
        window.jobs.remove(worker)

    def done(written) -> None:
        finished()
        written = Path(written or path)
        window.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Report written to {path}.").format(path=written), 5000
        )
        if messages.confirm(
            window,
            QCoreApplication.translate("MainWindow", "Report written"),
            QCoreApplication.translate("MainWindow", "Open {name} now?").format(name=written.name),
        ):
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(written)))

    def failed(sentence: str) -> None:
        finished()
        window.show_error(sentence)

    worker.signals.progress.connect(progress)
    worker.signals.result.connect(done)
    worker.signals.error.connect(failed)
    window.jobs.append(worker)
    return worker.start()
