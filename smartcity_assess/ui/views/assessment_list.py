"""The first page: the assessments of the database in a sortable, filterable table, with new/open/delete."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..models.assessments import ID_ROLE, AssessmentRow, AssessmentsFilter, AssessmentsModel

if TYPE_CHECKING:  # uuid imports `platform`: loaded after the window is painted
    import uuid


class AssessmentListPage(QWidget):
    """The assessments of the database: filter box, sortable table, new/open/delete."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = AssessmentsModel(self)
        self.proxy: QSortFilterProxyModel = AssessmentsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter by city, year, status…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._filter_changed)
        self.filter_edit.installEventFilter(self)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setAlternatingRowColors(True)
        self.new_button = QPushButton(self.tr("New assessment…"), self)
        self.open_button = QPushButton(self.tr("Open"), self)
        self.delete_button = QPushButton(self.tr("Delete draft…"), self)
        self.empty_hint = QLabel(
            self.tr(
                "No assessments yet. Start one with “New assessment…” (Ctrl+N), "
                "or explore the sample data first: Help → Load Sample Data."
            ),
            self,
        )
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # the reviewer's reason for the selected draft, until the assessors submit it again
        self.review_note = QLabel(self)
        self.review_note.setWordWrap(True)
        self.review_note.setStyleSheet("color: #D55E00;")
        self.review_note.hide()
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_review_note())
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.review_note)
        layout.addLayout(buttons)

    def _filter_changed(self, text: str) -> None:
        self.proxy.set_filter_text(text)
        if self.proxy.rowCount() and not self.table.selectionModel().selectedRows():
            self.table.selectRow(0)  # Enter then opens what the filter found

    def eventFilter(self, watched, event) -> bool:
        """In the filter box, Down moves into the table; Enter is the window's: it opens the row selected."""
        if watched is self.filter_edit and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Down:
            self.table.setFocus()
            return True
        return super().eventFilter(watched, event)

    def set_rows(self, rows: list[AssessmentRow]) -> None:
        selected = self.selected_id()
        self.model.set_rows(rows)
        self.empty_hint.setVisible(not rows)
        if selected is not None:
            self.select(selected)
        elif self.proxy.rowCount():
            self.table.selectRow(0)
        self._show_review_note()

    def selected_row(self) -> AssessmentRow | None:
        selected = self.selected_id()
        return None if selected is None else self.model.row_at(self.model.row_of(selected))

    def _show_review_note(self) -> None:
        row = self.selected_row()
        comment = row.review_comment if row is not None else None
        self.review_note.setText(
            self.tr("{city} {year} was returned by the reviewer: {comment}").format(
                city=row.city, year=row.year, comment=comment
            )
            if comment
            else ""
        )
        self.review_note.setVisible(bool(comment))

    def selected_id(self) -> uuid.UUID | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        import uuid

        return uuid.UUID(rows[0].data(ID_ROLE))

    def select(self, assessment_id: uuid.UUID) -> None:
        source_row = self.model.row_of(assessment_id)
        if source_row >= 0:
            index = self.proxy.mapFromSource(self.model.index(source_row, 0))
            if index.isValid():
                self.table.selectRow(index.row())
