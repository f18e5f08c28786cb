#!/usr/bin/env bash
# Start a throwaway PostgreSQL (the newest installed) on 127.0.0.1:54329 (trust auth, fsync off) for tests and
# benchmarks, and print its URL. Idempotent: if it is already running, just print the URL.
# Needs root (the server runs as the postgres user). Override with PGBIN / PGROOT / PGPORT.
set -euo pipefail
find_pgbin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
if [ -z "${PGBIN:-}" ] && [ -z "$(find_pgbin)" ] && [ "$(id -u)" = 0 ]; then
  echo "installing PostgreSQL (apt-get)" >&2
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi
PGBIN=${PGBIN:-$(find_pgbin)}
PGROOT=${PGROOT:-/tmp/pgci}
PGPORT=${PGPORT:-54329}
URL="postgresql+psycopg://postgres@127.0.0.1:$PGPORT/clio_test"

if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
  echo "PostgreSQL binaries not found in $PGBIN (apt-get install -y postgresql)" >&2
  exit 1
fi
as_postgres() { runuser -u postgres -- "$@"; }

if [ -f "$PGROOT/data/postmaster.pid" ] && as_postgres "$PGBIN/pg_ctl" -D "$PGROOT/data" status >/dev/null 2>&1; then
  echo "$URL"
  exit 0
fi
mkdir -p "$PGROOT"
chown postgres:postgres "$PGROOT"
if [ ! -f "$PGROOT/data/PG_VERSION" ]; then
  as_postgres "$PGBIN/initdb" -D "$PGROOT/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
fi
as_postgres "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/server.log" \
  -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGROOT -c fsync=off" -w -t 30 start >/dev/null
if ! "$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='clio_test'" | grep -q 1; then
  "$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -qc "CREATE DATABASE clio_test"
fi
echo "$URL"
