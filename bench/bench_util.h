// Helpers shared by the benchmarks.
#ifndef VANBAN_BENCH_BENCH_UTIL_H_
#define VANBAN_BENCH_BENCH_UTIL_H_

#include <fstream>
#include <sstream>
#include <string>

namespace vanban {

// The whole file, or "" when it cannot be read.
inline std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace vanban

#endif  // VANBAN_BENCH_BENCH_UTIL_H_
