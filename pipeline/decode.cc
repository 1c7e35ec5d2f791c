// Decoding: BOMs, UTF-8 and UTF-16; junk is refused rather than decoded.
#include "pipeline/decode.h"

#include <unicode/ucnv.h>

#include "text/utf8.h"

namespace vanban {
namespace {

// Converts bytes in a named ICU encoding to UTF-8.
Result<std::string> IcuToUtf8(const char* encoding, const std::string& bytes) {
  UErrorCode status = U_ZERO_ERROR;
  int32_t needed = ucnv_convert("UTF-8", encoding, nullptr, 0, bytes.data(),
                                static_cast<int32_t>(bytes.size()), &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) {
    return Status::InvalidInput(std::string("cannot decode as ") + encoding);
  }
  std::string out(static_cast<size_t>(needed), '\0');
  status = U_ZERO_ERROR;
  ucnv_convert("UTF-8", encoding, out.data(), needed + 1, bytes.data(),
               static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status) && status != U_STRING_NOT_TERMINATED_WARNING) {
    return Status::InvalidInput(std::string("cannot decode as ") + encoding);
  }
  return out;
}

bool LooksBinary(const std::string& bytes) {
  size_t n = std::min<size_t>(bytes.size(), 64 * 1024);
  size_t control = 0;
  for (size_t i = 0; i < n; ++i) {
    unsigned char c = static_cast<unsigned char>(bytes[i]);
    if (c == 0) return true;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
  }
  return n > 0 && control * 100 > n;  // over 1% control characters
}

class DecodeStage : public Stage {
 public:
  explicit DecodeStage(std::string forced) : forced_(std::move(forced)) {}
  const char* name() const override { return "decode"; }

  Status Run(Document* doc) const override {
    if (!doc->raw_text.empty() || doc->source.format == "pdf") return Status::OK();
    const std::string& b = doc->raw_bytes;
    if (b.empty()) return Status::Empty("file is empty");
    if (!forced_.empty()) return Decode(forced_.c_str(), b, 0, doc);
    if (b.compare(0, 3, "\xEF\xBB\xBF") == 0) return Decode("UTF-8", b, 3, doc);
    if (b.compare(0, 2, "\xFF\xFE") == 0) return Decode("UTF-16LE", b, 2, doc);
    if (b.compare(0, 2, "\xFE\xFF") == 0) return Decode("UTF-16BE", b, 2, doc);
    if (LooksBinary(b)) return Status::InvalidInput("binary data, not text");
    size_t bad = 0;
    if (!IsValidUtf8(b, &bad)) {
      return Status::InvalidInput("invalid UTF-8 at byte " + std::to_string(bad));
    }
    doc->raw_text = b;
    doc->source.encoding = "UTF-8";
    return Status::OK();
  }

 private:
  static Status Decode(const char* enc, const std::string& b, size_t skip, Document* doc) {
    auto r = IcuToUtf8(enc, b.substr(skip));
    if (!r.ok()) return r.status();
    doc->raw_text = std::move(r).value();
    doc->source.encoding = enc;
    return Status::OK();
  }
  std::string forced_;
};

}  // namespace

std::unique_ptr<Stage> NewDecodeStage(const std::string& forced_encoding) {
  return std::make_unique<DecodeStage>(forced_encoding);
}

}  // namespace vanban
