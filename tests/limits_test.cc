// Bounded input and time: standard input refused as soon as it passes
// --max-bytes, --time-budget applied to every stage of a text document,
// option values checked, and a rule folder that does not exist refused by
// every command that takes one.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

#include "tests/test_util.h"

namespace vanban {
namespace {

using testing::RunVanban;
using testing::SourcePath;

std::string Quote(const std::string& s) { return "'" + s + "'"; }

TEST(LimitsTest, EndlessStandardInputIsRefusedAtTheLimit) {
  // `yes` never ends: vanban returns only if it stops reading at the limit.
  std::string dir = testing::MakeTempDir();
  std::string cmd = "yes | " + Quote(VANBAN_BINARY) + " extract --max-bytes 1000 - >" +
                    Quote(dir + "/out") + " 2>" + Quote(dir + "/err");
  int status = std::system(cmd.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 1);
  std::string err = testing::ReadFileOrDie(dir + "/err");
  EXPECT_EQ(err.find("vanban: -: too-large: more than "), 0u) << err;
  EXPECT_NE(err.find("over the limit of 1000 (--max-bytes)"), std::string::npos) << err;
  std::system(("rm -rf " + Quote(dir)).c_str());
}

TEST(LimitsTest, StandardInputUnderTheLimitIsRead) {
  auto r = RunVanban({"extract", "--max-bytes", "200", "-"}, "Báo cáo trước ngày 30/3/2026.\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("2026-03-30"), std::string::npos);
}

TEST(LimitsTest, TimeBudgetBoundsTextDocumentsToo) {
  auto r = RunVanban(
      {"extract", "--time-budget", "0.000001", SourcePath("samples/000_098c887c129b784c.txt")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("too-large: time budget of 1e-06 s used up before"), std::string::npos)
      << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}

TEST(LimitsTest, OptionValuesAreChecked) {
  for (const auto& args :
       std::vector<std::vector<std::string>>{{"extract", "--time-budget", "0", "-"},
                                             {"extract", "--time-budget", "-3", "-"},
                                             {"extract", "--max-bytes", "-1", "-"},
                                             {"extract", "--max-pages", "many", "-"}}) {
    auto r = RunVanban(args, "x");
    EXPECT_EQ(r.exit_code, 2) << args[1] << " " << args[2] << ": " << r.err;
  }
}

TEST(LimitsTest, AMissingRuleFolderIsRefusedByEveryCommand) {
  for (const char* command : {"extract", "search", "deadlines", "tasks", "export", "ingest"}) {
    std::vector<std::string> args = {command, "--rules", "/nonexistent/rules"};
    if (std::string(command) == "extract" || std::string(command) == "ingest") args.push_back("-");
    auto r = RunVanban(args, "x");
    EXPECT_EQ(r.exit_code, 2) << command << ": " << r.err;
    EXPECT_NE(r.err.find("/nonexistent/rules"), std::string::npos) << command << ": " << r.err;
  }
}

}  // namespace
}  // namespace vanban
