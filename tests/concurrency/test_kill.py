"""kill -9 at any moment of a first open or a demo load: every file opens afterwards, all or nothing."""

import random
import signal
import sqlite3
import time

import pytest

from smartcity_assess.persistence.db import SCHEMA_HEAD
from smartcity_assess.services.demo import load_demo
from smartcity_assess.services.frameworks import builtin_framework_files, open_store

from .checks import start_writer

TRIALS = 12


def run_to_end(*args) -> float:
    """Seconds the command takes when left alone: the span kills are drawn from."""
    start = time.perf_counter()
    process = start_writer(*args)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    return time.perf_counter() - start


def file_appears(*args) -> tuple[float, float]:
    """(seconds until the database file appears, seconds from then to the end) of an undisturbed run."""
    start = time.perf_counter()
    process = start_writer(*args)
    path = args[1]
    while not path.exists() and process.poll() is None:
        time.sleep(0.001)
    appeared = time.perf_counter()
    _, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    return appeared - start, time.perf_counter() - appeared


def kill_after(delay: float, *args, after_file: bool = False) -> None:
    process = start_writer(*args)
    if after_file:  # the kill lands while the file is being made, not while Python is still importing
        while not args[1].exists() and process.poll() is None:
            time.sleep(0.001)
    time.sleep(delay)  # a real process killed at a chosen moment: not waiting for Qt, nothing else to wait on
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=60)  # reaps it and closes its pipes


def schema_state(path) -> str:
    if not path.exists():
        return "no file"
    with sqlite3.connect(path) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tables:
            return "empty"
        return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def test_kill_during_first_open_leaves_a_file_that_opens(tmp_path):
    _, span = file_appears("open", tmp_path / "timing.db")
    rng = random.Random(10)
    states = set()
    for trial in range(TRIALS):
        path = tmp_path / f"first-{trial}.db"
        kill_after(rng.uniform(0, span), "open", path, after_file=True)
        state = schema_state(path)
        states.add(state)
        assert state in {"no file", "empty", SCHEMA_HEAD}, state  # never half a schema
        store = open_store(path)  # and it opens: nothing is refused for ever
        assert len(store.list_frameworks()) == len(builtin_framework_files())
        store.close()
    assert len(states) > 1  # the kills did land at different moments of the first open


def test_processes_opening_one_new_file_at_once_all_succeed(tmp_path):
    path = tmp_path / "new.db"
    processes = [start_writer("open", path) for _ in range(5)]
    for process in processes:
        _, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
    store = open_store(path)
    assert len(store.list_frameworks()) == len(builtin_framework_files())  # each built-in framework once
    store.close()


@pytest.fixture
def opened(tmp_path):
    path = tmp_path / "demo.db"
    open_store(path).close()
    return path


def demo_state(path) -> tuple:
    store = open_store(path)
    state = tuple(sorted((a.city, a.year, a.status, len(store.responses(a.id))) for a in store.list_assessments()))
    store.close()
    return state


def test_kill_during_the_demo_load_leaves_all_of_it_or_none(opened, tmp_path):
    reference = tmp_path / "reference.db"
    open_store(reference).close()
    span = run_to_end("demo", reference)
    complete = demo_state(reference)
    assert len(complete) == 6
    rng = random.Random(20)
    for trial in range(TRIALS):
        path = tmp_path / f"demo-{trial}.db"
        open_store(path).close()
        kill_after(rng.uniform(span / 3, span), "demo", path)  # the first third is Python starting
        assert demo_state(path) in {(), complete}, trial
        store = open_store(path)
        load_demo(store)  # and loading it again finishes the job
        store.close()
        assert demo_state(path) == complete
