#!/usr/bin/env bash
# One command: install what is missing, build, and run every test (ctest).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
ctest --test-dir "${VANBAN_BUILD_DIR:-build}" --output-on-failure --timeout 600 -j "$(nproc)"
# Extraction stays linear in its input: the instruction count (callgrind,
# the same whatever else the machine does) on fact-dense texts of growing size.
python3 bench/dense_bench.py --vanban "${VANBAN_BUILD_DIR:-build}/vanban" \
  --sizes 0.125,0.25,0.5 --callgrind --max-slope 1.2
