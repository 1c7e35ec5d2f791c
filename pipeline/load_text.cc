// The TXT loader: plain text in any encoding; decoding is the next stage's job.
#include "pipeline/loader.h"

namespace vanban {
namespace {

class TextLoader : public Loader {
 public:
  const char* name() const override { return "text"; }
  bool Accepts(const std::string& mime) const override {
    // Text of any kind, and what libmagic cannot name (legacy 8-bit text is
    // often "application/octet-stream"); the decoder rejects real junk.
    return mime.compare(0, 5, "text/") == 0 || mime == "application/octet-stream" ||
           mime == "application/x-empty" || mime == "inode/x-empty";
  }
  Status Load(Document* doc) const override {
    doc->source.format = "txt";
    return Status::OK();
  }
};

}  // namespace

std::unique_ptr<Loader> NewTextLoader() { return std::make_unique<TextLoader>(); }

}  // namespace vanban
