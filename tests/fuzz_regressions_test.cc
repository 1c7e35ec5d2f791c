// Replays the inputs the fuzzers found crashing, stored as
// tests/data/fuzz-regressions/<target>/<input>, through the same target
// bodies the fuzzers run (fuzz/targets.h). A regression crashes or aborts
// the test; under the sanitizer build a memory error fails it too.
#include <dirent.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz/targets.h"
#include "tests/test_util.h"

namespace vanban {
namespace {

using testing::ListFiles;
using testing::ReadFileOrDie;
using testing::SourcePath;

const char kRegressions[] = "tests/data/fuzz-regressions";

// The sub-directories of dir, sorted.
std::vector<std::string> SubDirs(const std::string& dir) {
  std::vector<std::string> out;
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* e = readdir(d)) {
      const std::string name = e->d_name;
      if (e->d_type == DT_DIR && name != "." && name != "..") out.push_back(name);
    }
    closedir(d);
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(FuzzRegressions, EveryDirectoryNamesATarget) {
  EXPECT_NE(fuzz::FindTarget("pdf_fuzzer"), nullptr);
  EXPECT_EQ(fuzz::FindTarget("no_such_fuzzer"), nullptr);
  for (const std::string& target : SubDirs(SourcePath(kRegressions))) {
    EXPECT_NE(fuzz::FindTarget(target), nullptr) << target;
  }
}

TEST(FuzzRegressions, SavedInputsRunCleanly) {
  size_t replayed = 0;
  for (const std::string& target : SubDirs(SourcePath(kRegressions))) {
    fuzz::Target run = fuzz::FindTarget(target);
    if (run == nullptr) continue;
    for (const std::string& path : ListFiles(SourcePath(kRegressions) + "/" + target)) {
      SCOPED_TRACE(path);
      const std::string bytes = ReadFileOrDie(path);
      run(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
      ++replayed;
    }
  }
  RecordProperty("replayed", static_cast<int>(replayed));
}

}  // namespace
}  // namespace vanban
