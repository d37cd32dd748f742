"""The app's few kinds of message box, in one place so tests can answer them instead of a person."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget


def show_error(parent: QWidget | None, sentence: str) -> None:
    """One clear sentence; the first letter capitalised, as the store's messages start in lower case."""
    text = sentence[:1].upper() + sentence[1:]
    if text and text[-1] not in ".!?":
        text += "."
    QMessageBox.warning(parent, QCoreApplication.translate("Messages", "Smart City Assess"), text)


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
