#!/usr/bin/env bash
# Builds the libFuzzer targets (clang; every vanban library instrumented for
# coverage, ASan and UBSan: cmake/developer-options.cmake) and runs each for
# SECONDS (default 20), one after another, on its corpus under $BUILD/corpus/
# plus seeds copied from samples/ and tests/data, with a dictionary made of
# fuzz/dict/*.dict and the rule files' words (fuzz/make_dict.py).
# Prints per target: edges (cov), features (ft), executions, exec/s, corpus
# size and crashes, then a summary table (also written to $BUILD/fuzz-summary.txt).
# Exits non-zero on any crash, leak, timeout, OOM or sanitizer report (slow
# units over 10 s are only logged); the reproducer is left in
# $BUILD/crashes/ and the log in $BUILD/logs/TARGET.log.
# Usage: fuzz/run.sh [SECONDS] [TARGET…]
# Environment: VANBAN_FUZZ_BUILD_DIR (default build-fuzz); VANBAN_FUZZ_NO_BUILD=1
# runs the binaries already in it without configuring or building;
# VANBAN_RULES, the rule directory the targets and dictionaries read.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-20}
shift || true
BUILD=${VANBAN_FUZZ_BUILD_DIR:-build-fuzz}
if [ "${VANBAN_FUZZ_NO_BUILD:-0}" != 1 ]; then
  CC=clang CXX=clang++ cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DVANBAN_BUILD_FUZZERS=ON -DVANBAN_BUILD_TESTS=OFF >/dev/null
  cmake --build "$BUILD" --parallel 2 --target fuzzers >/dev/null
fi
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for f in fuzz/*_fuzzer.cc; do targets+=("$(basename "$f" .cc)"); done
fi
mkdir -p "$BUILD/crashes" "$BUILD/logs" "$BUILD/dict"
export LSAN_OPTIONS=suppressions="$PWD/tests/lsan.supp":print_suppressions=0

# seed TARGET DIR: copies the target's seed inputs into DIR (emptied first).
seed() {
  rm -rf "$2" && mkdir -p "$2"
  case "$1" in
    pdf_fuzzer) find samples tests/data -name '*.pdf' -size -200k -exec cp {} "$2/" \; ;;
    doc_fuzzer) cp tests/data/doc/*.doc "$2/" ;;
    docx_fuzzer) find tests/data/docx -name '*.docx' -exec cp {} "$2/" \; ;;
    *) cp samples/*.txt tests/data/encodings/* tests/data/bad/* "$2/" ;;
  esac
}

# dict TARGET: prints the path of the target's dictionary, made afresh.
dict() {
  local hand=(fuzz/dict/vietnamese.dict)
  case "$1" in
    pdf_fuzzer) hand+=(fuzz/dict/pdf.dict) ;;
    doc_fuzzer) hand=(fuzz/dict/doc.dict) ;;
    docx_fuzzer) hand+=(fuzz/dict/docx.dict) ;;
  esac
  python3 fuzz/make_dict.py "$BUILD/dict/$1.dict" "${VANBAN_RULES:-extractors/rules}" "${hand[@]}"
  echo "$BUILD/dict/$1.dict"
}

# field LINE KEY: prints the number after "KEY:" in a libFuzzer status line.
field() { sed -nE "s/.* $2: ([0-9]+).*/\1/p" <<<"$1"; }

summary="$(printf '%-20s %7s %9s %11s %7s %7s %8s' target edges features executions exec/s corpus crashes)"
status=0
for t in "${targets[@]}"; do
  corpus="$BUILD/corpus/$t" seeds="$BUILD/seeds/$t" log="$BUILD/logs/$t.log"
  mkdir -p "$corpus"
  seed "$t" "$seeds"
  dictionary=$(dict "$t")
  echo "fuzz: $t for ${SECONDS_EACH}s"
  rc=0
  "$BUILD/fuzz/$t" -max_total_time="$SECONDS_EACH" -max_len=65536 -timeout=25 \
    -rss_limit_mb=4096 -dict="$dictionary" -artifact_prefix="$BUILD/crashes/$t-" \
    -print_final_stats=1 "$corpus" "$seeds" >"$log" 2>&1 || rc=$?
  last=$(grep -E '^#[0-9]+.* cov: ' "$log" | tail -1 || true)
  cov=$(field "$last" cov) ft=$(field "$last" ft) corp=$(field "$last" corp)
  execs=$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+)/\1/p' "$log")
  rate=$(sed -nE 's/^stat::average_exec_per_sec: *([0-9]+)/\1/p' "$log")
  crashes=$(grep -cE 'Test unit written to .*-(crash|leak|timeout|oom)-' "$log" || true)
  [ "$rc" -ne 0 ] && [ "$crashes" -eq 0 ] && crashes=1  # died without an artifact
  echo "  edges ${cov:-?}  features ${ft:-?}  executions ${execs:-?}  exec/s ${rate:-?}  corpus ${corp:-?}  crashes $crashes"
  summary+=$'\n'"$(printf '%-20s %7s %9s %11s %7s %7s %8s' "$t" "${cov:-?}" "${ft:-?}" \
    "${execs:-?}" "${rate:-?}" "${corp:-?}" "$crashes")"
  if [ "$rc" -ne 0 ]; then
    echo "fuzz: $t FAILED"; grep -E 'ERROR|SUMMARY|Test unit written' "$log" | head -20 || true
    status=1
  fi
done
echo
echo "$summary" | tee "$BUILD/fuzz-summary.txt"
exit $status
