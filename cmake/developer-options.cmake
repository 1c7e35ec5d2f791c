# Warnings and sanitizers, applied per target through vanban_set_options().
add_library(vanban_options INTERFACE)
target_compile_options(vanban_options INTERFACE -Wall -Wextra -Wno-unused-parameter)
if(VANBAN_SANITIZE)
  target_compile_options(vanban_options INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(vanban_options INTERFACE -fsanitize=address,undefined)
  target_compile_definitions(vanban_options INTERFACE VANBAN_SANITIZE=1)
endif()
