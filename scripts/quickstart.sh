#!/usr/bin/env bash
# One command: install what is missing, build, and run the main job on samples/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
scripts/main-job.sh
