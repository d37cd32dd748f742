"""One indicator at a time: question, references, the five rubric levels in full, N/A, target, value with its
source and year, note, recommendation with its responsible unit and due year, evidence.

Keys while the panel (not a text field) has focus: 1–5 choose a level, N toggles N/A.
Every change is written at once through the session; a refused change shows one sentence and
the panel shows what the database holds again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale, QRectF, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices, QKeyEvent, QPainter, QPen, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import UserError
from ...core.framework import Indicator
from ...core.numbers import NotANumber, NotFinite, parse_decimal
from ...core.responses import UNANSWERED, YEAR_FIELDS
from ...core.text import localize, with_decimal_mark
from .. import file_dialogs
from ..database_errors import DATABASE_ERRORS, database_sentence
from ..i18n import sentence
from ..models.evidence import EvidenceModel
from .evidence_files import EVIDENCE_COPIES, open_copy_error
from .session import AssessmentSession

NOTE_SAVE_DELAY_MS = 800  # a pause in typing saves the note; leaving the field saves at once

CHOSEN_BORDER = QColor("#0072B2")  # chart_style's current-score blue: the chosen level
CHOSEN_FILL = QColor("#E3F0FA")
TARGET_MARK = QColor("#E69F00")  # chart_style's target orange: a bar on the target level
PLAIN_BORDER = QColor("#BBBBBB")


class LevelOption(QFrame):
    """A rubric level shown in full; click to choose it."""

    clicked = Signal(int)

    def __init__(self, level: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.level = level
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._title = QLabel(self)
        self._text = QLabel(self)
        self._text.setWordWrap(True)
        self._text.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 8, 6)
        layout.addWidget(self._title, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self._text, 1)

    def set_title_width(self, width: int) -> None:
        self._title.setFixedWidth(width)

    def set_texts(self, title: str, text: str) -> None:
        self._title.setText(f"<b>{self.level}</b> &nbsp;{title}")
        self._text.setText(text)

    def set_state(self, chosen: bool, is_target: bool) -> None:
        # Painted here rather than by a style sheet: style sheets slow every repaint of the panel.
        if (self.property("chosen"), self.property("target")) == (chosen, is_target):
            return
        self.setProperty("chosen", chosen)
        self.setProperty("target", is_target)
        self.update()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        chosen, is_target = bool(self.property("chosen")), bool(self.property("target"))
        rect = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        painter.setPen(QPen(CHOSEN_BORDER if chosen else PLAIN_BORDER, 2 if chosen else 1))
        painter.setBrush(CHOSEN_FILL if chosen else self.palette().base().color())
        painter.drawRoundedRect(rect, 4, 4)
        if is_target:
            painter.fillRect(QRectF(rect.left(), rect.top() + 2, 4, rect.height() - 4), TARGET_MARK)
        painter.end()

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.isEnabled():
            self.clicked.emit(self.level)
        super().mousePressEvent(event)


class IndicatorPanel(QWidget):
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
        self._limit = evidence_limit_bytes
        self._report_error = report_error
        self._indicator: Indicator | None = None
        self._note_revision = None  # the revision whose note the note field was filled from
        self._text_fields: list[tuple[QLineEdit, str]] = []  # one-line fields saved when left
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAcceptDrops(True)

        self._title = QLabel(self)
        self._title.setWordWrap(True)
        self._question = QLabel(self)
        self._question.setWordWrap(True)
        self._references = QLabel(self)
        self._references.setWordWrap(True)
        self._references.setStyleSheet("color: #666666; font-size: 9pt;")
        self._answer = QLabel(self)
        # its text changes on every key; a fixed-size label keeps that from relaying out the panel
        self._answer.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._answer.setWordWrap(True)  # room for two lines: the longest message must not be cut
        self._answer.setFixedHeight(2 * self._answer.fontMetrics().lineSpacing() + 6)

        self._levels: dict[int, LevelOption] = {}
        levels_box = QVBoxLayout()
        levels_box.setSpacing(4)
        for level in session.framework.level_numbers:
            option = LevelOption(level, self)
            option.clicked.connect(self.choose_level)
            self._levels[level] = option
            levels_box.addWidget(option)

        # one title width for all levels, so the rubric texts line up in a column
        metrics = self.fontMetrics()
        title_width = 24 + max(
            metrics.horizontalAdvance(f"{n}  {localize(name, lang)}") for n, name in session.framework.levels.items()
        )
        for option in self._levels.values():
            option.set_title_width(title_width)

        self.na_button = QPushButton(self.tr("Not applicable (N)"), self)
        self.na_button.setCheckable(True)
        self.na_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.na_button.clicked.connect(lambda checked: self.set_na(checked))

        self.target_box = QComboBox(self)
        self.target_box.activated.connect(self._target_chosen)

        self.value_edit = QLineEdit(self)
        self.value_edit.setPlaceholderText(self.tr("measured value"))
        self.value_edit.editingFinished.connect(self._value_entered)
        self.value_edit.textEdited.connect(self._preview_value)
        self.value_edit.setMaximumWidth(140)
        self._unit = QLabel(self)
        self._value_level = QLabel(self)
        self._value_level.setWordWrap(True)  # long level names must not widen the panel
        self._value_level.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        value_row = QHBoxLayout()
        value_row.addWidget(self.value_edit)
        value_row.addWidget(self._unit)
        value_row.addWidget(self._value_level, 1)
        self._value_widget = QWidget(self)
        self._value_widget.setLayout(value_row)
        value_row.setContentsMargins(0, 0, 0, 0)

        # what the official report prints beside the finding: where a value comes from, and what to do about a gap
        self.source_edit = self._text_field(self.tr("e.g. BPS, Susenas; Diskominfo inventory"), "value_source")
        self.value_year_edit = self._text_field(self.tr("year"), "value_year", width=70)
        source_row = QHBoxLayout()
        source_row.setContentsMargins(0, 0, 0, 0)
        source_row.addWidget(self.source_edit, 1)
        source_row.addWidget(QLabel(self.tr("Year:"), self))
        source_row.addWidget(self.value_year_edit)
        self._source_widget = QWidget(self)
        self._source_widget.setLayout(source_row)
        self.recommendation_edit = self._text_field(
            self.tr("what should be done to reach the target"), "recommendation"
        )
        self.responsible_edit = self._text_field(self.tr("unit (OPD), e.g. Diskominfo"), "responsible")
        self.due_edit = self._text_field(self.tr("year"), "due", width=70)
        action_row = QHBoxLayout()
        action_row.setContentsMargins(0, 0, 0, 0)
        action_row.addWidget(self.responsible_edit, 1)
        action_row.addWidget(QLabel(self.tr("Due:"), self))
        action_row.addWidget(self.due_edit)
        self._action_widget = QWidget(self)
        self._action_widget.setLayout(action_row)

        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setMaximumHeight(72)  # four lines; with the evidence below, all fits a 768-pixel screen
        self.note_edit.setTabChangesFocus(True)
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_SAVE_DELAY_MS)
        self._note_timer.timeout.connect(self.save_note)
        self.note_edit.textChanged.connect(self._note_typed)
        self.note_edit.installEventFilter(self)
        self.value_edit.installEventFilter(self)
        self.target_box.installEventFilter(self)

        self.evidence_model = EvidenceModel(self)
        self.evidence_view = QTableView(self)
        self.evidence_view.setModel(self.evidence_model)
        self.evidence_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.evidence_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.evidence_view.verticalHeader().hide()
        self.evidence_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.evidence_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.evidence_view.setMaximumHeight(92)  # three files in sight, more scroll
        self.evidence_view.doubleClicked.connect(lambda _index: self.open_evidence())
        self.add_evidence_button = QPushButton(self.tr("Add file…"), self)
        self.add_evidence_button.clicked.connect(self.choose_evidence_files)
        self.open_evidence_button = QPushButton(self.tr("Open"), self)
        self.open_evidence_button.clicked.connect(self.open_evidence)
        self.remove_evidence_button = QPushButton(self.tr("Remove"), self)
        self.remove_evidence_button.clicked.connect(self.remove_selected_evidence)
        evidence_buttons = QHBoxLayout()
        evidence_buttons.addWidget(self.add_evidence_button)
        evidence_buttons.addWidget(self.open_evidence_button)
        evidence_buttons.addWidget(self.remove_evidence_button)
        evidence_buttons.addStretch(1)
        self._drop_hint = QLabel(self.tr("or drop files here"), self)
        self._drop_hint.setStyleSheet("color: #666666;")
        evidence_buttons.addWidget(self._drop_hint)

        form = self._form = QFormLayout()
        form.addRow(self.tr("Target level:"), self.target_box)
        form.addRow(self.tr("Measured value:"), self._value_widget)
        form.addRow(self.tr("Source of the value:"), self._source_widget)
        form.addRow(self.tr("Note:"), self.note_edit)
        form.addRow(self.tr("Recommendation:"), self.recommendation_edit)
        form.addRow(self.tr("Responsible unit:"), self._action_widget)
        form.addRow(self.tr("Evidence:"), self.evidence_view)
        form.addRow("", evidence_buttons)

        content = QWidget(self)
        layout = QVBoxLayout(content)
        layout.addWidget(self._title)
        layout.addWidget(self._question)
        layout.addWidget(self._references)
        layout.addLayout(levels_box)
        na_row = QHBoxLayout()
        na_row.addWidget(self.na_button)
        na_row.addWidget(self._answer, 1)
        layout.addLayout(na_row)
        layout.addLayout(form)
        layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        session.response_changed.connect(self._response_changed)
        session.evidence_changed.connect(self._evidence_changed)
        session.status_changed.connect(self._show_values)

    # ---- showing --------------------------------------------------------------------------------

    @property
    def indicator(self) -> Indicator | None:
        return self._indicator

    @property
    def _read_only(self) -> bool:
        """Final, in review, or (an assignment) another assessor's pillar: shown, not changed here."""
        return self.session.is_read_only(self._indicator.code if self._indicator is not None else None)

    def show_indicator(self, code: str) -> None:
        self.save_pending()  # the note and value being typed belong to the indicator we leave
        indicator = self.session.indicator(code)
        self._indicator = indicator
        self.value_edit.setText(self._stored_value_text())  # never carry typed text over to another indicator
        framework, lang = self.session.framework, self._lang
        pillar = framework.pillar(indicator.pillar_code)
        position = framework.indicators.index(indicator) + 1
        self._title.setText(
            f"<span style='color:#666666'>{localize(pillar.name, lang)} · "
            + self.tr("indicator {n} of {total}").format(n=position, total=len(framework.indicators))
            + f"</span><br><span style='font-size:15pt'><b>{indicator.code}</b> {localize(indicator.name, lang)}</span>"
        )
        self._question.setText(localize(indicator.question, lang))
        self._references.setVisible(bool(indicator.references))
        self._references.setText(self.tr("References: {items}").format(items="; ".join(indicator.references)))
        for level, option in self._levels.items():
            option.set_texts(localize(framework.levels.get(level), lang), localize(indicator.rubric.get(level), lang))
        self.target_box.clear()
        self.target_box.addItem(self.tr("As the framework sets ({level})").format(level=indicator.target), None)
        for level in framework.level_numbers:
            self.target_box.addItem(f"{level} — {localize(framework.levels[level], lang)}", level)
        metric = indicator.metric
        self._form.setRowVisible(self._value_widget, metric is not None)
        self._form.setRowVisible(self._source_widget, metric is not None)
        self._unit.setText(localize(metric.unit, lang) if metric else "")
        self._show_values()
        self._evidence_changed(code)

    def _show_values(self) -> None:
        indicator = self._indicator
        if indicator is None:
            return
        record = self.session.response(indicator.code)
        level = record.level if record else None
        na = bool(record and record.na)
        target = record.target if record and record.target is not None else indicator.target
        for number, option in self._levels.items():
            option.set_state(chosen=number == level and not na, is_target=number == target)
        self.na_button.setChecked(na)
        own_target = record.target if record is not None else None  # None: the framework's (first item)
        self.target_box.setCurrentIndex(0 if own_target is None else max(0, self.target_box.findData(own_target)))
        if not self.value_edit.isModified():  # text being typed stays until it is entered or the indicator left
            self.value_edit.setText(self._stored_value_text())
        self._value_level.setText(
            self._level_text(level) if indicator.metric and record and record.value is not None else ""
        )
        if not self._note_timer.isActive():  # a note being typed is kept until it is saved
            self._note_revision = record.revision if record else None
        if self.note_edit.toPlainText() != (record.note if record else "") and not self._note_timer.isActive():
            self.note_edit.blockSignals(True)
            self.note_edit.setPlainText(record.note if record else "")
            self.note_edit.moveCursor(QTextCursor.MoveOperation.End)  # typing adds to the note, not before it
            self.note_edit.blockSignals(False)
        if na:
            self._answer.setText(self.tr("Marked not applicable: left out of the scores."))
        elif level is not None:
            self._answer.setText(self.tr("Level {level} chosen; target {target}.").format(level=level, target=target))
        elif self._read_only:  # nothing to invite: a final assessment takes no answers
            self._answer.setText(self.tr("Not answered."))
        else:
            self._answer.setText(
                "<span style='color:#D55E00'><b>" + self.tr("Not answered yet: press 1–5 or N.") + "</b></span>"
            )
        for edit, name in self._text_fields:
            stored = getattr(record, name, None) if record is not None else None
            text = "" if stored is None else str(stored)
            if not edit.isModified() and edit.text() != text:
                edit.setText(text)
                edit.setCursorPosition(0)  # a long recommendation shows its beginning, not its end
        editable = not self._read_only
        for edit, _name in self._text_fields:
            edit.setReadOnly(not editable)
        self.note_edit.setPlaceholderText(
            self.tr("Findings, sources, who said what… (saved as you type)") if editable else self.tr("No note.")
        )
        self._drop_hint.setVisible(editable)
        for widget in (*self._levels.values(), self.na_button, self.target_box, self.value_edit):
            widget.setEnabled(editable)
        self.note_edit.setReadOnly(not editable)
        self.add_evidence_button.setEnabled(editable)
        self.remove_evidence_button.setEnabled(editable)

    def _stored_value_text(self) -> str:
        record = self.session.response(self._indicator.code) if self._indicator else None
        if record is None or record.value is None:
            return ""
        # The shortest text that reads back as the same float (core.numbers' fixed rule: one mark, no
        # grouping), so leaving the field never changes the value; a decimal comma in Indonesian.
        text = QLocale.c().toString(record.value, "g", QLocale.FloatingPointPrecisionOption.FloatingPointShortest)
        return with_decimal_mark(text, self._lang)

    def _level_text(self, level: int | None) -> str:
        if level is None:
            return ""
        name = localize(self.session.framework.levels.get(level), self._lang)
        return self.tr("→ level {level} ({name}) from the thresholds").format(level=level, name=name)

    def _response_changed(self, code: str) -> None:
        if self._indicator is not None and code == self._indicator.code:
            self._show_values()

    def _evidence_changed(self, code: str) -> None:
        if self._indicator is not None and code in (self._indicator.code, ""):
            self.evidence_model.set_rows(self.session.evidence(code))

    # ---- editing --------------------------------------------------------------------------------

    def _save(self, **fields) -> bool:
        if self._indicator is None:
            return False
        try:
            self.session.set_response(self._indicator.code, **fields)
        except UserError as exc:
            self._show_values()
            if exc.code == "level_follows_value":  # a key pressed by habit: say it in place, no dialog
                self._answer.setText(sentence(exc))
            else:
                self._report_error(sentence(exc))
            return False
        except DATABASE_ERRORS as exc:
            self._report_error(database_sentence(exc, self.session.store.location))
            self._show_values()
            return False
        return True

    def choose_level(self, level: int) -> None:
        self._save(level=level)  # the service refuses a level chosen over a measured value

    def set_na(self, na: bool) -> None:
        self._save(na=na)

    def toggle_na(self) -> None:
        record = self.session.response(self._indicator.code) if self._indicator else None
        self.set_na(not (record and record.na))

    def _target_chosen(self, row: int) -> None:
        self._save(target=self.target_box.itemData(row))

    def _value_entered(self) -> None:
        """Return or leaving the field: save what the person typed (text set by the panel is never saved)."""
        if self._indicator is None or self._read_only or not self.value_edit.isModified():
            return
        self.value_edit.setModified(False)  # from here on the field shows what the database holds
        text = self.value_edit.text().strip()
        record = self.session.response(self._indicator.code)
        if not text:
            if record is not None and record.value is not None:
                self._save(value=None)
            self._show_values()
            return
        try:
            value = parse_decimal(text)
        except NotANumber:
            self._report_error(self.tr("'{text}' is not a number.").format(text=text))
            self._show_values()
            return
        except NotFinite:
            self._report_error(self.tr("'{text}' is out of range for a measured value.").format(text=text))
            self._show_values()
            return
        if record is None or record.value != value:
            self._save(value=value)
        self._show_values()  # also when nothing changed: "72,5" typed shows as the stored 72.5

    def _preview_value(self, text: str) -> None:
        if self._indicator is None or self._indicator.metric is None:
            return
        try:
            value = parse_decimal(text)
        except ValueError:
            self._value_level.setText("")  # no level for what is not (yet) a finite number
            return
        low, high = self._indicator.metric.bounds
        if (low is not None and value < low) or (high is not None and value > high):
            shown = [with_decimal_mark("∞" if b is None else f"{b:g}", self._lang) for b in (low, high)]
            self._value_level.setText(
                self.tr("outside the plausible range {low}–{high}").format(low=shown[0], high=shown[1])
            )
            return
        self._value_level.setText(self._level_text(self.session.framework.level_for_value(self._indicator, value)))

    def _note_typed(self) -> None:
        if not self._read_only:
            self._note_timer.start()

    def _text_field(self, placeholder: str, name: str, *, width: int | None = None) -> QLineEdit:
        """A one-line field saved when it is left (or Enter is pressed), like the measured value."""
        edit = QLineEdit(self)
        edit.setPlaceholderText(placeholder)
        if width is not None:
            edit.setMaximumWidth(width)
        edit.editingFinished.connect(lambda: self._text_entered(edit, name))
        self._text_fields.append((edit, name))
        return edit

    def _text_entered(self, edit: QLineEdit, name: str) -> None:
        if self._indicator is None or not edit.isModified():
            return
        edit.setModified(False)
        text = edit.text().strip()
        value: object = text
        if name in YEAR_FIELDS:
            if text and not text.isdigit():
                self._report_error(self.tr("'{text}' is not a year.").format(text=text))
                self._show_values()
                return
            value = int(text) if text else None
        record = self.session.response(self._indicator.code)
        stored = getattr(record, name) if record is not None else UNANSWERED[name]
        if value != stored:
            self._save(**{name: value})

    def save_pending(self) -> None:
        """Save the note and the measured value still being typed (before moving on or closing)."""
        for edit, name in self._text_fields:
            self._text_entered(edit, name)
        self.save_note()
        self._value_entered()

    def save_note(self) -> None:
        self._note_timer.stop()
        if self._indicator is None or self._read_only:
            return
        record = self.session.response(self._indicator.code)
        text = self.note_edit.toPlainText()
        if text != (record.note if record else ""):
            self._save_note(text)

    def _save_note(self, text: str) -> None:
        """Save the typed note against the revision it was typed over, not one a refresh brought in since."""
        try:
            self.session.set_response(self._indicator.code, seen=self._note_revision, note=text)
        except UserError as exc:
            self._report_error(sentence(exc))
            self._show_values()
            return
        except DATABASE_ERRORS as exc:
            self._report_error(database_sentence(exc, self.session.store.location))
            return
        self._note_revision = self._shown_revision()

    def _shown_revision(self):
        record = self.session.response(self._indicator.code) if self._indicator else None
        return record.revision if record is not None else None

    def eventFilter(self, watched, event) -> bool:
        if watched is self.note_edit and event.type() == event.Type.FocusOut:
            self.save_note()
        if (
            watched in (self.note_edit, self.value_edit, self.target_box)
            and event.type() == event.Type.KeyPress
            and event.key() == Qt.Key.Key_Escape
        ):
            # Esc leaves whichever field has the keyboard, so the level keys that follow choose a
            # level instead of typing into the field; what was typed is saved as typed.
            self.save_pending()
            self.setFocus()
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            super().keyPressEvent(event)
            return
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_9 and (key - Qt.Key.Key_0) in self._levels:
            if not self._read_only:
                self.choose_level(key - Qt.Key.Key_0)
            event.accept()
            return
        if key == Qt.Key.Key_N:
            if not self._read_only:
                self.toggle_na()
            event.accept()
            return
        super().keyPressEvent(event)

    # ---- evidence -------------------------------------------------------------------------------

    def choose_evidence_files(self) -> None:
        self.add_evidence_files(file_dialogs.open_files(self, self.tr("Add evidence files")))

    def add_evidence_files(self, paths: list[str]) -> None:
        """Store each file; the first refused one stops with one sentence (those before it stay)."""
        if self._indicator is None or self._read_only:
            return
        code = self._indicator.code
        for path in paths:
            try:
                self.session.add_evidence_file(code, path, self._limit)
            except UserError as exc:
                self._report_error(sentence(exc))
                return
            except DATABASE_ERRORS as exc:
                self._report_error(database_sentence(exc, self.session.store.location))
                return

    def selected_evidence(self):
        rows = self.evidence_view.selectionModel().selectedRows()
        if not rows and self.evidence_model.rowCount() == 1:
            return self.evidence_model.evidence_at(0)
        return self.evidence_model.evidence_at(rows[0].row()) if rows else None

    def open_evidence(self) -> None:
        evidence = self.selected_evidence()
        if evidence is None:
            return
        try:
            data = self.session.store.evidence_data(evidence.id)
        except UserError as exc:
            self._report_error(sentence(exc))
            return
        # A copy in the app's private temporary folder: the stored bytes stay the only original.
        try:
            path = EVIDENCE_COPIES.write(evidence.id, evidence.file_name, data)
        except OSError as exc:
            self._report_error(str(open_copy_error(evidence.file_name, exc)))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def remove_selected_evidence(self) -> None:
        evidence = self.selected_evidence()
        if evidence is None:
            return
        try:
            self.session.remove_evidence(evidence)
        except UserError as exc:
            self._report_error(sentence(exc))

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() and not self._read_only:
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        event.acceptProposedAction()
        self.add_evidence_files(paths)
