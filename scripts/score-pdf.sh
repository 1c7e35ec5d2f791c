#!/bin/sh
# Extracts from the PDF sibling of each given seed: score-pdf.sh DIR/X.txt runs
# `vanban extract samples/X.pdf`, so the scorer can compare PDF and TXT input:
#   python3 /work/shared/eval/score.py --cmd scripts/score-pdf.sh
# VANBAN (default build/vanban) and PDF_DIR (default samples) override paths.
set -eu
here="$(cd "$(dirname "$0")/.." && pwd)"
vanban="${VANBAN:-$here/build/vanban}"
dir="${PDF_DIR:-$here/samples}"
args=""
for f in "$@"; do
  case "$f" in
    *.txt) base="$(basename "$f" .txt)"; set -- "$@" "$dir/$base.pdf" ;;
    *) set -- "$@" "$f" ;;
  esac
  shift
done
exec "$vanban" extract "$@"
