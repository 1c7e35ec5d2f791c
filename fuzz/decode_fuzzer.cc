// Fuzzes the decode stage alone (detection and every forced encoding: UTF-8,
// UTF-16, TCVN3, VNI, VISCII, Windows-1258 through ICU) and normalisation of
// what it decodes. The first byte picks the encoding; the rest is the file.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "extractors/rule_file.h"
#include "pipeline/decode.h"
#include "pipeline/normalise.h"
#include "text/utf8.h"

namespace {

const char* const kEncodings[] = {"",    "UTF-8",  "UTF-16LE",     "UTF-16BE",        "TCVN3",
                                  "VNI", "VISCII", "windows-1258", "no-such-encoding"};
constexpr size_t kCount = sizeof(kEncodings) / sizeof(kEncodings[0]);

struct Stages {
  std::unique_ptr<vanban::Stage> decode[kCount];
  std::unique_ptr<vanban::Stage> normalise;
};

const Stages& Get() {
  static const Stages* s = [] {
    auto* out = new Stages;
    for (size_t i = 0; i < kCount; ++i) out->decode[i] = vanban::NewDecodeStage(kEncodings[i]);
    auto book = vanban::RuleBook::LoadDir(VANBAN_SOURCE_DIR "/extractors/rules");
    if (!book.ok()) std::abort();
    auto normalise = vanban::NewNormaliseStage(book.value());
    if (!normalise.ok()) std::abort();
    out->normalise = std::move(normalise).value();
    return out;
  }();
  return *s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const size_t which = data[0] % kCount;
  vanban::Document doc;
  doc.source.format = "txt";
  doc.raw_bytes.assign(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (!Get().decode[which]->Run(&doc).ok()) return 0;
  // Whatever decoding accepts must be valid UTF-8 for the stages after it.
  size_t bad = 0;
  if (!vanban::IsValidUtf8(doc.raw_text, &bad)) std::abort();
  Get().normalise->Run(&doc);
  return 0;
}
