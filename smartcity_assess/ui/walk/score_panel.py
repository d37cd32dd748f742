"""The live radar beside the walk (current vs target vs the same city's previous year) and the numbers."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ...core import chart_style
from ...core.text import localize
from ..widgets.radar import RadarSeries, RadarWidget
from .session import AssessmentSession


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


class ScorePanel(QWidget):
    def __init__(self, session: AssessmentSession, *, lang: str = "en", parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self._lang = lang
        self.radar = RadarWidget(self)
        self.radar.setMinimumSize(300, 260)
        self.radar.set_axes([localize(p.name, lang) for p in session.framework.pillars])
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.radar.setMaximumHeight(460)  # beyond this the fixed-aspect chart only adds white margins
        layout.addWidget(self.radar, 1)
        layout.addWidget(self.summary)
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
        self.summary.setText(self._summary_html())

    def _pillar_target(self, pillar_code: str) -> float | None:
        """Before a pillar has a scored indicator the engine has no target for it; show the one the
        framework and the assessor set for its applicable indicators instead of an empty axis."""
        pillar = self.session.framework.pillar(pillar_code)
        pairs = []
        for indicator in pillar.indicators:
            record = self.session.response(indicator.code)
            if record is not None and record.na:
                continue
            target = record.target if record is not None and record.target is not None else indicator.target
            pairs.append((indicator.weight, target))
        total = sum(w for w, _ in pairs)
        return sum(w * t for w, t in pairs) / total if total else None

    def _summary_html(self) -> str:
        framework, score, lang = self.session.framework, self.session.score, self._lang
        rows = []
        for p in score.pillars:
            band = localize(p.band.label, lang) if p.band else ""
            rows.append(
                f"<tr><td>{localize(framework.pillar(p.code).name, lang)}</td>"
                f"<td align='right'><b>{_fmt(p.score)}</b></td><td>{band}</td>"
                f"<td align='right' style='color:#666666'>{p.answered + p.not_applicable}/{p.total}</td></tr>"
            )
        overall = score.overall
        band = localize(overall.band.label, lang) if overall.band else "—"
        head = self.tr("Overall index")
        done = self.tr("{percent} complete").format(percent=f"{overall.completion:.0%}")
        return (
            "<table width='100%' cellspacing='0' cellpadding='2'>" + "".join(rows) + "</table>"
            f"<p style='font-size:13pt'>{head}: <b>{_fmt(overall.score)}</b> — <b>{band}</b>"
            f"<br><span style='font-size:9pt;color:#666666'>{done}</span></p>"
        )
