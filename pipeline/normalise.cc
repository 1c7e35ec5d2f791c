// Normalisation: NFC per line, with the offset map kept line by line.
#include "pipeline/normalise.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

namespace vanban {
namespace {

std::string Nfc(const std::string& s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return s;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  icu::UnicodeString n = nfc->normalize(u, status);
  if (U_FAILURE(status)) return s;
  std::string out;
  n.toUTF8String(out);
  return out;
}

class NormaliseStage : public Stage {
 public:
  const char* name() const override { return "normalise"; }
  Status Run(Document* doc) const override {
    const std::string& in = doc->raw_text;
    doc->text.clear();
    doc->offsets.clear();
    size_t pos = 0;
    while (pos < in.size()) {
      size_t nl = in.find('\n', pos);
      size_t end = nl == std::string::npos ? in.size() : nl + 1;
      std::string line = in.substr(pos, end - pos);
      if (!line.empty() && line.back() == '\n') line.pop_back();
      if (!line.empty() && line.back() == '\r') line.pop_back();
      std::string norm = Nfc(line);
      OffsetPiece piece;
      piece.norm_begin = doc->text.size();
      piece.orig_begin = pos;
      doc->text += norm;
      piece.norm_end = doc->text.size();
      piece.orig_end = pos + line.size();
      doc->offsets.push_back(piece);
      if (nl != std::string::npos) doc->text.push_back('\n');
      pos = end;
    }
    if (doc->text.find_first_not_of(" \t\n\f") == std::string::npos) {
      return Status::Empty("no text after decoding");
    }
    return Status::OK();
  }
};

}  // namespace

Result<std::unique_ptr<Stage>> NewNormaliseStage(const RuleBook& rules) {
  return std::unique_ptr<Stage>(std::make_unique<NormaliseStage>());
}

}  // namespace vanban
