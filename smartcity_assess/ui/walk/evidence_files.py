"""Reading a file the assessor offers as evidence, with the size limit, before anything is stored."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from ...core.errors import UserError
from ..models.evidence import human_size


def read_evidence_file(path: str | Path, limit_bytes: int) -> tuple[str, bytes]:
    """(file name, bytes), or a UserError in one sentence when the file is too large or unreadable."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise UserError(QCoreApplication.translate("Evidence", "{name} is not a file.").format(name=path.name))
        if size > limit_bytes:
            raise UserError(
                QCoreApplication.translate(
                    "Evidence", "{name} is {size}, more than the {limit} allowed for one evidence file."
                ).format(
                    name=path.name,
                    size=human_size(size),
                    limit=human_size(limit_bytes),
                )
            )
        if size == 0:
            raise UserError(QCoreApplication.translate("Evidence", "{name} is empty.").format(name=path.name))
        return path.name, path.read_bytes()
    except OSError as exc:
        raise UserError(
            QCoreApplication.translate("Evidence", "{name} cannot be read ({reason}).").format(
                name=path.name, reason=exc.strerror or exc
            )
        ) from None
