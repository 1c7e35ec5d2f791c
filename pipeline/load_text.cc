// The TXT loader: plain text in any encoding; decoding is the next stage's job.
#include <string>

#include "pipeline/loader.h"

namespace vanban {
namespace {

// No directive is this long as text (a whole legal code is under 2 MiB);
// past it, extraction time and memory grow with the facts found, so a text
// input over the limit is refused rather than processed for minutes.
constexpr size_t kMaxTextBytes = 16u << 20;

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
    if (doc->raw_bytes.size() > kMaxTextBytes) {
      return Status::TooLarge("text of " + std::to_string(doc->raw_bytes.size()) +
                              " bytes, over the limit of " + std::to_string(kMaxTextBytes) +
                              " bytes for a text document");
    }
    return Status::OK();
  }
};

}  // namespace

std::unique_ptr<Loader> NewTextLoader() { return std::make_unique<TextLoader>(); }

}  // namespace vanban
