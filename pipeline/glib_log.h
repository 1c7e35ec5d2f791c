// Diagnostics that GLib-based libraries (libgsf) print on stderr, caught and
// kept for the document being loaded so that a failure stays one line.
#ifndef VANBAN_PIPELINE_GLIB_LOG_H_
#define VANBAN_PIPELINE_GLIB_LOG_H_

#include <string>

namespace vanban {

// While alive, GLib messages logged on this thread are collected instead of
// printed. Install the handler once per process with InstallGlibLogCapture().
class GlibLogCapture {
 public:
  GlibLogCapture();
  ~GlibLogCapture();
  GlibLogCapture(const GlibLogCapture&) = delete;
  GlibLogCapture& operator=(const GlibLogCapture&) = delete;
  // The collected messages, "; "-separated, on one line.
  const std::string& messages() const { return messages_; }
  void Add(const std::string& message);

 private:
  std::string messages_;
  GlibLogCapture* outer_;
};

// Routes GLib's default log handler through the capture (idempotent). Messages
// logged on a thread without a capture are dropped: they never reach stderr.
void InstallGlibLogCapture();

}  // namespace vanban

#endif  // VANBAN_PIPELINE_GLIB_LOG_H_
