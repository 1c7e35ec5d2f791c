// vanban watch: inotify on the folders (and every folder under them), a
// settle check per file, ingest of the settled ones, removal of the gone.
#include "server/watch.h"

#include <poll.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>

#include "index/document_sniffer.h"
#include "index/index.h"
#include "index/ingest.h"
#include "pipeline/loader.h"
#include "pipeline/pipeline.h"

namespace vanban {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr uint32_t kDirMask = IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_CREATE | IN_MOVED_TO |
                              IN_MOVED_FROM | IN_DELETE | IN_ONLYDIR;

// A file seen changing: complete once (size, mtime) stay as they are.
struct Pending {
  int64_t size = -1;
  int64_t mtime_ns = -1;
  Clock::time_point since;
};

bool StatFile(const std::string& path, int64_t* size, int64_t* mtime_ns) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
  *size = static_cast<int64_t>(st.st_size);
  *mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  return true;
}

bool Under(const std::string& path, const std::string& dir) {
  return path.size() > dir.size() && path.compare(0, dir.size(), dir) == 0 &&
         path[dir.size()] == '/';
}

// The first 64 KB of a file, for sniffing.
std::string Head(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string bytes(65536, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<size_t>(in.gcount()));
  return bytes;
}

class Inbox {
 public:
  Inbox(const WatchOptions& options, const Pipeline& pipeline)
      : options_(options), pipeline_(pipeline), sniffer_(pipeline.options()) {
    index_path_ = IndexPathOf(options.index);
  }
  ~Inbox() {
    if (fd_ >= 0) close(fd_);
  }

