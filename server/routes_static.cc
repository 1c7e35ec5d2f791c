// The web page (/, /app.js, /style.css) and /api/openapi.json, from the
// files built into the binary; any other path is a 404 (JSON under /api/).
#include <cstring>

#include "server/context.h"
#include "server/embedded.h"
#include "server/reply.h"

namespace vanban {
namespace {

const char* MimeOf(const std::string& path) {
  auto ends = [&](const char* ext) {
    size_t n = std::strlen(ext);
    return path.size() >= n && path.compare(path.size() - n, n, ext) == 0;
  };
  if (ends(".html")) return "text/html; charset=utf-8";
  if (ends(".js")) return "text/javascript; charset=utf-8";
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".json")) return "application/json; charset=utf-8";
  if (ends(".png")) return "image/png";
  if (ends(".svg")) return "image/svg+xml";
  return "application/octet-stream";
}

void Serve(const EmbeddedFile& f, httplib::Response* res) {
  res->set_header("X-Content-Type-Options", "nosniff");
  res->set_header("Content-Security-Policy",
                  "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
  res->set_content(reinterpret_cast<const char*>(f.data), f.size, MimeOf(f.path));
}

}  // namespace

void AddStaticRoutes(httplib::Server* http, ServerContext*) {
  for (size_t i = 0; i < kEmbeddedFileCount; ++i) {
    const EmbeddedFile& f = kEmbeddedFiles[i];
    std::string path = f.path;
    auto handler = [&f](const httplib::Request&, httplib::Response& res) { Serve(f, &res); };
    http->Get(path.c_str(), handler);
    if (path == "/index.html") http->Get("/", handler);
  }
  http->Get(R"(/api/.*)", [](const httplib::Request& req, httplib::Response& res) {
    ReplyError(&res, 404, "no such endpoint: " + req.path + " (see /api/openapi.json)");
  });
  http->set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    if (res.status == 413) {
      return ReplyError(&res, 413, "the upload is larger than this server takes (--max-upload)");
    }
    if (req.path.rfind("/api/", 0) == 0 || res.status != 404) {
      ReplyError(&res, res.status,
                 res.status == 404 ? "no such endpoint: " + req.path
                                   : "HTTP status " + std::to_string(res.status));
    } else {
      res.set_content("404: " + req.path, "text/plain; charset=utf-8");
    }
  });
}

}  // namespace vanban
