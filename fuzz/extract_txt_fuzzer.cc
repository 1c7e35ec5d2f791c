// Fuzzes the whole TXT path: load, decode, normalise, segment, extract, JSON.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_util.h"
#include "pipeline/plan_json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  vanban::Document doc;
  std::string bytes(reinterpret_cast<const char*>(data), size);
  vanban::Status s = vanban::FuzzPipeline().ProcessBytes("fuzz.txt", std::move(bytes), &doc);
  if (s.ok()) (void)vanban::PlanDump(vanban::PlanToJson(doc));
  return 0;
}
