"""The worker hands results, errors and progress back to the GUI thread; signals survive heavy use."""

import threading

from PySide6.QtCore import QObject, QThread, Signal

from smartcity_assess.core.errors import UserError
from smartcity_assess.ui.worker import Worker


def test_result_arrives_on_the_gui_thread(qtbot):
    seen_threads = []

    def work(x, y):
        seen_threads.append(threading.get_ident())
        return x + y

    worker = Worker(work, 2, 3)
    on_gui = []
    worker.signals.result.connect(lambda value: on_gui.append((value, QThread.currentThread())))
    with qtbot.waitSignal(worker.signals.finished, timeout=5000):
        worker.start()
    assert on_gui[0][0] == 5
    assert on_gui[0][1] is qtbot_main_thread()
    assert seen_threads[0] != threading.get_ident()


def qtbot_main_thread():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance().thread()


def test_user_error_becomes_one_sentence(qtbot):
    def work():
        raise UserError("the file is too large")

    worker = Worker(work)
    with qtbot.waitSignal(worker.signals.error, timeout=5000) as blocker:
        worker.start()
    assert blocker.args == ["The file is too large."]


def test_progress_is_reported_and_ends_at_total(qtbot):
    def work(progress):
        for i in range(1, 1001):
            progress(i, 1000)
        return "done"

    worker = Worker(work, with_progress=True)
    reports = []
    worker.signals.progress.connect(lambda done, total: reports.append((done, total)))
    with qtbot.waitSignal(worker.signals.finished, timeout=5000):
        worker.start()
    qtbot.waitUntil(lambda: bool(reports) and reports[-1] == (1000, 1000))
    assert len(reports) < 1000  # throttled


class _Emitter(QObject):
    changed = Signal(int, bool)
    plain = Signal()


def test_100k_python_signal_emits_do_not_crash():
    """PySide6 6.12.0 crashes the interpreter ("bool_dealloc") after a few thousand Python-side emits."""
    emitter = _Emitter()
    received = [0, 0]

    def on_changed(value, flag):
        received[0] += 1 if flag == (value % 2 == 0) else 0

    def on_plain():
        received[1] += 1

    emitter.changed.connect(on_changed)
    emitter.plain.connect(on_plain)
    for i in range(100_000):
        emitter.changed.emit(i, i % 2 == 0)
        emitter.plain.emit()
    assert received == [100_000, 100_000]
