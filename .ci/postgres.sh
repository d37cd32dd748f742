#!/usr/bin/env bash
# A throwaway PostgreSQL server for the test run, on a port of its own, trusting local logins.
# PostgreSQL refuses to run as root (CI runs as root), so the cluster belongs to the `postgres` user.
# Prints the SQLAlchemy URL of its superuser; `.ci/postgres.sh stop DIR` stops it.
set -euo pipefail
# a free port of this machine unless one is given
PORT="${SMARTCITY_ASSESS_PG_PORT:-$(python3 -c "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")}"
BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
if [ "${1:-}" = "stop" ]; then
  runuser -u postgres -- "$BIN/pg_ctl" -D "$2" -m fast stop >/dev/null
  exit 0
fi
DIR="$(mktemp -d /tmp/sca-pg.XXXXXX)"
chown postgres:postgres "$DIR"
runuser -u postgres -- "$BIN/initdb" -D "$DIR/data" -A trust -U postgres -E UTF8 --no-locale >/dev/null
runuser -u postgres -- "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w \
  -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100" start >/dev/null
echo "$DIR/data postgresql+psycopg://postgres@127.0.0.1:$PORT/postgres"
