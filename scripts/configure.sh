#!/usr/bin/env bash
# Configures the one build tree both run.sh and test.sh use: Release with assertions kept,
# warnings as errors, Ninja, ccache when installed.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ! -f build/build.ninja ]]; then
    cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DSHOPDESK_ASSERTS=ON -DSHOPDESK_WERROR=ON
fi
