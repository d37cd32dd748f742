"""Help → Keyboard Shortcuts (F1): every key of the app, in the language shown.

The menu commands are read from the window's own actions, so the list cannot fall behind them; the keys
that belong to one place (the walk's level keys, the list's filter, Compare) are listed after them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def place_keys() -> list[tuple[str, str]]:
    """(keys, what they do) that are not menu commands (literal translate calls: lupdate reads only those)."""
    return [
        (
            "1 – 5",
            QCoreApplication.translate("KeysDialog", "Walk: choose that level (when no text field has the focus)"),
        ),
        ("N", QCoreApplication.translate("KeysDialog", "Walk: mark the indicator not applicable, or clear the mark")),
        (
            "Ctrl+F",
            QCoreApplication.translate("KeysDialog", "Walk: search the indicators (code, name, question, note)"),
        ),
        (
            "Enter",
            QCoreApplication.translate(
                "KeysDialog", "Walk search: go to the indicator found; list filter: open the assessment found"
            ),
        ),
        (
            "Esc",
            QCoreApplication.translate(
                "KeysDialog", "Leave a text field (the note is saved); close Compare or a dialog"
            ),
        ),
        (
            "Tab, Shift+Tab",
            QCoreApplication.translate("KeysDialog", "Move between the fields: target, value, note, evidence, buttons"),
        ),
        ("Ctrl+W", QCoreApplication.translate("KeysDialog", "Close the Compare window")),
        (
            "Space",
            QCoreApplication.translate("KeysDialog", "Compare: tick or untick the year or city that has the focus"),
        ),
    ]


def action_keys(widget: QWidget) -> list[tuple[str, str]]:
    """(keys, command) of every action of `widget` that has a shortcut, in menu order."""
    rows = []
    for action in widget.actions():
        keys = action.shortcuts()
        if not keys:
            continue
        text = " / ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
        rows.append((text, action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")))
    return rows


class KeysDialog(QDialog):
    def __init__(self, window: QWidget):
        super().__init__(window)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = action_keys(window) + place_keys()
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Does")])
        for row, (keys, does) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            self.table.setItem(row, 1, QTableWidgetItem(does))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        available = window.screen().availableGeometry()
        self.resize(min(760, available.width() - 40), min(620, available.height() - 60))
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def rows(self) -> list[tuple[str, str]]:
        return [(self.table.item(r, 0).text(), self.table.item(r, 1).text()) for r in range(self.table.rowCount())]
