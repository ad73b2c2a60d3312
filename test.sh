#!/usr/bin/env bash
# Installs what is missing, builds, checks formatting and runs every test (with a throwaway
# PostgreSQL for the team-mode tests). Exit status = result.
set -euo pipefail
cd "$(dirname "$0")"

./scripts/deps.sh
./scripts/check-format.sh
./scripts/configure.sh
cmake --build build
# The whole suite runs inside a throwaway PostgreSQL cluster (pg_virtualenv sets PGHOST, PGPORT,
# PGUSER, PGPASSWORD); if it cannot start, the run fails (the PostgreSQL tests never skip).
QT_QPA_PLATFORM=offscreen pg_virtualenv -t ctest --test-dir build --output-on-failure -j "$(nproc)" --timeout 900
