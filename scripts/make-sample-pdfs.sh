#!/bin/sh
# Regenerates the committed sample PDFs from the seed TXT files in samples/:
# one born-digital PDF per seed (samples/NNN_*.pdf, text layer) and two
# image-only scans (samples/scan_NNN_*.pdf: first page rasterised, no text
# layer) for the OCR path. Run from the repository root. Needs the Debian
# packages python3-reportlab, fonts-dejavu-core, poppler-utils and img2pdf
# (generator only; vanban does not need them at run time).
set -eu
cd "$(dirname "$0")/.."
missing=""
/usr/bin/python3 -c "import reportlab" 2>/dev/null || missing="$missing python3-reportlab"
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf ] || missing="$missing fonts-dejavu-core"
command -v pdftoppm >/dev/null || missing="$missing poppler-utils"
command -v img2pdf >/dev/null || missing="$missing img2pdf"
if [ -n "$missing" ]; then
  echo "make-sample-pdfs: missing Debian packages:$missing (apt-get install$missing)" >&2
  exit 1
fi
for seed in samples/[0-9]*.txt; do
  out="${seed%.txt}.pdf"
  /usr/bin/python3 scripts/make_sample_pdfs.py "$seed" "$out"
  echo "$out"
done
# Scans: page 1 rendered at 200 dpi greyscale, wrapped as an image-only PDF.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for id in 000_098c887c129b784c 003_f6aa80a5ebc1dcbb; do
  pdftoppm -r 200 -gray -f 1 -l 1 "samples/$id.pdf" "$tmp/$id"
  img2pdf --imgsize 200dpi --title "scan of $id page 1" --creationdate 2020-01-01 \
    --moddate 2020-01-01 -o "samples/scan_$id.pdf" "$tmp/$id"-*1.pgm
  echo "samples/scan_$id.pdf"
done
