"""One open assessment: what the walk shows, every edit saved at once and undoable.

Every edit goes to the database first (services.assessments.record_response / services.evidence);
only when the write succeeded is it pushed on the undo stack, so a refused edit leaves neither the
database nor the stack changed. Undo and redo write to the database too.

Each write names the revision of the response the session showed: a field another writer (the
command line, another laptop's merged work) changed since is never overwritten, neither by an edit
nor by an undo; the session then shows what is stored and says so. `refresh` picks up what other
writers committed.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ...core.errors import ChangedElsewhere, UserError
from ...core.framework import Framework, Indicator
from ...core.responses import ResponseInput
from ...core.scoring import AssessmentScore, score_assessment
from ...services import assessments
from ...services import conflicts as conflict_service
from ...services import evidence as evidence_service
from ...services.assessments import earlier_finals, record_response, score
from ...services.records import AssessmentInfo, EvidenceInfo, ResponseRecord, Store
from ..i18n import sentence


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


def _review_state(info: AssessmentInfo) -> tuple:
    """What decides whether and where the walk may change answers, and what the header says about it."""
    return (info.status, info.review_comment, info.editable_pillars)


def fields_of(record: ResponseRecord | None) -> dict:
    """The recorded fields (those of an unanswered response when there is no record)."""
    return (record.as_input() if record is not None else ResponseInput()).as_fields()


_SHOWN = object()  # set_response(seen=…) default: the revision the session shows


@dataclass(frozen=True)
class PreviousYear:
    year: int
    score: AssessmentScore


class AssessmentSession(QObject):
    response_changed = Signal(str)  # indicator code
    evidence_changed = Signal(str)  # indicator code
    status_changed = Signal()
    conflicts_changed = Signal()
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
        self.conflicts: dict[str, conflict_service.Conflict] = self._read_conflicts()

    # ---- reading --------------------------------------------------------------------------------

    @property
    def is_final(self) -> bool:
        return self.info.is_final

    @property
    def is_in_review(self) -> bool:
        return self.info.is_in_review

    def is_read_only(self, code: str | None = None) -> bool:
        """Whether the indicator can be changed here: not when final or in review, nor outside an assignment."""
        if self.info.status != "draft":
            return True
        indicator = self.framework.indicator(code) if code else None
        return indicator is not None and not self.info.may_edit_pillar(indicator.pillar_code)

    def response(self, code: str) -> ResponseRecord | None:
        return self.responses.get(code)

    def _read_conflicts(self) -> dict[str, conflict_service.Conflict]:
        return {c.indicator: c for c in conflict_service.open_conflicts(self.store, self.assessment_id)}

    def conflicts_in_pillar(self, pillar_code: str) -> int:
        return sum(1 for code in self.conflicts if self.indicator(code).pillar_code == pillar_code)

    def resolve_conflict(self, code: str, *, take: str | None = None, answer: dict | None = None) -> None:
        """Settle one conflict (take a side or write an answer); UserError when refused."""
        conflict_service.resolve(self.store, self.assessment_id, code, take=take, answer=answer, actor=self.actor)
        self.refresh()

    def resolve_all_conflicts(self, take: str) -> int:
        count = conflict_service.resolve_all(self.store, self.assessment_id, take, actor=self.actor)
        self.refresh()
        return count

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

    def evidence_all(self) -> list[EvidenceInfo]:
        """Every evidence file of the assessment, in one read."""
        return self.store.evidence(self.assessment_id)

    def _previous_year(self) -> PreviousYear | None:
        earlier = earlier_finals(self.store, self.info)  # the same rule as the report's
        if not earlier:
            return None
        return PreviousYear(earlier[-1].info.year, earlier[-1].score)

    # ---- editing (each call is one undoable step) ----------------------------------------------------

    def set_response(self, code: str, *, seen=_SHOWN, **fields) -> ResponseRecord:
        """Change some fields of one response; raises UserError (nothing saved) when refused.

        `seen`: the revision the edited field was shown at, when it is older than the session's
        (a note typed while a refresh came in); by default the revision the session shows.
        """
        before = fields_of(self.responses.get(code))
        record = self._write(code, fields, seen)
        after = fields_of(record)
        # Undo and redo write back only the fields this edit changed: a field someone else changes
        # meanwhile is theirs, and is refused only when the same field is at stake.
        changed = [f for f in after if after[f] != before[f]]
        if changed:
            self.undo_stack.push(
                _ResponseCommand(
                    self,
                    code,
                    {f: before[f] for f in changed},
                    {f: after[f] for f in changed},
                    self._describe(code, fields),
                )
            )
        return record

    def add_evidence_file(self, code: str, path: str, limit_bytes: int) -> EvidenceInfo:
        """Attach a file (read here, with the shared checks); raises UserError when refused."""
        name, data = evidence_service.read_evidence_file(self.store, path, limit_bytes)
        return self.add_evidence(code, name, data, limit_bytes)

    def add_evidence(self, code: str, file_name: str, data: bytes, limit_bytes: int) -> EvidenceInfo:
        command = _AddEvidenceCommand(self, code, file_name, data, limit_bytes)
        self.undo_stack.push(command)
        return command.info

    def remove_evidence(self, evidence: EvidenceInfo) -> None:
        self.undo_stack.push(_RemoveEvidenceCommand(self, evidence))

    def finalize(self) -> None:
        assessments.finalize(self.store, self.assessment_id, actor=self.actor)
        self._status_changed()

    def reopen(self, reason: str = "") -> None:
        assessments.reopen(self.store, self.assessment_id, reason=reason, actor=self.actor)
        self._status_changed()

    def _status_changed(self) -> None:
        self.info = self.store.assessment(self.assessment_id)
        self.undo_stack.clear()  # a final assessment has nothing to undo; a reopened one starts afresh
        self.status_changed.emit()

    # ---- writes shared by edits and undo/redo ----------------------------------------------------

    def refresh(self) -> list[str]:
        """Take in what other writers committed; returns the indicators whose response changed."""
        info = self.store.assessment(self.assessment_id)
        stored = self.store.responses(self.assessment_id)
        changed = [
            code
            for code in set(stored) | set(self.responses)
            if getattr(stored.get(code), "revision", None) != getattr(self.responses.get(code), "revision", None)
        ]
        self.responses = stored
        if changed:
            self._rescore()
            for code in sorted(changed):
                self.response_changed.emit(code)
        self.evidence_changed.emit("")  # "" : whichever indicator is shown reads its files again
        conflicts = self._read_conflicts()
        if conflicts.keys() != self.conflicts.keys() or any(
            c.theirs != self.conflicts[k].theirs for k, c in conflicts.items()
        ):
            self.conflicts = conflicts
            self.conflicts_changed.emit()
        if _review_state(info) != _review_state(self.info):
            self._status_changed()
        return changed

    def _write(self, code: str, fields: dict, seen=_SHOWN) -> ResponseRecord:
        if seen is _SHOWN:
            shown = self.responses.get(code)
            seen = shown.revision if shown is not None else None
        try:
            record = record_response(self.store, self.assessment_id, code, actor=self.actor, seen=seen, **fields)
        except ChangedElsewhere as exc:
            self._show_stored(code, exc.current)
            raise
        self._show_stored(code, record)
        return record

    def _show_stored(self, code: str, record: ResponseRecord | None) -> None:
        if record is None:
            self.responses.pop(code, None)
        else:
            self.responses[code] = record
        self._rescore()
        self.response_changed.emit(code)

    def _rescore(self) -> None:
        answers = {c: r.answer() for c, r in self.responses.items()}
        self.score = score_assessment(self.framework, answers)

    def _restore(self, command: QUndoCommand, code: str, fields: dict) -> None:
        try:
            self._write(code, fields)
        except UserError as exc:
            if isinstance(exc, ChangedElsewhere):
                command.setObsolete(True)  # someone else's change stands: this step leaves the stack
            self.error.emit(sentence(exc))

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
        self._session._restore(self, self._code, self._after)

    def undo(self) -> None:
        self._session._restore(self, self._code, self._before)


class _AddEvidenceCommand(QUndoCommand):
    """Adds on construction (so a refused file raises before anything is pushed); undo removes it."""

    def __init__(self, session: AssessmentSession, code: str, file_name: str, data: bytes, limit_bytes: int):
        super().__init__(
            QCoreApplication.translate("AssessmentSession", "{code}: add {name}").format(code=code, name=file_name)
        )
        self._session, self._code, self._name, self._data = session, code, file_name, data
        self._limit = limit_bytes
        self.info = self._add()
        self._first = True
        session.evidence_changed.emit(code)

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        try:
            self.info = self._add()
        except UserError as exc:
            self._session.error.emit(sentence(exc))
        self._session.evidence_changed.emit(self._code)

    def _add(self) -> EvidenceInfo:
        s = self._session
        return evidence_service.add_evidence(
            s.store, s.assessment_id, self._code, self._name, self._data, actor=s.actor, limit_bytes=self._limit
        )

    def undo(self) -> None:
        try:
            evidence_service.remove_evidence(self._session.store, self.info.id, actor=self._session.actor)
        except UserError as exc:
            self._session.error.emit(sentence(exc))
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
        evidence_service.remove_evidence(session.store, evidence.id, actor=session.actor)
        self._first = True
        session.evidence_changed.emit(evidence.indicator_code)

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        try:
            evidence_service.remove_evidence(self._session.store, self._evidence.id, actor=self._session.actor)
        except UserError as exc:
            self._session.error.emit(sentence(exc))
        self._session.evidence_changed.emit(self._evidence.indicator_code)

    def undo(self) -> None:
        s, e = self._session, self._evidence
        try:
            self._evidence = evidence_service.add_evidence(
                s.store,
                s.assessment_id,
                e.indicator_code,
                e.file_name,
                self._data,
                actor=s.actor,
                limit_bytes=len(self._data),  # it was accepted once, under the limit of the day
            )
        except UserError as exc:
            s.error.emit(sentence(exc))
        s.evidence_changed.emit(e.indicator_code)
