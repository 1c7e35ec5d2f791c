// Fuzzes normalisation and extraction with input that is valid UTF-8 (most
// random bytes are refused by the decoder, so this reaches deeper).
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_util.h"
#include "pipeline/plan_json.h"
#include "text/fold.h"
#include "text/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string in(reinterpret_cast<const char*>(data), size);
  // Make it valid UTF-8: decode leniently and re-encode.
  std::string text;
  size_t pos = 0;
  while (pos < in.size()) {
    char32_t cp = vanban::NextCodePoint(in, &pos);
    if (cp == 0) cp = ' ';
    vanban::AppendUtf8(cp, &text);
  }
  (void)vanban::FoldKey(text);
  vanban::Document doc;
  vanban::Status s = vanban::FuzzPipeline().ProcessBytes("fuzz.txt", text, &doc);
  if (s.ok()) (void)vanban::PlanDump(vanban::PlanToJson(doc));
  return 0;
}
