"""The central server's address (File → Connect to server…, File → Sync with server…).

A password is asked for only as a way in for this time: it is kept nowhere unless the person ticks
the box, and then in the system keyring, never by us. libpq's ~/.pgpass and service files work too.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

URL_EXAMPLE = "postgresql+psycopg://login@server.example/smartcity"


class ServerDialog(QDialog):
    """URL, an optional password, and whether the keyring should keep it; a progress bar for a sync."""

    def __init__(
        self, url: str, *, title: str, action: str, with_progress: bool = False, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.url_edit = QLineEdit(url, self)
        self.url_edit.setPlaceholderText(URL_EXAMPLE)
        self.url_edit.setMinimumWidth(self.fontMetrics().horizontalAdvance(URL_EXAMPLE) + 40)
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("only if the keyring or ~/.pgpass has none"))
        self.keep_box = QCheckBox(self.tr("Keep the password in the system keyring"), self)
        form = QFormLayout()
        form.addRow(self.tr("Server &URL:"), self.url_edit)
        form.addRow(self.tr("&Password:"), self.password_edit)
        form.addRow("", self.keep_box)

        self.progress = QProgressBar(self)
        self.progress.setVisible(with_progress)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setVisible(with_progress)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.action_button = QPushButton(action, self)
        self.action_button.setDefault(True)
        # an action, not "accept": a sync keeps the dialog open to show its progress and what it did
        self.buttons.addButton(self.action_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.url_edit.textChanged.connect(self._update_action)
        self._update_action()

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

    def _update_action(self) -> None:
        self.action_button.setEnabled(bool(self.url()))

    def url(self) -> str:
        return self.url_edit.text().strip()

    def password(self) -> str | None:
        return self.password_edit.text() or None

    def keep(self) -> bool:
        return self.keep_box.isChecked()

    def set_busy(self, busy: bool, text: str = "") -> None:
        for widget in (self.url_edit, self.password_edit, self.keep_box, self.action_button):
            widget.setEnabled(not busy)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setEnabled(not busy)
        if busy:
            self.progress.setRange(0, 0)  # busy until the first figure comes
            self.progress.setVisible(True)
        self.status.setVisible(bool(text))
        self.status.setText(text)
        if not busy:
            self._update_action()

    def set_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))
