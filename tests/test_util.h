// Helpers shared by the tests: paths, file reading, running the CLI.
#ifndef VANBAN_TESTS_TEST_UTIL_H_
#define VANBAN_TESTS_TEST_UTIL_H_

#include <string>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/status.h"

namespace vanban {

class Pipeline;

namespace testing {

// The source tree root (samples/, schemas/, extractors/rules/).
std::string SourceDir();
// Path of a file under the source tree.
std::string SourcePath(const std::string& relative);
// Reads a whole file; fails the test (and returns "") when it cannot.
std::string ReadFileOrDie(const std::string& path);
// Files in dir (not recursive) whose names end with suffix, sorted.
std::vector<std::string> ListFiles(const std::string& dir, const std::string& suffix = "");

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};
// Runs the vanban binary with args (shell-quoted here), optional stdin text.
RunResult RunVanban(const std::vector<std::string>& args, const std::string& stdin_text = "");
// A fresh temporary directory, removed by the caller if it wants.
std::string MakeTempDir();

// One pipeline over the source tree's rules, built on first use; nullptr
// (and a test failure) when it cannot be built.
Pipeline* SharedPipeline();
// Runs the whole pipeline on bytes as if read from a file called name.
Status ProcessBytes(const std::string& name, const std::string& bytes, Document* doc);
// Runs the whole pipeline on a TXT document; fails the test on an error.
Document ExtractText(const std::string& text);

}  // namespace testing
}  // namespace vanban

#endif  // VANBAN_TESTS_TEST_UTIL_H_
