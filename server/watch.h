// vanban watch: the inbox. Folders are watched with inotify; a file that
// arrives (written, copied or renamed in) is ingested once its size and time
// have stopped changing, a file that goes away leaves the index. At start a
// catch-up ingest of the folders (incremental, as `vanban ingest`) takes
// what arrived while nothing watched, so a restart misses nothing and
// ingests nothing twice: the index's own record of paths, times and hashes
// is the state.
#ifndef VANBAN_SERVER_WATCH_H_
#define VANBAN_SERVER_WATCH_H_

#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "pipeline/status.h"

namespace vanban {

class Pipeline;

struct WatchOptions {
  std::vector<std::string> dirs;
  std::string index;
  int settle_ms = 1000;  // a file is complete when unchanged this long
  int poll_ms = 200;
  // One line per document ("indexed PATH ID", "failed PATH: why",
  // "removed PATH") and per notice.
  std::function<void(const std::string& line)> log;
};

// Watches until *stop becomes true. Returns an error when the folders
// cannot be watched or the index cannot be written.
Status Watch(const WatchOptions& options, const Pipeline& pipeline, const std::atomic<bool>* stop);

}  // namespace vanban

#endif  // VANBAN_SERVER_WATCH_H_
