#!/usr/bin/env bash
# PDF throughput: pages/s of vanban on text-layer PDFs next to pdftotext
# (poppler-utils) on the same files, as a ratio, and pages/s of OCR on the
# image-only samples. vanban runs the whole pipeline (layout, normalise,
# extract), pdftotext only its text dump.
# Usage: bench/pdf_bench.sh [ROUNDS] [VANBAN_BINARY]   (from anywhere)
# PDF_BENCH_OCR=0 skips the OCR part.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-5}
VANBAN=${2:-build/vanban}
command -v pdftotext >/dev/null || { echo "pdf_bench: needs pdftotext (poppler-utils)" >&2; exit 2; }
text_pdfs=(samples/[0-9]*.pdf)
[ -f /work/shared/realdocs/05.pdf ] && text_pdfs+=(/work/shared/realdocs/05.pdf)
scans=(samples/scan_*.pdf)

pages_of() {
  local n=0
  for f in "$@"; do n=$((n + $(pdfinfo "$f" | awk '/^Pages:/ {print $2}'))); done
  echo "$n"
}

seconds() {  # seconds() CMD…: wall time of ROUNDS runs over the given files
  local start end
  start=$(date +%s.%N)
  for ((r = 0; r < ROUNDS; r++)); do "$@" >/dev/null 2>&1 || true; done
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}

# vanban takes a batch in one process (rules compile once); pdftotext cannot.
run_vanban() { "$VANBAN" extract --no-text --ocr never "${text_pdfs[@]}"; }
run_pdftotext() { for f in "${text_pdfs[@]}"; do pdftotext -layout "$f" -; done; }
run_ocr() { for f in "${scans[@]}"; do "$VANBAN" extract --no-text --ocr always "$f"; done; }

tp=$(pages_of "${text_pdfs[@]}")
sp=$(pages_of "${scans[@]}")
tv=$(seconds run_vanban)
tt=$(seconds run_pdftotext)
printf 'text layer: %d files, %d pages x %d rounds\n' "${#text_pdfs[@]}" "$tp" "$ROUNDS"
printf '  vanban extract  %8.1f pages/s\n' "$(echo "$tp * $ROUNDS / $tv" | bc -l)"
printf '  pdftotext       %8.1f pages/s\n' "$(echo "$tp * $ROUNDS / $tt" | bc -l)"
printf '  ratio vanban/pdftotext  %.2f\n' "$(echo "$tt / $tv" | bc -l)"
[ "${PDF_BENCH_OCR:-1}" = 0 ] && exit 0
ROUNDS=1
to=$(seconds run_ocr)
printf 'ocr (vie+eng, %d dpi): %d pages\n' 300 "$sp"
printf '  vanban extract  %8.2f pages/s (%.1f s/page)\n' "$(echo "$sp / $to" | bc -l)" \
  "$(echo "$to / $sp" | bc -l)"