  Status Start() {
    auto index = Index::Open(options_.index, /*create=*/true);
    if (!index.ok()) return Status::IOError(options_.index + ": " + index.status().ToString());
    index_ = std::move(index).value();
    fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd_ < 0) return Status::IOError(std::string("inotify: ") + std::strerror(errno));
    for (const auto& d : options_.dirs) {
      std::string dir = IndexPathOf(d);
      std::error_code ec;
      if (!fs::is_directory(dir, ec)) return Status::NotFound(d + ": not a folder");
      roots_.push_back(dir);
      Status s = AddTree(dir);
      if (!s.ok()) return s;
    }
    return CatchUp();
  }

  // Reads the events of up to poll_ms, then ingests what has settled.
  Status Tick() {
    pollfd p = {fd_, POLLIN, 0};
    if (poll(&p, 1, options_.poll_ms) > 0) ReadEvents();
    if (overflowed_) {
      overflowed_ = false;
      Log("notice: events were lost; looking at every file again");
      Status s = CatchUp();
      if (!s.ok()) return s;
    }
    return IngestSettled();
  }

 private:
  void Log(const std::string& line) const {
    if (options_.log) options_.log(line);
  }

  // Watches dir and every folder under it; files already there become
  // pending (a folder moved or made in, or the start).
  Status AddTree(const std::string& dir) {
    int wd = inotify_add_watch(fd_, dir.c_str(), kDirMask);
    if (wd < 0) return Status::IOError(dir + ": cannot watch: " + std::strerror(errno));
    dirs_[wd] = dir;
    std::error_code ec;
    fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec),
        end;
    for (; !ec && it != end; it.increment(ec)) {
      std::error_code fe;
      std::string p = IndexPathOf(it->path().string());
      if (it->is_directory(fe)) {
        int sub = inotify_add_watch(fd_, p.c_str(), kDirMask);
        if (sub >= 0) dirs_[sub] = p;
      } else if (it->is_regular_file(fe)) {
        Touch(p);
      }
    }
    return Status::OK();
  }

  bool IsIndexFile(const std::string& path) const {
    return path == index_path_ || path == index_path_ + "-wal" || path == index_path_ + "-shm" ||
           path == index_path_ + "-journal";
  }

  // Notes that path changed (or may have).
  void Touch(const std::string& path) {
    if (IsIndexFile(path)) return;
    Pending& p = pending_[path];
    p.since = Clock::now();
    p.size = p.mtime_ns = -1;
  }

  // Every file under the folders again, and the index's entries whose files
  // are gone removed.
  Status CatchUp() {
    for (const auto& dir : roots_) {
      std::error_code ec;
      fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec),
          end;
      for (; !ec && it != end; it.increment(ec)) {
        std::error_code fe;
        if (it->is_regular_file(fe)) Touch(IndexPathOf(it->path().string()));
      }
    }
    auto files = index_->Files();
    if (!files.ok()) return files.status();
    for (const auto& [path, state] : files.value()) {
      bool ours = false;
      for (const auto& dir : roots_) ours = ours || Under(path, dir);
      struct stat st;
      if (ours && stat(path.c_str(), &st) != 0 && errno == ENOENT) {
        Status s = Forget(path);
        if (!s.ok()) return s;
      }
    }
    return Status::OK();
  }

  Status Forget(const std::string& path) {
    pending_.erase(path);
    auto files = index_->Files();
    if (!files.ok()) return files.status();
    std::vector<std::string> gone;
    for (const auto& [p, state] : files.value()) {
      if (p == path || Under(p, path)) gone.push_back(p);
    }
    for (const auto& p : gone) {
      Status s = index_->Remove(p);
      if (!s.ok()) return s;
      Log("removed " + p);
    }
    return Status::OK();
  }

  void ReadEvents() {
    alignas(inotify_event) char buf[64 * 1024];
    for (;;) {
      ssize_t n = read(fd_, buf, sizeof buf);
      if (n <= 0) return;
      for (char* p = buf; p < buf + n;) {
        const auto* e = reinterpret_cast<const inotify_event*>(p);
        p += sizeof(inotify_event) + e->len;
        Handle(*e);
      }
    }
  }

  void Handle(const inotify_event& e) {
    if (e.mask & IN_Q_OVERFLOW) {
      overflowed_ = true;
      return;
    }
    if (e.mask & IN_IGNORED) {
      dirs_.erase(e.wd);
      return;
    }
    auto dir = dirs_.find(e.wd);
    if (dir == dirs_.end() || e.len == 0) return;
    std::string path = dir->second + "/" + e.name;
    if (e.mask & (IN_DELETE | IN_MOVED_FROM)) {
      Status s = Forget(path);
      if (!s.ok()) Log("failed " + path + ": " + s.ToString());
    } else if (e.mask & IN_ISDIR) {
      if (e.mask & (IN_CREATE | IN_MOVED_TO)) AddTree(path);
    } else {
      Touch(path);
    }
  }

  // The pending files whose size and time held for settle_ms.
  std::vector<std::string> Settled() {
    std::vector<std::string> ready;
    auto now = Clock::now();
    for (auto it = pending_.begin(); it != pending_.end();) {
      int64_t size = 0, mtime = 0;
      if (!StatFile(it->first, &size, &mtime)) {
        it = pending_.erase(it);
        continue;
      }
      Pending& p = it->second;
      if (size != p.size || mtime != p.mtime_ns) {
        p.size = size;
        p.mtime_ns = mtime;
        p.since = now;
      } else if (now - p.since >= std::chrono::milliseconds(options_.settle_ms)) {
        ready.push_back(it->first);
        it = pending_.erase(it);
        continue;
      }
      ++it;
    }
    return ready;
  }

  // Drops files the index has with this size and time, and, as ingest does
  // in folders, content that is not a document.
  std::vector<std::string> Worth(const std::vector<std::string>& ready,
                                 const std::map<std::string, FileState>& known) {
    std::vector<std::string> out;
    for (const auto& path : ready) {
      int64_t size = 0, mtime = 0;
      if (!StatFile(path, &size, &mtime)) continue;
      auto k = known.find(path);
      if (k != known.end() && k->second.size == size && k->second.mtime_ns == mtime) continue;
      std::string head = Head(path);
      if (!head.empty() && !sniffer_.IsDocument(SniffMime(head), path)) {
        if (!skipped_.count(path)) Log("skipped " + path + ": not a document");
        skipped_.insert(path);
        continue;
      }
      out.push_back(path);
    }
    return out;
  }

  Status IngestSettled() {
    std::vector<std::string> ready = Settled();
    if (ready.empty()) return Status::OK();
    auto before = index_->Files();
    if (!before.ok()) return before.status();
    std::vector<std::string> work = Worth(ready, before.value());
    if (work.empty()) return Status::OK();
    IngestOptions io;
    io.inputs = work;
    io.jobs = 2;
    io.skip_path = options_.index;
    IngestCallbacks callbacks;
    callbacks.failure = [this](const std::string& path, const std::string& reason) {
      Log("failed " + path + ": " + reason);
    };
    auto counts = Ingest(io, pipeline_, index_.get(), callbacks);
    if (!counts.ok()) return counts.status();
    return Report(work, before.value());
  }

  // "indexed PATH ID" for each file whose document is new or changed.
  Status Report(const std::vector<std::string>& work,
                const std::map<std::string, FileState>& before) {
    auto after = index_->Files();
    if (!after.ok()) return after.status();
    for (const auto& path : work) {
      auto a = after.value().find(path);
      if (a == after.value().end() || a->second.failed) continue;
      auto b = before.find(path);
      if (b != before.end() && !b->second.failed && b->second.id == a->second.id) continue;
      Log("indexed " + path + " " + a->second.id);
    }
    return Status::OK();
  }

  const WatchOptions& options_;
  const Pipeline& pipeline_;
  DocumentSniffer sniffer_;
  std::string index_path_;
  std::unique_ptr<Index> index_;
  int fd_ = -1;
  std::vector<std::string> roots_;
  std::map<int, std::string> dirs_;
  std::map<std::string, Pending> pending_;
  std::set<std::string> skipped_;
  bool overflowed_ = false;
};

}  // namespace

Status Watch(const WatchOptions& options, const Pipeline& pipeline, const std::atomic<bool>* stop) {
  Inbox inbox(options, pipeline);
  Status s = inbox.Start();
  if (!s.ok()) return s;
  if (options.log) options.log("watching " + std::to_string(options.dirs.size()) + " folder(s)");
  while (!stop->load()) {
    s = inbox.Tick();
    if (!s.ok()) return s;
  }
  return Status::OK();
}

}  // namespace vanban
