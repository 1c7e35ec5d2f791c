#!/usr/bin/env bash
# Installs the Debian packages vanban needs to build, test and run.
# A no-op when every package is already installed.
set -euo pipefail

PACKAGES=(
  # toolchain
  g++ cmake ninja-build pkg-config make
  # libraries
  libicu-dev libre2-dev libpoppler-cpp-dev nlohmann-json3-dev libcli11-dev
  libssl-dev libmagic-dev libsqlite3-dev libtesseract-dev libleptonica-dev
  libuchardet-dev libgsf-1-dev
  # .docx input, spreadsheet export, the HTTP server
  libzip-dev libpugixml-dev libxlsxwriter-dev libcpp-httplib-dev
  # OCR language data
  tesseract-ocr-vie tesseract-ocr-eng
  # tests, benchmarks, fuzzing (valgrind: the linear-work check in scripts/test.sh)
  libgtest-dev libgmock-dev libvalijson-dev libbenchmark-dev clang libclang-rt-14-dev valgrind
  # baselines and validators used by tests and benchmarks
  poppler-utils python3 python3-icalendar python3-dateparser
  python3-docx python3-openpyxl libxml2-utils
  # the browser test of the web page
  chromium chromium-driver python3-selenium
  # OCR benchmark only (bench/ocr_bench.py): rasterised set and the OCRmyPDF baseline
  ocrmypdf img2pdf python3-pil python3-reportlab
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
