#!/usr/bin/env bash
# Index benchmark: generates N synthetic directives (bench/gen_corpus.py,
# default 10,000), times `vanban ingest` on them (docs/s, MB/s), reports the
# index size against the input size, a second (incremental) run, and p50/p99
# latency of full-text, filter and agenda queries measured in one process
# (bench/index_query.cc, built with -DVANBAN_BUILD_BENCHMARKS=ON).
# Usage: bench/index_bench.sh [N] [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
BUILD=${2:-build}
JOBS=${JOBS:-0}
if [ ! -x "$BUILD/bench/index_query" ] || [ ! -x "$BUILD/vanban" ]; then
  cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DVANBAN_BUILD_BENCHMARKS=ON >/dev/null
  cmake --build "$BUILD" -j2 --target vanban index_query >/dev/null
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 bench/gen_corpus.py --count "$N" --out "$work/corpus" >/dev/null 2>&1
input_bytes=$(du -sb "$work/corpus/docs" | cut -f1)
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "corpus: $N synthetic directives, $(awk -v b="$input_bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB"

index="$work/index.sqlite"
/usr/bin/time -f "%e %M" -o "$work/time" \
  "$BUILD/vanban" ingest --no-progress --jobs "$JOBS" --index "$index" "$work/corpus/docs" \
  > "$work/ingest.out"
read -r secs rss_kb < "$work/time"
sed 's/ index=.*//' "$work/ingest.out"
index_bytes=$(stat -c %s "$index")
awk -v n="$N" -v s="$secs" -v r="$rss_kb" -v b="$input_bytes" -v i="$index_bytes" 'BEGIN {
  printf "ingest: %.1f s wall, %.0f docs/s, %.2f MB/s, peak RSS %.0f MB\n", s, n / s, b / 1e6 / s, r / 1024
  printf "index: %.1f MB = %.1f x the input\n", i / 1e6, i / b }'

# Incremental: nothing changed, nothing is processed again.
/usr/bin/time -f "%e" -o "$work/time2" \
  "$BUILD/vanban" ingest --no-progress --index "$index" "$work/corpus/docs" > "$work/again.out"
echo "re-ingest unchanged: $(cat "$work/time2") s ($(grep -o 'indexed=[0-9]* replaced=[0-9]* unchanged=[0-9]*' "$work/again.out"))"

"$BUILD/bench/index_query" "$index" "${ROUNDS:-200}"
