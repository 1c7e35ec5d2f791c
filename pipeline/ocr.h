// Optical character recognition of rendered page images (Tesseract), kept
// behind a plain interface so no Tesseract type leaks out of ocr.cc.
#ifndef VANBAN_PIPELINE_OCR_H_
#define VANBAN_PIPELINE_OCR_H_

#include <string>
#include <vector>

#include "pipeline/status.h"

namespace vanban {

// An 8-bit greyscale image (0 black … 255 white), rows bytes_per_row apart.
struct GrayImage {
  const unsigned char* pixels = nullptr;
  int width = 0;
  int height = 0;
  int bytes_per_row = 0;
  int dpi = 300;
};

// One recognised word, its box in image pixels and the height of its line.
struct OcrWord {
  std::string text;
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  int line_height = 0;
};

struct OcrText {
  std::vector<OcrWord> words;  // in Tesseract's reading order
  int dpi = 0;                 // of the image the boxes refer to
  std::string text;            // UTF-8, one paragraph per line, blank line between blocks
  double confidence = -1;      // mean word confidence 0..100 (Tesseract MeanTextConf)
  bool timed_out = false;      // the deadline cut recognition short
};

// The languages vanban reads, in Tesseract's notation.
inline constexpr const char* kOcrLanguages = "vie+eng";

// Recognises the text of image with the languages kOcrLanguages. Stops at the
// deadline (seconds from now; <= 0 means none) and says so in timed_out.
// Returns Unsupported when Tesseract's language data is not installed.
// Thread-safe: each thread keeps its own Tesseract engine.
Result<OcrText> RecognizeImage(const GrayImage& image, double deadline_seconds);

// Returns true when Tesseract and the vie and eng language data can be loaded
// (so tests and callers can tell "no OCR here" from "OCR found nothing").
bool OcrAvailable();

}  // namespace vanban

#endif  // VANBAN_PIPELINE_OCR_H_
