// Ingest runner: the main thread walks the inputs and is the single writer;
// workers read, sniff and process files. Each batch of results is one
// transaction, and every write is keyed by path, so replaying is harmless.
#include "index/ingest.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unicode/uchar.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>
#include <thread>

#include "index/document_sniffer.h"
#include "index/index.h"
#include "pipeline/loader.h"
#include "pipeline/pipeline.h"
#include "pipeline/plan_json.h"
#include "text/utf8.h"

namespace vanban {
namespace fs = std::filesystem;
namespace {

struct WorkItem {
  std::string path;
  bool named = false;  // given on the command line (not found in a folder)
  int64_t mtime_ns = 0;
  int64_t size = 0;
  std::optional<FileState> known;
  Status stat_error;
};

enum class Outcome { kPut, kTouch, kFailure, kNotDocument };

struct WorkResult {
  const WorkItem* item = nullptr;
  Outcome outcome = Outcome::kFailure;
  Document doc;         // with kPut: what the index stores
  nlohmann::json plan;  // with kPut: its plan, made here (in a worker) for the index to keep
  std::string reason;
};

// Letters (alphabetic code points) in text.
int64_t CountLetters(const std::string& text) {
  int64_t n = 0;
  for (size_t pos = 0; pos < text.size();) {
    if (u_isalpha(static_cast<UChar32>(NextCodePoint(text, &pos)))) ++n;
  }
  return n;
}

Result<std::string> ReadAll(const std::string& path, int64_t size) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError("cannot open");
  std::string bytes(static_cast<size_t>(std::max<int64_t>(size, 0)), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<size_t>(in.gcount()));
  // Files that grew since stat: take the rest too.
  char buf[65536];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    bytes.append(buf, static_cast<size_t>(in.gcount()));
  }
  return bytes;
}

WorkResult Process(const WorkItem& item, const Pipeline& pipeline, const DocumentSniffer& sniffer,
                   int min_letters, bool* counted_bytes) {
  WorkResult r;
  r.item = &item;
  *counted_bytes = false;
  if (!item.stat_error.ok()) {
    r.reason = item.stat_error.ToString();
    return r;
  }
  Status size = CheckSize(static_cast<uint64_t>(item.size), pipeline.options().max_bytes);
  if (!size.ok()) {
    r.reason = size.ToString();
    return r;
  }
  auto bytes = ReadAll(item.path, item.size);
  if (!bytes.ok()) {
    r.reason = bytes.status().ToString();
    return r;
  }
  if (!item.named && !bytes.value().empty() &&
      !sniffer.IsDocument(SniffMime(bytes.value()), item.path)) {
    r.outcome = Outcome::kNotDocument;
    return r;
  }
  *counted_bytes = true;
  if (item.known && !item.known->failed && !item.known->id.empty() &&
      Sha256Hex(bytes.value()) == item.known->id) {
    r.outcome = Outcome::kTouch;
    return r;
  }
  try {
    Document doc;
    Status s = pipeline.ProcessBytes(item.path, std::move(bytes).value(), &doc);
    if (s.ok() && CountLetters(doc.text) < min_letters) {
      s = Status::Empty("only " + std::to_string(CountLetters(doc.text)) +
                        " letters of text, fewer than a directive has (" +
                        std::to_string(min_letters) + ")");
    }
    if (!s.ok()) {
      r.reason = s.ToString();
      return r;
    }
    PlanJsonOptions plan_options;
    plan_options.include_text = false;  // the index keeps the text apart
    r.plan = PlanToJson(doc, plan_options);
    // The index reads the typed values and the text; drop the bytes early.
    std::string().swap(doc.raw_bytes);
    std::string().swap(doc.raw_text);
    r.doc = std::move(doc);
    r.outcome = Outcome::kPut;
  } catch (const std::exception& e) {
    r.reason = std::string("internal: ") + e.what();
  }
  return r;
}

