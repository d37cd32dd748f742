"""kill -9 in the middle of an export (real processes): the previous file stays byte for byte, and
nothing else is left in its folder."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

KILLS = 6

pytestmark = pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="watches the export through /proc")


def writing_into(pid: int, folder: Path) -> bool:
    """Whether the process holds a file open in `folder` (the export's new file, named or not)."""
    try:
        links = [os.readlink(f"/proc/{pid}/fd/{fd}") for fd in os.listdir(f"/proc/{pid}/fd")]
    except OSError:  # the process is gone, or one fd closed while listing
        return False
    return any(link.startswith(str(folder) + "/") for link in links)


@pytest.mark.parametrize("suffix", [".xlsx", ".pdf"])
def test_kill_during_export_keeps_the_previous_file(demo_db, draft_id, tmp_path, suffix):
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / f"bandung{suffix}"
    command = ["report", draft_id] if suffix == ".pdf" else ["responses", "export", draft_id]
    argv = [sys.executable, "-m", "smartcity_assess", "--db", str(demo_db), *command, "--out", str(target)]
    subprocess.run(argv, check=True, capture_output=True)
    good = target.read_bytes()
    killed_mid_write = 0
    for _ in range(KILLS):
        child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while child.poll() is None and not writing_into(child.pid, folder) and time.monotonic() < deadline:
            time.sleep(0.001)
        if child.poll() is None:
            killed_mid_write += writing_into(child.pid, folder)
            child.send_signal(signal.SIGKILL)
        child.wait()
        assert target.read_bytes() == good
        assert [p.name for p in folder.iterdir()] == [target.name]
    assert killed_mid_write >= KILLS // 2  # the kills did land while the new file was being written
