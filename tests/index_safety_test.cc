// The index cannot be destroyed by the tool: outputs onto the index refused,
// exports written whole or not at all, empty and foreign files refused, read
// commands never create an index, and `vanban check` finds damage.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <string>

#include "index/fold_tokenizer.h"
#include "tests/test_util.h"

namespace vanban {
namespace {

using testing::RunVanban;
using testing::SourcePath;

void Write(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

int64_t SizeOf(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 ? static_cast<int64_t>(st.st_size) : -1;
}

bool Exists(const std::string& path) { return access(path.c_str(), F_OK) == 0; }

int CountLines(const std::string& s) {
  int n = 0;
  for (char c : s) n += c == '\n';
  return n;
}

// Runs sql on the SQLite file at path; fails the test on an error.
void Sql(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(RegisterFoldTokenizer(db), SQLITE_OK);
  char* err = nullptr;
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
  std::string msg = err ? err : "";
  sqlite3_free(err);
  sqlite3_close(db);
  ASSERT_EQ(rc, SQLITE_OK) << msg;
}

class IndexSafetyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::MakeTempDir();
    docs_ = dir_ + "/docs";
    index_ = dir_ + "/idx.sqlite";
    mkdir(docs_.c_str(), 0755);
    Write(docs_ + "/a.txt", testing::ReadFileOrDie(SourcePath("samples/000_098c887c129b784c.txt")));
    Write(docs_ + "/b.txt", testing::ReadFileOrDie(SourcePath("samples/002_3d31848f2d4b3e77.txt")));
    auto r = RunVanban({"ingest", "--index", index_, "--no-progress", docs_});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  void TearDown() override { std::system(("rm -rf '" + dir_ + "'").c_str()); }

  std::string dir_, docs_, index_;
};

}  // namespace

TEST_F(IndexSafetyTest, ExportOntoTheIndexIsRefusedHoweverItIsNamed) {
  int64_t size = SizeOf(index_);
  ASSERT_GT(size, 0);
  ASSERT_EQ(symlink(index_.c_str(), (dir_ + "/link.sqlite").c_str()), 0);
  ASSERT_EQ(link(index_.c_str(), (dir_ + "/hard.sqlite").c_str()), 0);
  mkdir((dir_ + "/sub").c_str(), 0755);
  const std::string outputs[] = {index_,
                                 dir_ + "/link.sqlite",
                                 dir_ + "/hard.sqlite",
                                 dir_ + "/sub/../idx.sqlite",
                                 dir_ + "/./idx.sqlite-wal",
                                 index_ + "-shm",
                                 index_ + "-journal"};
  for (const auto& out : outputs) {
    for (const char* format : {"jsonl", "csv", "ics"}) {
      auto r = RunVanban({"export", "--index", index_, "--format", format, "-o", out});
      EXPECT_EQ(r.exit_code, 2) << out;
      EXPECT_EQ(CountLines(r.err), 1) << r.err;
      EXPECT_NE(r.err.find("refusing to write over the index"), std::string::npos) << r.err;
    }
  }
  // Relative to the working directory.
  auto r = RunVanban({"export", "--index", index_, "-o", "idx.sqlite"});
  EXPECT_EQ(r.exit_code, 0) << "idx.sqlite in the working directory is another file";
  unlink((testing::SourceDir() + "/idx.sqlite").c_str());
  EXPECT_EQ(SizeOf(index_), size);
  r = RunVanban({"search", "--index", index_, "--format", "jsonl", "--limit", "0"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(CountLines(r.out), 2) << "both documents still there";
  r = RunVanban({"check", "--index", index_});
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST_F(IndexSafetyTest, ExportIsRenamedIntoPlaceOnlyWhenComplete) {
  std::string target = dir_ + "/out.jsonl";
  Write(target, "old contents\n");
  auto r = RunVanban({"export", "--index", index_, "-o", target});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string fresh = testing::ReadFileOrDie(target);
  EXPECT_EQ(CountLines(fresh), 2);
  // A failing export (the index is damaged) leaves the old target untouched.
  Write(target, "old contents\n");
  Write(dir_ + "/broken.sqlite", "SQLite format 3" + std::string(1, '\0') + "garbage");
  r = RunVanban({"export", "--index", dir_ + "/broken.sqlite", "-o", target});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(testing::ReadFileOrDie(target), "old contents\n");
  // No temporary file is left behind.
  EXPECT_EQ(testing::ListFiles(dir_, ".jsonl").size(), 1u);
  for (const auto& f : testing::ListFiles(dir_)) {
    EXPECT_EQ(f.find("/.out.jsonl."), std::string::npos) << f;
  }
}

TEST_F(IndexSafetyTest, EmptyAndForeignFilesAreNotTakenForAnIndex) {
  std::string empty = dir_ + "/empty.sqlite";
  Write(empty, "");
  std::string text = dir_ + "/notes.txt";
  Write(text, "these are someone's notes, not an index\n");
  std::string foreign = dir_ + "/other.sqlite";
  Sql(foreign, "CREATE TABLE contacts(name TEXT); INSERT INTO contacts VALUES ('x');");
  std::string app = dir_ + "/app.sqlite";
  Sql(app,
      "PRAGMA application_id = 1234; CREATE TABLE documents(doc INTEGER);"
      "PRAGMA user_version = 1;");
  for (const auto& file : {empty, text, foreign, app}) {
    int64_t size = SizeOf(file);
    for (const char* cmd : {"search", "deadlines", "export", "failures", "check"}) {
      auto r = RunVanban({cmd, "--index", file});
      EXPECT_EQ(r.exit_code, 2) << cmd << " " << file;
      EXPECT_EQ(CountLines(r.err), 1) << r.err;
      EXPECT_EQ(r.err.rfind("vanban: " + file + ": ", 0), 0u) << r.err;
    }
    auto r = RunVanban({"show", "--index", file, "abcdef"});
    EXPECT_EQ(r.exit_code, 2) << file;
    r = RunVanban({"ingest", "--index", file, "--no-progress", docs_});
    EXPECT_EQ(r.exit_code, 2) << file;
    EXPECT_NE(r.err.find("not a vanban index"), std::string::npos) << r.err;
    EXPECT_EQ(SizeOf(file), size) << file << " untouched";
    EXPECT_FALSE(Exists(file + "-wal")) << file;
  }
}

TEST_F(IndexSafetyTest, ReadCommandsNeverCreateAnIndex) {
  std::string missing = dir_ + "/missing.sqlite";
  for (const char* cmd : {"search", "deadlines", "export", "failures", "check"}) {
    auto r = RunVanban({cmd, "--index", missing});
    EXPECT_EQ(r.exit_code, 2) << cmd;
    EXPECT_NE(r.err.find("no index"), std::string::npos) << r.err;
    EXPECT_EQ(CountLines(r.err), 1) << r.err;
  }
  EXPECT_EQ(RunVanban({"show", "--index", missing, "abcdef"}).exit_code, 2);
  EXPECT_FALSE(Exists(missing));
  EXPECT_EQ(RunVanban({"ingest", "--index", missing, "--no-progress", docs_}).exit_code, 0);
  EXPECT_TRUE(Exists(missing));
}

TEST_F(IndexSafetyTest, CheckFindsOrphansAndADamagedFullTextIndex) {
  auto r = RunVanban({"check", "--index", index_});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("check: ok documents=2"), std::string::npos) << r.out;
  Sql(index_, "INSERT INTO deadlines(doc, id, due) VALUES (9999, 'x', '2030-01-01');");
  r = RunVanban({"check", "--index", index_});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("deadlines: 1 rows whose document is gone"), std::string::npos) << r.err;
  Sql(index_,
      "DELETE FROM deadlines WHERE doc = 9999;"
      "INSERT INTO fts(fts, rowid, subject, orgs_text, body) "
      "SELECT 'delete', doc, subject, orgs_text, body FROM documents LIMIT 1;");
  r = RunVanban({"check", "--index", index_});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("full-text index"), std::string::npos) << r.err;
  Sql(index_, "INSERT INTO fts(fts) VALUES ('rebuild'); PRAGMA user_version = 7;");
  r = RunVanban({"check", "--index", index_});
  EXPECT_EQ(r.exit_code, 2) << "a newer schema is not read at all";
}

}  // namespace vanban
