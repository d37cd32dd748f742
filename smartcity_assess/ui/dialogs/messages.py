"""The app's few kinds of message box, in one place so tests can answer them instead of a person."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget


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


def ask_text(parent: QWidget | None, title: str, label: str) -> str | None:
    """The text typed, or None when cancelled."""
    text, ok = QInputDialog.getText(parent, title, label)
    return text if ok else None
