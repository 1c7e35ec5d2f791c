// Files built into the binary (server/embed.cmake): the web page's files
// under their URL path, and /api/openapi.json.
#ifndef VANBAN_SERVER_EMBEDDED_H_
#define VANBAN_SERVER_EMBEDDED_H_

#include <cstddef>

namespace vanban {

struct EmbeddedFile {
  const char* path;  // "/index.html", "/app.js", "/api/openapi.json" …
  const unsigned char* data;
  size_t size;
};

extern const EmbeddedFile kEmbeddedFiles[];
extern const size_t kEmbeddedFileCount;

}  // namespace vanban

#endif  // VANBAN_SERVER_EMBEDDED_H_
