#!/usr/bin/env bash
# One command: install what is missing, build, and run every test (ctest).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
ctest --test-dir "${VANBAN_BUILD_DIR:-build}" --output-on-failure --timeout 600 -j "$(nproc)"
