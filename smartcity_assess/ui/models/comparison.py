"""The comparison table as a Qt item model, and the proxy that sorts and filters it.

The model only presents `core.comparison.Comparison.table`; it never computes a score. Cells that were
not assessed read "not assessed" (or "N/A" when marked not applicable) and sort after every number, so a
missing level can never pass for zero. Regressions are marked three ways: a ▼ in the trend column, the
vermillion text colour of the palette and a tinted row, so they stand out without relying on colour alone.
"""

from __future__ import annotations

import math

import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ...core import chart_style
from ...core.comparison import HELD, IMPROVED, INDICATOR, OVERALL, REGRESSED, Comparison, shown_change
from ..i18n import decimal_text

SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # raw numbers (NaN last) for sorting
KIND_ROLE = Qt.ItemDataRole.UserRole + 2  # "overall" / "pillar" / "indicator" of the row
TREND_ROLE = Qt.ItemDataRole.UserRole + 3  # improved / regressed / held / None
LOWER_ROLE = Qt.ItemDataRole.UserRole + 4  # cities: some city is lower than the reference city in this row

REGRESSED_COLOUR = "#D55E00"  # Okabe–Ito vermillion (chart_style.SERIES[1])
IMPROVED_COLOUR = "#009E73"  # Okabe–Ito bluish green (chart_style.SERIES[2])
REGRESSED_ROW = "#FBE3D6"
MISSING_COLOUR = chart_style.PREVIOUS

_Index = QModelIndex | QPersistentModelIndex


class ComparisonTableModel(QAbstractTableModel):
    """Columns: code, name, one per compared year or city, change, trend."""

    CODE, NAME = 0, 1

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._comparison: Comparison | None = None
        self._rows: list[tuple] = []
        self._by_city = False
        self._reference: int | None = None  # cities: the column every other city is compared with

    # ---- data in -----------------------------------------------------------------------------------

    def set_comparison(
        self, comparison: Comparison | None, *, by_city: bool = False, reference: str | None = None
    ) -> None:
        """`reference` (cities only): each other city's cell also shows its difference to this city."""
        self.beginResetModel()
        self._comparison = comparison
        self._by_city = by_city
        keys = comparison.keys if comparison is not None else ()
        self._reference = keys.index(reference) if by_city and reference in keys else None
        self._rows = list(comparison.table.itertuples(index=False, name=None)) if comparison is not None else []
        self.endResetModel()

    def comparison(self) -> Comparison | None:
        return self._comparison

    @property
    def keys(self) -> tuple[str, ...]:
        return self._comparison.keys if self._comparison is not None else ()

    @property
    def compares_to_reference(self) -> bool:
        """Cities compared with a reference city (differences in the cells) rather than last with first."""
        return self._reference is not None

    @property
    def change_column(self) -> int:
        return 2 + len(self.keys)

    @property
    def trend_column(self) -> int:
        return 3 + len(self.keys)

    # ---- QAbstractTableModel -------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._comparison is None else 4 + len(self.keys)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or self._comparison is None:
            return None
        if not 0 <= section < self.columnCount():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._header(section)
        if role == Qt.ItemDataRole.ToolTipRole and 2 <= section < self.change_column:
            key = self.keys[section - 2]
            if key in self._comparison.drafts:
                return self.tr("Draft: not final, and may still change")
        return None

    def _header(self, section: int) -> str:
        if section == self.CODE:
            return self.tr("Code")
        if section == self.NAME:
            return self.tr("Name")
        if section == self.change_column:
            return self.tr("Change")
        if section == self.trend_column:
            return self.tr("Trend") if not self._by_city else self.tr("Last vs first")
        key = self.keys[section - 2]
        label = self.tr("{key} (draft)").format(key=key) if key in self._comparison.drafts else key
        if section - 2 == self._reference:
            label = self.tr("{key} (reference)").format(key=label)
        return label

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self._comparison is None:
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._rows) and 0 <= column < self.columnCount()):
            return None
        kind, code, _pillar, name, *rest = self._rows[row]
        values, change, trend = rest[: len(self.keys)], rest[-2], rest[-1]
        integer = kind == INDICATOR

        if role == KIND_ROLE:
            return kind
        if role == LOWER_ROLE:
            return any(d is not None and d < 0 for d in self._differences(values).values())
        if role == TREND_ROLE:
            return trend
        if role == Qt.ItemDataRole.FontRole:
            if kind != INDICATOR:
                font = QFont()
                font.setBold(True)
                return font
            if 2 <= column < self.change_column and _missing(values[column - 2]):
                font = QFont()
                font.setItalic(True)
                return font
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            # between cities a lower value is a difference, not a regression: no alarm tint there
            return QBrush(QColor(REGRESSED_ROW)) if trend == REGRESSED and not self._by_city else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column >= 2:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None

        if column == self.CODE:
            if role == Qt.ItemDataRole.DisplayRole:
                return "" if kind == OVERALL else code  # its name says it, in the reader's language
            return code if role == SORT_ROLE else None
        if column == self.NAME:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, SORT_ROLE):
                return name
            return None
        if column == self.change_column:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr("—") if _missing(change) else _signed(shown_change(values[0], values[-1]), integer)
            if role == SORT_ROLE:
                return _sort_value(change)
            if role == Qt.ItemDataRole.ForegroundRole:
                return _trend_brush(trend)
            return None
        if column == self.trend_column:
            if role == Qt.ItemDataRole.DisplayRole:
                return self._trend_text(trend)
            if role == SORT_ROLE:
                return {REGRESSED: 0, HELD: 1, IMPROVED: 2}.get(trend, 3)
            if role == Qt.ItemDataRole.ForegroundRole:
                return _trend_brush(trend)
            return None

        key = self.keys[column - 2]
        value = values[column - 2]
        if role == Qt.ItemDataRole.DisplayRole:
            if _missing(value):
                if (code, key) in self._comparison.not_applicable:
                    return self.tr("N/A")
                return self.tr("not assessed")
            text = f"{value:.0f}" if integer else decimal_text(value)
            difference = self._differences(values).get(column - 2)
            return text if difference is None else f"{text}  ({_signed(difference, integer)})"
        if role == SORT_ROLE:
            return _sort_value(value)
        if role == Qt.ItemDataRole.ForegroundRole and _missing(value):
            return QBrush(QColor(MISSING_COLOUR))
        if role == Qt.ItemDataRole.ToolTipRole:
            if _missing(value) and (code, key) in self._comparison.not_applicable:
                return self.tr("Marked not applicable in {key}: left out of the scores").format(key=key)
            if _missing(value):
                return self.tr("Not assessed in {key} (no level recorded, or not in that framework)").format(key=key)
            difference = self._differences(values).get(column - 2)
            if difference is not None:
                reference = self.keys[self._reference]
                return self.tr("{key} minus {reference}, as the figures are shown").format(key=key, reference=reference)
            if kind == OVERALL:
                return self.tr("Overall score in {key}").format(key=key)
        if role == Qt.ItemDataRole.ForegroundRole:
            difference = self._differences(values).get(column - 2)
            if difference:
                return _trend_brush(IMPROVED if difference > 0 else REGRESSED)
        return None

    def _differences(self, values) -> dict[int, float]:
        """Column → that city's difference to the reference city, between the figures as shown."""
        if self._reference is None or _missing(values[self._reference]):
            return {}
        base = values[self._reference]
        return {i: shown_change(base, v) for i, v in enumerate(values) if i != self._reference and not _missing(v)}

    def _trend_text(self, trend: str | None) -> str:
        if self._by_city:
            words = {IMPROVED: self.tr("▲ higher"), REGRESSED: self.tr("▼ lower"), HELD: self.tr("= same")}
        else:
            words = {IMPROVED: self.tr("▲ improved"), REGRESSED: self.tr("▼ regressed"), HELD: self.tr("= held")}
        return words.get(trend, "")


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA


