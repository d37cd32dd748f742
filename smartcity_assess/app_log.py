"""The log file: every uncaught exception and failed background task, kept in the user log folder.

The Windows bundle has no console, so without a file a crash would leave nothing behind to read.
The file is rotated (1 MB, five old copies) so it never fills a field laptop's disk.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from logging.handlers import RotatingFileHandler
from pathlib import Path

from platformdirs import user_log_dir

LOG_DIR_ENV = "SMARTCITY_ASSESS_LOG_DIR"
LOG_FILE_NAME = "smartcity_assess.log"
MAX_BYTES = 1_000_000
BACKUPS = 5

_handler: RotatingFileHandler | None = None
_previous_hooks: tuple | None = None  # (sys.excepthook, threading.excepthook) before ours


def log_folder() -> Path:
    chosen = os.environ.get(LOG_DIR_ENV)
    return Path(chosen) if chosen else Path(user_log_dir("SmartCityAssess", appauthor=False))


def log_file() -> Path:
    return log_folder() / LOG_FILE_NAME


def start_logging() -> Path | None:
    """Send warnings and errors to the rotated log file and log what nothing caught; returns the file.

    None when the folder cannot be written: the program still runs, it only keeps no log.
    """
    global _handler
    if _handler is not None:
        return Path(_handler.baseFilename)
    try:
        log_folder().mkdir(parents=True, exist_ok=True)
        _handler = RotatingFileHandler(log_file(), maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    except OSError:
        return None
    _handler.setFormatter(logging.Formatter("%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"))
    _handler.setLevel(logging.INFO)
    root = logging.getLogger()
    root.addHandler(_handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    _hook_uncaught()
    return Path(_handler.baseFilename)


def stop_logging() -> None:
    global _handler, _previous_hooks
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
        _handler = None
    if _previous_hooks is not None:
        sys.excepthook, threading.excepthook = _previous_hooks
        _previous_hooks = None


def _hook_uncaught() -> None:
    global _previous_hooks
    previous = sys.excepthook
    _previous_hooks = (sys.excepthook, threading.excepthook)

    def log_then_pass_on(exc_type, exc, tb) -> None:
        if not issubclass(exc_type, KeyboardInterrupt):
            logging.getLogger("smartcity_assess").critical("uncaught exception", exc_info=(exc_type, exc, tb))
        previous(exc_type, exc, tb)

    sys.excepthook = log_then_pass_on
    previous_thread_hook = threading.excepthook

    def log_thread(args) -> None:
        logging.getLogger("smartcity_assess").critical(
            "uncaught exception in thread %s", args.thread, exc_info=(args.exc_type, args.exc_value, args.exc_traceback)
        )
        previous_thread_hook(args)

    threading.excepthook = log_thread