// An exclusive flock(2) on the index file, held for the whole run. SQLite's
// own locks are POSIX record locks, which flock does not touch.
class IngestLock {
 public:
  IngestLock(const std::string& path, const std::function<void()>& waiting) {
    if (path.empty()) return;
    fd_ = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) return;
    if (flock(fd_, LOCK_EX | LOCK_NB) == 0) return;
    if (waiting) waiting();
    while (flock(fd_, LOCK_EX) != 0 && errno == EINTR) {
    }
  }
  ~IngestLock() {
    if (fd_ >= 0) close(fd_);  // releases the lock
  }
  IngestLock(const IngestLock&) = delete;
  IngestLock& operator=(const IngestLock&) = delete;

 private:
  int fd_ = -1;
};

// Collects the candidate files of the inputs, sorted, without duplicates.
std::vector<WorkItem> Walk(const IngestOptions& options) {
  std::vector<WorkItem> items;
  std::string skip = options.skip_path.empty() ? "" : IndexPathOf(options.skip_path);
  auto skipped = [&](const std::string& p) {
    return !skip.empty() &&
           (p == skip || p == skip + "-wal" || p == skip + "-shm" || p == skip + "-journal");
  };
  for (const auto& input : options.inputs) {
    std::error_code ec;
    if (fs::is_directory(input, ec)) {
      fs::recursive_directory_iterator it(input, fs::directory_options::skip_permission_denied, ec),
          end;
      for (; !ec && it != end; it.increment(ec)) {
        std::error_code fe;
        if (!it->is_regular_file(fe)) continue;
        std::string p = IndexPathOf(it->path().string());
        if (skipped(p)) continue;
        WorkItem w;
        w.path = p;
        items.push_back(std::move(w));
      }
    } else {
      WorkItem w;
      w.path = IndexPathOf(input);
      w.named = true;
      if (!skipped(w.path)) items.push_back(std::move(w));
    }
  }
  std::stable_sort(items.begin(), items.end(),
                   [](const WorkItem& a, const WorkItem& b) { return a.path < b.path; });
  // A file both named and found in a folder counts as named.
  std::vector<WorkItem> out;
  for (auto& w : items) {
    if (!out.empty() && out.back().path == w.path) {
      out.back().named = out.back().named || w.named;
      continue;
    }
    out.push_back(std::move(w));
  }
  return out;
}

}  // namespace

std::string IndexPathOf(const std::string& path) {
  std::error_code ec;
  fs::path abs = fs::absolute(path, ec);
  if (ec) return path;
  return abs.lexically_normal().string();
}

