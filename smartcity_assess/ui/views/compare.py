"""The Compare view: one city over its years, or one year across several cities.

Layout only: the comparison itself comes from `services.compare` (scores from the scoring engine, the table
from `core.comparison`); this view chooses what to compare and shows it three ways — the radar overlay,
the trend of overall and pillar scores over the years, and the sortable, filterable table.
Drafts are listed only when asked for, and are then marked everywhere ("(draft)", dashed, hollow points).
Loading is synchronous: a comparison of 50 assessments takes ~25 ms (benchmarks/bench_compare.py).
"""

from __future__ import annotations

import math
import re
from pathlib import Path

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core import chart_style
from ...core.comparison import OVERALL, PILLAR, Comparison
from ...core.errors import UserError
from ...services.compare import (
    BY_CITY,
    BY_YEAR,
    compare_assessments,
    export_comparison,
    framework_codes,
    one_framework,
)
from ...services.records import AssessmentInfo, Store
from .. import file_dialogs
from ..chart_export import export_plot, export_radar
from ..dialogs import messages
from ..i18n import TRANSLATIONS, sentence
from ..models.comparison import ComparisonFilterProxy, ComparisonTableModel
from ..widgets.radar import RadarSeries, RadarWidget
from ..widgets.trend import TrendSeries, TrendWidget

INFO_ROLE = Qt.ItemDataRole.UserRole + 1
OVERALL_WIDTH = 3.5  # the overall line is drawn heavier than the pillar lines


def _score(value: float) -> float | None:
    return None if math.isnan(value) else float(value)


