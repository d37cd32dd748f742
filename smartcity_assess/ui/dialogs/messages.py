"""The app's few kinds of message box, in one place so tests can answer them instead of a person."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

TITLE_BAR_BUTTONS = 150  # room a title bar keeps for the icon and its minimise/maximise/close buttons


def title_width(title: str, widget: QWidget) -> int:
    """The width a window needs for its whole title, as the title bar shows it (with the app's name)."""
    shown = f"{title} — {QApplication.applicationDisplayName()}" if QApplication.applicationDisplayName() else title
    bold = QFont(widget.font())
    bold.setBold(True)  # most title bars draw the title bold
    return QFontMetrics(bold).horizontalAdvance(shown) + TITLE_BAR_BUTTONS


def fit_title(box: QMessageBox) -> QMessageBox:
    """A message box wide enough for its title ("Report written", "Reopen assessment") in any language.

    QMessageBox sizes itself to its text and ignores setMinimumWidth; a spacer in its grid is the way in."""
    layout = box.layout()
    spacer = QSpacerItem(title_width(box.windowTitle(), box), 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Minimum)
    layout.addItem(spacer, layout.rowCount(), 0, 1, layout.columnCount())
    return box


def _box(parent, icon, title: str, text: str, buttons, default) -> QMessageBox:
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setDefaultButton(default)
    return fit_title(box)


def show_error(parent: QWidget | None, sentence: str, title: str | None = None) -> None:
    """One clear sentence; the first letter capitalised, as the store's messages start in lower case."""
    ok = QMessageBox.StandardButton.Ok
    title = title or QCoreApplication.translate("Messages", "Smart City Assess")
    _box(parent, QMessageBox.Icon.Warning, title, as_sentence(sentence), ok, ok).exec()


def as_sentence(text: str) -> str:
    """Capitalised and ended with a full stop — unless it starts with a name (big.bin, x_2.pdf), kept as typed."""
    first_word = text.split(maxsplit=1)[0] if text.strip() else ""
    if first_word.isalpha():  # an ordinary word; a file name has a dot, digit, dash or underscore in it
        text = text[:1].upper() + text[1:]
    if text and text[-1] not in ".!?":
        text += "."
    return text


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
    return _box(parent, QMessageBox.Icon.Question, title, text, yes | no, no).exec() == yes


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
        self.setMinimumWidth(max(420, title_width(title, self)))

    def text(self) -> str:
        return self.edit.text()
