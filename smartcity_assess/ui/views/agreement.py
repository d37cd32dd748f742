"""Agreement between assessors: per indicator the level each one gave, the spread, and Krippendorff's alpha.

Everything shown comes from services.agreement (each assessor's latest level before reconciliation,
the indicators 2 or more levels apart first); nothing is computed here.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from ...core.framework import Framework
from ...core.text import localize
from ...services.agreement import Agreement, IndicatorAgreement, agreement
from ...services.records import Store
from ..i18n import decimal_text

WIDE_SPREAD = 2  # levels this far apart are worth talking over before reconciling
_WIDE_BACKGROUND = QColor("#FBE3D0")  # a light vermilion, the palette's warning colour (#D55E00) washed out


def is_wide(row: IndicatorAgreement) -> bool:
    return row.spread is not None and row.spread >= WIDE_SPREAD


class AgreementModel(QAbstractTableModel):
    """Rows: the indicators someone scored, in the service's order; columns: indicator, each assessor, spread."""

    def __init__(self, found: Agreement, framework: Framework, lang: str, parent=None):
        super().__init__(parent)
        self._found = found
        self._framework = framework
        self._lang = lang

    @property
    def assessors(self) -> tuple[str, ...]:
        return self._found.assessors

    def row_at(self, row: int) -> IndicatorAgreement:
        return self._found.indicators[row]

    def spread_column(self) -> int:
        return len(self._found.assessors) + 1

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._found.indicators)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._found.assessors) + 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return self.tr("Indicator")
        if section == self.spread_column():
            return self.tr("Spread")
        if 0 < section < self.spread_column():
            return self._found.assessors[section - 1]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._found.indicators):
            return None
        row, column = self._found.indicators[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                indicator = self._framework.indicator(row.indicator)
                name = localize(indicator.name, self._lang) if indicator is not None else ""
                return f"{'⚠ ' if is_wide(row) else ''}{row.indicator}  {name}"
            if column == self.spread_column():
                return "—" if row.spread is None else str(row.spread)
            level = row.levels.get(self._found.assessors[column - 1])
            return "—" if level is None else str(level)
        if role == Qt.ItemDataRole.BackgroundRole and is_wide(row):
            return QBrush(_WIDE_BACKGROUND)
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == 0 and is_wide(row):
            return self.tr("The assessors' levels are {spread} apart: worth talking over before reconciling.").format(
                spread=row.spread
            )
        return None


class AgreementView(QWidget):
    """A window beside the walk: the overall figure on top, the table of levels below."""

    def __init__(
        self, store: Store, assessment_id: uuid.UUID, *, lang: str = "en", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        info = store.assessment(assessment_id)
        framework = store.framework(info.framework_id)
        self.found = agreement(store, assessment_id)
        self.setWindowTitle(
            self.tr("Agreement between assessors — {city} {year}").format(city=info.city, year=info.year)
        )
        self.summary = QLabel(self._summary(), self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.model = AgreementModel(self.found, framework, lang, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.resize(760, 520)

    def _summary(self) -> str:
        found = self.found
        if len(found.assessors) < 2:
            return self.tr(
                "Only one assessor scored this assessment so far ({names}): there is no agreement to measure yet."
            ).format(names=", ".join(found.assessors) or "—")
        together = sum(1 for r in found.indicators if r.spread is not None)
        wide = sum(1 for r in found.indicators if is_wide(r))
        alpha = "—" if found.alpha is None else decimal_text(found.alpha)
        lines = [
            self.tr("<b>Krippendorff's alpha (ordinal): {alpha}</b>").format(alpha=alpha),
            self.tr("%n assessor(s): {names}.", "", len(found.assessors)).format(names=", ".join(found.assessors))
            + " "
            + self.tr("%n indicator(s) scored by more than one of them.", "", together),
        ]
        if wide:
            lines.append(
                self.tr("%n indicator(s) with levels 2 or more apart, listed first and highlighted.", "", wide)
            )
        if found.alpha is None:
            lines.append(self.tr("Alpha needs at least two assessors with some disagreement to measure."))
        return "<br>".join(lines)
