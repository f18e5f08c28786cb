#!/usr/bin/env bash
# Install Clio with everything its tests need and run all of them: lint, types, the test suite
# (including PostgreSQL and real-browser tests).
#
# Run inside a virtualenv. As root (CI, a fresh Debian machine) it also installs the Debian packages
# the tests use (scripts/system-deps.sh) and then requires that no test is skipped
# (CLIO_REQUIRE_ALL=1). Without root, tests needing Chromium or PostgreSQL that are absent skip with
# a reason instead.
set -euo pipefail
cd "$(dirname "$0")/.."
python -m pip install -q --upgrade pip
python -m pip install -q -e '.[dev]'
if [ "$(id -u)" = 0 ]; then
  bash scripts/system-deps.sh
  export CLIO_REQUIRE_ALL=${CLIO_REQUIRE_ALL:-1}
fi

# A throwaway PostgreSQL of our own (own folder and port, so a developer's server is untouched).
export PGROOT=${CLIO_TEST_PGROOT:-/tmp/clio-test-pg-$$}
# a port nothing listens on (a fixed one clashes with another server left running)
free_port() { python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
export PGPORT=${CLIO_TEST_PGPORT:-$(free_port)}
if [ -z "${CLIO_TEST_POSTGRES_URL:-}" ] && [ "$(id -u)" = 0 ]; then
  CLIO_TEST_POSTGRES_URL=$(bash scripts/pg-start.sh)
  export CLIO_TEST_POSTGRES_URL
  trap 'bash scripts/pg-stop.sh' EXIT
fi

ruff check src tests benchmarks
ruff format --check src tests benchmarks
mypy
python -m pytest -q "$@"
