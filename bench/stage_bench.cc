// Per-stage throughput on the sample directives: decode, normalise, segment,
// extract (every registered extractor over a normalised, segmented document),
// assemble (plan JSON) and the whole TXT pipeline. Each iteration processes
// every samples/*.txt once; bytes/s is over the samples' input bytes.
#include <benchmark/benchmark.h>
#include <dirent.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "bench/bench_util.h"
#include "extractors/extractor.h"
#include "extractors/rule_file.h"
#include "pipeline/decode.h"
#include "pipeline/normalise.h"
#include "pipeline/pipeline.h"
#include "pipeline/plan_json.h"
#include "pipeline/segment.h"

namespace vanban {
namespace {

struct Sample {
  std::string name;
  std::string bytes;
};

// The samples' TXT files, sorted by name.
const std::vector<Sample>& Samples() {
  static const std::vector<Sample>* samples = [] {
    auto* out = new std::vector<Sample>;
    std::string dir = std::string(VANBAN_SOURCE_DIR) + "/samples";
    if (DIR* d = opendir(dir.c_str())) {
      while (dirent* e = readdir(d)) {
        std::string name = e->d_name;
        if (name.size() > 4 && name.compare(name.size() - 4, 4, ".txt") == 0) {
          out->push_back({name, ReadAll(dir + "/" + name)});
        }
      }
      closedir(d);
    }
    std::sort(out->begin(), out->end(),
              [](const Sample& a, const Sample& b) { return a.name < b.name; });
    return out;
  }();
  return *samples;
}

int64_t SampleBytes() {
  int64_t n = 0;
  for (const Sample& s : Samples()) n += static_cast<int64_t>(s.bytes.size());
  return n;
}

// Everything the stages need, built once.
struct Stages {
  std::unique_ptr<RuleBook> rules;
  std::unique_ptr<Stage> decode, normalise, segment;
  std::vector<std::unique_ptr<Extractor>> extractors;
  std::unique_ptr<Pipeline> pipeline;
  bool ok = false;
};

const Stages& Get() {
  static const Stages* stages = [] {
    auto* s = new Stages;
    auto book = RuleBook::LoadDir(std::string(VANBAN_SOURCE_DIR) + "/extractors/rules");
    if (!book.ok()) return s;
    s->rules = std::make_unique<RuleBook>(std::move(book).value());
    s->decode = NewDecodeStage("");
    auto normalise = NewNormaliseStage(*s->rules);
    auto segment = NewSegmentStage(*s->rules);
    auto extractors = BuildExtractors(*s->rules);
    PipelineOptions options;
    options.rules_dir = std::string(VANBAN_SOURCE_DIR) + "/extractors/rules";
    auto pipeline = Pipeline::Create(options);
    if (!normalise.ok() || !segment.ok() || !extractors.ok() || !pipeline.ok()) return s;
    s->normalise = std::move(normalise).value();
    s->segment = std::move(segment).value();
    s->extractors = std::move(extractors).value();
    s->pipeline = std::move(pipeline).value();
    s->ok = true;
    return s;
  }();
  return *stages;
}

// Runs the stages up to (and without) `upto` on every sample: 0 nothing,
// 1 decode, 2 normalise, 3 segment, 4 extract.
std::vector<Document> Prepared(int upto) {
  const Stages& s = Get();
  std::vector<Document> docs;
  for (const Sample& sample : Samples()) {
    Document doc;
    doc.source.path = sample.name;
    doc.source.format = "txt";
    doc.raw_bytes = sample.bytes;
    if (upto >= 1) s.decode->Run(&doc);
    if (upto >= 2) s.normalise->Run(&doc);
    if (upto >= 3) s.segment->Run(&doc);
    if (upto >= 4) {
      for (const auto& e : s.extractors) e->Extract(&doc);
    }
    docs.push_back(std::move(doc));
  }
  return docs;
}

// Benchmarks one stage: each iteration copies the prepared documents (not
// timed) and runs `run` on each.
template <typename Fn>
void RunStage(benchmark::State& state, int prepared_upto, Fn run) {
  if (!Get().ok || Samples().empty()) {
    state.SkipWithError("rules or samples missing");
    return;
  }
  const std::vector<Document> prepared = Prepared(prepared_upto);
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<Document> docs = prepared;
    state.ResumeTiming();
    for (Document& doc : docs) run(&doc);
    benchmark::DoNotOptimize(docs.data());
  }
  state.SetBytesProcessed(state.iterations() * SampleBytes());
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(Samples().size()));
}

void BM_Decode(benchmark::State& state) {
  RunStage(state, 0, [](Document* d) { Get().decode->Run(d); });
}
BENCHMARK(BM_Decode)->Unit(benchmark::kMillisecond);

void BM_Normalise(benchmark::State& state) {
  RunStage(state, 1, [](Document* d) { Get().normalise->Run(d); });
}
BENCHMARK(BM_Normalise)->Unit(benchmark::kMillisecond);

void BM_Segment(benchmark::State& state) {
  RunStage(state, 2, [](Document* d) { Get().segment->Run(d); });
}
BENCHMARK(BM_Segment)->Unit(benchmark::kMillisecond);

void BM_Extract(benchmark::State& state) {
  RunStage(state, 3, [](Document* d) {
    for (const auto& e : Get().extractors) e->Extract(d);
  });
}
BENCHMARK(BM_Extract)->Unit(benchmark::kMillisecond);

void BM_Assemble(benchmark::State& state) {
  RunStage(state, 4, [](Document* d) {
    std::string line = PlanDump(PlanToJson(*d, PlanJsonOptions{false}));
    benchmark::DoNotOptimize(line.data());
  });
}
BENCHMARK(BM_Assemble)->Unit(benchmark::kMillisecond);

// The whole TXT pipeline as `vanban extract` runs it: sniff, load, decode,
// normalise, segment, extract, assemble.
void BM_WholeTxt(benchmark::State& state) {
  if (!Get().ok || Samples().empty()) {
    state.SkipWithError("rules or samples missing");
    return;
  }
  for (auto _ : state) {
    for (const Sample& sample : Samples()) {
      Document doc;
      Status s = Get().pipeline->ProcessBytes(sample.name, sample.bytes, &doc);
      if (!s.ok()) state.SkipWithError("pipeline failed");
      std::string line = PlanDump(PlanToJson(doc, PlanJsonOptions{false}));
      benchmark::DoNotOptimize(line.data());
    }
  }
  state.SetBytesProcessed(state.iterations() * SampleBytes());
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(Samples().size()));
}
BENCHMARK(BM_WholeTxt)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace vanban
