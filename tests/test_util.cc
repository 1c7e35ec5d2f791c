// Test helpers: file access and running the CLI as a subprocess.
#include "tests/test_util.h"

#include <dirent.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>

#include "pipeline/pipeline.h"

namespace vanban {
namespace testing {
namespace {

std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

std::string SourceDir() { return VANBAN_SOURCE_DIR; }
std::string SourcePath(const std::string& relative) { return SourceDir() + "/" + relative; }

std::string ReadFileOrDie(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot read " << path;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> ListFiles(const std::string& dir, const std::string& suffix) {
  std::vector<std::string> out;
  DIR* d = opendir(dir.c_str());
  if (!d) return out;
  while (dirent* e = readdir(d)) {
    std::string n = e->d_name;
    if (n == "." || n == "..") continue;
    if (n.size() >= suffix.size() &&
        n.compare(n.size() - suffix.size(), suffix.size(), suffix) == 0) {
      out.push_back(dir + "/" + n);
    }
  }
  closedir(d);
  std::sort(out.begin(), out.end());
  return out;
}

std::string MakeTempDir() {
  const char* base = std::getenv("TMPDIR");
  std::string tmpl = std::string(base && *base ? base : "/tmp") + "/vanban-test-XXXXXX";
  std::vector<char> buf(tmpl.begin(), tmpl.end());
  buf.push_back('\0');
  char* dir = mkdtemp(buf.data());
  EXPECT_NE(dir, nullptr);
  return dir ? dir : "";
}

RunResult RunVanban(const std::vector<std::string>& args, const std::string& stdin_text) {
  std::string dir = MakeTempDir();
  std::string in = dir + "/stdin", out = dir + "/stdout", err = dir + "/stderr";
  std::ofstream(in, std::ios::binary) << stdin_text;
  std::string cmd = ShellQuote(VANBAN_BINARY);
  for (const auto& a : args) cmd += " " + ShellQuote(a);
  cmd += " <" + ShellQuote(in) + " >" + ShellQuote(out) + " 2>" + ShellQuote(err);
  int status = std::system(cmd.c_str());
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = Slurp(out);
  r.err = Slurp(err);
  std::system(("rm -rf " + ShellQuote(dir)).c_str());
  return r;
}

Pipeline* SharedPipeline() {
  static std::unique_ptr<Pipeline> pipeline = [] {
    PipelineOptions options;
    options.rules_dir = SourcePath("extractors/rules");
    auto p = Pipeline::Create(options);
    EXPECT_TRUE(p.ok()) << p.status().ToString();
    return p.ok() ? std::move(p).value() : nullptr;
  }();
  return pipeline.get();
}

Status ProcessBytes(const std::string& name, const std::string& bytes, Document* doc) {
  Pipeline* p = SharedPipeline();
  if (p == nullptr) return Status::Internal("no pipeline");
  return p->ProcessBytes(name, bytes, doc);
}

Document ExtractText(const std::string& text) {
  Document doc;
  Status s = ProcessBytes("test.txt", text, &doc);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return doc;
}

}  // namespace testing
}  // namespace vanban
