#!/usr/bin/env bash
# Install Clio with everything the tests need, then run lint, types and the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
python -m pip install -q --upgrade pip
python -m pip install -q -e '.[dev]'
ruff check src tests benchmarks
ruff format --check src tests benchmarks
mypy
python -m pytest -q
