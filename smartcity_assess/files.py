"""Writing a file a person keeps: all of it or nothing, never a broken half over the good old one.

Every export (CSV, XLSX, PDF, PNG, SVG) goes through `atomic_write`: the bytes go to a new file in
the target's own folder (so the final rename stays on one file system), are flushed and fsynced,
and only then is that file renamed over the target, and the folder fsynced so the rename itself
survives a power cut. A failure or a kill -9 at any moment leaves the previous file as it was.

On Linux the new file is made with O_TMPFILE: it has no name until it is complete, so a killed
export leaves nothing behind. Elsewhere (or on a file system without O_TMPFILE) it is a hidden
`.<name>.<random>.partial` beside the target; one left by a killed export is removed by a later
export to the same folder once it has not been touched for STALE_AFTER_S seconds.

The file gets the mode the user's umask gives new files (usually 0644), as any program's output
would, not the 0600 of a temporary file: a report is meant to be shared.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

PARTIAL_SUFFIX = ".partial"
STALE_AFTER_S = 600


def umask_mode() -> int:
    """The mode a new file gets from the current umask (0o666 & ~umask)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike) -> Iterator[BinaryIO]:
    """A binary file to write `path`'s new content into; it replaces `path` when the block ends normally.

    Raises OSError as the system gives it (no space, no permission, no such folder): callers turn it
    into one sentence. On any exception the target is untouched and the new file is gone.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    _remove_stale_partials(folder, target.name)
    handle, name = _open_new_file(folder, target.name)
    committed = False
    try:
        yield handle
        handle.flush()
        os.fsync(handle.fileno())
        if hasattr(os, "fchmod"):
            os.fchmod(handle.fileno(), umask_mode())
        if name is None:  # O_TMPFILE: give the complete file a name, then move it over the target
            name = str(folder / _partial_name(target.name))
            _link_unnamed(handle.fileno(), folder, name)
        handle.close()
        if not hasattr(os, "fchmod"):
            os.chmod(name, umask_mode())
        os.replace(name, target)
        committed = True
        _fsync_folder(folder)
    finally:
        if not handle.closed:
            handle.close()
        if not committed and name is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(name)


def write_bytes(path: str | os.PathLike, data: bytes) -> Path:
    """`data` as the whole new content of `path`, atomically."""
    with atomic_write(path) as handle:
        handle.write(data)
    return Path(path)


def _partial_name(target_name: str) -> str:
    return f".{target_name}.{secrets.token_hex(4)}{PARTIAL_SUFFIX}"


def _open_new_file(folder: Path, target_name: str) -> tuple[BinaryIO, str | None]:
    """(open file, its name) — the name is None for an unnamed O_TMPFILE file."""
    tmpfile = getattr(os, "O_TMPFILE", 0)
    if tmpfile and os.path.isdir("/proc/self/fd"):
        try:
            fd = os.open(folder, tmpfile | os.O_WRONLY, 0o600)
        except OSError as exc:
            if exc.errno not in _NO_TMPFILE:
                raise
        else:
            return os.fdopen(fd, "wb"), None
    name = str(folder / _partial_name(target_name))
    fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    return os.fdopen(fd, "wb"), name


# errors meaning "this file system (or kernel) has no O_TMPFILE": fall back to a named file
_NO_TMPFILE = {getattr(errno, n) for n in ("EOPNOTSUPP", "ENOTSUP", "EISDIR", "EINVAL") if hasattr(errno, n)}


def _remove_stale_partials(folder: Path, target_name: str) -> None:
    prefix = f".{target_name}."
    now = time.time()
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if entry.name.startswith(prefix) and entry.name.endswith(PARTIAL_SUFFIX):
                with contextlib.suppress(OSError):
                    if now - entry.stat().st_mtime > STALE_AFTER_S:
                        os.unlink(entry.path)


def _link_unnamed(fd: int, folder: Path, name: str) -> None:
    """Give an O_TMPFILE file a name: linkat(…, AT_SYMLINK_FOLLOW) on its /proc/self/fd entry.

    Python calls plain link(2) (which does not follow the /proc link) unless a folder descriptor is
    given, hence the descriptor.
    """
    folder_fd = os.open(folder, os.O_RDONLY)
    try:
        os.link(f"/proc/self/fd/{fd}", name, src_dir_fd=folder_fd, dst_dir_fd=folder_fd, follow_symlinks=True)
    finally:
        os.close(folder_fd)


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows has no directory handles to fsync; its rename is durable on NTFS
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
