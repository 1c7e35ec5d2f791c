// libFuzzer entry point for the decode stage (every encoding) and normalisation; the body is
// fuzz::Decode in fuzz/targets.h.
#include <cstddef>
#include <cstdint>

#include "fuzz/targets.h"

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
  vanban::fuzz::SetUp();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  vanban::fuzz::Decode(data, size);
  return 0;
}
