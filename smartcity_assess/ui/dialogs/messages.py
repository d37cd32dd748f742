"""The app's few kinds of message box, in one place so tests can answer them instead of a person."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QMessageBox, QVBoxLayout, QWidget


def show_error(parent: QWidget | None, sentence: str) -> None:
    """One clear sentence; the first letter capitalised, as the store's messages start in lower case."""
    QMessageBox.warning(parent, QCoreApplication.translate("Messages", "Smart City Assess"), as_sentence(sentence))


def as_sentence(text: str) -> str:
    """Capitalised and ended with a full stop — unless it starts with a name (big.bin, x_2.pdf), kept as typed."""
    first_word = text.split(maxsplit=1)[0] if text.strip() else ""
    if first_word.isalpha():  # an ordinary word; a file name has a dot, digit, dash or underscore in it
        text = text[:1].upper() + text[1:]
    if text and text[-1] not in ".!?":
        text += "."
    return text


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def ask_text(parent: QWidget | None, title: str, label: str, *, required: bool = False) -> str | None:
    """The text typed, or None when cancelled; `required`: OK stays disabled until something is typed."""
    dialog = TextDialog(title, label, required=required, parent=parent)
    return dialog.text() if dialog.exec() == QDialog.DialogCode.Accepted else None


class TextDialog(QDialog):
    """A question with a one-line answer."""

    def __init__(self, title: str, label: str, *, required: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.edit = QLineEdit(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if required:
            self.edit.textChanged.connect(lambda text: self.ok_button.setEnabled(bool(text.strip())))
            self.ok_button.setEnabled(False)
        layout = QVBoxLayout(self)
        text = QLabel(label, self)
        text.setWordWrap(True)
        layout.addWidget(text)
        layout.addWidget(self.edit)
        layout.addWidget(self.buttons)

    def text(self) -> str:
        return self.edit.text()
