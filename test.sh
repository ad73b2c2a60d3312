#!/usr/bin/env bash
# Installs what is missing, builds, checks formatting and runs every test. Exit status = result.
set -euo pipefail
cd "$(dirname "$0")"

./scripts/deps.sh
./scripts/check-format.sh
./scripts/configure.sh
cmake --build build
QT_QPA_PLATFORM=offscreen ctest --test-dir build --output-on-failure -j "$(nproc)" --timeout 900
