// Loader registry and content sniffing.
#include "pipeline/loader.h"

#include <magic.h>

#include "text/utf8.h"

namespace vanban {

std::string SniffMime(const std::string& bytes) {
  if (bytes.compare(0, 5, "%PDF-") == 0) return "application/pdf";
  // Fast path: NUL-free valid UTF-8 is text. libmagic's many tests cost
  // milliseconds per file, which dominates a bulk run of TXT directives.
  if (bytes.find('\0') == std::string::npos && IsValidUtf8(bytes)) return "text/plain";
  // libmagic handles are not thread-safe: one per thread.
  struct Handle {
    magic_t m = magic_open(MAGIC_MIME_TYPE | MAGIC_NO_CHECK_COMPRESS);
    Handle() {
      if (m && magic_load(m, nullptr) != 0) {
        magic_close(m);
        m = nullptr;
      }
    }
    ~Handle() {
      if (m) magic_close(m);
    }
  };
  thread_local Handle handle;
  if (!handle.m) return "application/octet-stream";
  // The first 1 MiB is enough for any signature libmagic knows.
  size_t n = std::min<size_t>(bytes.size(), 1 << 20);
  const char* type = magic_buffer(handle.m, bytes.data(), n);
  return type ? type : "application/octet-stream";
}

std::vector<std::unique_ptr<Loader>> DefaultLoaders(const PipelineOptions& options) {
  std::vector<std::unique_ptr<Loader>> loaders;
  loaders.push_back(NewPdfLoader(options));
  loaders.push_back(NewDocLoader());
  loaders.push_back(NewDocxLoader());
  loaders.push_back(NewTextLoader());  // last: takes what no other loader took
  return loaders;
}

}  // namespace vanban
