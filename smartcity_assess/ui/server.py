"""The app and a central server: File → Connect to server… and File → Sync with server….

Connecting opens the server's database in the window instead of the file (or stays on what it had,
saying why in one sentence). Syncing pushes this database's assessments and pulls the server's on a
worker, with progress, and ends with what it did in the reader's language; the window then shows
what came in. Texts are in the ServerSync translation context (written out in each call, so lupdate finds them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt

from ..services import server
from ..services.sync import sync
from .dialogs.server import ServerDialog
from .worker import Worker

if TYPE_CHECKING:
    from ..services.sync import SyncResult
    from .app import MainWindow


def connect_to_server(
    window: MainWindow, url: str | None = None, password: str | None = None, remember: bool = False
) -> Worker | None:
    """Open the server's database in the window; without `url`, ask for it (the last one offered)."""
    if url is None:
        dialog = ServerDialog(
            window.settings.server_url,
            title=QCoreApplication.translate("ServerSync", "Connect to server"),
            action=QCoreApplication.translate("ServerSync", "&Connect"),
            parent=window,
        )
        dialog.action_button.clicked.connect(dialog.accept)
        if not dialog.exec():
            return None
        url, password, remember = dialog.url(), dialog.password(), dialog.keep()
    if window.walk is not None:
        window.walk.panel.save_pending()
    worker = Worker(server.connect, url, password, remember=remember)

    def connected(store) -> None:
        window.settings.server_url = server.url_to_remember(url)
        window.switch_store(store)
        window.statusBar().showMessage(
            QCoreApplication.translate("ServerSync", "Connected to {server}.").format(server=store.location), 8000
        )

    worker.signals.result.connect(connected)
    worker.signals.error.connect(window.show_error)  # the window stays on the database it had
    window.statusBar().showMessage(QCoreApplication.translate("ServerSync", "Connecting to the server…"))
    window.jobs.append(worker)
    worker.signals.finished.connect(lambda: window.jobs.remove(worker))
    return worker.start()


class SyncDialog(ServerDialog):
    """The server's URL, then the sync's progress and its outcome, in one window."""

    def __init__(self, window: MainWindow):
        super().__init__(
            window.settings.server_url,
            title=QCoreApplication.translate("ServerSync", "Sync with server"),
            action=QCoreApplication.translate("ServerSync", "&Sync"),
            with_progress=True,
            parent=window,
        )
        self.main = window
        self.worker: Worker | None = None
        self.result: SyncResult | None = None
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.action_button.clicked.connect(lambda: self.start())

    def start(self, password: str | None = None) -> Worker:
        window, url = self.main, self.url()
        password = password or self.password()
        if window.walk is not None:
            window.walk.panel.save_pending()
        self.set_busy(True, QCoreApplication.translate("ServerSync", "Syncing with the server…"))
        keep = bool(password) and self.keep()
        self.worker = Worker(_sync, window.store, url, password, keep, window.actor, with_progress=True)
        self.worker.signals.progress.connect(self.set_progress)
        self.worker.signals.result.connect(self._done)
        self.worker.signals.error.connect(self._failed)
        window.jobs.append(self.worker)
        worker = self.worker
        worker.signals.finished.connect(lambda: window.jobs.remove(worker))
        return worker.start()

    def _done(self, result: SyncResult) -> None:
        self.result = result
        window = self.main
        window.settings.server_url = server.url_to_remember(self.url())
        text = summary(result)
        self.set_busy(False, text)
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        window.statusBar().showMessage(text, 15000)
        if not window.check_outside_changes() and window.session is None:
            window.refresh_list()  # the list shows what came in (and what went out is marked so)

    def _failed(self, sentence: str) -> None:
        self.set_busy(False, "")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.main.show_error(sentence)


def _sync(store, url: str, password: str | None, remember: bool, actor: str, progress=None):
    if password and remember:
        server.login(url, password)
    return sync(store, server.url_with_password(url, password), actor=actor, progress=progress)


def summary(result: SyncResult) -> str:
    """What a sync did, as the window says it: the command line's counts, in the reader's language."""
    text = QCoreApplication.translate("ServerSync", "Pushed {pushed}, pulled {pulled}, conflicts {conflicts}.").format(
        **result.counts()
    )
    here = [f"{a.city} {a.year}" for a in result if a.created_here]
    there = [f"{a.city} {a.year}" for a in result if a.created_on_server]
    if here:  # a new assessment may come with no answers yet: say that it came
        text += " " + QCoreApplication.translate("ServerSync", "New here: {names}.").format(names=", ".join(here))
    if there:
        text += " " + QCoreApplication.translate("ServerSync", "New on the server: {names}.").format(
            names=", ".join(there)
        )
    if result.nothing_to_do:
        text += " " + QCoreApplication.translate(
            "ServerSync", "Nothing to do: this database and the server hold the same."
        )
    elif result.conflicts:
        text += " " + QCoreApplication.translate(
            "ServerSync", "Open the assessment and decide its conflicts (⚠), then sync again."
        )
    return text


def sync_with_server(window: MainWindow, url: str | None = None, password: str | None = None) -> SyncDialog:
    """The sync window; with `url` (tests, a remembered server) the sync starts at once."""
    dialog = SyncDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if url is not None:
        dialog.url_edit.setText(url)
        dialog.show()
        dialog.start(password)
    else:
        dialog.open()
    return dialog
