#!/usr/bin/env bash
# Fails when a C++ file differs from .clang-format. Pass --fix to reformat instead.
set -euo pipefail
cd "$(dirname "$0")/.."
if git rev-parse --git-dir >/dev/null 2>&1; then
    mapfile -t files < <(git ls-files --cached --others --exclude-standard '*.cpp' '*.h')
else
    mapfile -t files < <(find src ui tests bench -name '*.cpp' -o -name '*.h')
fi
if [[ "${1:-}" == "--fix" ]]; then
    clang-format -i "${files[@]}"
    exit 0
fi
if ! clang-format --dry-run -Werror "${files[@]}"; then
    echo "check-format: run ./scripts/check-format.sh --fix" >&2
    exit 1
fi
