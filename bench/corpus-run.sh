#!/usr/bin/env bash
# Whole-corpus run: extracts every sample TXT repeated until the corpus is at
# least MB megabytes (default 50) and prints docs/s, MB/s and peak RSS.
# Usage: bench/corpus-run.sh [MB] [VANBAN_BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${1:-50}
VANBAN=${2:-build/vanban}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
total=0
i=0
while [ "$total" -lt $((MB * 1024 * 1024)) ]; do
  for f in samples/*.txt; do
    # A varying first line keeps every copy a distinct document.
    { echo "Bản số $i"; cat "$f"; } > "$work/$i-$(basename "$f")"
    total=$((total + $(stat -c %s "$work/$i-$(basename "$f")")))
  done
  i=$((i + 1))
done
docs=$(ls "$work" | wc -l)
/usr/bin/time -f "%e %M" -o "$work.time" \
  sh -c "find '$work' -type f -print0 | xargs -0 -n 500 '$VANBAN' extract --no-text > /dev/null"
read -r secs rss_kb < "$work.time"
rm -f "$work.time"
awk -v d="$docs" -v b="$total" -v s="$secs" -v r="$rss_kb" 'BEGIN {
  printf "corpus: %d docs, %.1f MB\n", d, b / 1048576
  printf "time: %.2f s  docs/s: %.0f  MB/s: %.2f  peak RSS: %.1f MB (one process)\n",
         s, d / s, b / 1048576 / s, r / 1024 }'
