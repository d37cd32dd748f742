"""The log file keeps what nothing caught: a bug in a command, an exception in a thread."""

import logging
import threading

import pytest

from smartcity_assess import app_log
from smartcity_assess.cli import main
from smartcity_assess.persistence.store import Store


@pytest.fixture
def log(tmp_path):
    yield tmp_path / "logs" / app_log.LOG_FILE_NAME
    app_log.stop_logging()


def test_a_bug_in_a_command_is_logged_with_its_traceback(log, db_path, monkeypatch):
    def broken(*args, **kwargs):
        raise ZeroDivisionError("a bug of ours")

    monkeypatch.setattr(Store, "list_assessments", broken)
    with pytest.raises(ZeroDivisionError):
        main(["--db", str(db_path), "assessments", "list"])
    text = log.read_text(encoding="utf-8")
    assert "command failed" in text and "ZeroDivisionError: a bug of ours" in text and "Traceback" in text


def test_an_exception_in_a_thread_is_logged(log, monkeypatch):
    monkeypatch.setattr(threading, "excepthook", lambda args: None)  # pytest's own would turn it into a warning
    app_log.start_logging()
    worker = threading.Thread(target=lambda: 1 / 0, name="report-writer")
    worker.start()
    worker.join()
    logging.getLogger().handlers[-1].flush()
    assert "uncaught exception in thread" in log.read_text(encoding="utf-8")


def test_the_log_is_rotated(log, monkeypatch):
    monkeypatch.setattr(app_log, "MAX_BYTES", 2000)
    app_log.start_logging()
    for i in range(200):
        logging.getLogger("smartcity_assess").warning("line %d of a long session", i)
    folder = log.parent
    assert sorted(p.name for p in folder.iterdir())[:2] == [app_log.LOG_FILE_NAME, app_log.LOG_FILE_NAME + ".1"]
    assert len(list(folder.iterdir())) <= app_log.BACKUPS + 1
