"""The reviewer's two dialogs: Approve… (name, role, NIP: who signs it off) and Return… (the reason)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import UserError
from ...services.review import normalized_nip
from ..i18n import sentence
from .messages import title_width


class _Dialog(QDialog):
    """A question above a form, a sentence line for what is wrong, and OK / Cancel."""

    def __init__(self, title: str, question: str, parent: QWidget | None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.question = QLabel(question, self)
        self.question.setWordWrap(True)
        self.form = QFormLayout()
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #D55E00;")
        self.problem.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(max(460, title_width(title, self)))

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))


class ApproveDialog(_Dialog):
    """Who signs the assessment off. OK waits for a name; a NIP that is not one is said here, the dialog
    staying open, rather than after it closed."""

    def __init__(self, question: str, *, reviewer: str = "", parent: QWidget | None = None):
        super().__init__(self.tr("Approve assessment"), question, parent)
        self.reviewer = QLineEdit(reviewer, self)
        self.role = QLineEdit(self)
        self.role.setPlaceholderText(self.tr("e.g. Head of Bappeda"))
        self.nip = QLineEdit(self)
        self.nip.setPlaceholderText(self.tr("18 digits, optional"))
        self.form.addRow(self.tr("Reviewer's &name"), self.reviewer)
        self.form.addRow(self.tr("&Role"), self.role)
        self.form.addRow(self.tr("NI&P"), self.nip)
        self.reviewer.textChanged.connect(self._changed)
        self.nip.textChanged.connect(lambda _text: self.show_problem(""))
        self._changed()

    def _changed(self) -> None:
        self.ok_button.setEnabled(bool(self.reviewer.text().strip()))

    def accept(self) -> None:
        try:
            normalized_nip(self.nip.text())
        except UserError as exc:
            self.show_problem(sentence(exc))
            self.nip.setFocus()
            return
        super().accept()

    def signer(self) -> tuple[str, str | None, str | None]:
        """(reviewer, role, NIP) as typed; the service tidies and checks them again."""
        return self.reviewer.text(), self.role.text().strip() or None, self.nip.text().strip() or None


class ReturnDialog(_Dialog):
    """Why the assessment goes back to the assessors; they see it on the assessment until they resubmit."""

    def __init__(self, question: str, parent: QWidget | None = None):
        super().__init__(self.tr("Return to the assessors"), question, parent)
        self.reason = QPlainTextEdit(self)
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(self.tr("What should the assessors look at again?"))
        self.reason.setMinimumHeight(90)
        self.form.addRow(self.tr("&Reason"), self.reason)
        self.reason.textChanged.connect(lambda: self.ok_button.setEnabled(bool(self.reason.toPlainText().strip())))
        self.ok_button.setEnabled(False)

    def text(self) -> str:
        return self.reason.toPlainText().strip()
