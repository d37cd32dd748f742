"""The conflicts of the open assessment: both sides side by side with their rubric text, and a decision.

Per indicator: take mine, take theirs, or edit a reconciled answer; or take all of one side. Every
decision goes through services.conflicts (audited); the walk shows the result at once.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import UserError
from ...core.text import localize
from ...services.conflicts import MINE, THEIRS, Conflict, Side
from ..dialogs import messages
from ..i18n import sentence
from ..walk.session import AssessmentSession


class ConflictListModel(QAbstractListModel):
    """The conflicted indicators of a session, in framework order."""

    def __init__(self, session: AssessmentSession, lang: str, parent=None):
        super().__init__(parent)
        self._session = session
        self._lang = lang
        self._codes: list[str] = []
        self.reload()

    def reload(self) -> None:
        order = [i.code for i in self._session.framework.indicators]
        self.beginResetModel()
        self._codes = sorted(self._session.conflicts, key=order.index)
        self.endResetModel()

    def code_at(self, row: int) -> str:
        return self._codes[row]

    def row_of(self, code: str) -> int:
        return self._codes.index(code) if code in self._codes else -1

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._codes)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._codes):
            return None
        code = self._codes[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"⚠ {code}  {localize(self._session.indicator(code).name, self._lang)}"
        return None


class ConflictsView(QWidget):
    def __init__(self, session: AssessmentSession, *, lang: str = "en", parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.session = session
        self._lang = lang
        self.setWindowTitle(self.tr("Conflicts — {city} {year}").format(city=session.info.city, year=session.info.year))
        self.model = ConflictListModel(session, lang, self)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.selectionModel().currentChanged.connect(lambda *_: self._show_current())

        self.question = QLabel(self)
        self.question.setWordWrap(True)
        self.mine_box, self.mine_text = self._side_box(self.tr("Mine (this database)"))
        self.theirs_box, self.theirs_text = self._side_box(self.tr("Theirs (the package)"))
        self.take_mine_button = QPushButton(self.tr("Take &mine"), self)
        self.take_theirs_button = QPushButton(self.tr("Take &theirs"), self)
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.take_mine_button.clicked.connect(lambda: self.take(MINE))
        self.take_theirs_button.clicked.connect(lambda: self.take(THEIRS))
        self.edit_button.clicked.connect(self.edit)
        self.mine_box.layout().addWidget(self.take_mine_button)
        self.theirs_box.layout().addWidget(self.take_theirs_button)

        sides = QHBoxLayout()
        sides.addWidget(self.mine_box, 1)
        sides.addWidget(self.theirs_box, 1)
        detail = QWidget(self)
        detail_layout = QVBoxLayout(detail)
        detail_layout.addWidget(self.question)
        detail_layout.addLayout(sides, 1)
        detail_layout.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignRight)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.list)
        splitter.addWidget(detail)
        splitter.setSizes([260, 740])

        self.all_mine_button = QPushButton(self.tr("Take all mine"), self)
        self.all_theirs_button = QPushButton(self.tr("Take all theirs"), self)
        self.all_mine_button.clicked.connect(lambda: self.take_all(MINE))
        self.all_theirs_button.clicked.connect(lambda: self.take_all(THEIRS))
        self.summary = QLabel(self)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.all_mine_button)
        bottom.addWidget(self.all_theirs_button)

        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        session.conflicts_changed.connect(self._reload)
        self._reload()
        self.resize(1000, 560)

    def _side_box(self, title: str) -> tuple[QGroupBox, QLabel]:
        box = QGroupBox(title, self)
        text = QLabel(box)
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(box)
        layout.addWidget(text, 1)
        return box, text

    # ---- showing ---------------------------------------------------------------------------------

    def current(self) -> Conflict | None:
        index = self.list.currentIndex()
        if not index.isValid():
            return None
        return self.session.conflicts.get(self.model.code_at(index.row()))

    def _reload(self) -> None:
        shown = self.current()
        self.model.reload()
        count = self.model.rowCount()
        self.summary.setText(
            self.tr("%n conflict(s) left to decide.", "", count) if count else self.tr("No conflicts left.")
        )
        for button in (self.all_mine_button, self.all_theirs_button):
            button.setEnabled(count > 0)
        if count:
            row = max(0, self.model.row_of(shown.indicator)) if shown is not None else 0
            self.list.setCurrentIndex(self.model.index(min(row, count - 1)))
        self._show_current()

    def _show_current(self) -> None:
        conflict = self.current()
        for widget in (self.take_mine_button, self.take_theirs_button, self.edit_button):
            widget.setEnabled(conflict is not None)
        if conflict is None:
            self.question.setText("")
            self.mine_text.setText("")
            self.theirs_text.setText("")
            return
        indicator = self.session.indicator(conflict.indicator)
        self.question.setText(
            f"<b>{escape(indicator.code)} {escape(localize(indicator.name, self._lang))}</b><br>"
            f"{escape(localize(indicator.question, self._lang))}"
        )
        self.mine_text.setText(self._describe(conflict.indicator, conflict.mine))
        self.theirs_text.setText(self._describe(conflict.indicator, conflict.theirs))

    def _describe(self, code: str, side: Side) -> str:
        indicator = self.session.indicator(code)
        framework = self.session.framework
        if side.na:
            answer = self.tr("Not applicable")
        elif side.level is not None:
            answer = self.tr("Level {level} – {name}").format(
                level=side.level, name=escape(localize(framework.levels[side.level], self._lang))
            )
            rubric = indicator.rubric.get(side.level)
            if rubric:
                answer += f"<br><i>{escape(localize(rubric, self._lang))}</i>"
        else:
            answer = self.tr("No level")
        lines = [f"<p style='font-size:12pt'>{answer}</p>"]
        if side.value is not None and indicator.metric is not None:
            lines.append(
                self.tr("Measured: {value} {unit}").format(
                    value=f"{side.value:g}", unit=escape(localize(indicator.metric.unit, self._lang))
                )
            )
        if side.value_source or side.value_year:
            source = ", ".join(str(x) for x in (side.value_source, side.value_year) if x)
            lines.append(self.tr("Source: {source}").format(source=escape(source)))
        target = side.target if side.target is not None else indicator.target
        lines.append(self.tr("Target: {target}").format(target=target))
        if side.note:
            lines.append(self.tr("Note: {note}").format(note=escape(side.note).replace("\n", "<br>")))
        if side.recommendation:
            lines.append(self.tr("Recommendation: {text}").format(text=escape(side.recommendation)))
        if side.responsible or side.due:
            lines.append(
                self.tr("Responsible: {unit}; due {due}").format(
                    unit=escape(side.responsible or "—"), due=side.due or "—"
                )
            )
        if side.evidence:
            names = ", ".join(escape(name) for name, _ in side.evidence)
            lines.append(self.tr("Evidence: {files}").format(files=names))
        when = side.at.astimezone().strftime("%Y-%m-%d %H:%M") if side.at else "—"
        lines.append(
            f"<span style='color:#666666'>{self.tr('By {who}, {when}').format(who=escape(side.by), when=when)}</span>"
        )
        return "<br>".join(lines)

    # ---- deciding --------------------------------------------------------------------------------

    def take(self, side: str) -> bool:
        conflict = self.current()
        if conflict is None:
            return False
        return self._settle(lambda: self.session.resolve_conflict(conflict.indicator, take=side))

    def edit(self, answer: dict | None = None) -> bool:
        """Write a reconciled answer (asked for in a small dialog unless given)."""
        conflict = self.current()
        if conflict is None:
            return False
        if answer is None:
            dialog = ReconcileDialog(self.session, conflict, lang=self._lang, parent=self)
            if not dialog.exec():
                return False
            answer = dialog.answer()
        return self._settle(lambda: self.session.resolve_conflict(conflict.indicator, answer=answer))

    def take_all(self, side: str, *, confirm: bool = True) -> bool:
        count = len(self.session.conflicts)
        if not count:
            return False
        question = (
            self.tr("Keep this database's answer for all %n conflict(s)?", "", count)
            if side == MINE
            else self.tr("Take the package's answer for all %n conflict(s)?", "", count)
        )
        if confirm and not messages.confirm(self, self.tr("Settle all conflicts"), question):
            return False
        return self._settle(lambda: self.session.resolve_all_conflicts(side))

    def _settle(self, decide) -> bool:
        try:
            decide()
        except UserError as exc:
            messages.show_error(self, sentence(exc))
            return False
        return True


_NOT_APPLICABLE = 0  # the level list's entry for N/A (levels are 1 and up)


class ReconcileDialog(QDialog):
    """A reconciled answer: a level (or N/A), a note and a recommendation, starting from this database's side
    (the other report fields are this side's: Take theirs, or the walk afterwards, changes them)."""

    def __init__(self, session: AssessmentSession, conflict: Conflict, *, lang: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reconciled answer for {code}").format(code=conflict.indicator))
        framework = session.framework
        indicator = session.indicator(conflict.indicator)
        self.level = QComboBox(self)
        self.level.addItem(self.tr("Not applicable"), _NOT_APPLICABLE)
        for number in framework.level_numbers:
            rubric = localize(indicator.rubric.get(number, {}), lang) if indicator.rubric.get(number) else ""
            self.level.addItem(f"{number} – {localize(framework.levels[number], lang)}  {rubric}", number)
        start = _NOT_APPLICABLE if conflict.mine.na else conflict.mine.level
        self.level.setCurrentIndex(max(0, self.level.findData(start)))
        self.note = QPlainTextEdit(conflict.mine.note or conflict.theirs.note, self)  # notes run to several lines
        self.note.setTabChangesFocus(True)
        self.recommendation = QLineEdit(conflict.mine.recommendation or conflict.theirs.recommendation, self)
        self.recommendation.setCursorPosition(0)
        form = QFormLayout(self)
        form.addRow(self.tr("Level"), self.level)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(self.tr("Recommendation"), self.recommendation)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def answer(self) -> dict:
        chosen = self.level.currentData()
        fields = {"na": True} if chosen == _NOT_APPLICABLE else {"level": chosen}
        return {**fields, "note": self.note.toPlainText(), "recommendation": self.recommendation.text()}
