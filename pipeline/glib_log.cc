// GLib log capture: one thread-local collector, one process-wide handler.
#include "pipeline/glib_log.h"

#include <glib.h>

#include <mutex>

#include "text/utf8.h"

namespace vanban {
namespace {

thread_local GlibLogCapture* current = nullptr;

const char* LevelName(GLogLevelFlags level) {
  if (level & G_LOG_LEVEL_ERROR) return "error";
  if (level & G_LOG_LEVEL_CRITICAL) return "critical";
  if (level & G_LOG_LEVEL_WARNING) return "warning";
  return "message";
}

void Handler(const gchar* domain, GLogLevelFlags level, const gchar* message, gpointer) {
  if (current == nullptr) return;
  if ((level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING)) == 0) return;
  std::string line = domain ? std::string(domain) + " " : std::string();
  line += LevelName(level);
  line += ": ";
  line += message ? message : "";
  current->Add(line);
}

}  // namespace

GlibLogCapture::GlibLogCapture() : outer_(current) { current = this; }
GlibLogCapture::~GlibLogCapture() { current = outer_; }

void GlibLogCapture::Add(const std::string& message) {
  std::string one = EscapeForLine(message);
  if (one.empty() || messages_.find(one) != std::string::npos) return;
  if (!messages_.empty()) messages_ += "; ";
  messages_ += one;
}

void InstallGlibLogCapture() {
  static std::once_flag once;
  std::call_once(once, [] {
    g_log_set_default_handler(Handler, nullptr);
    for (const char* domain : {"libgsf:msole", "libgsf", "GLib", "GLib-GObject", "GLib-GIO"}) {
      g_log_set_handler(
          domain,
          static_cast<GLogLevelFlags>(G_LOG_LEVEL_MASK | G_LOG_FLAG_FATAL | G_LOG_FLAG_RECURSION),
          Handler, nullptr);
    }
  });
}

}  // namespace vanban
