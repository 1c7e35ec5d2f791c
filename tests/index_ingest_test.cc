// End-to-end tests of `vanban ingest` and the commands that read the index:
// incremental runs, changed, touched and removed files, failures and retry,
// show, search formats.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <utime.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "tests/test_util.h"

namespace vanban {
namespace {

using nlohmann::json;
using testing::RunVanban;
using testing::SourcePath;

// The key=value pairs of the "ingest:" summary line.
std::map<std::string, std::string> Summary(const std::string& out) {
  std::map<std::string, std::string> kv;
  size_t at = out.find("ingest: ");
  if (at == std::string::npos) return kv;
  std::istringstream in(out.substr(at + 8, out.find('\n', at) - at - 8));
  std::string item;
  while (in >> item) {
    size_t eq = item.find('=');
    if (eq != std::string::npos) kv[item.substr(0, eq)] = item.substr(eq + 1);
  }
  return kv;
}

void Write(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

class IngestTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::MakeTempDir();
    docs_ = dir_ + "/docs";
    index_ = dir_ + "/idx.sqlite";
    mkdir(docs_.c_str(), 0755);
    mkdir((docs_ + "/sub").c_str(), 0755);
    Write(docs_ + "/a.txt", testing::ReadFileOrDie(SourcePath("samples/000_098c887c129b784c.txt")));
    Write(docs_ + "/sub/b.txt",
          testing::ReadFileOrDie(SourcePath("samples/002_3d31848f2d4b3e77.txt")));
    // A directive whatever its name says.
    Write(docs_ + "/sub/c.data",
          testing::ReadFileOrDie(SourcePath("samples/003_f6aa80a5ebc1dcbb.txt")));
    Write(docs_ + "/image.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
    Write(docs_ + "/bad-utf8.txt", "Hà Nội \xC3\x28 ngày 5 tháng 3");
  }
  void TearDown() override { std::system(("rm -rf '" + dir_ + "'").c_str()); }

  testing::RunResult Ingest(std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"ingest", "--index", index_, "--jobs", "2", docs_};
    args.insert(args.end(), extra.begin(), extra.end());
    return RunVanban(args);
  }

