"""A sync that stops at a chosen point and waits there to be killed (kill -9) by tests/server/test_sync_kill.py.

    python sync_killer.py POINT LOCAL.db SERVER_URL
POINT: pull-merged (this database written, not committed), push-merged (both written, neither
committed), server-committed (the server committed, this database not yet). It prints `AT POINT`
once there; with any other POINT the sync runs to its end and prints its line.
"""

import contextlib
import sys
import time

from smartcity_assess.services import sync as sync_module
from smartcity_assess.services.frameworks import open_store

point, local_path, server_url = sys.argv[1:4]
real_merge, real_open = sync_module.merge_package, sync_module.open_server


def stop_here() -> None:
    print(f"AT {point}", flush=True)
    time.sleep(120)  # the test kills the process long before


def merge(store, conn, package, **kwargs):
    result = real_merge(store, conn, package, **kwargs)
    if point == ("push-merged" if conn.dialect.name == "postgresql" else "pull-merged"):
        stop_here()
    return result


def open_server(url):
    server = real_open(url)
    real_transaction = server.transaction

    @contextlib.contextmanager
    def transaction():
        with real_transaction() as conn:
            yield conn
        if point == "server-committed" and getattr(server._active, "conn", None) is None:
            stop_here()  # the outermost server transaction has committed

    server.transaction = transaction
    return server


sync_module.merge_package, sync_module.open_server = merge, open_server
print(sync_module.sync(open_store(local_path), server_url, actor="ani").line(), flush=True)
