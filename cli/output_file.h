// Output files of the CLI: never the index, and never half written.
#ifndef VANBAN_CLI_OUTPUT_FILE_H_
#define VANBAN_CLI_OUTPUT_FILE_H_

#include <fstream>
#include <string>

#include "pipeline/status.h"

namespace vanban {

// Returns an error when output names the index at index_path or one of the
// files SQLite keeps beside it (-wal, -shm, -journal), however it is spelt:
// relative, through symbolic links, or as another hard link to the file.
// Checks names only; opens nothing.
Status CheckOutputIsNotIndex(const std::string& output, const std::string& index_path);

// A file written beside its target under a temporary name and renamed onto
// the target by Commit(), so the target is either its old self or complete.
// Without Commit() (an error, an exception) the temporary file is removed.
class AtomicOutput {
 public:
  AtomicOutput() = default;
  ~AtomicOutput();
  AtomicOutput(const AtomicOutput&) = delete;
  AtomicOutput& operator=(const AtomicOutput&) = delete;

  // Creates the temporary file in target's folder. REQUIRES: not open yet.
  Status Open(const std::string& target);
  // The stream to write to. REQUIRES: Open() succeeded.
  std::ostream& stream() { return out_; }
  // Flushes, syncs and renames the temporary file onto the target.
  Status Commit();

 private:
  std::string target_;
  std::string temp_;
  std::ofstream out_;
  bool committed_ = false;
};

}  // namespace vanban

#endif  // VANBAN_CLI_OUTPUT_FILE_H_
