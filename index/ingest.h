// Bulk ingest: walks the inputs, processes changed files in parallel and
// commits each result from one writer thread, so an interrupted run resumes
// into the same index.
#ifndef VANBAN_INDEX_INGEST_H_
#define VANBAN_INDEX_INGEST_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "pipeline/status.h"

namespace vanban {

class Index;
class Pipeline;

struct IngestOptions {
  std::vector<std::string> inputs;  // files and folders (folders are walked)
  int jobs = 0;                     // worker threads; <= 0: all cores
  bool prune = false;               // drop entries whose files are gone
  bool retry_failed = false;        // reprocess unchanged files that failed before
  std::string skip_path;            // the index file itself (never ingested; locked for the run)
  int min_letters = 20;             // fewer letters of text: not a directive (recorded as failed)
};

struct IngestCounts {
  int64_t files = 0;          // candidate files found
  int64_t done = 0;           // files dealt with so far
  int64_t indexed = 0;        // new documents
  int64_t replaced = 0;       // changed documents processed again
  int64_t unchanged = 0;      // skipped: same mtime and size, or same content
  int64_t not_documents = 0;  // skipped in a folder: content no loader reads
  int64_t failed = 0;         // failed in this run
  int64_t failed_before = 0;  // unchanged files that failed before (not retried)
  int64_t pruned = 0;
  int64_t bytes = 0;  // bytes of the files processed
  double seconds = 0;
};

struct IngestCallbacks {
  // Called from the writer thread after each commit.
  std::function<void(const IngestCounts&)> progress;
  // Called once per failing file.
  std::function<void(const std::string& path, const std::string& reason)> failure;
  // Called once when another ingest holds the index and this one waits for it.
  std::function<void()> waiting;
};

// Ingests options.inputs into index. Ingests into one index run one after the
// other (an advisory lock on the index file): the second finds the first's
// work done and skips it. Per-file problems are recorded in the
// index (failures table) and counted; the result is an error only for a
// run-fatal problem (the index cannot be written).
Result<IngestCounts> Ingest(const IngestOptions& options, const Pipeline& pipeline, Index* index,
                            const IngestCallbacks& callbacks = {});

// The absolute, lexically normal form of path: how the index names files.
std::string IndexPathOf(const std::string& path);

}  // namespace vanban

#endif  // VANBAN_INDEX_INGEST_H_
