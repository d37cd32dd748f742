"""File dialogs that never open the files they list.

Qt's own file dialog guesses each listed file's type and icon by reading its first bytes
(QMimeDatabase through the icon provider). When it lists the assessment database, that opens and
closes a second descriptor on the file inside our process, which drops every POSIX lock SQLite
holds on it; another process can then delete our write-ahead log under us and work is lost
(sqlite.org/howtocorrupt.html §2.2). So every dialog here is Qt's widget dialog with an icon
provider that goes by the file name alone. (On Windows a file's locks belong to its handle, not to
the process, so the native dialog is safe there and is used.)
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QFileInfo
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QWidget


class NameOnlyIconProvider(QFileIconProvider):
    """Icons and type names from the file name only: nothing is opened to guess them."""

    def icon(self, what):  # QFileIconProvider.icon(IconType) or icon(QFileInfo)
        if isinstance(what, QFileInfo):
            kind = QFileIconProvider.IconType.Folder if what.isDir() else QFileIconProvider.IconType.File
            return super().icon(kind)
        return super().icon(what)

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return "Folder"
        return f"{info.suffix().upper()} file" if info.suffix() else "File"


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


def open_file_names(parent: QWidget | None, title: str, folder: str = "", filters: str = "") -> list[str]:
    dialog = safe_dialog(parent, title, folder, filters)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    return dialog.selectedFiles() if dialog.exec() else []


def open_file_name(parent: QWidget | None, title: str, folder: str = "", filters: str = "") -> str:
    dialog = safe_dialog(parent, title, folder, filters)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return dialog.selectedFiles()[0] if dialog.exec() and dialog.selectedFiles() else ""


def save_file_name(parent: QWidget | None, title: str, suggested: str = "", filters: str = "") -> tuple[str, str]:
    """(path, chosen filter), ("", "") when cancelled."""
    dialog = safe_dialog(parent, title, suggested, filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    if not dialog.exec() or not dialog.selectedFiles():
        return "", ""
    return dialog.selectedFiles()[0], dialog.selectedNameFilter()
