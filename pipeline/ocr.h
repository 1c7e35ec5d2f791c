// Optical character recognition of rendered page images (Tesseract), kept
// behind a plain interface so no Tesseract type leaks out of ocr.cc.
#ifndef VANBAN_PIPELINE_OCR_H_
#define VANBAN_PIPELINE_OCR_H_

#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <thread>
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

// One recognised word, its box in image pixels, the height of its line and
// Tesseract's confidence in it (0..100).
struct OcrWord {
  std::string text;
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  int line_height = 0;
  float confidence = 0;
};

struct OcrText {
  std::vector<OcrWord> words;  // in Tesseract's reading order
  int dpi = 0;                 // of the image the boxes refer to
  std::string text;            // UTF-8, one paragraph per line, blank line between blocks
  double confidence = -1;      // mean word confidence 0..100 (Tesseract MeanTextConf)
  bool timed_out = false;      // the deadline cut recognition short
};

// The languages vanban reads, in Tesseract's notation. Vietnamese alone: with
// "vie+eng" the English model wins on capitals and drops their diacritics
// ("PHO BI THU'" for "PHÓ BÍ THƯ"); measured in docs/ocr.md.
inline constexpr const char* kOcrLanguages = "vie";

// Recognises the text of image with the languages kOcrLanguages. Stops at the
// deadline (seconds from now; <= 0 means none) and says so in timed_out.
// Returns Unsupported when Tesseract's language data is not installed.
// Thread-safe: each thread keeps its own Tesseract engine.
Result<OcrText> RecognizeImage(const GrayImage& image, double deadline_seconds);

// Returns true when Tesseract and the vie language data can be loaded
// (so tests and callers can tell "no OCR here" from "OCR found nothing").
bool OcrAvailable();

// A greyscale page render the OCR queue owns (GrayImage is only a view).
struct OwnedGrayImage {
  std::vector<unsigned char> pixels;
  int width = 0;
  int height = 0;
  int bytes_per_row = 0;
  int dpi = 300;
};

// What recognising one page gave, and the wall seconds it took.
struct OcrOutcome {
  Result<OcrText> text = Status::Internal("page not recognised");
  double seconds = 0;
};

// Recognises queued page images on up to `threads` worker threads, one
// Tesseract engine per thread; with one thread Add() recognises at once on
// the caller's thread. Add() blocks while 2 x threads images wait, so
// memory stays bounded on long documents. Not itself thread-safe: one
// caller adds and finishes.
class OcrQueue {
 public:
  using Clock = std::chrono::steady_clock;
  // deadline: recognition stops there (a page that starts after it fails).
  OcrQueue(int threads, Clock::time_point deadline);
  ~OcrQueue();
  OcrQueue(const OcrQueue&) = delete;
  OcrQueue& operator=(const OcrQueue&) = delete;

  // Queues image under id (a page index).
  void Add(int id, OwnedGrayImage image);
  // Waits for every queued page and returns the outcomes by id.
  std::map<int, OcrOutcome> Finish();

 private:
  struct Job {
    int id = 0;
    OwnedGrayImage image;
  };
  void Work();
  OcrOutcome Run(const OwnedGrayImage& image) const;

  const Clock::time_point deadline_;
  std::mutex mu_;
  std::condition_variable ready_, room_;
  std::deque<Job> jobs_;
  std::map<int, OcrOutcome> done_;
  size_t max_waiting_ = 2;
  bool closing_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace vanban

#endif  // VANBAN_PIPELINE_OCR_H_
