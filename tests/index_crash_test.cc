// Crash safety and concurrent readers of the index: `vanban ingest` killed
// with SIGKILL at several moments and run again ends with the same index as
// an uninterrupted run; searches run while an ingest is writing.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "index/index.h"
#include "tests/test_util.h"

namespace vanban {
namespace {

using testing::RunVanban;
using testing::SourcePath;

void Write(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

// A variant of a directive: every year 20NN becomes 20NN+shift, so dates,
// deadlines, references and the content hash all change.
std::string ShiftYears(const std::string& text, int shift) {
  std::string out = text;
  for (size_t i = 0; i + 4 <= out.size(); ++i) {
    bool boundary_before = i == 0 || !std::isdigit(static_cast<unsigned char>(out[i - 1]));
    bool boundary_after =
        i + 4 == out.size() || !std::isdigit(static_cast<unsigned char>(out[i + 4]));
    if (!boundary_before || !boundary_after || out[i] != '2' || out[i + 1] != '0' ||
        !std::isdigit(static_cast<unsigned char>(out[i + 2])) ||
        !std::isdigit(static_cast<unsigned char>(out[i + 3]))) {
      continue;
    }
    int year = 2000 + (out[i + 2] - '0') * 10 + (out[i + 3] - '0') + shift;
    if (year > 2099) continue;
    out.replace(i, 4, std::to_string(year));
  }
  return out;
}

// A `vanban` child process; stderr is a pipe when read_stderr, else /dev/null.
struct Child {
  pid_t pid = -1;
  int err_fd = -1;
};

Child Spawn(const std::vector<std::string>& args, bool read_stderr) {
  std::vector<std::string> all = {VANBAN_BINARY};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : all) argv.push_back(a.data());
  argv.push_back(nullptr);
  int fds[2] = {-1, -1};
  if (read_stderr && pipe(fds) != 0) return {};
  pid_t pid = fork();
  if (pid == 0) {
    int null_fd = open("/dev/null", O_RDWR);
    dup2(null_fd, STDIN_FILENO);
    dup2(null_fd, STDOUT_FILENO);
    dup2(read_stderr ? fds[1] : null_fd, STDERR_FILENO);
    execv(argv[0], argv.data());
    _exit(127);
  }
  Child c;
  c.pid = pid;
  if (read_stderr) {
    close(fds[1]);
    c.err_fd = fds[0];
  }
  return c;
}

// Reads the child's stderr until a line starting with prefix (true), end of
// file or timeout_ms without output (false).
bool WaitForLine(const Child& c, const std::string& prefix, int timeout_ms) {
  std::string buf;
  for (;;) {
    pollfd p = {c.err_fd, POLLIN, 0};
    if (poll(&p, 1, timeout_ms) <= 0) return false;
    char chunk[4096];
    ssize_t n = read(c.err_fd, chunk, sizeof chunk);
    if (n <= 0) return false;
    buf.append(chunk, static_cast<size_t>(n));
    for (size_t at = 0; (at = buf.find(prefix, at)) != std::string::npos; ++at) {
      if (at == 0 || buf[at - 1] == '\n') return true;
    }
  }
}

// Kills the child with SIGKILL (it may have finished already) and reaps it.
void KillAndReap(Child* c) {
  if (c->pid > 0) {
    kill(c->pid, SIGKILL);
    int status = 0;
    waitpid(c->pid, &status, 0);
  }
  if (c->err_fd >= 0) close(c->err_fd);
  *c = {};
}

bool Exists(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0;
}

// Waits until the index at path holds at least n documents or the child has
// exited (then reaped: c->pid becomes -1).
void WaitForDocuments(Child* c, const std::string& path, int64_t n) {
  std::unique_ptr<Index> index;
  for (;;) {
    int status = 0;
    if (waitpid(c->pid, &status, WNOHANG) == c->pid) {
      c->pid = -1;
      return;
    }
    if (!index && Exists(path)) {
      auto opened = Index::Open(path, /*create=*/false);
      if (opened.ok()) index = std::move(opened).value();
    }
    if (index) {
      auto count = index->Count();
      if (count.ok() && count.value() >= n) return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

// The canonical dump of the index at path ("" and a test failure when it
// cannot be read).
std::string Dump(const std::string& path) {
  auto index = Index::Open(path, /*create=*/false);
  EXPECT_TRUE(index.ok()) << path << ": " << index.status().ToString();
  if (!index.ok()) return "";
  auto dump = index.value()->CanonicalDump();
  EXPECT_TRUE(dump.ok()) << dump.status().ToString();
  return dump.ok() ? dump.value() : "";
}

// The first line where a and b differ, for a readable failure message.
std::string FirstDifference(const std::string& a, const std::string& b) {
  std::istringstream ia(a), ib(b);
  std::string la, lb;
  for (int line = 1;; ++line) {
    bool ea = !std::getline(ia, la), eb = !std::getline(ib, lb);
    if (ea && eb) return "(same)";
    if (ea != eb || la != lb) {
      return "line " + std::to_string(line) + ":\n  " + (ea ? "<end>" : la.substr(0, 300)) +
             "\n  " + (eb ? "<end>" : lb.substr(0, 300));
    }
  }
}

// Tables in step and the full-text index intact: what every kill point must
// leave behind.
void ExpectConsistent(const std::string& dump, const std::string& where) {
  EXPECT_NE(dump.find("## fts\nok\n"), std::string::npos) << where;
  size_t orphans = dump.find("## orphans\n");
  ASSERT_NE(orphans, std::string::npos) << where;
  EXPECT_NE(dump.find("deadlines\t0\ntasks\t0\norganisations\t0\n", orphans), std::string::npos)
      << where << dump.substr(orphans, 200);
}

class IndexCrashTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::MakeTempDir();
    docs_ = dir_ + "/docs";
    mkdir(docs_.c_str(), 0755);
    mkdir((docs_ + "/old").c_str(), 0755);
    // Twenty directives: the five samples and three variants of each.
    const char* samples[] = {"000_098c887c129b784c", "001_09c8a2f669d50eb4", "002_3d31848f2d4b3e77",
                             "003_f6aa80a5ebc1dcbb", "004_7cd03f53d1efb3c7"};
    for (const char* name : samples) {
      std::string text =
          testing::ReadFileOrDie(SourcePath(std::string("samples/") + name + ".txt"));
      for (int shift = 0; shift < 4; ++shift) {
        std::string dir = shift % 2 ? docs_ + "/old" : docs_;
        Write(dir + "/" + name + "-v" + std::to_string(shift) + ".txt", ShiftYears(text, shift));
      }
    }
    // A PDF with a text layer, a failure and a file that is not a document.
    Write(docs_ + "/004.pdf",
          testing::ReadFileOrDie(SourcePath("samples/004_7cd03f53d1efb3c7.pdf")));
    Write(docs_ + "/broken.txt", "Hà Nội \xC3\x28 ngày 5 tháng 3 năm 2024");
    Write(docs_ + "/logo.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  }
  void TearDown() override { std::system(("rm -rf '" + dir_ + "'").c_str()); }

  std::vector<std::string> IngestArgs(const std::string& index) const {
    return {"ingest", "--index", index, "--jobs", "2", "--ocr", "never", docs_};
  }

  std::string dir_, docs_;
};

TEST(ShiftYears, ChangesOnlyWholeYears) {
  EXPECT_EQ(ShiftYears("năm 2022, số 12022, 2099 và 1999; 20/3/2021", 2),
            "năm 2024, số 12022, 2099 và 1999; 20/3/2023");
}

TEST_F(IndexCrashTest, SigkillAtAnyMomentThenResumeGivesTheSameIndex) {
  std::string ref = dir_ + "/ref.sqlite";
  auto full = RunVanban(IngestArgs(ref));
  ASSERT_EQ(full.exit_code, 1) << full.out << full.err;  // broken.txt fails
  ASSERT_NE(full.out.find("indexed=21 "), std::string::npos) << full.out;
  const std::string want = Dump(ref);
  ExpectConsistent(want, "uninterrupted run");
  ASSERT_NE(want.find("broken.txt\tinvalid"), std::string::npos);

  // Kill points: a delay after the start, once the index holds some number
  // of documents (seen through a reader connection), or after the first
  // progress line. Plans of several points kill the resuming runs too.
  struct KillPoint {
    int ms = -1;    // >= 0: after this many milliseconds
    int docs = -1;  // >= 0: once this many documents are committed
    bool progress_line = false;
    std::string Name() const {
      if (ms >= 0) return std::to_string(ms) + " ms";
      if (docs >= 0) return std::to_string(docs) + " documents";
      return "a progress line";
    }
  };
  auto after_ms = [](int ms) { return KillPoint{ms, -1, false}; };
  auto after_docs = [](int docs) { return KillPoint{-1, docs, false}; };
  const std::vector<std::vector<KillPoint>> plans = {
      {after_ms(0)},
      {after_ms(150)},
      {after_docs(0)},
      {after_docs(1)},
      {after_docs(4)},
      {after_docs(9)},
      {after_docs(15)},
      {after_docs(20)},
      {after_ms(500)},
      {after_docs(2), after_docs(6), after_ms(40), after_docs(13)},
      {KillPoint{-1, -1, true}},
  };
  int plan_no = 0;
  for (const auto& plan : plans) {
    ++plan_no;
    std::string index = dir_ + "/crash" + std::to_string(plan_no) + ".sqlite";
    std::string where = "kill plan " + std::to_string(plan_no);
    for (const KillPoint& point : plan) {
      Child c = Spawn(IngestArgs(index), /*read_stderr=*/point.progress_line);
      ASSERT_GT(c.pid, 0);
      if (point.progress_line) {
        WaitForLine(c, "progress ", 60000);
      } else if (point.ms >= 0) {
        std::this_thread::sleep_for(std::chrono::milliseconds(point.ms));
      } else {
        WaitForDocuments(&c, index, point.docs);
      }
      KillAndReap(&c);
      // Whatever the moment, what was committed is whole.
      if (Exists(index)) {
        std::string dump = Dump(index);
        ExpectConsistent(dump, where + " after " + point.Name());
        if (std::getenv("VANBAN_TEST_VERBOSE")) {
          std::fprintf(stderr, "%s after %s: %zu dump bytes\n", where.c_str(), point.Name().c_str(),
                       dump.size());
        }
      }
    }
    auto resumed = RunVanban(IngestArgs(index));
    // 1 when broken.txt fails in this run, 0 when an earlier run recorded it.
    EXPECT_TRUE(resumed.exit_code == 0 || resumed.exit_code == 1) << where << resumed.err;
    std::string got = Dump(index);
    EXPECT_TRUE(got == want) << where << ": " << FirstDifference(want, got);
    // And a further run finds nothing to do.
    auto again = RunVanban(IngestArgs(index));
    EXPECT_NE(again.out.find(" indexed=0 replaced=0 unchanged=21 "), std::string::npos)
        << where << again.out;
  }
}

TEST_F(IndexCrashTest, SearchesRunWhileIngestWrites) {
  std::string index = dir_ + "/live.sqlite";
  Child writer = Spawn(IngestArgs(index), /*read_stderr=*/false);
  ASSERT_GT(writer.pid, 0);

  // Readers start as soon as the file exists (the writer may still be
  // creating the schema: opening waits for it).
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (!Exists(index) && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  ASSERT_TRUE(Exists(index));

  std::atomic<bool> writer_done{false};
  std::atomic<int> rounds{0};
  // Each reader thread has its own connection; counts only grow while the
  // writer adds documents, and every hit's plan can be read back.
  auto reader = [&](int which) {
    auto opened = Index::Open(index, /*create=*/false);
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    Index& idx = *opened.value();
    int64_t last_count = 0;
    size_t last_hits = 0, last_agenda = 0;
    bool final_round = false;
    while (!final_round) {
      final_round = writer_done.load();
      auto count = idx.Count();
      ASSERT_TRUE(count.ok()) << count.status().ToString();
      EXPECT_GE(count.value(), last_count);
      last_count = count.value();

      IndexQuery q;
      q.text = which == 0 ? "dang uy khoi" : "KHỐI";
      q.limit = 0;
      auto hits = idx.Search(q);
      ASSERT_TRUE(hits.ok()) << hits.status().ToString();
      EXPECT_GE(hits.value().size(), last_hits);
      last_hits = hits.value().size();
      for (size_t i = 0; i < hits.value().size() && i < 3; ++i) {
        auto plan = idx.Plan(hits.value()[i].path);
        ASSERT_TRUE(plan.ok()) << plan.status().ToString();
        EXPECT_EQ(plan.value()["source"]["sha256"], hits.value()[i].id);
      }

      IndexQuery agenda;
      agenda.limit = 0;
      agenda.deadline_from = "2000-01-01";
      auto items = idx.Deadlines(agenda);
      ASSERT_TRUE(items.ok()) << items.status().ToString();
      EXPECT_GE(items.value().size(), last_agenda);
      last_agenda = items.value().size();
      EXPECT_TRUE(
          std::is_sorted(items.value().begin(), items.value().end(),
                         [](const AgendaItem& a, const AgendaItem& b) { return a.due < b.due; }));
      ++rounds;
    }
  };
  std::thread r0(reader, 0), r1(reader, 1);

  // Meanwhile separate processes search through the command line.
  int cli_runs = 0;
  for (;;) {
    int status = 0;
    bool exited = waitpid(writer.pid, &status, WNOHANG) == writer.pid;
    auto r = RunVanban({"search", "--index", index, "dang", "--limit", "0", "--format", "jsonl"});
    EXPECT_EQ(r.exit_code, r.out.empty() ? 1 : 0) << r.err;  // 1: nothing indexed yet
    std::istringstream lines(r.out);
    std::string line;
    while (std::getline(lines, line)) {
      EXPECT_FALSE(nlohmann::json::parse(line, nullptr, false).is_discarded()) << line;
    }
    ++cli_runs;
    if (exited) {
      EXPECT_TRUE(WIFEXITED(status));
      EXPECT_EQ(WEXITSTATUS(status), 1);  // broken.txt
      writer.pid = -1;
      break;
    }
  }
  writer_done = true;
  r0.join();
  r1.join();
  EXPECT_GE(rounds.load(), 2);
  EXPECT_GE(cli_runs, 1);

  // The index the readers watched is the complete one.
  std::string dump = Dump(index);
  ExpectConsistent(dump, "after concurrent reads");
  auto idx = Index::Open(index, false);
  ASSERT_TRUE(idx.ok());
  EXPECT_EQ(idx.value()->Count().value(), 21);
}

}  // namespace
}  // namespace vanban
