"""Evidence files out of the app: the copies opened for viewing (reading a file offered as evidence,
with its checks, is services.evidence's).

A stored file name is not trusted either (the database may come from elsewhere): a copy is written
under core.clean_text.safe_file_name of it, inside one private folder (mode 0700) of this run of the
app, and the folder is removed when the app closes.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
import uuid
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from ...core.clean_text import safe_file_name
from ...core.errors import UserError
from ...files import write_bytes


class EvidenceCopies:
    """Copies of stored evidence written for a viewer program, all in one private temporary folder."""

    def __init__(self) -> None:
        self._folder: Path | None = None

    @property
    def folder(self) -> Path | None:
        return self._folder

    def write(self, evidence_id: uuid.UUID, file_name: str, data: bytes) -> Path:
        """The copy's path: <private folder>/<evidence id>/<safe name>. OSError when it cannot be written."""
        if self._folder is None:
            self._folder = Path(tempfile.mkdtemp(prefix="smartcity-evidence-"))
        place = self._folder / evidence_id.hex[:12]
        place.mkdir(exist_ok=True)
        path = place / safe_file_name(file_name)
        if path.resolve().parent != place.resolve():  # never anywhere else, whatever the name was
            raise OSError(0, "unsafe file name")
        write_bytes(path, data)
        return path

    def remove_all(self) -> None:
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)  # a viewer may still hold one open (Windows)
            self._folder = None


EVIDENCE_COPIES = EvidenceCopies()
atexit.register(EVIDENCE_COPIES.remove_all)  # also when the app ends without closing its window


def open_copy_error(name: str, exc: OSError) -> UserError:
    return UserError(
        QCoreApplication.translate("Evidence", "{name} cannot be opened ({reason}).").format(
            name=safe_file_name(name), reason=exc.strerror or exc
        )
    )
