#!/usr/bin/env bash
# One command for every performance figure: builds vanban with the benchmark
# harness, runs the stage benchmarks, the synthetic-corpus run (throughput,
# peak RSS, precision/recall against ground truth), the dateparser and
# pdftotext comparisons, prints one table and rewrites the README's
# "Performance" section (between its marker comments) with it.
# Usage: bench/run-all.sh [--no-readme]
# Environment: VANBAN_BENCH_BUILD_DIR (build), CORPUS_DOCS (10000),
#   DATEPARSER_DOCS (200), PDF_ROUNDS (3), STAGE_MIN_TIME (0.5 s a benchmark).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${VANBAN_BENCH_BUILD_DIR:-build}
README=README.md
[ "${1:-}" = "--no-readme" ] && README=""
PY=/usr/bin/python3  # Debian's python, where python3-dateparser lives
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "== build ($BUILD, benchmarks on)" >&2
cmake -S . -B "$BUILD" -G Ninja -DVANBAN_BUILD_BENCHMARKS=ON >/dev/null
cmake --build "$BUILD" -j2 --target vanban stage_bench >/dev/null

echo "== stage benchmarks" >&2
"$BUILD/bench/stage_bench" --benchmark_min_time="${STAGE_MIN_TIME:-0.5}" \
  --benchmark_format=json --benchmark_out="$out/stages.json" --benchmark_out_format=json \
  >/dev/null 2>"$out/stages.log" || { cat "$out/stages.log" >&2; exit 1; }

echo "== synthetic corpus (${CORPUS_DOCS:-10000} documents)" >&2
$PY bench/gen_corpus.py --count "${CORPUS_DOCS:-10000}" --out "$out/corpus" 2>/dev/null
$PY bench/accuracy-at-scale.py --corpus "$out/corpus" --vanban "$BUILD/vanban" --json \
  > "$out/corpus.json"

echo "== dateparser comparison" >&2
$PY bench/compare-dateparser.py --vanban "$BUILD/vanban" --corpus "$out/corpus" \
  --sample "${DATEPARSER_DOCS:-200}" --json > "$out/dates.json"

echo "== pdftotext comparison" >&2
PDF_BENCH_OCR=0 bench/pdf_bench.sh "${PDF_ROUNDS:-3}" "$BUILD/vanban" > "$out/pdf.txt"

$PY bench/perf_report.py "$out" ${README:+--readme "$README"}
