"""Assessment properties: the evaluation team the report names (lead, assessors, reviewer with NIP and
position) and the place where it is signed. Every change is saved at once, as in the walk."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import UserError
from ...services import team
from ...services.records import Store
from ..i18n import sentence


class PropertiesDialog(QDialog):
    def __init__(
        self,
        store: Store,
        assessment_id: uuid.UUID,
        *,
        actor: str,
        report_error: Callable[[str], None],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.store, self.assessment_id, self.actor, self._report_error = store, assessment_id, actor, report_error
        info = store.assessment(assessment_id)
        self.setWindowTitle(self.tr("Properties of {city} {year}").format(city=info.city, year=info.year))
        self.resize(720, 420)
        roles = {"lead": self.tr("Lead"), "assessor": self.tr("Assessor"), "reviewer": self.tr("Reviewer")}
        self._role_names = roles

        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Role"), self.tr("NIP"), self.tr("Position")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText(self.tr("name as it is signed"))
        self.role_box = QComboBox(self)
        for code, name in roles.items():
            self.role_box.addItem(name, code)
        self.nip_edit = QLineEdit(self)
        self.nip_edit.setPlaceholderText(self.tr("18 digits, for civil servants"))
        self.position_edit = QLineEdit(self)
        self.position_edit.setPlaceholderText(self.tr("e.g. Kepala Bidang Aplikasi Informatika"))
        self.add_button = QPushButton(self.tr("Add or update"), self)
        self.add_button.clicked.connect(self.add_member)
        self.remove_button = QPushButton(self.tr("Remove selected"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        entry = QFormLayout()
        entry.addRow(self.tr("Name:"), self.name_edit)
        entry.addRow(self.tr("Role:"), self.role_box)
        entry.addRow(self.tr("NIP:"), self.nip_edit)
        entry.addRow(self.tr("Position:"), self.position_edit)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(self.add_button)
        buttons_row.addWidget(self.remove_button)
        buttons_row.addStretch(1)
        entry.addRow("", buttons_row)

        team_box = QGroupBox(self.tr("Evaluation team (named in the report and on its sign-off page)"), self)
        team_layout = QVBoxLayout(team_box)
        team_layout.addWidget(self.table)
        team_layout.addLayout(entry)

        self.place_edit = QLineEdit(info.sign_place or "", self)
        self.place_edit.setPlaceholderText(team.sign_place(info.city, None))
        self.place_edit.editingFinished.connect(self.save_place)
        place_form = QFormLayout()
        place_form.addRow(self.tr("Signed at:"), self.place_edit)

        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(team_box)
        layout.addLayout(place_form)
        layout.addWidget(close)
        editable = not info.is_final
        for widget in (self.name_edit, self.role_box, self.nip_edit, self.position_edit, self.add_button):
            widget.setEnabled(editable)
        self.remove_button.setEnabled(editable)
        self.place_edit.setReadOnly(not editable)
        self.refresh()

    def refresh(self) -> None:
        members = self.store.team(self.assessment_id)
        self.table.setRowCount(len(members))
        for row, member in enumerate(members):
            cells = (member.name, self._role_names.get(member.role, member.role), member.nip, member.position)
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))

    def add_member(self) -> bool:
        try:
            team.set_member(
                self.store,
                self.assessment_id,
                self.name_edit.text(),
                self.role_box.currentData(),
                nip=self.nip_edit.text(),
                position=self.position_edit.text(),
                actor=self.actor,
            )
        except UserError as exc:
            self._report_error(sentence(exc))
            return False
        for edit in (self.name_edit, self.nip_edit, self.position_edit):
            edit.clear()
        self.refresh()
        return True

    def remove_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        name = self.table.item(rows[0].row(), 0).text()
        try:
            team.remove_member(self.store, self.assessment_id, name, actor=self.actor)
        except UserError as exc:
            self._report_error(sentence(exc))
        self.refresh()

    def save_place(self) -> None:
        if not self.place_edit.isModified():
            return
        self.place_edit.setModified(False)
        try:
            team.set_sign_place(self.store, self.assessment_id, self.place_edit.text(), actor=self.actor)
        except UserError as exc:
            self._report_error(sentence(exc))
