"""The guided walk: pillars as steps with their progress, the indicators of the pillar, the indicator
panel and the live scores. Navigation works in framework order across pillars."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from ...core.text import localize
from ..models.indicators import IndicatorListModel
from .indicator_panel import IndicatorPanel
from .score_panel import ScorePanel
from .session import AssessmentSession


class WalkView(QWidget):
    current_changed = Signal(str)  # indicator code

    def __init__(
        self,
        session: AssessmentSession,
        *,
        lang: str = "en",
        evidence_limit_bytes: int,
        report_error: Callable[[str], None],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.session = session
        self._lang = lang
        self._index = -1
        framework = session.framework

        self.header = QLabel(self)
        self.header.setWordWrap(True)  # a long city and framework title must not widen the window
        self.review_note = QLabel(self)  # the reviewer's comments when it came back, or an assignment's limits
        self.review_note.setWordWrap(True)
        self.review_note.setStyleSheet("color: #D55E00;")
        self.conflicts_button = QPushButton(self)
        self.conflicts_button.setToolTip(self.tr("Responses two assessors changed differently: decide each one"))
        self.finalize_button = QPushButton(self)
        # the review's steps, shown as the state allows (the main window wires them to its actions)
        self.submit_button = QPushButton(self.tr("Submit for review"), self)
        self.submit_button.setToolTip(self.tr("Hand the assessment to the reviewer: read-only until they decide"))
        self.approve_button = QPushButton(self.tr("Approve…"), self)
        self.approve_button.setToolTip(self.tr("Sign it off as the reviewer: final, with your name, role and NIP"))
        self.return_button = QPushButton(self.tr("Return…"), self)
        self.return_button.setToolTip(self.tr("Send it back to the assessors with your reason"))
        self.next_open_button = QPushButton(self.tr("Next unanswered"), self)
        self.next_open_button.setToolTip(self.tr("Go to the next indicator without an answer (F3)"))
        self.next_open_button.clicked.connect(self.go_next_unanswered)
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.conflicts_button)
        top.addWidget(self.next_open_button)
        top.addWidget(self.submit_button)
        top.addWidget(self.approve_button)
        top.addWidget(self.return_button)
        top.addWidget(self.finalize_button)

        self.steps = QTabBar(self)
        self.steps.setExpanding(False)
        self.steps.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for pillar in framework.pillars:
            self.steps.addTab("")
            self.steps.setTabToolTip(self.steps.count() - 1, localize(pillar.description, lang))
        self.steps.currentChanged.connect(self._step_chosen)

        self.indicator_model = IndicatorListModel(session, lang, self)
        self.indicator_list = QListView(self)
        self.indicator_list.setModel(self.indicator_model)
        self.indicator_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.indicator_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.indicator_list.setWordWrap(True)  # whole names, on two lines where they must (and a tooltip)
        self.indicator_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.indicator_list.clicked.connect(
            lambda index: self.go_to_code(self.indicator_model.indicator_at(index.row()).code)
        )
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search indicators (Ctrl+F)"))
        self.search.setToolTip(self.tr("Code, name, question or note; Enter goes to the one highlighted, Esc ends"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_changed)
        self.search.returnPressed.connect(self._search_chosen)
        self.search.installEventFilter(self)
        indicators = QWidget(self)
        indicators_layout = QVBoxLayout(indicators)
        indicators_layout.setContentsMargins(0, 0, 0, 0)
        indicators_layout.addWidget(self.search)
        indicators_layout.addWidget(self.indicator_list, 1)

        self.panel = IndicatorPanel(
            session, lang=lang, evidence_limit_bytes=evidence_limit_bytes, report_error=report_error, parent=self
        )
        self.scores = ScorePanel(session, lang=lang, parent=self)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(indicators)
        self.splitter.addWidget(self.panel)
        self.splitter.addWidget(self.scores)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([300, 600, 380])

        self.key_hint = hint = QLabel(self)  # its text follows the status: a final assessment takes no answers
        hint.setStyleSheet("color: #666666;")

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.review_note)
        layout.addWidget(self.steps)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(hint)

        session.response_changed.connect(self._refresh_progress)
        session.status_changed.connect(self._refresh_header)
        session.conflicts_changed.connect(self._conflicts_changed)
        self.show_review_actions({"submit": False, "approve": False, "return": False})
        self._refresh_header()
        self._refresh_progress()
        start = session.first_unanswered()
        self.go_to(start if start is not None else 0)

    # ---- navigation -----------------------------------------------------------------------------

    @property
    def current_code(self) -> str:
        return self.session.framework.indicators[self._index].code

    def go_to(self, index: int) -> None:
        indicators = self.session.framework.indicators
        index = max(0, min(index, len(indicators) - 1))
        indicator = indicators[index]
        self._index = index
        pillar_row = [p.code for p in self.session.framework.pillars].index(indicator.pillar_code)
        if self.steps.currentIndex() != pillar_row:
            self.steps.blockSignals(True)
            self.steps.setCurrentIndex(pillar_row)
            self.steps.blockSignals(False)
        if not self.indicator_model.searching and self.indicator_model.row_of(indicator.code) < 0:
            self.indicator_model.set_pillar(indicator.pillar_code)
        self.indicator_list.setCurrentIndex(self.indicator_model.index(self.indicator_model.row_of(indicator.code)))
        self.panel.show_indicator(indicator.code)
        self.panel.setFocus()
        self.current_changed.emit(indicator.code)

    def go_to_code(self, code: str) -> None:
        codes = [i.code for i in self.session.framework.indicators]
        self.go_to(codes.index(code))

    def go_next(self) -> None:
        self.go_to(self._index + 1)

    def go_previous(self) -> None:
        self.go_to(self._index - 1)

    def go_next_unanswered(self) -> None:
        index = self.session.first_unanswered(self._index)
        if index is not None:
            self.go_to(index)

    # ---- searching ----------------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _search_changed(self, text: str) -> None:
        if not text.strip():  # the search ended: the list shows the current indicator's pillar again
            self.indicator_model.set_search("")
            self.indicator_model.set_pillar(self.session.indicator(self.current_code).pillar_code)
        else:
            self.indicator_model.set_search(text)
        row = self.indicator_model.row_of(self.current_code)
        self.indicator_list.setCurrentIndex(self.indicator_model.index(max(row, 0)))

    def _search_chosen(self) -> None:
        """Enter in the search box: go to the indicator highlighted (the first found), the search stays."""
        index = self.indicator_list.currentIndex()
        if self.indicator_model.rowCount() == 0:
            return
        row = index.row() if index.isValid() else 0
        self.go_to_code(self.indicator_model.indicator_at(row).code)

    def end_search(self) -> None:
        self.search.clear()
        self.panel.setFocus()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.indicator_model.rowCount():
                current = self.indicator_list.currentIndex().row()
                step = 1 if key == Qt.Key.Key_Down else -1
                row = max(0, min(self.indicator_model.rowCount() - 1, current + step))
                self.indicator_list.setCurrentIndex(self.indicator_model.index(row))
                return True
            if key == Qt.Key.Key_Escape:
                self.end_search()
                return True
        return super().eventFilter(watched, event)

    def _step_chosen(self, row: int) -> None:
        pillar = self.session.framework.pillars[row]
        codes = [i.code for i in pillar.indicators]
        open_codes = [c for c in codes if not self.session.is_answered(c)]
        self.go_to_code(open_codes[0] if open_codes else codes[0])

    # ---- what the header and steps say -------------------------------------------------------------

    def _refresh_progress(self, _code: str | None = None) -> None:
        score = self.session.score
        for row, pillar in enumerate(self.session.framework.pillars):
            result = score.pillar(pillar.code)
            done = result.answered + result.not_applicable
            mark = "✓ " if done == result.total else ""
            conflicts = self.session.conflicts_in_pillar(pillar.code)
            badge = f"  ⚠ {conflicts}" if conflicts else ""
            self.steps.setTabText(
                row, f"{mark}{row + 1}. {localize(pillar.name, self._lang)}  {done}/{result.total}{badge}"
            )
        read_only = self.session.is_final or self.session.is_in_review
        self.next_open_button.setEnabled(self.session.first_unanswered() is not None and not read_only)
        count = len(self.session.conflicts)
        self.conflicts_button.setText(self.tr("⚠ Conflicts (%n)…", "", count))
        self.conflicts_button.setVisible(count > 0)

    def show_review_actions(self, allowed: dict[str, bool]) -> None:
        """Only the review steps the state allows are offered (ui.review_state decides which)."""
        self.submit_button.setVisible(allowed["submit"])
        self.approve_button.setVisible(allowed["approve"])
        self.return_button.setVisible(allowed["return"])

    def _conflicts_changed(self) -> None:
        self._refresh_progress()
        self.indicator_model.refresh_all()

    def _refresh_header(self) -> None:
        info, framework = self.session.info, self.session.framework
        if info.is_final:
            status = self.tr("Final — read-only")
        elif info.is_in_review:
            status = self.tr("In review — read-only until the reviewer approves or returns it")
        else:
            status = self.tr("Draft — every change is saved at once")
        self.header.setText(
            f"<span style='font-size:14pt'><b>{info.city} {info.year}</b></span> &nbsp; "
            f"{localize(framework.title, self._lang)} {framework.version} &nbsp; "
            f"<span style='color:{'#009E73' if info.is_final else '#666666'}'>{status}</span>"
        )
        notes = []
        if info.status == "draft" and info.review_comment:
            notes.append(self.tr("Returned by the reviewer: {comment}").format(comment=info.review_comment))
        if info.editable_pillars is not None and not info.is_final:
            notes.append(
                self.tr("Your assignment: pillars {pillars}; the others are read-only here.").format(
                    pillars=", ".join(info.editable_pillars)
                )
            )
        self.review_note.setText("<br>".join(notes))
        self.review_note.setVisible(bool(notes))
        self.finalize_button.setText(self.tr("Reopen…") if info.is_final else self.tr("Finalize…"))
        self.finalize_button.setEnabled(not info.is_in_review)
        self.finalize_button.setVisible(not info.is_in_review)  # in review: Approve… or Return… decide
        self.key_hint.setText(
            self.tr("Keys: PgDn/Alt+→ next · PgUp/Alt+← previous")
            if info.is_final or info.is_in_review  # read-only: no level keys, nothing to answer
            else self.tr(
                "Keys: 1–5 level · N not applicable · PgDn/Alt+→ next · PgUp/Alt+← previous · F3 next unanswered"
            )
        )
        self._refresh_progress()
