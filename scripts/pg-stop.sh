#!/usr/bin/env bash
# Stop the throwaway PostgreSQL started by scripts/pg-start.sh and delete its data.
# Idempotent: does nothing if it is not running.
set -euo pipefail
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
PGROOT=${PGROOT:-/tmp/pgci}
if [ -f "$PGROOT/data/postmaster.pid" ]; then
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGROOT/data" -m fast -w stop >/dev/null || true
fi
rm -rf "$PGROOT"
