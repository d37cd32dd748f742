"""Writing the open assessment out from the app: its responses (CSV/XLSX), its report (PDF or DOCX) and
a field sheet of its framework (XLSX).

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

    def write(assessment_id: uuid.UUID, target: str) -> Path:
        from ..services.responses_io import export_responses as write_responses  # pandas loads only when used

        return write_responses(window.store, assessment_id, target, window.lang)

    return _write_file(
        window,
        path,
        write,
        QCoreApplication.translate("MainWindow", "Export responses"),
        "csv",
        QCoreApplication.translate("MainWindow", "CSV (*.csv);;Excel workbook (*.xlsx)"),
        QCoreApplication.translate("MainWindow", "Responses written to {path}."),
    )


def export_field_sheet(window: MainWindow, path: str | None = None) -> Path | None:
    """A field sheet (XLSX) of the open assessment's framework, in the window's language."""

    def write(assessment_id: uuid.UUID, target: str) -> Path:
        from ..reporting.field_sheet import write_field_sheet  # openpyxl loads only when used

        store = window.store
        return write_field_sheet(store.framework(store.assessment(assessment_id).framework_id), target, window.lang)

    return _write_file(
        window,
        path,
        write,
        QCoreApplication.translate("MainWindow", "Export field sheet"),
        "xlsx",
        QCoreApplication.translate("MainWindow", "Excel workbook (*.xlsx)"),
        QCoreApplication.translate("MainWindow", "Field sheet written to {path}."),
    )


def _write_file(window: MainWindow, path, write, title: str, suffix: str, filters: str, done: str) -> Path | None:
    """Ask where (unless told), write, and say where it went; one sentence when it cannot be written."""
    assessment_id = window.current_assessment_id()
    if assessment_id is None:
        return None
    if path is None:
        path = _ask_path(window, assessment_id, title, suffix, filters)
        if path is None:
            return None
    try:
        written = write(assessment_id, path)
    except UserError as exc:
        window.show_error(sentence(exc))
        return None
    window.statusBar().showMessage(done.format(path=written), 5000)
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
    """Write the PDF report in the background, with progress; offers to open it when done."""
    return export_report(window, path, "pdf")


def export_docx(window: MainWindow, path: str | None = None) -> Worker | None:
    """Write the same report as a Word document an office can edit."""
    return export_report(window, path, "docx")


def export_report(window: MainWindow, path: str | None, kind: str) -> Worker | None:
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
        if kind == "docx":
            title = QCoreApplication.translate("MainWindow", "Export Word report")
            filters = QCoreApplication.translate("MainWindow", "Word document (*.docx)")
        else:
            title = QCoreApplication.translate("MainWindow", "Export PDF report")
            filters = QCoreApplication.translate("MainWindow", "PDF (*.pdf)")
        path = _ask_path(window, assessment_id, title, kind, filters)
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
