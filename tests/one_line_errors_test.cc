// One line per failure, always: names with newlines, tabs, escapes and
// invalid UTF-8 are escaped on stderr and in `vanban failures`, and the
// diagnostics libgsf prints for a damaged .doc are folded into the line.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "tests/test_util.h"
#include "text/utf8.h"

namespace vanban {
namespace {

using testing::RunVanban;
using testing::SourcePath;

int Lines(const std::string& s) { return static_cast<int>(std::count(s.begin(), s.end(), '\n')); }

const std::vector<std::string>& ForgedNames() {
  static const std::vector<std::string> names = {"two\nlines.txt", "vanban: fake.txt: ok\n.txt",
                                                 "tab\there.txt",  "bad\xff\xfe utf8.txt",
                                                 "cr\rreturn.txt", "esc\x1b[31mred.txt"};
  return names;
}

TEST(EscapeForLineTest, KeepsTextAndEscapesTheRest) {
  EXPECT_EQ(EscapeForLine("Sở Nội vụ.txt"), "Sở Nội vụ.txt");
  EXPECT_EQ(EscapeForLine("a\nb\tc\\d"), "a\\nb\\tc\\\\d");
  EXPECT_EQ(EscapeForLine("x\xff\xc3"), "x\\xff\\xc3");
  EXPECT_EQ(EscapeForLine("\x1b[0m"), "\\x1b[0m");
  EXPECT_EQ(EscapeForLine("\xc2\x85"), "\\xc2\\x85");  // NEL, a C1 control
}

TEST(OneLineErrorsTest, ExtractPrintsOneLinePerBadName) {
  std::vector<std::string> args = {"extract"};
  for (const auto& n : ForgedNames()) args.push_back("/nonexistent/" + n);
  auto r = RunVanban(args);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(Lines(r.err), static_cast<int>(ForgedNames().size())) << r.err;
  EXPECT_TRUE(IsValidUtf8(r.err));
  EXPECT_NE(r.err.find("/nonexistent/two\\nlines.txt: not-found"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("bad\\xff\\xfe utf8.txt"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find('\x1b'), std::string::npos);
}

TEST(OneLineErrorsTest, IngestAndFailuresKeepOneRecordPerFile) {
  std::string dir = testing::MakeTempDir();
  std::string docs = dir + "/docs";
  std::system(("mkdir -p '" + docs + "'").c_str());
  for (const auto& n : ForgedNames()) std::ofstream(docs + "/" + n) << "";  // empty: fails
  std::string index = dir + "/idx.sqlite";
  auto r = RunVanban({"ingest", "--no-progress", "--index", index, docs + "/"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(Lines(r.err), static_cast<int>(ForgedNames().size())) << r.err;
  EXPECT_TRUE(IsValidUtf8(r.err));
  for (const char* format : {"table", "csv", "jsonl"}) {
    auto f = RunVanban({"failures", "--index", index, "--format", format});
    EXPECT_EQ(f.exit_code, 0) << f.err;
    EXPECT_EQ(Lines(f.out), static_cast<int>(ForgedNames().size())) << format << ":\n" << f.out;
    EXPECT_TRUE(IsValidUtf8(f.out)) << format;
  }
  std::system(("rm -rf '" + dir + "'").c_str());
}

TEST(OneLineErrorsTest, DamagedWordFileGivesOneLine) {
  std::string whole =
      testing::ReadFileOrDie(SourcePath("tests/data/doc/quyet-dinh-2002.tcvn3.doc"));
  std::string dir = testing::MakeTempDir();
  for (size_t cut : {size_t{4096}, size_t{20000}}) {
    std::string path = dir + "/cut-" + std::to_string(cut) + ".doc";
    std::ofstream(path, std::ios::binary) << whole.substr(0, std::min(cut, whole.size()));
    auto r = RunVanban({"extract", path});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_EQ(Lines(r.err), 1) << r.err;
    EXPECT_EQ(r.err.rfind("vanban: " + path + ": ", 0), 0u) << r.err;
    EXPECT_NE(r.err.find("(libgsf: "), std::string::npos) << r.err;
  }
  std::system(("rm -rf '" + dir + "'").c_str());
}

}  // namespace
}  // namespace vanban
