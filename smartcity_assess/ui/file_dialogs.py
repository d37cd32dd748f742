"""Every file dialog of the app, in one place: safe for the database, starting in the folder used last.

Safe: Qt's own file dialog guesses each listed file's type and icon by reading its first bytes
(QMimeDatabase through the icon provider). When it lists the assessment database, that opens and
closes a second descriptor on the file inside our process, which drops every POSIX lock SQLite
holds on it; another process can then delete our write-ahead log under us and work is lost
(sqlite.org/howtocorrupt.html §2.2). So every dialog here is Qt's widget dialog with an icon
provider that goes by the file name alone. (On Windows a file's locks belong to its handle, not to
the process, so the native dialog is safe there and is used.)

The folder of the last file chosen (opened, imported, attached or written) is remembered across
runs; the first time it is the home folder.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QFileInfo
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QWidget

from .settings import for_dialogs as _current


class NameOnlyIconProvider(QFileIconProvider):
    """Icons and type names from the file name only: nothing is opened to guess them."""

    def icon(self, what):  # QFileIconProvider.icon(IconType) or icon(QFileInfo)
        if isinstance(what, QFileInfo):
            kind = QFileIconProvider.IconType.Folder if what.isDir() else QFileIconProvider.IconType.File
            return super().icon(kind)
        return super().icon(what)

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return QCoreApplication.translate("FileDialogs", "Folder")
        if info.suffix():
            return QCoreApplication.translate("FileDialogs", "{suffix} file").format(suffix=info.suffix().upper())
        return QCoreApplication.translate("FileDialogs", "File")


_PROVIDER: NameOnlyIconProvider | None = None


def _provider() -> NameOnlyIconProvider:
    global _PROVIDER
    if _PROVIDER is None:
        _PROVIDER = NameOnlyIconProvider()
    return _PROVIDER


def safe_dialog(parent: QWidget | None, title: str, folder: str = "", filters: str = "") -> QFileDialog:
    """A file dialog that reads no file's content (see the module's docstring)."""
    dialog = QFileDialog(parent, title, folder, filters)
    if sys.platform != "win32":
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setIconProvider(_provider())
    return dialog


def start_folder() -> Path:
    """Where the next dialog opens: the folder used last while it still exists, else the home folder."""
    folder = _current().last_folder
    return Path(folder) if folder and Path(folder).is_dir() else Path.home()


def remember(path: str | Path) -> None:
    _current().last_folder = str(Path(path).parent)


def suggested_path(name: str) -> str:
    """A file name offered in the folder a dialog starts in."""
    return str(start_folder() / name)


def run_dialog(dialog: QFileDialog) -> list[str]:
    """Show the dialog until the person chooses; the files chosen ([] when cancelled). Tests stand in here."""
    return dialog.selectedFiles() if dialog.exec() else []


def _chosen(dialog: QFileDialog) -> list[str]:
    files = run_dialog(dialog)
    if files:
        remember(files[0])
    return files


def open_file(parent: QWidget | None, title: str, filters: str) -> str | None:
    dialog = safe_dialog(parent, title, str(start_folder()), filters)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    files = _chosen(dialog)
    return files[0] if files else None


def open_files(parent: QWidget | None, title: str, filters: str = "") -> list[str]:
    dialog = safe_dialog(parent, title, str(start_folder()), filters)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    return _chosen(dialog)


def save_file(parent: QWidget | None, title: str, name: str, filters: str) -> tuple[str | None, str]:
    """(the path chosen, the filter chosen); None when cancelled. `name` is offered in the start folder."""
    dialog = safe_dialog(parent, title, suggested_path(name), filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    files = _chosen(dialog)
    return (files[0] if files else None), dialog.selectedNameFilter()
