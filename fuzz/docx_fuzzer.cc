// libFuzzer entry point for Word 2007+ loading and the pipeline after it; the
// body is fuzz::Docx in fuzz/targets.h.
#include <cstddef>
#include <cstdint>

#include "fuzz/targets.h"

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
  vanban::fuzz::SetUp();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  vanban::fuzz::Docx(data, size);
  return 0;
}
