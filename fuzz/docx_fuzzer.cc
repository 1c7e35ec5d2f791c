// Fuzzes Word 2007+ loading (libzip, pugixml, the legacy-font repair) and
// everything after it; seeded with the .docx files in tests/data/docx.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_util.h"
#include "pipeline/plan_json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  vanban::Document doc;
  vanban::Status s = vanban::FuzzPipeline().ProcessBytes("fuzz.docx", std::move(bytes), &doc);
  if (s.ok()) (void)vanban::PlanDump(vanban::PlanToJson(doc));
  return 0;
}
