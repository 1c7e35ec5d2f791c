// vanban watch: files copied in slowly are ingested once, when complete;
// files renamed in, made in new folders, or failing are handled as ingest
// handles them; a restart in the middle misses nothing and ingests nothing
// twice; and the index ends equal to a one-shot ingest of the same folder.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "index/index.h"
#include "tests/test_util.h"

namespace vanban {
namespace {

using testing::ReadFileOrDie;
using testing::SourcePath;

// `vanban watch DIR --index INDEX` (or other vanban arguments) as a child,
// its output in a file.
class Watcher {
 public:
  Watcher(const std::string& dir, const std::string& index, const std::string& log)
      : Watcher({"watch", dir, "--index", index, "--settle-ms", "1200"}, log) {}
  Watcher(std::vector<std::string> args, const std::string& log) {
    pid_ = fork();
    if (pid_ == 0) {
      int out = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
      dup2(out, 1);
      dup2(out, 2);
      std::string bin = VANBAN_BINARY;
      std::vector<char*> argv = {bin.data()};
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      execv(bin.c_str(), argv.data());
      _exit(127);
    }
  }
  ~Watcher() { Stop(); }
  int Stop() {
    if (pid_ <= 0) return 0;
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = 0;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

 private:
  pid_t pid_ = 0;
};

std::string ReadLog(const std::string& path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

int CountLines(const std::string& log, const std::string& needle) {
  int n = 0;
  for (size_t pos = log.find(needle); pos != std::string::npos; pos = log.find(needle, pos + 1)) {
    ++n;
  }
  return n;
}

// Waits until the log holds needle count times (up to three minutes).
bool WaitFor(const std::string& log, const std::string& needle, int count = 1) {
  for (int i = 0; i < 1800; ++i) {
    if (CountLines(ReadLog(log), needle) >= count) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return false;
}

void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
}

// Writes bytes to path in pieces with pauses shorter than the settle time.
void SlowCopy(const std::string& path, const std::string& bytes, int pieces, int pause_ms) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  size_t step = bytes.size() / static_cast<size_t>(pieces) + 1;
  for (size_t at = 0; at < bytes.size(); at += step) {
    out << bytes.substr(at, step);
    out.flush();
    std::this_thread::sleep_for(std::chrono::milliseconds(pause_ms));
  }
}

std::string Dump(const std::string& index_path) {
  auto index = Index::Open(index_path, /*create=*/false);
  EXPECT_TRUE(index.ok()) << index_path;
  if (!index.ok()) return "";
  auto dump = index.value()->CanonicalDump();
  EXPECT_TRUE(dump.ok());
  return dump.ok() ? dump.value() : "";
}

// The dump of a one-shot `vanban ingest` of dir into a fresh index.
std::string OneShotDump(const std::string& dir, const std::string& scratch) {
  std::string index = scratch + "/oneshot.sqlite";
  testing::RunVanban({"ingest", dir, "--index", index, "--no-progress", "-j", "1"});
  return Dump(index);
}

std::string Sample(const char* name) {
  return ReadFileOrDie(SourcePath(std::string("samples/") + name));
}

TEST(WatchTest, SlowCopiesRenamesFoldersAndFailuresEqualAOneShotIngest) {
  std::string scratch = testing::MakeTempDir();
  std::string inbox = scratch + "/inbox", staging = scratch + "/staging";
  mkdir(inbox.c_str(), 0755);
  mkdir(staging.c_str(), 0755);
  std::string index = scratch + "/index.sqlite", log = scratch + "/watch.log";
  Watcher watcher(inbox, index, log);
  ASSERT_TRUE(WaitFor(log, "watching"));

  SlowCopy(inbox + "/slow.txt", Sample("000_098c887c129b784c.txt"), 5, 300);
  WriteFile(staging + "/renamed.pdf", Sample("001_09c8a2f669d50eb4.pdf"));
  ASSERT_EQ(rename((staging + "/renamed.pdf").c_str(), (inbox + "/renamed.pdf").c_str()), 0);
  mkdir((inbox + "/sub").c_str(), 0755);
  WriteFile(inbox + "/sub/nested.txt", Sample("002_3d31848f2d4b3e77.txt"));
  WriteFile(inbox + "/broken.pdf", ReadFileOrDie(SourcePath("tests/data/pdf/garbage.pdf")));
  WriteFile(inbox + "/photo.png", "\x89PNG\r\n\x1a\n" + std::string(200, '\0'));

  ASSERT_TRUE(WaitFor(log, "indexed " + inbox + "/slow.txt"));
  ASSERT_TRUE(WaitFor(log, "indexed " + inbox + "/renamed.pdf"));
  ASSERT_TRUE(WaitFor(log, "indexed " + inbox + "/sub/nested.txt"));
  ASSERT_TRUE(WaitFor(log, "failed " + inbox + "/broken.pdf"));
  ASSERT_TRUE(WaitFor(log, "skipped " + inbox + "/photo.png"));

  // A file renamed within the inbox: the old name leaves the index.
  ASSERT_EQ(rename((inbox + "/slow.txt").c_str(), (inbox + "/moved.txt").c_str()), 0);
  ASSERT_TRUE(WaitFor(log, "indexed " + inbox + "/moved.txt"));
  ASSERT_TRUE(WaitFor(log, "removed " + inbox + "/slow.txt"));
  EXPECT_EQ(watcher.Stop(), 0);

  std::string text = ReadLog(log);
  EXPECT_EQ(CountLines(text, "indexed " + inbox + "/slow.txt"), 1) << text;
  EXPECT_EQ(CountLines(text, "indexed " + inbox + "/renamed.pdf"), 1) << text;
  EXPECT_EQ(Dump(index), OneShotDump(inbox, scratch));
}

TEST(WatchTest, ARestartInTheMiddleMissesNothingAndRepeatsNothing) {
  std::string scratch = testing::MakeTempDir();
  std::string inbox = scratch + "/inbox";
  mkdir(inbox.c_str(), 0755);
  std::string index = scratch + "/index.sqlite", log = scratch + "/watch.log";
  std::string half = Sample("003_f6aa80a5ebc1dcbb.txt");
  {
    Watcher first(inbox, index, log);
    ASSERT_TRUE(WaitFor(log, "watching"));
    WriteFile(inbox + "/kept.txt", Sample("000_098c887c129b784c.txt"));
    WriteFile(inbox + "/gone.txt", Sample("001_09c8a2f669d50eb4.txt"));
    ASSERT_TRUE(WaitFor(log, "indexed " + inbox + "/kept.txt"));
    ASSERT_TRUE(WaitFor(log, "indexed " + inbox + "/gone.txt"));
    // Stopped while a file is half written.
    WriteFile(inbox + "/partial.txt", half.substr(0, half.size() / 2));
    EXPECT_EQ(first.Stop(), 0);
  }
  // While nothing watches: the file is finished, one arrives, one goes.
  WriteFile(inbox + "/partial.txt", half);
  WriteFile(inbox + "/while-down.txt", Sample("004_7cd03f53d1efb3c7.txt"));
  ASSERT_EQ(std::remove((inbox + "/gone.txt").c_str()), 0);
  {
    Watcher second(inbox, index, log);
    ASSERT_TRUE(WaitFor(log, "indexed " + inbox + "/partial.txt"));
    ASSERT_TRUE(WaitFor(log, "indexed " + inbox + "/while-down.txt"));
    ASSERT_TRUE(WaitFor(log, "removed " + inbox + "/gone.txt"));
    ASSERT_TRUE(WaitFor(log, "watching", 2));
    std::this_thread::sleep_for(std::chrono::milliseconds(2000));
    EXPECT_EQ(second.Stop(), 0);
  }
  std::string text = ReadLog(log);
  EXPECT_EQ(CountLines(text, "indexed " + inbox + "/kept.txt"), 1) << text;
  EXPECT_EQ(CountLines(text, "indexed " + inbox + "/partial.txt"), 1) << text;
  EXPECT_EQ(Dump(index), OneShotDump(inbox, scratch));
}

TEST(WatchTest, ServeWatchIngestsIntoTheIndexItServes) {
  std::string scratch = testing::MakeTempDir();
  std::string inbox = scratch + "/inbox";
  mkdir(inbox.c_str(), 0755);
  std::string index = scratch + "/index.sqlite", log = scratch + "/serve.log";
  Watcher serve({"serve", "--index", index, "--listen", "127.0.0.1:0", "--quiet", "--watch", inbox},
                log);
  ASSERT_TRUE(WaitFor(log, "watch: watching"));
  ASSERT_TRUE(WaitFor(log, "serving http://127.0.0.1:"));
  WriteFile(inbox + "/arrived.txt", Sample("000_098c887c129b784c.txt"));
  ASSERT_TRUE(WaitFor(log, "watch: indexed " + inbox + "/arrived.txt"));
  auto found =
      testing::RunVanban({"search", "--index", index, "--format", "jsonl", "dang uy khoi"});
  EXPECT_EQ(found.exit_code, 0);
  EXPECT_NE(found.out.find(inbox + "/arrived.txt"), std::string::npos) << found.out;
  EXPECT_EQ(serve.Stop(), 0);
}

}  // namespace
}  // namespace vanban
