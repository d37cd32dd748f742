"""New assessment: city, year, framework and the assessor's name (remembered for next time)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QSpinBox, QWidget

from ...core.text import localize

if TYPE_CHECKING:
    from ...services.records import FrameworkInfo


@dataclass(frozen=True)
class NewAssessmentChoice:
    city: str
    year: int
    framework: FrameworkInfo
    assessor: str


class NewAssessmentDialog(QDialog):
    def __init__(
        self,
        cities: list[str],
        frameworks: list[FrameworkInfo],
        *,
        assessor: str = "",
        lang: str = "en",
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("New assessment"))
        self._frameworks = frameworks
        self.city_box = QComboBox(self)
        self.city_box.setEditable(True)
        self.city_box.addItems(cities)
        self.city_box.setCurrentText("")
        self.city_box.lineEdit().setPlaceholderText(self.tr("e.g. Bandung"))
        self.year_box = QSpinBox(self)
        self.year_box.setRange(1900, 2200)
        self.year_box.setValue(dt.date.today().year)
        self.framework_box = QComboBox(self)
        for info in frameworks:
            self.framework_box.addItem(f"{localize(info.title, lang)} ({info.code} {info.version})")
        self.assessor_edit = QLineEdit(assessor, self)
        self.assessor_edit.setPlaceholderText(self.tr("your name, kept in the audit trail"))

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start assessment"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.city_box.editTextChanged.connect(self._update_ok)

        form = QFormLayout(self)
        form.addRow(self.tr("City:"), self.city_box)
        form.addRow(self.tr("Year:"), self.year_box)
        form.addRow(self.tr("Framework:"), self.framework_box)
        form.addRow(self.tr("Assessor:"), self.assessor_edit)
        form.addRow(self.buttons)
        self._update_ok()

    def _update_ok(self) -> None:
        ok = bool(self.city_box.currentText().strip()) and bool(self._frameworks)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def choice(self) -> NewAssessmentChoice:
        return NewAssessmentChoice(
            city=self.city_box.currentText().strip(),
            year=self.year_box.value(),
            framework=self._frameworks[self.framework_box.currentIndex()],
            assessor=self.assessor_edit.text().strip(),
        )