def _sort_value(value) -> float:
    # Qt compares None below every number; "not assessed" must sort after the numbers in both directions
    # of a human reading, so it sorts as +inf (last when ascending).
    return math.inf if _missing(value) else float(value)


def _signed(value: float, integer: bool) -> str:
    text = f"{value:+.0f}" if integer else decimal_text(value, signed=True)
    if round(value, 0 if integer else 2) == 0:  # no sign on a change that shows as zero
        return text[1:]
    return text.replace("-", "−")


def _trend_brush(trend: str | None):
    if trend == REGRESSED:
        return QBrush(QColor(REGRESSED_COLOUR))
    if trend == IMPROVED:
        return QBrush(QColor(IMPROVED_COLOUR))
    return None


class ComparisonFilterProxy(QSortFilterProxyModel):
    """Sort by the raw numbers; filter by text (code or name), row kind and "regressions only"."""

    ALL, PILLARS, INDICATORS = "all", "pillars", "indicators"

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._kinds = self.ALL
        self._regressions_only = False

    def set_kinds(self, kinds: str) -> None:
        self.beginFilterChange()
        self._kinds = kinds
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_regressions_only(self, only: bool) -> None:
        self.beginFilterChange()
        self._regressions_only = only
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        code_index = model.index(source_row, ComparisonTableModel.CODE, source_parent)
        kind = model.data(code_index, KIND_ROLE)
        if self._kinds == self.PILLARS and kind == INDICATOR:
            return False
        if self._kinds == self.INDICATORS and kind != INDICATOR:
            return False
        if self._regressions_only:
            if model.compares_to_reference:
                lower = model.data(code_index, LOWER_ROLE)
            else:
                lower = model.data(code_index, TREND_ROLE) == REGRESSED
            if not lower:
                return False
        pattern = self.filterRegularExpression()
        if not pattern.pattern():
            return True
        name = model.data(model.index(source_row, ComparisonTableModel.NAME, source_parent))
        return bool(pattern.match(str(model.data(code_index))).hasMatch() or pattern.match(str(name)).hasMatch())
