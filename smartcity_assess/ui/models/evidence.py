"""The evidence files of one indicator: name, size, date added."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from ...core import messages
from ...core.text import local_time
from ...services.records import EvidenceInfo
from ..i18n import TRANSLATIONS

NAME, SIZE, ADDED = range(3)


def human_size(size: int) -> str:
    """As the error sentences write sizes (one rule for the whole app), in the language shown."""
    return messages.human_size(size, TRANSLATIONS.language)


class EvidenceModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[EvidenceInfo] = []
        self._headers = (
            QCoreApplication.translate("EvidenceModel", "File"),
            QCoreApplication.translate("EvidenceModel", "Size"),
            QCoreApplication.translate("EvidenceModel", "Added"),
        )

    def set_rows(self, rows: list[EvidenceInfo]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def evidence_at(self, row: int) -> EvidenceInfo:
        return self._rows[row]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == NAME:
                return row.file_name
            if index.column() == SIZE:
                return human_size(row.size)
            return local_time(row.added_at)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == NAME:
            return QCoreApplication.translate("EvidenceModel", "Added by {who}; SHA-256 {sha}").format(
                who=row.added_by, sha=row.sha256[:16]
            )
        return None
