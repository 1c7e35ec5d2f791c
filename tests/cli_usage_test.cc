// The command line a person expects: help, version, suggestions for typos,
// the vanban: prefix on every usage error (exit 2), dates in ISO or
// Vietnamese order, roles from a fixed list, and exit 1 for a search that
// finds nothing.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "tests/test_util.h"

namespace vanban {
namespace {

using testing::RunVanban;
using testing::SourcePath;

int Lines(const std::string& s) { return static_cast<int>(std::count(s.begin(), s.end(), '\n')); }

TEST(CliUsageTest, VersionAndHelpEveryWay) {
  for (const auto& args :
       std::vector<std::vector<std::string>>{{"-V"}, {"--version"}, {"version"}}) {
    auto r = RunVanban(args);
    EXPECT_EQ(r.exit_code, 0) << args[0] << ": " << r.err;
    EXPECT_EQ(r.out.rfind("vanban ", 0), 0u) << r.out;
  }
  auto help = RunVanban({"help", "search"});
  EXPECT_EQ(help.exit_code, 0) << help.err;
  EXPECT_NE(help.out.find("Usage: vanban search"), std::string::npos) << help.out;
}

TEST(CliUsageTest, TyposGetASuggestionAndOneLine) {
  auto r = RunVanban({"serch", "kinh phí"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "vanban: serch: not a command; did you mean search?\n");
  auto far = RunVanban({"frobnicate"});
  EXPECT_EQ(far.exit_code, 2);
  EXPECT_EQ(far.err.find("did you mean"), std::string::npos) << far.err;
  auto bogus = RunVanban({"--bogus"});
  EXPECT_EQ(bogus.exit_code, 2);
  EXPECT_EQ(bogus.err.rfind("vanban: --bogus: unknown option", 0), 0u) << bogus.err;
}

TEST(CliUsageTest, BadOptionValuesAreOneLineWithExit2) {
  for (const auto& args :
       std::vector<std::vector<std::string>>{{"search", "--deadline-from", "2025-31-12"},
                                             {"search", "--deadline-to", "2025-13"},
                                             {"search", "--issued-from", "32/12/2025"},
                                             {"deadlines", "--from", "tomorrow"},
                                             {"tasks", "--due-to", "2025-02-30"},
                                             {"search", "--role", "boss", "--org", "Sở Nội vụ"},
                                             {"search", "--role", "lead"}}) {
    auto r = RunVanban(args);
    EXPECT_EQ(r.exit_code, 2) << args[1] << " " << args[2] << ": " << r.err;
    EXPECT_EQ(Lines(r.err), 1) << r.err;
    EXPECT_EQ(r.err.rfind("vanban: ", 0), 0u) << r.err;
  }
}

TEST(CliUsageTest, DatesAreReadInEitherOrderAndSearchWithoutHitsExits1) {
  std::string dir = testing::MakeTempDir();
  std::string index = dir + "/idx.sqlite";
  auto ingest = RunVanban({"ingest", "--no-progress", "--index", index,
                           SourcePath("samples/000_098c887c129b784c.txt")});
  ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  auto iso =
      RunVanban({"search", "--index", index, "--issued-from", "2000-01-01", "--format", "csv"});
  auto vn =
      RunVanban({"search", "--index", index, "--issued-from", "01/01/2000", "--format", "csv"});
  EXPECT_EQ(iso.exit_code, 0) << iso.err;
  EXPECT_EQ(vn.exit_code, 0) << vn.err;
  EXPECT_EQ(iso.out, vn.out);
  auto none = RunVanban({"search", "--index", index, "--issued-from", "01/2100"});
  EXPECT_EQ(none.exit_code, 1) << none.err;
  EXPECT_EQ(none.out, "no matches\n");
  std::system(("rm -rf '" + dir + "'").c_str());
}

}  // namespace
}  // namespace vanban
