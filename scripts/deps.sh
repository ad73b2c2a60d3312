#!/usr/bin/env bash
# Installs the Debian bookworm packages ShopDesk needs to build, test and run.
# Only missing packages are installed; uses sudo when not root.
set -euo pipefail

PACKAGES=(
    build-essential cmake ninja-build ccache pkg-config git clang-format
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-charts-dev qt6-svg-dev qt6-websockets-dev qt6-qpa-plugins qt6-translations-l10n libgl-dev libqt6opengl6-dev
    libsqlite3-dev libsqlitecpp-dev libssl-dev libsodium-dev qtkeychain-qt6-dev
    libspdlog-dev libfmt-dev libgtest-dev libgmock-dev libbenchmark-dev
    fonts-wqy-microhei xvfb xauth
    postgresql postgresql-common libpq-dev
)

missing=()
for p in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

if ((${#missing[@]} == 0)); then
    exit 0
fi

echo "Installing missing packages: ${missing[*]}"
SUDO=()
if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null; then
        SUDO=(sudo)
    else
        echo "error: need root or sudo to install: ${missing[*]}" >&2
        exit 1
    fi
fi
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
