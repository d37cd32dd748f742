"""The one background worker: a QRunnable on the global QThreadPool.

The work function runs off the GUI thread and must not touch widgets or ORM objects of the GUI's
sessions; it opens what it needs and returns ids, plain dataclasses or paths. Results, errors and
progress come back as signals, which Qt queues to the GUI thread.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from ..core.errors import UserError
from .i18n import sentence

log = logging.getLogger(__name__)

PROGRESS_INTERVAL_S = 0.05  # at most ~20 progress signals a second: a long job must not flood the event loop


class WorkerSignals(QObject):
    progress = Signal(int, int)  # done, total
    result = Signal(object)
    error = Signal(str)  # one sentence for the user
    finished = Signal()  # after result or error


class Worker(QRunnable):
    """Runs `fn(*args, progress=callback, **kwargs)` (progress only when `with_progress`)."""

    _running: ClassVar[set[Worker]] = set()  # keeps Python wrappers alive until the job ends

    def __init__(self, fn: Callable[..., Any], *args, with_progress: bool = False, **kwargs):
        super().__init__()
        self.setAutoDelete(False)
        self.signals = WorkerSignals()
        self._fn, self._args, self._kwargs = fn, args, kwargs
        self._with_progress = with_progress
        self._last_progress = 0.0

    def start(self, pool: QThreadPool | None = None) -> Worker:
        Worker._running.add(self)
        self.signals.finished.connect(lambda: Worker._running.discard(self))
        (pool or QThreadPool.globalInstance()).start(self)
        return self

    def _report_progress(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self._last_progress < PROGRESS_INTERVAL_S:
            return
        self._last_progress = now
        self.signals.progress.emit(int(done), int(total))

    def run(self) -> None:  # on a pool thread
        kwargs = dict(self._kwargs)
        if self._with_progress:
            kwargs["progress"] = self._report_progress
        try:
            value = self._fn(*self._args, **kwargs)
        except UserError as exc:
            self.signals.error.emit(sentence(exc))
        except Exception as exc:  # a bug, not a user's mistake: log it, still tell the user in one sentence
            log.exception("background task failed")
            self.signals.error.emit(
                QCoreApplication.translate("Worker", "The task failed unexpectedly ({kind}: {detail}).").format(
                    kind=type(exc).__name__, detail=exc
                )
            )
        else:
            self.signals.result.emit(value)
        self.signals.finished.emit()
