// Tesseract adapter: one engine per thread, the Vietnamese model.
#include "pipeline/ocr.h"

#include <dlfcn.h>
#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <memory>

namespace vanban {
namespace {

// Debian's Tesseract runs its LSTM with OpenMP teams of fixed size
// (num_threads clauses). vanban runs one engine per worker thread, and on a
// busy machine OpenMP's spinning threads made a page 3x slower (27 s against
// 9 s for a 300 dpi A4 page on two loaded cores). max-active-levels 0 makes
// every parallel region run on the thread that meets it (it is the one
// OpenMP control that overrides num_threads). Looked up at run time so a
// Tesseract built without OpenMP works too; vanban itself does not use
// OpenMP.
void SingleThreadedOpenMp() {
  using SetInt = void (*)(int);
  auto set = reinterpret_cast<SetInt>(dlsym(RTLD_DEFAULT, "omp_set_max_active_levels"));
  if (set) set(0);
}

// TessBaseAPI is not thread-safe and Init() loads ~20 MB of models, so each
// thread builds one engine on first use and keeps it.
struct Engine {
  std::unique_ptr<tesseract::TessBaseAPI> api;
  bool ok = false;
  Engine() : api(new tesseract::TessBaseAPI()) {
    SingleThreadedOpenMp();
    // Tesseract prints diagnostics ("Estimating resolution …") to stderr.
    api->SetVariable("debug_file", "/dev/null");
    ok = api->Init(nullptr, kOcrLanguages, tesseract::OEM_LSTM_ONLY) == 0;
    if (ok) {
      api->SetPageSegMode(tesseract::PSM_AUTO);
      // Keep interword spaces as printed; the normaliser collapses them.
      api->SetVariable("preserve_interword_spaces", "0");
    }
  }
  ~Engine() {
    if (api) api->End();
  }
};

Engine& ThreadEngine() {
  thread_local Engine engine;
  return engine;
}

// Tesseract's text with lines of one paragraph joined by spaces: the printed
// line breaks carry no meaning, paragraph breaks do.
std::string ParagraphText(tesseract::TessBaseAPI* api) {
  std::string out;
  std::unique_ptr<tesseract::ResultIterator> it(api->GetIterator());
  if (!it) return out;
  const tesseract::PageIteratorLevel kWord = tesseract::RIL_WORD;
  bool first = true;
  do {
    std::unique_ptr<char[]> word(it->GetUTF8Text(kWord));
    if (!word) continue;
    if (!first) {
      if (it->IsAtBeginningOf(tesseract::RIL_BLOCK)) {
        out += "\n\n";
      } else if (it->IsAtBeginningOf(tesseract::RIL_PARA)) {
        out += "\n";
      } else {
        out += ' ';
      }
    }
    out += word.get();
    first = false;
  } while (it->Next(kWord));
  if (!out.empty()) out += '\n';
  return out;
}

std::vector<OcrWord> Words(tesseract::TessBaseAPI* api) {
  std::vector<OcrWord> words;
  std::unique_ptr<tesseract::ResultIterator> it(api->GetIterator());
  if (!it) return words;
  int line_height = 0;
  do {
    if (it->IsAtBeginningOf(tesseract::RIL_TEXTLINE)) {
      int l, t, r, b;
      if (it->BoundingBox(tesseract::RIL_TEXTLINE, &l, &t, &r, &b)) line_height = b - t;
    }
    std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_WORD));
    if (!text || !*text.get()) continue;
    OcrWord w;
    w.text = text.get();
    if (!it->BoundingBox(tesseract::RIL_WORD, &w.x0, &w.y0, &w.x1, &w.y1)) continue;
    w.line_height = line_height > 0 ? line_height : w.y1 - w.y0;
    w.confidence = it->Confidence(tesseract::RIL_WORD);
    words.push_back(std::move(w));
  } while (it->Next(tesseract::RIL_WORD));
  return words;
}

}  // namespace

bool OcrAvailable() { return ThreadEngine().ok; }

Result<OcrText> RecognizeImage(const GrayImage& image, double deadline_seconds) {
  Engine& engine = ThreadEngine();
  if (!engine.ok) {
    return Status::Unsupported(std::string("OCR needs Tesseract language data for ") +
                               kOcrLanguages + " (Debian: tesseract-ocr-vie)");
  }
  if (!image.pixels || image.width <= 0 || image.height <= 0 || image.bytes_per_row < image.width) {
    return Status::Internal("OCR given an empty image");
  }
  tesseract::TessBaseAPI* api = engine.api.get();
  api->SetImage(image.pixels, image.width, image.height, 1, image.bytes_per_row);
  api->SetSourceResolution(image.dpi);
  tesseract::ETEXT_DESC monitor;
  if (deadline_seconds > 0) {
    monitor.set_deadline_msecs(static_cast<int32_t>(std::min(deadline_seconds * 1000, 2e9)));
  }
  OcrText out;
  if (api->Recognize(&monitor) != 0) {
    api->Clear();
    return Status::Internal("Tesseract could not recognise the page");
  }
  out.timed_out = monitor.deadline_exceeded();
  out.text = ParagraphText(api);
  out.words = Words(api);
  out.dpi = image.dpi;
  out.confidence = api->MeanTextConf();
  api->Clear();
  return out;
}

OcrQueue::OcrQueue(int threads, Clock::time_point deadline) : deadline_(deadline) {
  if (threads <= 1) return;
  max_waiting_ = 2 * static_cast<size_t>(threads);
  for (int i = 0; i < threads; ++i) workers_.emplace_back([this] { Work(); });
}

OcrQueue::~OcrQueue() { Finish(); }

OcrOutcome OcrQueue::Run(const OwnedGrayImage& owned) const {
  const Clock::time_point start = Clock::now();
  OcrOutcome out;
  double left = std::chrono::duration<double>(deadline_ - start).count();
  if (left <= 0) {
    out.text = Status::TooLarge("time budget used up");
    return out;
  }
  GrayImage view;
  view.pixels = owned.pixels.data();
  view.width = owned.width;
  view.height = owned.height;
  view.bytes_per_row = owned.bytes_per_row;
  view.dpi = owned.dpi;
  out.text = RecognizeImage(view, left);
  out.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return out;
}

void OcrQueue::Add(int id, OwnedGrayImage image) {
  if (workers_.empty()) {
    done_[id] = Run(image);
    return;
  }
  std::unique_lock<std::mutex> lock(mu_);
  room_.wait(lock, [this] { return jobs_.size() < max_waiting_; });
  jobs_.push_back(Job{id, std::move(image)});
  ready_.notify_one();
}

void OcrQueue::Work() {
  for (;;) {
    Job job;
    {
      std::unique_lock<std::mutex> lock(mu_);
      ready_.wait(lock, [this] { return closing_ || !jobs_.empty(); });
      if (jobs_.empty()) return;
      job = std::move(jobs_.front());
      jobs_.pop_front();
      room_.notify_one();
    }
    OcrOutcome out = Run(job.image);
    std::lock_guard<std::mutex> lock(mu_);
    done_[job.id] = std::move(out);
  }
}

std::map<int, OcrOutcome> OcrQueue::Finish() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    closing_ = true;
  }
  ready_.notify_all();
  for (std::thread& t : workers_) t.join();
  workers_.clear();
  return std::move(done_);
}

}  // namespace vanban
