"""One open assessment: what the walk shows, every edit saved at once and undoable.

Every edit goes to the database first (services.assessments.record_response / the store's evidence
methods); only when the write succeeded is it pushed on the undo stack, so a refused edit leaves
neither the database nor the stack changed. Undo and redo write to the database too.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ...core.errors import UserError
from ...core.framework import Framework, Indicator
from ...core.responses import ResponseInput
from ...core.scoring import AssessmentScore, score_assessment
from ...persistence.store import AssessmentInfo, EvidenceInfo, ResponseRecord, Store
from ...services.assessments import earlier_finals, record_response, score


def _field_name(field: str) -> str:
    """A response field as the Undo/Redo menu names it."""
    names = {
        "level": QCoreApplication.translate("AssessmentSession", "level"),
        "na": QCoreApplication.translate("AssessmentSession", "not applicable"),
        "target": QCoreApplication.translate("AssessmentSession", "target"),
        "value": QCoreApplication.translate("AssessmentSession", "value"),
        "note": QCoreApplication.translate("AssessmentSession", "note"),
        "value_source": QCoreApplication.translate("AssessmentSession", "source of the value"),
        "value_year": QCoreApplication.translate("AssessmentSession", "year of the value"),
        "recommendation": QCoreApplication.translate("AssessmentSession", "recommendation"),
        "responsible": QCoreApplication.translate("AssessmentSession", "responsible unit"),
        "due": QCoreApplication.translate("AssessmentSession", "due year"),
    }
    return names.get(field, field)


def fields_of(record: ResponseRecord | None) -> dict:
    """The recorded fields (those of an unanswered response when there is no record)."""
    return (record.as_input() if record is not None else ResponseInput()).as_fields()


@dataclass(frozen=True)
class PreviousYear:
    year: int
    score: AssessmentScore


class AssessmentSession(QObject):
    response_changed = Signal(str)  # indicator code
    evidence_changed = Signal(str)  # indicator code
    status_changed = Signal()
    error = Signal(str)  # one sentence, from an undo/redo the database refused

    def __init__(self, store: Store, assessment_id: uuid.UUID, *, actor: str | None = None, parent=None):
        super().__init__(parent)
        self.store = store
        self.assessment_id = assessment_id
        self.actor = actor or None
        self.undo_stack = QUndoStack(self)
        self.responses: dict[str, ResponseRecord] = store.responses(assessment_id)
        scored = score(store, assessment_id, self.responses)
        self.info: AssessmentInfo = scored.info
        self.framework: Framework = scored.framework
        self.score: AssessmentScore = scored.score
        self.previous = self._previous_year()

    # ---- reading --------------------------------------------------------------------------------

    @property
    def is_final(self) -> bool:
        return self.info.is_final

    def response(self, code: str) -> ResponseRecord | None:
        return self.responses.get(code)

    def is_answered(self, code: str) -> bool:
        record = self.responses.get(code)
        return record is not None and (record.na or record.level is not None)

    def first_unanswered(self, after: int = -1) -> int | None:
        """Framework-order index of the next unanswered indicator after `after`, wrapping around."""
        indicators = self.framework.indicators
        count = len(indicators)
        for step in range(1, count + 1):
            index = (after + step) % count
            if not self.is_answered(indicators[index].code):
                return index
        return None

    def evidence(self, code: str) -> list[EvidenceInfo]:
        return self.store.evidence(self.assessment_id, code)

    def _previous_year(self) -> PreviousYear | None:
        earlier = earlier_finals(self.store, self.info)  # the same rule as the report's
        if not earlier:
            return None
        return PreviousYear(earlier[-1].info.year, earlier[-1].score)

    # ---- editing (each call is one undoable step) ----------------------------------------------------

    def set_response(self, code: str, **fields) -> ResponseRecord:
        """Change some fields of one response; raises UserError (nothing saved) when refused."""
        before = fields_of(self.responses.get(code))
        record = self._write(code, fields)
        after = fields_of(record)
        if after != before:
            self.undo_stack.push(_ResponseCommand(self, code, before, after, self._describe(code, fields)))
        return record

    def add_evidence(self, code: str, file_name: str, data: bytes) -> EvidenceInfo:
        command = _AddEvidenceCommand(self, code, file_name, data)
        self.undo_stack.push(command)
        return command.info

    def remove_evidence(self, evidence: EvidenceInfo) -> None:
        self.undo_stack.push(_RemoveEvidenceCommand(self, evidence))

    def finalize(self) -> None:
        self.store.finalize(self.assessment_id, actor=self.actor)
        self._status_changed()

    def reopen(self, reason: str = "") -> None:
        self.store.reopen(self.assessment_id, actor=self.actor, reason=reason)
        self._status_changed()

    def _status_changed(self) -> None:
        self.info = self.store.assessment(self.assessment_id)
        self.undo_stack.clear()  # a final assessment has nothing to undo; a reopened one starts afresh
        self.status_changed.emit()

    # ---- writes shared by edits and undo/redo ----------------------------------------------------

    def _write(self, code: str, fields: dict) -> ResponseRecord:
        record = record_response(self.store, self.assessment_id, code, actor=self.actor, **fields)
        self.responses[code] = record
        answers = {c: r.answer() for c, r in self.responses.items()}
        self.score = score_assessment(self.framework, answers)
        self.response_changed.emit(code)
        return record

    def _restore(self, code: str, fields: dict) -> None:
        try:
            self._write(code, fields)
        except UserError as exc:
            self.error.emit(str(exc))

    def _describe(self, code: str, fields: dict) -> str:
        what = ", ".join(sorted(_field_name(f) for f in fields))
        return QCoreApplication.translate("AssessmentSession", "{code}: {fields}").format(code=code, fields=what)

    def indicator(self, code: str) -> Indicator:
        indicator = self.framework.indicator(code)
        assert indicator is not None, code
        return indicator


class _ResponseCommand(QUndoCommand):
    def __init__(self, session: AssessmentSession, code: str, before: dict, after: dict, text: str):
        super().__init__(text)
        self._session, self._code, self._before, self._after = session, code, before, after
        self._done = True  # already written when pushed

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._session._restore(self._code, self._after)

    def undo(self) -> None:
        self._session._restore(self._code, self._before)


class _AddEvidenceCommand(QUndoCommand):
    """Adds on construction (so a refused file raises before anything is pushed); undo removes it."""

    def __init__(self, session: AssessmentSession, code: str, file_name: str, data: bytes):
        super().__init__(
            QCoreApplication.translate("AssessmentSession", "{code}: add {name}").format(code=code, name=file_name)
        )
        self._session, self._code, self._name, self._data = session, code, file_name, data
        self.info = session.store.add_evidence(session.assessment_id, code, file_name, data, actor=session.actor)
        self._first = True
        session.evidence_changed.emit(code)

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        try:
            s = self._session
            self.info = s.store.add_evidence(s.assessment_id, self._code, self._name, self._data, actor=s.actor)
        except UserError as exc:
            self._session.error.emit(str(exc))
        self._session.evidence_changed.emit(self._code)

    def undo(self) -> None:
        try:
            self._session.store.remove_evidence(self.info.id, actor=self._session.actor)
        except UserError as exc:
            self._session.error.emit(str(exc))
        self._session.evidence_changed.emit(self._code)


class _RemoveEvidenceCommand(QUndoCommand):
    """Keeps the file's bytes so undo can put it back."""

    def __init__(self, session: AssessmentSession, evidence: EvidenceInfo):
        super().__init__(
            QCoreApplication.translate("AssessmentSession", "{code}: remove {name}").format(
                code=evidence.indicator_code, name=evidence.file_name
            )
        )
        self._session, self._evidence = session, evidence
        self._data = session.store.evidence_data(evidence.id)
        session.store.remove_evidence(evidence.id, actor=session.actor)
        self._first = True
        session.evidence_changed.emit(evidence.indicator_code)

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        try:
            self._session.store.remove_evidence(self._evidence.id, actor=self._session.actor)
        except UserError as exc:
            self._session.error.emit(str(exc))
        self._session.evidence_changed.emit(self._evidence.indicator_code)

    def undo(self) -> None:
        s, e = self._session, self._evidence
        try:
            self._evidence = s.store.add_evidence(
                s.assessment_id, e.indicator_code, e.file_name, self._data, actor=s.actor
            )
        except UserError as exc:
            s.error.emit(str(exc))
        s.evidence_changed.emit(e.indicator_code)
