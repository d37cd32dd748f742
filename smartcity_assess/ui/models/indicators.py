"""The indicators of one pillar as a list — or, while searching, every indicator that matches — each marked
answered, N/A or still open, with a mark for a note (✎) and for evidence files (❐ and how many)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from ...core.framework import Indicator
from ...core.text import localize
from ..walk.session import AssessmentSession

ANSWERED_ROLE = Qt.ItemDataRole.UserRole + 2

OPEN_COLOUR = QColor("#D55E00")  # the palette's vermilion: what still needs an answer stands out
NOTE_MARK = "✎"
EVIDENCE_MARK = "❐"  # both in DejaVu Sans and Segoe UI Symbol, unlike an emoji paper clip


class IndicatorListModel(QAbstractListModel):
    def __init__(self, session: AssessmentSession, lang: str = "en", parent=None):
        super().__init__(parent)
        self._session = session
        self._lang = lang
        self._indicators: tuple[Indicator, ...] = ()
        self._search: list[str] = []
        self._pillar_code: str | None = None
        self._bold = QFont()
        self._bold.setBold(True)
        self._evidence_counts = self._count_evidence()
        session.response_changed.connect(self._refresh_code)
        session.evidence_changed.connect(self._evidence_changed)

    def set_pillar(self, pillar_code: str) -> None:
        self._pillar_code = pillar_code
        if not self._search:
            pillar = self._session.framework.pillar(pillar_code)
            self._show(pillar.indicators if pillar else ())

    def set_search(self, text: str) -> None:
        """Every indicator whose code, name, question or note holds all the words typed; '' ends the search."""
        self._search = text.casefold().split()
        if self._search:
            self._show(tuple(i for i in self._session.framework.indicators if self._matches(i)))
        elif self._pillar_code is not None:
            self._search = []
            self.set_pillar(self._pillar_code)

    @property
    def searching(self) -> bool:
        return bool(self._search)

    def _matches(self, indicator: Indicator) -> bool:
        record = self._session.response(indicator.code)
        haystack = " ".join(
            (
                indicator.code,
                localize(indicator.name, self._lang),
                localize(indicator.question, self._lang),
                record.note if record is not None else "",
            )
        ).casefold()
        return all(word in haystack for word in self._search)

    def _show(self, indicators: tuple[Indicator, ...]) -> None:
        self.beginResetModel()
        self._indicators = indicators
        self.endResetModel()

    def _count_evidence(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for evidence in self._session.evidence_all():
            counts[evidence.indicator_code] = counts.get(evidence.indicator_code, 0) + 1
        return counts

    def _evidence_changed(self, code: str) -> None:
        self._evidence_counts = self._count_evidence()
        self._refresh_code(code)

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
            mark = self._mark(record, answered)
            return f"{badge}{mark}  {indicator.code}  {localize(indicator.name, self._lang)}" + (
                self._markers(indicator.code, record)
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            if conflicted:
                return QCoreApplication.translate(
                    "IndicatorListModel", "{name}: two assessors answered differently; see Conflicts"
                ).format(name=localize(indicator.name, self._lang))
            return self._tooltip(indicator, record, answered)
        if role == Qt.ItemDataRole.ForegroundRole and not answered:
            return OPEN_COLOUR
        if role == Qt.ItemDataRole.FontRole and not answered:
            return self._bold
        if role == ANSWERED_ROLE:
            return answered
        return None

    def _markers(self, code: str, record) -> str:
        marks = []
        if record is not None and record.note.strip():
            marks.append(NOTE_MARK)
        files = self._evidence_counts.get(code, 0)
        if files:
            marks.append(f"{EVIDENCE_MARK}{files}")
        return ("  " + " ".join(marks)) if marks else ""

    def _tooltip(self, indicator: Indicator, record, answered: bool) -> str:
        """The whole name (the list may cut it), what is missing, and what the marks mean."""
        name = f"{indicator.code} {localize(indicator.name, self._lang)}"
        if not answered:
            name = QCoreApplication.translate("IndicatorListModel", "{name}: not answered yet").format(name=name)
        lines = [name]
        if record is not None and record.note.strip():
            lines.append(QCoreApplication.translate("IndicatorListModel", "✎ has a note"))
        files = self._evidence_counts.get(indicator.code, 0)
        if files:
            text = QCoreApplication.translate("IndicatorListModel", "❐ evidence files: {count}")
            lines.append(text.format(count=files))
        return "\n".join(lines)

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
