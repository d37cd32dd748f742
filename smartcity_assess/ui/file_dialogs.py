"""Every file dialog of the app, in one place: they start in the folder used last, not the home folder.

The folder of the last file chosen (opened, imported, attached or written) is remembered across runs;
the first time it is the home folder. Keeping every QFileDialog call here means a change to how the
dialogs are built (options, non-native dialogs) is made once.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from .settings import for_dialogs as _current


def start_folder() -> Path:
    """Where the next dialog opens: the folder used last while it still exists, else the home folder."""
    folder = _current().last_folder
    return Path(folder) if folder and Path(folder).is_dir() else Path.home()


def remember(path: str | Path) -> None:
    _current().last_folder = str(Path(path).parent)


def suggested_path(name: str) -> str:
    """A file name offered in the folder a dialog starts in."""
    return str(start_folder() / name)


def open_file(parent: QWidget | None, title: str, filters: str) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, title, str(start_folder()), filters)
    if path:
        remember(path)
    return path or None


def open_files(parent: QWidget | None, title: str, filters: str = "") -> list[str]:
    paths, _ = QFileDialog.getOpenFileNames(parent, title, str(start_folder()), filters)
    if paths:
        remember(paths[0])
    return list(paths)


def save_file(parent: QWidget | None, title: str, name: str, filters: str) -> tuple[str | None, str]:
    """(the path chosen, the filter chosen); None when cancelled. `name` is offered in the start folder."""
    path, chosen_filter = QFileDialog.getSaveFileName(parent, title, suggested_path(name), filters)
    if path:
        remember(path)
    return path or None, chosen_filter
