#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan+UBSan) and runs each for N seconds
# (default 20) on a corpus seeded from samples/. Exits non-zero on any crash,
# leak or sanitizer report; the reproducer is left in build-fuzz/crashes/.
# Usage: fuzz/run.sh [SECONDS] [TARGET…]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-20}
shift || true
BUILD=${VANBAN_FUZZ_BUILD_DIR:-build-fuzz}
CC=clang CXX=clang++ cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DVANBAN_BUILD_FUZZERS=ON -DVANBAN_SANITIZE=ON -DVANBAN_BUILD_TESTS=OFF >/dev/null
cmake --build "$BUILD" --parallel "$(nproc)" >/dev/null
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for f in fuzz/*_fuzzer.cc; do targets+=("$(basename "$f" .cc)"); done
fi
mkdir -p "$BUILD/crashes"
export LSAN_OPTIONS=suppressions="$PWD/tests/lsan.supp":print_suppressions=0
status=0
for t in "${targets[@]}"; do
  corpus="$BUILD/corpus/$t"
  mkdir -p "$corpus"
  case "$t" in
    pdf_fuzzer) find samples tests/data -name '*.pdf' -size -200k -exec cp {} "$corpus/" \; 2>/dev/null || true ;;
    doc_fuzzer) cp tests/data/doc/*.doc "$corpus/" ;;
    docx_fuzzer) cp tests/data/docx/*.docx "$corpus/" ;;
    *) cp samples/*.txt "$corpus/" ;;
  esac
  echo "fuzz: $t for ${SECONDS_EACH}s"
  if ! "$BUILD/fuzz/$t" -max_total_time="$SECONDS_EACH" -max_len=65536 -timeout=25 \
      -rss_limit_mb=4096 -artifact_prefix="$BUILD/crashes/$t-" -print_final_stats=1 \
      "$corpus" > "$BUILD/$t.log" 2>&1; then
    echo "fuzz: $t FAILED"; tail -40 "$BUILD/$t.log"; status=1
  else
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$BUILD/$t.log" | sed "s/^/  /"
  fi
done
exit $status
