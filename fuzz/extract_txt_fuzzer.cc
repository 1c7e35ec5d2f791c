// libFuzzer entry point for the whole TXT path; the body is fuzz::ExtractTxt in fuzz/targets.h.
#include <cstddef>
#include <cstdint>

#include "fuzz/targets.h"

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
  vanban::fuzz::SetUp();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  vanban::fuzz::ExtractTxt(data, size);
  return 0;
}
