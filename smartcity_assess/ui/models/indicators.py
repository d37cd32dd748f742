"""The indicators of one pillar as a list, each marked answered, N/A or still open."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from ...core.framework import Indicator
from ...core.text import localize
from ..walk.session import AssessmentSession

ANSWERED_ROLE = Qt.ItemDataRole.UserRole + 2

OPEN_COLOUR = QColor("#D55E00")  # the palette's vermilion: what still needs an answer stands out


class IndicatorListModel(QAbstractListModel):
    def __init__(self, session: AssessmentSession, lang: str = "en", parent=None):
        super().__init__(parent)
        self._session = session
        self._lang = lang
        self._indicators: tuple[Indicator, ...] = ()
        self._bold = QFont()
        self._bold.setBold(True)
        session.response_changed.connect(self._refresh_code)

    def set_pillar(self, pillar_code: str) -> None:
        pillar = self._session.framework.pillar(pillar_code)
        self.beginResetModel()
        self._indicators = pillar.indicators if pillar else ()
        self.endResetModel()

    def indicator_at(self, row: int) -> Indicator:
        return self._indicators[row]

    def row_of(self, code: str) -> int:
        return next((i for i, ind in enumerate(self._indicators) if ind.code == code), -1)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._indicators)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._indicators):
            return None
        indicator = self._indicators[index.row()]
        record = self._session.response(indicator.code)
        answered = self._session.is_answered(indicator.code)
        conflicted = indicator.code in self._session.conflicts
        if role == Qt.ItemDataRole.DisplayRole:
            badge = "⚠ " if conflicted else ""
            return f"{badge}{self._mark(record, answered)}  {indicator.code}  {localize(indicator.name, self._lang)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            name = localize(indicator.name, self._lang)
            if conflicted:
                return QCoreApplication.translate(
                    "IndicatorListModel", "{name}: two assessors answered differently; see Conflicts"
                ).format(name=name)
            if not answered:
                return QCoreApplication.translate("IndicatorListModel", "{name}: not answered yet").format(name=name)
            return name
        if role == Qt.ItemDataRole.ForegroundRole and not answered:
            return OPEN_COLOUR
        if role == Qt.ItemDataRole.FontRole and not answered:
            return self._bold
        if role == ANSWERED_ROLE:
            return answered
        return None

    @staticmethod
    def _mark(record, answered: bool) -> str:
        if not answered:
            return "○"
        if record.na:
            return QCoreApplication.translate("IndicatorListModel", "N/A")
        return f"✓{record.level}"

    def refresh_all(self) -> None:
        """Every row again (the conflicts' marks changed)."""
        if self._indicators:
            self.dataChanged.emit(self.index(0), self.index(len(self._indicators) - 1))

    def _refresh_code(self, code: str) -> None:
        row = self.row_of(code)
        if row >= 0:
            index = self.index(row)
            self.dataChanged.emit(index, index)
