"""Answering the app's own modal dialogs in tests, as a person would: fill in the fields, click OK."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication


def answer_dialog(qtbot, kind, fill) -> list:
    """When a `kind` dialog is up, call fill(dialog) (which clicks what a person would); returns the dialogs seen."""
    seen = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind):
            seen.append(dialog)
            fill(dialog)
        else:
            QTimer.singleShot(20, look)

    QTimer.singleShot(0, look)
    return seen
