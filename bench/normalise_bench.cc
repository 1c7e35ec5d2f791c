// Normalisation throughput (MB/s) on the sample directives repeated to 50 MB,
// and decoding throughput for TCVN3 bytes.
#include <benchmark/benchmark.h>
#include <dirent.h>

#include <string>

#include "bench/bench_util.h"
#include "extractors/rule_file.h"
#include "pipeline/decode.h"
#include "pipeline/normalise.h"

namespace vanban {
namespace {

// The samples, concatenated and repeated to at least min_bytes.
std::string Corpus(size_t min_bytes) {
  std::string dir = std::string(VANBAN_SOURCE_DIR) + "/samples";
  std::string one;
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* e = readdir(d)) {
      std::string name = e->d_name;
      if (name.size() > 4 && name.compare(name.size() - 4, 4, ".txt") == 0) {
        one += ReadAll(dir + "/" + name) + "\n";
      }
    }
    closedir(d);
  }
  if (one.empty()) one = "Hà Nội, ngày 05 tháng 3 năm 2024. Uỷ ban nhân dân tỉnh.\n";
  std::string all;
  all.reserve(min_bytes + one.size());
  while (all.size() < min_bytes) all += one;
  return all;
}

void BM_Normalise(benchmark::State& state) {
  static const std::string corpus = Corpus(50u << 20);
  auto book = RuleBook::LoadDir(std::string(VANBAN_SOURCE_DIR) + "/extractors/rules");
  if (!book.ok()) {
    state.SkipWithError("rules do not load");
    return;
  }
  auto stage = NewNormaliseStage(book.value());
  for (auto _ : state) {
    Document doc;
    doc.raw_text = corpus;
    Status s = stage.value()->Run(&doc);
    benchmark::DoNotOptimize(doc.text.data());
    if (!s.ok()) state.SkipWithError("normalise failed");
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus.size()));
}
BENCHMARK(BM_Normalise)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_DecodeTcvn3(benchmark::State& state) {
  std::string one =
      ReadAll(std::string(VANBAN_SOURCE_DIR) + "/tests/data/encodings/sample.tcvn3.txt");
  std::string bytes;
  while (bytes.size() < (8u << 20)) bytes += one;
  auto stage = NewDecodeStage("");
  for (auto _ : state) {
    Document doc;
    doc.raw_bytes = bytes;
    doc.source.format = "txt";
    Status s = stage->Run(&doc);
    benchmark::DoNotOptimize(doc.raw_text.data());
    if (!s.ok()) state.SkipWithError("decode failed");
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes.size()));
}
BENCHMARK(BM_DecodeTcvn3)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
}  // namespace vanban