  std::string dir_, docs_, index_;
};

TEST_F(IngestTest, PicksFilesByContentAndRecordsFailures) {
  auto r = Ingest();
  EXPECT_EQ(r.exit_code, 1) << r.err;
  auto s = Summary(r.out);
  EXPECT_EQ(s["files"], "5");
  EXPECT_EQ(s["indexed"], "3") << r.out;
  EXPECT_EQ(s["not_documents"], "1");
  EXPECT_EQ(s["failed"], "1");
  EXPECT_NE(r.err.find("bad-utf8.txt"), std::string::npos) << r.err;
  auto f = RunVanban({"failures", "--index", index_});
  EXPECT_EQ(f.exit_code, 0);
  EXPECT_NE(f.out.find(docs_ + "/bad-utf8.txt\tinvalid"), std::string::npos) << f.out;
  // The index file inside the walked folder is never ingested.
  auto inside = RunVanban({"ingest", "--index", docs_ + "/own.sqlite", docs_ + "/sub"});
  EXPECT_EQ(inside.exit_code, 0) << inside.err;
  auto again = RunVanban({"ingest", "--index", docs_ + "/own.sqlite", docs_ + "/sub"});
  EXPECT_EQ(Summary(again.out)["unchanged"], "2") << again.out;
  EXPECT_EQ(Summary(again.out)["files"], "2") << again.out;
}

TEST(IngestFormats, WordAndLegacyTextInFoldersByContent) {
  std::string dir = testing::MakeTempDir();
  std::string docs = dir + "/in";
  mkdir(docs.c_str(), 0755);
  // Word by content whatever the name; UTF-16 without a BOM is text only
  // when named as text (libmagic cannot name it); VISCII sniffs as text.
  Write(docs + "/qd.bin",
        testing::ReadFileOrDie(SourcePath("tests/data/doc/quyet-dinh-2008.vni.doc")));
  std::string utf16 =
      testing::ReadFileOrDie(SourcePath("tests/data/encodings/sample.utf16le-nobom.txt"));
  Write(docs + "/utf16.TXT", utf16);
  Write(docs + "/utf16.dat", utf16);
  Write(docs + "/viscii.dat",
        testing::ReadFileOrDie(SourcePath("tests/data/encodings/sample.viscii.txt")));
  std::string index = dir + "/idx.sqlite";
  auto r = RunVanban({"ingest", "--index", index, "--no-progress", docs});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  auto s = Summary(r.out);
  EXPECT_EQ(s["files"], "4") << r.out;
  EXPECT_EQ(s["indexed"], "3") << r.out;
  EXPECT_EQ(s["not_documents"], "1") << r.out;
  auto shown = RunVanban({"show", "--index", index, "--compact", "--no-text", docs + "/qd.bin"});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_EQ(json::parse(shown.out)["source"]["format"], "doc");
  EXPECT_EQ(RunVanban({"show", "--index", index, docs + "/utf16.dat"}).exit_code, 1);
  std::system(("rm -rf '" + dir + "'").c_str());
}

TEST_F(IngestTest, SecondRunProcessesNothing) {
  Ingest();
  auto r = Ingest();
  EXPECT_EQ(r.exit_code, 0) << r.err;
  auto s = Summary(r.out);
  EXPECT_EQ(s["indexed"], "0");
  EXPECT_EQ(s["replaced"], "0");
  EXPECT_EQ(s["unchanged"], "3");
  EXPECT_EQ(s["failed_before"], "1");
  auto retry = Ingest({"--retry-failed"});
  EXPECT_EQ(retry.exit_code, 1);
  EXPECT_EQ(Summary(retry.out)["failed"], "1");
  EXPECT_EQ(Summary(retry.out)["unchanged"], "3");
  // A fixed file leaves the failures list.
  Write(docs_ + "/bad-utf8.txt", "KẾ HOẠCH\nTriển khai phần mềm quản lý văn bản.\n");
  auto fixed = Ingest();
  EXPECT_EQ(fixed.exit_code, 0) << fixed.err;
  EXPECT_EQ(Summary(fixed.out)["replaced"], "0");
  EXPECT_EQ(Summary(fixed.out)["indexed"], "1");
  EXPECT_EQ(RunVanban({"failures", "--index", index_}).out, "");
  auto found = RunVanban({"search", "--index", index_, "phan mem", "--format", "jsonl"});
  EXPECT_NE(found.out.find("bad-utf8.txt"), std::string::npos) << found.out;
}

TEST_F(IngestTest, ChangedTouchedAndRemovedFiles) {
  Ingest();
  // Changed content: processed again, the old text is gone from the index.
  Write(docs_ + "/a.txt", "CÔNG VĂN\nVề việc kiểm kê tài sản cố định năm 2024.\n");
  // Touched only: same content, new mtime — not processed again.
  struct utimbuf times = {1700000000, 1700000000};
  utime((docs_ + "/sub/b.txt").c_str(), &times);
  auto r = Ingest();
  auto s = Summary(r.out);
  EXPECT_EQ(s["replaced"], "1") << r.out;
  EXPECT_EQ(s["indexed"], "0");
  EXPECT_EQ(s["unchanged"], "2");
  auto hit = RunVanban({"search", "--index", index_, "kiem ke tai san", "--format", "json"});
  ASSERT_EQ(hit.exit_code, 0) << hit.err;
  json hits = json::parse(hit.out);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0]["path"], docs_ + "/a.txt");
  auto shown = RunVanban({"show", "--index", index_, "--json", docs_ + "/a.txt"});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_NE(json::parse(shown.out)["text"].get<std::string>().find("kiểm kê"), std::string::npos);
  // By default a summary a clerk reads: the sources and the subject, no JSON.
  auto first = RunVanban({"search", "--index", index_, "--limit", "1"});
  EXPECT_NE(first.out.find("showing 1 of "), std::string::npos) << first.out;
  auto summary = RunVanban({"show", "--index", index_, docs_ + "/a.txt"});
  ASSERT_EQ(summary.exit_code, 0) << summary.err;
  EXPECT_NE(summary.out.find("Sources:   " + docs_ + "/a.txt"), std::string::npos) << summary.out;
  EXPECT_EQ(summary.out.find('{'), std::string::npos) << summary.out;
  auto by_id = RunVanban(
      {"show", "--index", index_, "--compact", hits[0]["id"].get<std::string>().substr(0, 10)});
  EXPECT_EQ(by_id.exit_code, 0) << by_id.err;
  EXPECT_EQ(json::parse(by_id.out)["source"]["path"], docs_ + "/a.txt");

  // Removed: kept until --prune.
  std::remove((docs_ + "/sub/b.txt").c_str());
  std::remove((docs_ + "/bad-utf8.txt").c_str());
  EXPECT_EQ(Summary(Ingest().out)["pruned"], "0");
  auto pruned = Ingest({"--prune"});
  EXPECT_EQ(pruned.exit_code, 0) << pruned.err;
  EXPECT_EQ(Summary(pruned.out)["pruned"], "2") << pruned.out;
  EXPECT_EQ(RunVanban({"show", "--index", index_, docs_ + "/sub/b.txt"}).exit_code, 1);
  EXPECT_EQ(RunVanban({"failures", "--index", index_}).out, "");
}

TEST_F(IngestTest, SearchFormatsAndErrors) {
  Ingest();
  auto csv = RunVanban({"search", "--index", index_, "Đảng", "--format", "csv"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_EQ(csv.out.rfind("id,path,type,reference,issuer,issued_on,subject,score,snippet\r\n", 0),
            0u);
  auto table = RunVanban({"search", "--index", index_, "DANG"});
  EXPECT_NE(table.out.find("[Đảng]"), std::string::npos) << table.out;
  auto limited =
      RunVanban({"search", "--index", index_, "dang", "--limit", "1", "--format", "jsonl"});
  EXPECT_EQ(std::count(limited.out.begin(), limited.out.end(), '\n'), 1);
  auto missing = RunVanban({"search", "--index", dir_ + "/none.sqlite", "x"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("vanban ingest"), std::string::npos);
  EXPECT_EQ(RunVanban({"search", "--index", index_, "--format", "xml"}).exit_code, 2);
  // The default index comes from $VANBAN_INDEX.
  setenv("VANBAN_INDEX", index_.c_str(), 1);
  auto env = RunVanban({"search", "dang", "--format", "jsonl"});
  unsetenv("VANBAN_INDEX");
  EXPECT_EQ(env.exit_code, 0) << env.err;
  EXPECT_GT(std::count(env.out.begin(), env.out.end(), '\n'), 0);
}

}  // namespace
}  // namespace vanban
