// Output files of the CLI: the index guard and the write-then-rename file.
#include "cli/output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <vector>

#include "index/index.h"

namespace vanban {
namespace {

// The folder part of path ("." when there is none).
std::string DirName(const std::string& path) {
  size_t slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

std::string BaseName(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// realpath(path) when the file exists, else realpath(folder) + "/" + name
// (a file that does not exist yet), else path itself.
std::string Resolve(const std::string& path) {
  char buf[PATH_MAX];
  if (realpath(path.c_str(), buf)) return buf;
  std::string dir = DirName(path);
  if (realpath(dir.c_str(), buf)) return std::string(buf) + "/" + BaseName(path);
  return path;
}

// True when both names exist and are the same file (hard links included).
bool SameFile(const std::string& a, const std::string& b) {
  struct stat sa, sb;
  if (stat(a.c_str(), &sa) != 0 || stat(b.c_str(), &sb) != 0) return false;
  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

}  // namespace

Status CheckOutputIsNotIndex(const std::string& output, const std::string& index_path) {
  std::string out = Resolve(output);
  std::string index = Resolve(index_path);
  std::vector<std::string> guarded = {index};
  for (const char* suffix : kIndexSideSuffixes) guarded.push_back(index + suffix);
  for (const auto& g : guarded) {
    if (out == g || SameFile(output, g)) {
      return Status::InvalidInput("refusing to write over the index " + g);
    }
  }
  return Status::OK();
}

AtomicOutput::~AtomicOutput() {
  if (!temp_.empty() && !committed_) {
    out_.close();
    unlink(temp_.c_str());
  }
}

Status AtomicOutput::Open(const std::string& target) {
  target_ = target;
  std::string pattern = DirName(target) + "/." + BaseName(target) + ".XXXXXX";
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  int fd = mkstemp(name.data());
  if (fd < 0) return Status::IOError("cannot create a temporary file beside it");
  close(fd);
  temp_ = name.data();
  out_.open(temp_, std::ios::binary | std::ios::trunc);
  if (!out_) return Status::IOError("cannot write a temporary file beside it");
  return Status::OK();
}

Status AtomicOutput::Commit() {
  out_.flush();
  bool written = static_cast<bool>(out_);
  out_.close();
  if (!written || out_.fail()) return Status::IOError("write failed");
  // mkstemp makes the file 0600; an export is an ordinary file.
  mode_t mask = umask(0);
  umask(mask);
  chmod(temp_.c_str(), 0666 & ~mask);
  int fd = open(temp_.c_str(), O_RDONLY);
  if (fd >= 0) {
    bool synced = fsync(fd) == 0;
    close(fd);
    if (!synced) return Status::IOError("write failed (fsync)");
  }
  if (rename(temp_.c_str(), target_.c_str()) != 0) {
    return Status::IOError("cannot rename the finished file into place");
  }
  committed_ = true;
  return Status::OK();
}

}  // namespace vanban
