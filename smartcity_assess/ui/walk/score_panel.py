"""The live radar beside the walk (current vs target vs the same city's previous year) and the numbers."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from ...core import chart_style
from ...core.text import localize
from ..i18n import decimal_text
from ..widgets.radar import RadarSeries, RadarWidget
from .session import AssessmentSession


def _fmt(value: float | None) -> str:
    return "—" if value is None else decimal_text(value)


class ScorePanel(QWidget):
    def __init__(self, session: AssessmentSession, *, lang: str = "en", parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self._lang = lang
        self.radar = RadarWidget(self)
        self.radar.setMinimumSize(300, 260)
        self.radar.set_axes([localize(p.name, lang) for p in session.framework.pillars])
        # One label per number, so a new score changes a few words and never the panel's layout
        # (a relayout would resize and fully redraw the radar on every click).
        self.summary = QWidget(self)
        grid = QGridLayout(self.summary)
        grid.setContentsMargins(0, 0, 0, 0)
        self._pillar_labels: list[tuple[QLabel, QLabel, QLabel]] = []
        # room for the longest band label of the language shown, so a new band never moves the columns
        metrics = self.fontMetrics()
        band_width = max(
            (metrics.horizontalAdvance(localize(b.label, lang) + "  ") for b in session.framework.bands), default=48
        )
        self._domain_labels: list[tuple[QLabel, QLabel, QLabel]] = []
        rows = [(localize(p.name, lang), self._pillar_labels) for p in session.framework.pillars]
        # a framework with domains (SPBE) shows them under its pillars, in bold: their weighted means
        rows += [(f"<b>{localize(d.name, lang)}</b>", self._domain_labels) for d in session.framework.domains]
        for row, (name, into) in enumerate(rows):
            label = QLabel(name, self.summary)
            label.setWordWrap(True)  # a long name (SPBE's aspects) takes two lines, not the walk's width
            grid.addWidget(label, row, 0)
            cells = (QLabel(self.summary), QLabel(self.summary), QLabel(self.summary))
            cells[0].setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            cells[2].setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            cells[2].setStyleSheet("color: #666666;")
            for column, cell in enumerate(cells, start=1):
                cell.setMinimumWidth(band_width if column == 2 else 48)
                grid.addWidget(cell, row, column)
            into.append(cells)
        grid.setColumnStretch(0, 1)
        self.overall = QLabel(self)
        self.overall.setMinimumHeight(self.overall.fontMetrics().height() * 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.radar.setMaximumHeight(460)  # beyond this the fixed-aspect chart only adds white margins
        layout.addWidget(self.radar, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.overall)
        layout.addStretch(0)
        session.response_changed.connect(self.refresh)
        self.refresh()

    def refresh(self, _code: str | None = None) -> None:
        session, score = self.session, self.session.score
        series = [
            RadarSeries(
                self.tr("{year} (current)").format(year=session.info.year),
                tuple(p.score for p in score.pillars),
                chart_style.CURRENT,
                filled=True,
            ),
            RadarSeries(
                self.tr("Target"),
                tuple(p.target if p.target is not None else self._pillar_target(p.code) for p in score.pillars),
                chart_style.TARGET,
                dashed=True,
            ),
        ]
        if session.previous is not None:
            series.append(
                RadarSeries(
                    str(session.previous.year),
                    tuple(p.score for p in session.previous.score.pillars),
                    chart_style.PREVIOUS,
                    dashed=True,
                )
            )
        self.radar.set_series(series)
        self._show_numbers()

    def _pillar_target(self, pillar_code: str) -> float | None:
        """Before a pillar has a scored indicator the engine has no target for it; show the one the
        framework and the assessor set for its applicable indicators instead of an empty axis."""
        pairs = [(i.weight, i.target) for i in self.session.score.indicators if i.pillar == pillar_code and not i.na]
        total = sum(w for w, _ in pairs)
        return sum(w * t for w, t in pairs) / total if total else None

    def _show_numbers(self) -> None:
        score, lang = self.session.score, self._lang
        for (value, band, done), p in zip(self._pillar_labels, score.pillars, strict=True):
            _set(value, f"<b>{_fmt(p.score)}</b>")
            _set(band, localize(p.band.label, lang) if p.band else "")
            _set(done, f"{p.answered + p.not_applicable}/{p.total}")
        for (value, band, done), d in zip(self._domain_labels, score.domains, strict=True):
            _set(value, f"<b>{_fmt(d.score)}</b>")
            _set(band, localize(d.band.label, lang) if d.band else "")
            _set(done, f"{d.completion:.0%}")
        overall = score.overall
        band = localize(overall.band.label, lang) if overall.band else "—"
        head = self.tr("Overall index")
        done = self.tr("{percent} complete").format(percent=f"{overall.completion:.0%}")
        _set(
            self.overall,
            f"<span style='font-size:13pt'>{head}: <b>{_fmt(overall.score)}</b> — <b>{band}</b></span>"
            f"<br><span style='font-size:9pt;color:#666666'>{done}</span>",
        )

    def summary_text(self) -> str:
        """All the numbers as plain text (what tests read)."""
        cells = [c.text() for row in (*self._pillar_labels, *self._domain_labels) for c in row]
        return " ".join([*cells, self.overall.text()])


def _set(label: QLabel, text: str) -> None:
    if label.text() != text:
        label.setText(text)
