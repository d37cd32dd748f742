"""Packages from the app: File → Export Package… (all pillars or an assignment) and Import Package…
(with the choice how to settle conflicts: leave them to decide, or prefer mine / theirs / the newer).

Both run in the background with a progress bar. Texts keep the MainWindow translation context.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressDialog,
    QRadioButton,
    QVBoxLayout,
)

from ..core.text import localize
from ..services.merging import MINE, NEWER, THEIRS
from ..services.merging import import_package as merge_package
from ..services.packages import export_package as write_package
from . import file_dialogs
from .dialogs import messages
from .exports import suggested_name
from .worker import Worker

if TYPE_CHECKING:
    from .app import MainWindow


class PillarChoice(QDialog):
    """Which pillars the package lets its recipient change: all (a full package) or an assignment."""

    def __init__(self, framework, lang: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("MainWindow", "Export package"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                QCoreApplication.translate(
                    "MainWindow",
                    "Pillars the assessor who imports it may change (the others stay read-only for them):",
                ),
                self,
            )
        )
        self.boxes = {}
        for pillar in framework.pillars:
            box = QCheckBox(f"{pillar.code} {localize(pillar.name, lang)}", self)
            box.setChecked(True)
            self.boxes[pillar.code] = box
            layout.addWidget(box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def pillars(self) -> list[str] | None:
        chosen = [code for code, box in self.boxes.items() if box.isChecked()]
        return None if len(chosen) == len(self.boxes) or not chosen else chosen


class PreferChoice(QDialog):
    """How to settle responses both sides changed: leave them to decide (the default), or prefer a side now.

    A preference settles them at import, each one audited as settled that way; leaving them keeps both
    sides until someone decides in the conflicts view.
    """

    def __init__(self, package_name: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("MainWindow", "Import package"))
        layout = QVBoxLayout(self)
        question = QLabel(
            QCoreApplication.translate(
                "MainWindow", "Responses changed differently here and in {name}: how should they be settled?"
            ).format(name=package_name),
            self,
        )
        question.setWordWrap(True)
        layout.addWidget(question)
        self.group = QButtonGroup(self)
        self.options: dict[str | None, QRadioButton] = {}
        for value, text in (
            (None, QCoreApplication.translate("MainWindow", "&Leave them for me to decide (both sides kept)")),
            (MINE, QCoreApplication.translate("MainWindow", "Prefer &mine (this database)")),
            (THEIRS, QCoreApplication.translate("MainWindow", "Prefer &theirs (the package)")),
            (NEWER, QCoreApplication.translate("MainWindow", "Prefer the &newer change")),
        ):
            button = QRadioButton(text, self)
            self.group.addButton(button)
            self.options[value] = button
            layout.addWidget(button)
        self.options[None].setChecked(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)

    def prefer(self) -> str | None:
        """None (leave them), or services.merging's mine / theirs / newer."""
        return next(value for value, button in self.options.items() if button.isChecked())


def _run(window: MainWindow, label: str, fn, *args, on_done, **kwargs) -> Worker:
    dialog = QProgressDialog(label, "", 0, 0, window)
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    worker = Worker(fn, *args, with_progress=True, **kwargs)

    def progress(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))

    def finished() -> None:
        dialog.reset()
        dialog.deleteLater()
        window.jobs.remove(worker)

    def done(value) -> None:
        finished()
        on_done(value)

    def failed(sentence: str) -> None:
        finished()
        window.show_error(sentence)

    worker.signals.progress.connect(progress)
    worker.signals.result.connect(done)
    worker.signals.error.connect(failed)
    window.jobs.append(worker)
    return worker.start()


def export_package(window: MainWindow, path: str | None = None, pillars: list[str] | None = None) -> Worker | None:
    """The assessment shown (or selected) as a package; asks which pillars and where, unless given."""
    assessment_id = window.current_assessment_id()
    if assessment_id is None:
        return None
    if path is None:
        framework = window.store.framework(window.store.assessment(assessment_id).framework_id)
        choice = PillarChoice(framework, window.lang, window)
        if not choice.exec():
            return None
        pillars = choice.pillars()
        suffix = "scapkg"
        path, _ = file_dialogs.save_file(
            window,
            QCoreApplication.translate("MainWindow", "Export package"),
            suggested_name(window.store, assessment_id, suffix),
            QCoreApplication.translate("MainWindow", "Smart City Assess packages (*.scapkg)"),
        )
        if not path:
            return None
    if window.walk is not None:
        window.walk.panel.save_pending()

    def done(written) -> None:
        window.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Package written to {path}.").format(path=Path(written)), 8000
        )

    return _run(
        window,
        QCoreApplication.translate("MainWindow", "Writing the package…"),
        write_package,
        window.store,
        assessment_id,
        path,
        pillars=pillars,
        actor=window.actor,
        on_done=done,
    )


def import_package(window: MainWindow, path: str | None = None, prefer: str | None = None) -> Worker | None:
    """Check a package whole, then merge it; says what it did, and offers the conflicts when there are some."""
    if path is None:
        path = file_dialogs.open_file(
            window,
            QCoreApplication.translate("MainWindow", "Import package"),
            QCoreApplication.translate("MainWindow", "Smart City Assess packages (*.scapkg);;All files (*)"),
        )
        if not path:
            return None
        choice = PreferChoice(Path(path).name, window)
        if not choice.exec():
            return None
        prefer = choice.prefer()
    if window.walk is not None:
        window.walk.panel.save_pending()

    def done(result) -> None:
        window.check_outside_changes()
        text = QCoreApplication.translate(
            "MainWindow", "Added {added}, updated {updated}, unchanged {unchanged}, conflicts {conflicts}."
        ).format(**result.as_dict())
        window.statusBar().showMessage(text, 15000)
        window.last_import = result
        if result.conflicts:
            if window.session is None or window.session.assessment_id != result.assessment_id:
                window.open_assessment(result.assessment_id)
            question = QCoreApplication.translate(
                "MainWindow",
                # lupdate reads no plural from QCoreApplication.translate: the count stands apart
                "Responses changed differently on both sides: {count}. Decide them now?",
            ).format(count=result.conflicts)
            if messages.confirm(
                window, QCoreApplication.translate("MainWindow", "Package imported"), f"{text} {question}"
            ):
                window.show_conflicts()

    return _run(
        window,
        QCoreApplication.translate("MainWindow", "Checking and merging the package…"),
        merge_package,
        window.store,
        path,
        prefer=prefer,
        actor=window.actor,
        on_done=done,
    )
