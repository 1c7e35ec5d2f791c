// Shared set-up for the fuzz targets: one pipeline built from the shipped rules.
#ifndef VANBAN_FUZZ_FUZZ_UTIL_H_
#define VANBAN_FUZZ_FUZZ_UTIL_H_

#include <cstdio>
#include <cstdlib>
#include <memory>

#include "pipeline/pipeline.h"

namespace vanban {

// Returns the process-wide pipeline; aborts if the rules do not load (that is
// a set-up error, not a finding).
inline const Pipeline& FuzzPipeline() {
  static const Pipeline* pipeline = [] {
    PipelineOptions options;
    options.rules_dir = VANBAN_SOURCE_DIR "/extractors/rules";
    options.ocr = "never";  // OCR is far too slow for fuzzing
    options.max_pages = 50;
    auto p = Pipeline::Create(options);
    if (!p.ok()) {
      std::fprintf(stderr, "fuzz set-up: %s\n", p.status().ToString().c_str());
      std::abort();
    }
    return std::move(p).value().release();
  }();
  return *pipeline;
}

}  // namespace vanban

#endif  // VANBAN_FUZZ_FUZZ_UTIL_H_
