#!/usr/bin/env bash
# Lists C++ files whose formatting differs from .clang-format; exits 1 if any.
set -euo pipefail
cd "$(dirname "$0")/.."
bad=0
while IFS= read -r f; do
  if ! diff -q <(clang-format --style=file "$f") "$f" >/dev/null; then
    echo "needs clang-format: $f"; bad=1
  fi
done < <(git ls-files '*.cc' '*.h')
exit $bad
