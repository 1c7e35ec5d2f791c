// Fuzzes PDF loading (Poppler) and everything after it.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_util.h"
#include "pipeline/plan_json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // Keep the PDF signature so the content sniffer routes the input to Poppler.
  std::string bytes = "%PDF-1.4\n";
  bytes.append(reinterpret_cast<const char*>(data), size);
  vanban::Document doc;
  vanban::Status s = vanban::FuzzPipeline().ProcessBytes("fuzz.pdf", std::move(bytes), &doc);
  if (s.ok()) (void)vanban::PlanDump(vanban::PlanToJson(doc));
  return 0;
}
