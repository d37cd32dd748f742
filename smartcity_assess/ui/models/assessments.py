"""The assessments of the database as a table: city, year, framework, status, completion."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from ..i18n import decimal_text

if TYPE_CHECKING:  # the store, scoring and uuid (which loads `platform`) come after the window is painted
    import uuid

    from ...services.assessments import ScoredAssessment

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2

CITY, YEAR, FRAMEWORK, STATUS, COMPLETION, SCORE = range(6)


def _headers() -> tuple[str, ...]:
    return (
        QCoreApplication.translate("AssessmentsModel", "City"),
        QCoreApplication.translate("AssessmentsModel", "Year"),
        QCoreApplication.translate("AssessmentsModel", "Framework"),
        QCoreApplication.translate("AssessmentsModel", "Status"),
        QCoreApplication.translate("AssessmentsModel", "Completion"),
        QCoreApplication.translate("AssessmentsModel", "Index"),
    )


class AssessmentRow(NamedTuple):  # a named tuple: immutable, and cheaper to define than a dataclass at start
    id: uuid.UUID
    city: str
    year: int
    framework: str
    is_final: bool
    is_demo: bool
    completion: float
    score: float | None
    status: str = "draft"  # draft, in_review or final (records.DRAFT…; not imported: start-up stays light)
    review_comment: str | None = None  # the reviewer's reason, while it is a draft returned to the assessors

    @classmethod
    def from_scored(cls, scored: ScoredAssessment) -> AssessmentRow:
        info = scored.info
        return cls(
            id=info.id,
            city=info.city,
            year=info.year,
            framework=f"{info.framework_code} {info.framework_version}",
            is_final=info.is_final,
            is_demo=info.is_demo,
            completion=scored.score.overall.completion,
            score=scored.score.overall.score,
            status=info.status,
            review_comment=info.review_comment if info.status == "draft" else None,
        )

    @property
    def is_in_review(self) -> bool:
        return self.status == "in_review"


def status_text(row: AssessmentRow) -> str:
    if row.is_final:
        text = QCoreApplication.translate("AssessmentsModel", "Final")
    elif row.is_in_review:
        text = QCoreApplication.translate("AssessmentsModel", "In review")
    elif row.review_comment:
        text = QCoreApplication.translate("AssessmentsModel", "Draft (returned)")
    else:
        text = QCoreApplication.translate("AssessmentsModel", "Draft")
    if row.is_demo:
        text = QCoreApplication.translate("AssessmentsModel", "{status} (sample)").format(status=text)
    return text


_STATUS_ORDER = {"draft": 0, "in_review": 1, "final": 2}


class AssessmentsModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[AssessmentRow] = []
        self._headers = _headers()

    def set_rows(self, rows: list[AssessmentRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> AssessmentRow:
        return self._rows[row]

    def row_of(self, assessment_id: uuid.UUID) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == assessment_id), -1)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            return (
                row.city.casefold(),
                row.year,
                row.framework,
                _STATUS_ORDER.get(row.status, 0),
                row.completion,
                -1.0 if row.score is None else row.score,
            )[column]
        if role == ID_ROLE:
            return str(row.id)
        if role == Qt.ItemDataRole.ToolTipRole and column == STATUS and row.review_comment:
            return QCoreApplication.translate("AssessmentsModel", "Returned by the reviewer: {comment}").format(
                comment=row.review_comment
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (YEAR, COMPLETION, SCORE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _display(row: AssessmentRow, column: int) -> str:
        if column == CITY:
            return row.city
        if column == YEAR:
            return str(row.year)
        if column == FRAMEWORK:
            return row.framework
        if column == STATUS:
            return status_text(row)
        if column == COMPLETION:
            return f"{row.completion:.0%}"
        return "—" if row.score is None else decimal_text(row.score)


class AssessmentsFilter(QSortFilterProxyModel):
    """Sorts by real values (years and percentages as numbers) and filters by words.

    Every word of the filter must match: a number matches the year (its start), any other word the
    city or the status — so "bandung 2026" finds Bandung's 2026, not every row whose framework
    (bandung-smart-city 2026.2) happens to contain both words.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._words: list[str] = []

    def set_filter_text(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        if not self._words:
            return True
        model = self.sourceModel()

        def text(column: int) -> str:
            return str(model.index(source_row, column, source_parent).data() or "").casefold()

        year = text(YEAR)
        words = f"{text(CITY)} {text(STATUS)}"
        return all(year.startswith(w) if w.isdigit() else w in words for w in self._words)
