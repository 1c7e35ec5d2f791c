// libFuzzer entry point for PDF loading and the pipeline after it; the body is fuzz::Pdf in
// fuzz/targets.h.
#include <cstddef>
#include <cstdint>

#include "fuzz/targets.h"

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
  vanban::fuzz::SetUp();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  vanban::fuzz::Pdf(data, size);
  return 0;
}