Result<IngestCounts> Ingest(const IngestOptions& options, const Pipeline& pipeline, Index* index,
                            const IngestCallbacks& callbacks) {
  IngestLock lock(options.skip_path, callbacks.waiting);
  auto start = std::chrono::steady_clock::now();
  IngestCounts counts;
  auto known_files = index->Files();
  if (!known_files.ok()) return known_files.status();
  const auto& known = known_files.value();

  std::vector<WorkItem> all = Walk(options);
  std::vector<const WorkItem*> work;
  counts.files = static_cast<int64_t>(all.size());
  for (auto& w : all) {
    struct stat st;
    if (stat(w.path.c_str(), &st) != 0) {
      w.stat_error = errno == ENOENT ? Status::NotFound("no such file")
                                     : Status::IOError(std::strerror(errno));
    } else if (!S_ISREG(st.st_mode)) {
      w.stat_error =
          Status::InvalidInput(S_ISDIR(st.st_mode) ? "is a directory" : "not a regular file");
    } else {
      w.mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
      w.size = static_cast<int64_t>(st.st_size);
    }
    auto k = known.find(w.path);
    if (k != known.end()) w.known = k->second;
    if (w.stat_error.ok() && w.known && w.known->mtime_ns == w.mtime_ns &&
        w.known->size == w.size) {
      if (!w.known->failed) {
        ++counts.unchanged;
        ++counts.done;
        continue;
      }
      if (!options.retry_failed) {
        ++counts.failed_before;
        ++counts.done;
        continue;
      }
    }
    work.push_back(&w);
  }

  // Workers take items by index and hand results to the writer (this thread).
  int jobs = options.jobs > 0 ? options.jobs
                              : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  jobs = std::max(1, std::min<int>(jobs, static_cast<int>(std::max<size_t>(work.size(), 1))));
  const DocumentSniffer sniffer(pipeline.options());
  std::atomic<size_t> next{0};
  std::mutex mu;
  std::condition_variable ready, room;
  std::deque<WorkResult> queue;
  std::atomic<int64_t> bytes{0};
  int running = jobs;
  bool stop = false;
  const size_t kMaxQueue = static_cast<size_t>(jobs) * 4 + 16;
  std::vector<std::thread> threads;
  for (int t = 0; t < jobs; ++t) {
    threads.emplace_back([&] {
      for (;;) {
        size_t i = next.fetch_add(1);
        if (i >= work.size()) break;
        bool counted = false;
        WorkResult r = Process(*work[i], pipeline, sniffer, options.min_letters, &counted);
        if (counted) bytes += work[i]->size;
        std::unique_lock<std::mutex> lock(mu);
        room.wait(lock, [&] { return queue.size() < kMaxQueue || stop; });
        if (stop) break;
        queue.push_back(std::move(r));
        ready.notify_one();
      }
      std::lock_guard<std::mutex> lock(mu);
      --running;
      ready.notify_one();
    });
  }

  Status fatal;
  for (;;) {
    std::deque<WorkResult> batch;
    {
      std::unique_lock<std::mutex> lock(mu);
      ready.wait(lock, [&] { return !queue.empty() || running == 0; });
      if (queue.empty() && running == 0) break;
      // Small batches: one transaction each, so a crash loses little.
      while (!queue.empty() && batch.size() < 32) {
        batch.push_back(std::move(queue.front()));
        queue.pop_front();
      }
      room.notify_all();
    }
    Status s = index->Begin();
    for (auto& r : batch) {
      if (!s.ok()) break;
      const WorkItem& w = *r.item;
      switch (r.outcome) {
        case Outcome::kPut:
          s = index->Put(w.path, w.mtime_ns, w.size, r.doc, &r.plan);
          if (s.ok()) ++(w.known && !w.known->failed ? counts.replaced : counts.indexed);
          break;
        case Outcome::kTouch:
          s = index->Touch(w.path, w.mtime_ns, w.size);
          if (s.ok()) ++counts.unchanged;
          break;
        case Outcome::kNotDocument:
          ++counts.not_documents;
          break;
        case Outcome::kFailure:
          s = index->PutFailure(w.path, w.mtime_ns, w.size, r.reason);
          if (s.ok()) {
            ++counts.failed;
            if (callbacks.failure) callbacks.failure(w.path, r.reason);
          }
          break;
      }
    }
    if (s.ok()) {
      s = index->Commit();
    } else {
      index->Rollback();
    }
    if (!s.ok()) {
      fatal = s;
      std::lock_guard<std::mutex> lock(mu);
      stop = true;
      room.notify_all();
      break;
    }
    counts.done += static_cast<int64_t>(batch.size());
    counts.bytes = bytes.load();
    counts.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (callbacks.progress) callbacks.progress(counts);
  }
  for (auto& t : threads) t.join();
  if (!fatal.ok()) return fatal;

  if (options.prune) {
    auto files = index->Files();
    if (!files.ok()) return files.status();
    Status s = index->Begin();
    for (const auto& [path, state] : files.value()) {
      if (!s.ok()) break;
      struct stat st;
      if (stat(path.c_str(), &st) == 0 || errno != ENOENT) continue;
      s = index->Remove(path);
      if (s.ok()) ++counts.pruned;
    }
    if (s.ok()) {
      s = index->Commit();
    } else {
      index->Rollback();
    }
    if (!s.ok()) return s;
  }
  counts.bytes = bytes.load();
  counts.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return counts;
}

}  // namespace vanban
