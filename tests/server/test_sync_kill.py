"""kill -9 at a few moments of a sync: both sides stay consistent, and a rerun completes it without duplicates."""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from smartcity_assess.services import server
from smartcity_assess.services.frameworks import open_store
from smartcity_assess.services.review import verify
from smartcity_assess.services.sync import sync
from tests.server.sync_helpers import Laptop, server_rows

KILLER = Path(__file__).with_name("sync_killer.py")
ROOT = Path(__file__).resolve().parents[2]


def killed_at(point: str, local: Path, server_url: str) -> None:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    process = subprocess.Popen(
        [sys.executable, str(KILLER), point, str(local), server_url],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        line = process.stdout.readline()  # blocks until the sync stands at the point (or ends)
        assert line.strip() == f"AT {point}", process.stderr.read()
    finally:
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=60)


def held(store, assessment_id) -> dict:
    """What a side holds of the assessment, to compare with the other side after the rerun."""
    assert verify(store, assessment_id).intact  # the audit chain, every response against its history, evidence
    responses = {code: (r.level, r.note) for code, r in store.responses(assessment_id).items()}
    evidence = sorted((e.indicator_code, e.sha256) for e in store.evidence(assessment_id))
    return {"responses": responses, "evidence": evidence}


@pytest.fixture
def scene(pg_url, tmp_path):
    """The server holds an assessment that a colleague changed; ani changed it too and adds 1 MB of evidence."""
    server.init(pg_url)
    ani, budi = Laptop(tmp_path, "ani"), Laptop(tmp_path, "budi")
    aid = ani.new()
    codes = ani.codes(aid)
    ani.answer(aid, codes[0], level=2)
    sync(ani.store, pg_url, actor="ani")
    sync(budi.store, pg_url, actor="budi")
    budi.answer(aid, codes[1], level=4, note="budi's")
    sync(budi.store, pg_url, actor="budi")
    for code in codes[2:8]:
        ani.answer(aid, code, level=3, note="ani's")
    ani.attach(aid, codes[2], "photo.jpg", os.urandom(1024 * 1024))
    budi.close()
    yield ani, aid, pg_url
    ani.close()


@pytest.mark.parametrize("point", ["pull-merged", "push-merged", "server-committed"])
def test_kill_during_a_sync_then_rerun(scene, point, capsys):
    ani, aid, url = scene
    ani.store.close()  # the killed process is the only one using this database meanwhile
    before_local, before_server = ani.rows(), server_rows(url)
    killed_at(point, ani.path, url)
    if point == "server-committed":
        assert ani.rows() == before_local  # this side as it was; the server has the whole of its part
        assert server_rows(url) != before_server
    else:
        assert (ani.rows(), server_rows(url)) == (before_local, before_server)  # nothing committed anywhere
    ani.store = open_store(ani.path)
    central = open_store(url)
    held(ani.store, aid), held(central, aid)  # each side consistent on its own

    result = sync(ani.store, url, actor="ani")
    pushed_already = point == "server-committed"
    assert (result.pushed, result.pulled, result.conflicts) == (0 if pushed_already else 6, 1, 0)
    assert held(ani.store, aid) == held(central, aid)
    assert held(ani.store, aid)["evidence"] == [(ani.codes(aid)[2], held(central, aid)["evidence"][0][1])]
    engine = create_engine(url)
    with engine.connect() as conn:  # no revision, evidence or blob twice, whatever the killed run had done
        counts = conn.execute(
            text(
                "SELECT (SELECT count(*) FROM evidence_files), (SELECT count(*) FROM evidence_blobs), "
                "(SELECT count(*) - count(DISTINCT (indicator_code, number, actor)) FROM response_revisions)"
            )
        ).one()
    engine.dispose()
    assert tuple(counts) == (1, 1, 0)
    assert sync(ani.store, url, actor="ani").line() == "pushed 0, pulled 0, conflicts 0"
    central.close()
