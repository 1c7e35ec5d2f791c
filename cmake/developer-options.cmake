# Warnings and sanitizers, applied per target through vanban_set_options().
add_library(vanban_options INTERFACE)
target_compile_options(vanban_options INTERFACE -Wall -Wextra -Wno-unused-parameter)
if(VANBAN_BUILD_FUZZERS)
  # The fuzz build: every vanban library carries libFuzzer's coverage hooks
  # (edges, comparisons, indirect calls) as well as ASan and UBSan, so the
  # fuzz targets get feedback from the code they call, not only from their
  # own harness. The harnesses add -fsanitize=fuzzer (fuzz/CMakeLists.txt).
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "VANBAN_BUILD_FUZZERS needs clang (CC=clang CXX=clang++)")
  endif()
  target_compile_options(vanban_options INTERFACE
    -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
    -fno-sanitize-recover=undefined)
  target_link_options(vanban_options INTERFACE -fsanitize=address,undefined)
  target_compile_definitions(vanban_options INTERFACE VANBAN_SANITIZE=1)
elseif(VANBAN_SANITIZE)
  target_compile_options(vanban_options INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(vanban_options INTERFACE -fsanitize=address,undefined)
  target_compile_definitions(vanban_options INTERFACE VANBAN_SANITIZE=1)
endif()