class CompareView(QWidget):
    comparison_changed = Signal()  # the charts and the table show a new comparison (or none)

    def __init__(self, store: Store, parent: QWidget | None = None, *, lang: str | None = None):
        super().__init__(parent)
        self._store = store
        self._lang = lang or TRANSLATIONS.language  # the framework texts follow the app's language
        self._infos: list[AssessmentInfo] = []
        self._comparison: Comparison | None = None
        self.setWindowTitle(self.tr("Compare assessments"))

        # ---- what to compare -------------------------------------------------------------------------
        self._mode = QComboBox(self)
        self._mode.addItem(self.tr("One city over the years"), BY_YEAR)
        self._mode.addItem(self.tr("One year across cities"), BY_CITY)
        self._city = QComboBox(self)
        self._year = QComboBox(self)
        self._framework = QComboBox(self)  # shown only when the assessments use several frameworks
        self._framework.setToolTip(self.tr("Different frameworks cannot be compared: choose one"))
        self._drafts = QCheckBox(self.tr("Include drafts"), self)
        self._drafts.setToolTip(self.tr("Draft assessments are not final; they are marked “(draft)” when shown"))
        self._choices_label = QLabel(self)
        self._choices = QListWidget(self)
        self._reference_label = QLabel(self.tr("Compared with"), self)
        self._reference = QComboBox(self)
        self._reference.setToolTip(self.tr("Each city's figures also show its difference to this city"))
        self._reference_label.setBuddy(self._reference)
        self._reference_city: str | None = None  # as the user chose it; else the first city listed
        self._notes = QLabel(self)
        self._notes.setWordWrap(True)
        self._notes.setTextFormat(Qt.TextFormat.PlainText)
        self._notes.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(QLabel(self.tr("Compare"), side))
        side_layout.addWidget(self._mode)
        side_layout.addWidget(self._city)
        side_layout.addWidget(self._year)
        side_layout.addWidget(self._framework)
        side_layout.addWidget(self._drafts)
        side_layout.addWidget(self._choices_label)
        side_layout.addWidget(self._choices, 1)
        side_layout.addWidget(self._reference_label)
        side_layout.addWidget(self._reference)
        side_layout.addWidget(self._notes)
        side.setFixedWidth(230)

        # ---- charts --------------------------------------------------------------------------------------
        self._radar = RadarWidget(self)
        self._trend = TrendWidget(self)
        radar_box = QGroupBox(self.tr("Pillar scores (0–5)"), self)
        QVBoxLayout(radar_box).addWidget(self._radar)
        self._trend_box = QGroupBox(self.tr("Overall and pillar scores over the years (0–5)"), self)
        QVBoxLayout(self._trend_box).addWidget(self._trend)
        charts = QSplitter(Qt.Orientation.Horizontal, self)
        charts.addWidget(radar_box)
        charts.addWidget(self._trend_box)

        # ---- table ---------------------------------------------------------------------------------------
        self._model = ComparisonTableModel(self)
        self._proxy = ComparisonFilterProxy(self)
        self._proxy.setSourceModel(self._model)
        self._filter = QLineEdit(self)
        self._filter.setPlaceholderText(self.tr("Filter by code or name"))
        self._filter.setClearButtonEnabled(True)
        self._rows = QComboBox(self)
        self._rows.addItem(self.tr("All rows"), ComparisonFilterProxy.ALL)
        self._rows.addItem(self.tr("Pillars only"), ComparisonFilterProxy.PILLARS)
        self._rows.addItem(self.tr("Indicators only"), ComparisonFilterProxy.INDICATORS)
        self._regressions = QCheckBox(self.tr("Regressions only"), self)
        self._table = QTableView(self)
        self._table.setModel(self._proxy)
        self._table.setAlternatingRowColors(False)  # the regression tint must not be confused with striping
        self._table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self._table.verticalHeader().hide()
        self._table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # framework order first
        self._table.setSortingEnabled(True)

        # a push button with a menu keeps room for its arrow (a tool button draws it over the text's end)
        self._export = QPushButton(self.tr("Export"), self)
        menu = QMenu(self._export)
        self._export_table_action = menu.addAction(self.tr("Table as CSV or Excel…"), self._ask_export_table)
        self._export_radar_action = menu.addAction(self.tr("Radar chart as PNG or SVG…"), self._ask_export_radar)
        self._export_trend_action = menu.addAction(self.tr("Trend chart as PNG or SVG…"), self._ask_export_trend)
        self._export.setMenu(menu)
        self._export.setMinimumWidth(self._export.sizeHint().width())

        table_bar = QHBoxLayout()
        table_bar.addWidget(self._filter, 1)
        table_bar.addWidget(self._rows)
        table_bar.addWidget(self._regressions)
        table_bar.addWidget(self._export)
        table_panel = QWidget(self)
        table_layout = QVBoxLayout(table_panel)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addLayout(table_bar)
        table_layout.addWidget(self._table)

        main = QSplitter(Qt.Orientation.Vertical, self)
        main.addWidget(charts)
        main.addWidget(table_panel)
        main.setStretchFactor(0, 1)
        main.setStretchFactor(1, 1)

        layout = QHBoxLayout(self)
        layout.addWidget(side)
        layout.addWidget(main, 1)

        self._mode.currentIndexChanged.connect(self._mode_changed)
        self._city.currentIndexChanged.connect(self._populate_choices)
        self._year.currentIndexChanged.connect(self._populate_choices)
        self._framework.currentIndexChanged.connect(self._populate_choices)
        self._drafts.toggled.connect(self._drafts_toggled)
        self._choices.itemChanged.connect(lambda _item: self._recompute())
        self._reference.currentIndexChanged.connect(
            lambda _i: self._comparison is not None and self._show(self._comparison)
        )
        self._filter.textChanged.connect(self._filter_changed)
        self._rows.currentIndexChanged.connect(lambda _i: self._proxy.set_kinds(self._rows.currentData()))
        self._regressions.toggled.connect(self._proxy.set_regressions_only)

        # Esc and Ctrl+W (Ctrl+F4 on Windows) close the window, as they close other windows
        for key in (QKeySequence(Qt.Key.Key_Escape), *QKeySequence.keyBindings(QKeySequence.StandardKey.Close)):
            QShortcut(key, self, self.close, context=Qt.ShortcutContext.WindowShortcut)

        self.reload()

    # ---- public API (the main window and tests) ----------------------------------------------------------

    def reload(self) -> None:
        """Read the assessment list again (after assessments were added, finalized or deleted elsewhere)."""
        self._infos = self._store.list_assessments()
        self._fill_pickers()
        self._mode_changed()

    def show_city(self, city: str, years: list[int] | None = None) -> None:
        """One city over the years given (all listed years when None)."""
        self._mode.setCurrentIndex(self._mode.findData(BY_YEAR))
        self._city.setCurrentIndex(self._city.findText(city))
        if years is not None:
            self._check(lambda info: info.year in set(years))

    def show_year(self, year: int, cities: list[str] | None = None) -> None:
        """Several cities in one year (all listed cities when None)."""
        self._mode.setCurrentIndex(self._mode.findData(BY_CITY))
        self._year.setCurrentIndex(self._year.findData(year))
        if cities is not None:
            self._check(lambda info: info.city in set(cities))

    def set_include_drafts(self, include: bool) -> None:
        self._drafts.setChecked(include)

    def comparison(self) -> Comparison | None:
        return self._comparison

    def notes(self) -> str:
        return self._notes.text()

    def radar(self) -> RadarWidget:
        return self._radar

    def trend(self) -> TrendWidget:
        return self._trend

    def table_model(self) -> ComparisonTableModel:
        return self._model

    def table_proxy(self) -> ComparisonFilterProxy:
        return self._proxy

    def table_view(self) -> QTableView:
        return self._table

    def export_table(self, path: str | Path) -> Path:
        if self._comparison is None:
            raise UserError(self.tr("there is nothing to export: choose what to compare first"))
        return export_comparison(self._comparison, path)

    def export_radar(self, path: str | Path) -> Path:
        if self._comparison is None:
            raise UserError(self.tr("there is nothing to export: choose what to compare first"))
        return export_radar(self._radar, path)

    def export_trend(self, path: str | Path) -> Path:
        if self._comparison is None or self._by() != BY_YEAR:
            raise UserError(self.tr("the trend chart is drawn when one city is compared over the years"))
        return export_plot(self._trend.plot_item(), path)

    # ---- choosing --------------------------------------------------------------------------------------

    def _by(self) -> str:
        return self._mode.currentData()

    def _visible_infos(self) -> list[AssessmentInfo]:
        return [i for i in self._infos if i.is_final or self._drafts.isChecked()]

    def _fill_pickers(self) -> None:
        visible = self._visible_infos()
        city, year = self._city.currentText(), self._year.currentData()
        for combo in (self._city, self._year):
            combo.blockSignals(True)
            combo.clear()
        for name in sorted({i.city for i in visible}, key=str.casefold):
            self._city.addItem(name)
        for y in sorted({i.year for i in visible}, reverse=True):
            self._year.addItem(str(y), y)
        if self._city.findText(city) >= 0:
            self._city.setCurrentIndex(self._city.findText(city))
        if year is not None and self._year.findData(year) >= 0:
            self._year.setCurrentIndex(self._year.findData(year))
        for combo in (self._city, self._year):
            combo.blockSignals(False)

    def _mode_changed(self, _index: int | None = None) -> None:
        by_year = self._by() == BY_YEAR
        self._city.setVisible(by_year)
        self._year.setVisible(not by_year)
        self._choices_label.setText(self.tr("Years") if by_year else self.tr("Cities"))
        self._trend_box.setVisible(by_year)
        self._reference_label.setVisible(not by_year)
        self._reference.setVisible(not by_year)
        self._regressions.setText(self.tr("Regressions only") if by_year else self.tr("Lower only"))
        self._export_trend_action.setEnabled(by_year)
        self._populate_choices()

    def _drafts_toggled(self, _checked: bool) -> None:
        self._fill_pickers()
        self._populate_choices()

    def _candidates(self) -> tuple[list[AssessmentInfo], str | None]:
        """The assessments to choose from, and a note when some were left out for their framework."""
        visible = self._visible_infos()
        if self._by() == BY_YEAR:
            pool = sorted((i for i in visible if i.city == self._city.currentText()), key=lambda i: i.year)
        else:
            pool = sorted((i for i in visible if i.year == self._year.currentData()), key=lambda i: i.city.casefold())
        codes = framework_codes(pool)
        self._offer_frameworks(codes)
        if len(codes) <= 1:
            return pool, None
        # Several frameworks (not versions of one): the person chooses, as --framework on the CLI.
        code = self._framework.currentData()
        note = self.tr("These assessments use different frameworks; the list shows those of {code}.").format(code=code)
        return one_framework(pool, code, ""), note

    def _offer_frameworks(self, codes: list[str]) -> None:
        """The framework list, kept on the person's choice while it is still among the codes."""
        chosen = self._framework.currentData()
        self._framework.blockSignals(True)
        self._framework.clear()
        for code in codes:
            self._framework.addItem(self.tr("Framework: {code}").format(code=code), code)
        self._framework.setCurrentIndex(max(0, self._framework.findData(chosen)))
        self._framework.blockSignals(False)
        self._framework.setVisible(len(codes) > 1)

    def _populate_choices(self, _index: int | None = None) -> None:
        pool, self._framework_note = self._candidates()
        self._choices.blockSignals(True)
        self._choices.clear()
        for info in pool:
            label = str(info.year) if self._by() == BY_YEAR else info.city
            if not info.is_final:
                label = self.tr("{label} (draft)").format(label=label)
            item = QListWidgetItem(label, self._choices)
            item.setData(INFO_ROLE, info)
            # selectable too, so the keyboard can move to it (arrows) and tick it (Space)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
            item.setCheckState(Qt.CheckState.Checked)  # default: everything listed
            if not info.is_final:
                item.setToolTip(self.tr("Draft: not final, and may still change"))
        self._choices.blockSignals(False)
        self._recompute()

    def _check(self, wanted) -> None:
        self._choices.blockSignals(True)
        for row in range(self._choices.count()):
            item = self._choices.item(row)
            checked = wanted(item.data(INFO_ROLE))
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self._choices.blockSignals(False)
        self._recompute()

    def _chosen(self) -> list[AssessmentInfo]:
        items = (self._choices.item(row) for row in range(self._choices.count()))
        return [item.data(INFO_ROLE) for item in items if item.checkState() == Qt.CheckState.Checked]

    # ---- showing ---------------------------------------------------------------------------------------

    def _recompute(self) -> None:
        chosen = self._chosen()
        notes = [self._framework_note] if self._framework_note else []
        comparison = None
        if not self._infos:
            notes.append(self.tr("No assessments yet: create one, or load the demo data."))
        elif not self._visible_infos():  # everything there is a draft, and drafts are hidden
            notes.append(self.tr("Only draft assessments exist so far: tick “Include drafts” to compare them."))
        elif not chosen:
            what = self.tr("years") if self._by() == BY_YEAR else self.tr("cities")
            notes.append(self.tr("Choose at least one of the {what} to compare.").format(what=what))
        else:
            try:
                comparison = compare_assessments(self._store, chosen, self._by(), self._lang)
            except UserError as exc:
                notes.append(sentence(exc))
        self._comparison = comparison
        self._fill_reference(comparison)
        if comparison is not None:
            notes.extend(self._comparison_notes(comparison))
        self._notes.setText("\n".join(notes))
        self._show(comparison)
        self.comparison_changed.emit()

    def _comparison_notes(self, comparison: Comparison) -> list[str]:
        notes = []
        if len(comparison.keys) == 1:
            notes.append(self.tr("One assessment chosen: there is no change to show."))
        for change in comparison.framework_changes:
            text = self.tr("Framework version changed between {a} ({x}) and {b} ({y}); indicators are matched by code.")
            text = text.format(a=change.before_key, x=change.before, b=change.after_key, y=change.after)
            if change.added:
                text += " " + self.tr("New: {codes}.").format(codes=", ".join(change.added))
            if change.dropped:
                text += " " + self.tr("No longer assessed: {codes}.").format(codes=", ".join(change.dropped))
            notes.append(text)
        drafts = [k for k in comparison.keys if k in comparison.drafts]
        if drafts:
            notes.append(self.tr("Drafts (not final) included: {keys}.").format(keys=", ".join(drafts)))
        if self._by() == BY_CITY and self._reference.currentText():
            notes.append(
                self.tr("In brackets: each city's difference to {city}.").format(city=self._reference.currentText())
            )
        return notes

    def set_reference(self, city: str) -> None:
        """Cities: compare every other city with this one (its difference shown beside each figure)."""
        self._reference_city = city
        self._recompute()

    def _fill_reference(self, comparison: Comparison | None) -> None:
        keys = list(comparison.keys) if comparison is not None and self._by() == BY_CITY else []
        self._reference.blockSignals(True)
        self._reference.clear()
        self._reference.addItems(keys)
        if self._reference_city in keys:
            self._reference.setCurrentIndex(keys.index(self._reference_city))
        self._reference.blockSignals(False)

    def _label(self, comparison: Comparison, key: str) -> str:
        return self.tr("{key} (draft)").format(key=key) if key in comparison.drafts else key

    def _show(self, comparison: Comparison | None) -> None:
        by_city = self._by() == BY_CITY
        reference = self._reference.currentText() or None
        self._model.set_comparison(comparison, by_city=by_city, reference=reference)
        header = self._table.horizontalHeader()
        if comparison is not None:  # between cities the differences to the reference replace last − first
            for column in (self._model.change_column, self._model.trend_column):
                self._table.setColumnHidden(column, by_city and reference is not None)
        if comparison is None:
            self._radar.set_series([])
            self._trend.set_data([], [])
            return
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ComparisonTableModel.NAME, QHeaderView.ResizeMode.Stretch)

        pillars = comparison.rows(PILLAR)
        self._radar.set_series([])  # the axes may change with the framework
        self._radar.set_axes(list(pillars["name"]))
        last = len(comparison.keys) - 1
        self._radar.set_series(
            [
                RadarSeries(
                    self._label(comparison, key),
                    tuple(_score(v) for v in pillars[key]),
                    chart_style.series_colour(index),
                    dashed=key in comparison.drafts,
                    filled=index == last,
                )
                for index, key in enumerate(comparison.keys)
            ]
        )
        if self._by() != BY_YEAR:
            self._trend.set_data([], [])
            return
        overall = comparison.rows(OVERALL).iloc[0]
        lines = [
            TrendSeries(
                self.tr("Overall"), tuple(_score(overall[k]) for k in comparison.keys), chart_style.TEXT, OVERALL_WIDTH
            )
        ]
        for index, (_, row) in enumerate(pillars.iterrows()):
            values = tuple(_score(row[k]) for k in comparison.keys)
            lines.append(TrendSeries(row["name"], values, chart_style.series_colour(index)))
        drafts = {i for i, key in enumerate(comparison.keys) if key in comparison.drafts}
        self._trend.set_data([self._label(comparison, k) for k in comparison.keys], lines, drafts)

    def _filter_changed(self, text: str) -> None:
        pattern = QRegularExpression(QRegularExpression.escape(text.strip()))
        pattern.setPatternOptions(QRegularExpression.PatternOption.CaseInsensitiveOption)
        self._proxy.setFilterRegularExpression(pattern)

    # ---- exporting (dialogs) -----------------------------------------------------------------------------

    def _ask_path(self, title: str, default: str, filters: str) -> Path | None:
        path, chosen_filter = file_dialogs.save_file(self, title, default, filters)
        if not path:
            return None
        path = Path(path)
        suffix = re.search(r"\*(\.\w+)", chosen_filter)
        if not path.suffix and suffix:  # the user typed a bare name: take the type from the chosen filter
            path = path.with_suffix(suffix.group(1))
        return path

    def _run_export(self, export, title: str, default: str, filters: str) -> None:
        path = self._ask_path(title, default, filters)
        if path is None:
            return
        try:
            export(path)
        except UserError as exc:
            messages.show_error(self, sentence(exc), self.tr("Export failed"))  # a box as wide as its title

    def _default_name(self, what: str, suffix: str) -> str:
        if self._comparison is None:
            return f"comparison-{what}{suffix}"
        keys = self._comparison.keys
        subject = self._city.currentText() if self._by() == BY_YEAR else self._year.currentText()
        span = f"{keys[0]}-{keys[-1]}" if self._by() == BY_YEAR else "cities"
        safe = "".join(c if c.isalnum() else "-" for c in f"{subject}-{span}").strip("-")
        return f"{safe}-{what}{suffix}"

    def _ask_export_table(self) -> None:
        filters = self.tr("CSV (*.csv);;Excel workbook (*.xlsx)")
        self._run_export(
            self.export_table, self.tr("Export the comparison table"), self._default_name("table", ".csv"), filters
        )

    def _ask_export_radar(self) -> None:
        filters = self.tr("PNG image (*.png);;SVG drawing (*.svg)")
        self._run_export(
            self.export_radar, self.tr("Export the radar chart"), self._default_name("radar", ".png"), filters
        )

    def _ask_export_trend(self) -> None:
        filters = self.tr("PNG image (*.png);;SVG drawing (*.svg)")
        self._run_export(
            self.export_trend, self.tr("Export the trend chart"), self._default_name("trend", ".png"), filters
        )
