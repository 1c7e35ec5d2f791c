// Durability and coordination of ingest: a write error part-way (the file
// size limit, as on a full disk) leaves the index intact and the failure
// reported; two ingests of one folder at once do the work once; files too
// short to be a directive are recorded as failed, not indexed.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <regex>
#include <string>

#include "tests/test_util.h"

namespace vanban {
namespace {

using testing::RunVanban;
using testing::SourcePath;

std::string Quote(const std::string& s) { return "'" + s + "'"; }

// The value of key=N in ingest's summary line, or -1.
long Count(const std::string& out, const std::string& key) {
  std::smatch m;
  if (!std::regex_search(out, m, std::regex("\\b" + key + "=([0-9]+)"))) return -1;
  return std::stol(m[1]);
}

class IngestDurabilityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::MakeTempDir();
    index_ = dir_ + "/idx.sqlite";
  }
  void TearDown() override { std::system(("rm -rf " + Quote(dir_)).c_str()); }
  // Copies each sample text n times (distinct content) into folder.
  void MakeCorpus(const std::string& folder, int n) {
    std::system(("mkdir -p " + Quote(folder)).c_str());
    for (const auto& txt : testing::ListFiles(SourcePath("samples"), ".txt")) {
      std::string body = testing::ReadFileOrDie(txt);
      std::string base = txt.substr(txt.find_last_of('/') + 1);
      for (int i = 0; i < n; ++i) {
        std::ofstream(folder + "/" + std::to_string(i) + "-" + base) << body << "\n" << i << "\n";
      }
    }
  }
  std::string dir_, index_;
};

TEST_F(IngestDurabilityTest, AWriteErrorLeavesTheIndexIntactAndIsReported) {
  MakeCorpus(dir_ + "/first", 1);
  auto first = RunVanban({"ingest", "--no-progress", "--index", index_, dir_ + "/first"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  MakeCorpus(dir_ + "/more", 60);
  // 1 MiB more than the index holds now: the ingest runs out part-way. The
  // script ignores SIGXFSZ, so writes past the limit fail with EFBIG.
  std::string script = dir_ + "/run.sh";
  std::ofstream(script) << "trap '' XFSZ\n"
                        << "ulimit -f $(( $(du -k " << Quote(index_) << " | cut -f1) + 1024 ))\n"
                        << "exec " << Quote(VANBAN_BINARY)
                        << " ingest --no-progress --jobs 1 --index " << Quote(index_) << " "
                        << Quote(dir_ + "/more") << " >" << Quote(dir_ + "/out") << " 2>"
                        << Quote(dir_ + "/err") << "\n";
  int status = std::system(("bash " + Quote(script)).c_str());
  ASSERT_TRUE(WIFEXITED(status));
  std::string err = testing::ReadFileOrDie(dir_ + "/err");
  EXPECT_EQ(WEXITSTATUS(status), 2) << err;
  EXPECT_NE(err.find("vanban: " + index_ + ": "), std::string::npos) << err;
  auto check = RunVanban({"check", "--index", index_});
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  // What the first ingest indexed is all still there.
  auto again = RunVanban({"ingest", "--no-progress", "--index", index_, dir_ + "/first"});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(Count(again.out, "unchanged"), 5) << again.out;
  EXPECT_EQ(Count(again.out, "indexed"), 0) << again.out;
}

TEST_F(IngestDurabilityTest, TwoIngestsOfOneFolderDoTheWorkOnce) {
  MakeCorpus(dir_ + "/docs", 8);
  auto first = RunVanban({"ingest", "--no-progress", "--index", index_,
                          SourcePath("samples/000_098c887c129b784c.txt")});
  ASSERT_EQ(first.exit_code, 0) << first.err;  // the index exists: both runs meet on it
  std::string run = Quote(VANBAN_BINARY) + " ingest --no-progress --index " + Quote(index_) + " " +
                    Quote(dir_ + "/docs");
  std::string cmd = "(" + run + " >" + Quote(dir_ + "/a") + " 2>&1 & " + run + " >" +
                    Quote(dir_ + "/b") + " 2>&1 & wait)";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  std::string a = testing::ReadFileOrDie(dir_ + "/a"), b = testing::ReadFileOrDie(dir_ + "/b");
  EXPECT_EQ(Count(a, "indexed") + Count(b, "indexed"), 40) << a << b;
  EXPECT_EQ(Count(a, "failed") + Count(b, "failed"), 0) << a << b;
}

TEST_F(IngestDurabilityTest, FilesTooShortForADirectiveAreFailuresNotDocuments) {
  std::string docs = dir_ + "/docs";
  std::system(("mkdir -p " + Quote(docs)).c_str());
  std::ofstream(docs + "/one-byte.txt") << "x";
  std::ofstream(docs + "/note.txt") << "ghi chú";
  std::system(
      ("cp " + Quote(SourcePath("samples/000_098c887c129b784c.txt")) + " " + Quote(docs)).c_str());
  auto r = RunVanban({"ingest", "--no-progress", "--index", index_, docs});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(Count(r.out, "indexed"), 1) << r.out;
  EXPECT_EQ(Count(r.out, "failed"), 2) << r.out;
  EXPECT_NE(r.err.find("note.txt: empty: only 6 letters of text"), std::string::npos) << r.err;
  auto f = RunVanban({"failures", "--index", index_});
  EXPECT_NE(f.out.find("one-byte.txt"), std::string::npos) << f.out;
}

}  // namespace
}  // namespace vanban
