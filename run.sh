#!/usr/bin/env bash
# Installs what is missing, builds, and starts the ShopDesk workbench on the embedded demo shop.
# Extra arguments go to shopdesk (e.g. ./run.sh --lang en).
set -euo pipefail
cd "$(dirname "$0")"

./scripts/deps.sh
./scripts/configure.sh
cmake --build build

if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" && -z "${QT_QPA_PLATFORM:-}" ]]; then
    echo "run.sh: no graphical display found. Run it on a desktop session, or try:" >&2
    echo "  xvfb-run -a ./run.sh --screenshot shopdesk.png" >&2
    exit 1
fi
exec build/bin/shopdesk --demo "$@"
