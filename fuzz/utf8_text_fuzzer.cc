// libFuzzer entry point for normalisation and extraction of valid UTF-8; the body is fuzz::Utf8Text
// in fuzz/targets.h.
#include <cstddef>
#include <cstdint>

#include "fuzz/targets.h"

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
  vanban::fuzz::SetUp();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  vanban::fuzz::Utf8Text(data, size);
  return 0;
}
