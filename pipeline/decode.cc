// Decoding: BOMs, UTF-8, UTF-16, Windows-1258 (ICU), TCVN3, VNI and VISCII
// (data tables), chosen by how much of each candidate reads as Vietnamese;
// also repairs legacy text that was read as Windows-1252 before it reached
// us (UTF-8 files and PDF text layers). Junk is refused, not decoded.
#include "pipeline/decode.h"

#include <unicode/ucnv.h>

#include <algorithm>
#include <vector>

#include "text/case.h"
#include "text/legacy.h"
#include "text/syllable.h"
#include "text/utf8.h"

namespace vanban {
namespace {

// Converts bytes in a named ICU encoding to UTF-8.
Result<std::string> IcuToUtf8(const std::string& encoding, std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* probe = ucnv_open(encoding.c_str(), &status);
  if (U_FAILURE(status)) return Status::Unsupported("unknown encoding " + encoding);
  ucnv_close(probe);
  status = U_ZERO_ERROR;
  int32_t needed = ucnv_convert("UTF-8", encoding.c_str(), nullptr, 0, bytes.data(),
                                static_cast<int32_t>(bytes.size()), &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) {
    return Status::InvalidInput("cannot decode as " + encoding);
  }
  std::string out(static_cast<size_t>(needed), '\0');
  status = U_ZERO_ERROR;
  ucnv_convert("UTF-8", encoding.c_str(), out.data(), needed + 1, bytes.data(),
               static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status) && status != U_STRING_NOT_TERMINATED_WARNING) {
    return Status::InvalidInput("cannot decode as " + encoding);
  }
  return out;
}

// Share of control characters (other than tab, line and page breaks).
bool LooksBinary(std::string_view bytes) {
  size_t n = std::min<size_t>(bytes.size(), 64 * 1024);
  size_t control = 0;
  for (size_t i = 0; i < n; ++i) {
    unsigned char c = static_cast<unsigned char>(bytes[i]);
    if (c == 0) return true;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
  }
  return n > 0 && control * 100 > n;  // over 1% control characters
}

// UTF-16 without a BOM: text in Latin script has a NUL in nearly every other
// byte (high bytes of ASCII and Vietnamese code points are mostly 0x00 or
// 0x1E), at one parity only. Returns "UTF-16LE", "UTF-16BE" or "".
const char* SniffUtf16(std::string_view b) {
  size_t n = std::min<size_t>(b.size(), 8192) & ~static_cast<size_t>(1);
  if (n < 8) return "";
  size_t even = 0, odd = 0;
  for (size_t i = 0; i < n; i += 2) {
    even += b[i] == 0;
    odd += b[i + 1] == 0;
  }
  size_t pairs = n / 2;
  if (odd * 10 >= pairs * 4 && even * 50 <= pairs) return "UTF-16LE";
  if (even * 10 >= pairs * 4 && odd * 50 <= pairs) return "UTF-16BE";
  return "";
}

// Decoded text is text: few control characters.
bool DecodedLooksLikeText(std::string_view s) {
  size_t control = 0, total = 0;
  size_t pos = 0;
  while (pos < s.size() && total < 65536) {
    char32_t cp = NextCodePoint(s, &pos);
    ++total;
    if ((cp < 0x20 && cp != '\n' && cp != '\r' && cp != '\t' && cp != '\f') || cp == 0xFFFD ||
        (cp >= 0xE000 && cp < 0xF900)) {
      ++control;
    }
  }
  return total > 0 && control * 100 <= total;
}

struct Candidate {
  std::string name;
  std::string text;
  SyllableScore score;
};

// Decodes bytes that are not UTF-8 with each single-byte candidate and keeps
// the one that reads most like Vietnamese.
bool BestLegacyDecoding(std::string_view bytes, Candidate* best) {
  std::vector<Candidate> cands;
  for (LegacyEncoding e : {LegacyEncoding::kTcvn3, LegacyEncoding::kVni, LegacyEncoding::kViscii}) {
    cands.push_back({LegacyName(e), DecodeLegacy(e, bytes), {}});
  }
  auto cp1258 = IcuToUtf8("windows-1258", bytes);
  if (cp1258.ok()) cands.push_back({"windows-1258", std::move(cp1258).value(), {}});
  const Candidate* top = nullptr;
  for (Candidate& c : cands) {
    c.score = ScoreVietnamese(c.text);
    if (!top || c.score.valid > top->score.valid ||
        (c.score.valid == top->score.valid && c.score.ratio() > top->score.ratio())) {
      top = &c;
    }
  }
  if (!top || top->score.words < 3 || top->score.ratio() < 0.5) return false;
  if (!DecodedLooksLikeText(top->text)) return false;
  *best = *top;
  return true;
}

// Signs that UTF-8 text is legacy bytes shown as Windows-1252: characters the
// legacy tables put in Latin-1 positions that Vietnamese text never uses.
bool HasLegacySigns(std::string_view text) {
  size_t signs = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[pos]);
    if (c < 0x80) {
      ++pos;
      continue;
    }
    char32_t cp = NextCodePoint(text, &pos);
    switch (cp) {
      case 0xB5:
      case 0xB8:
      case 0xB6:
      case 0xB7:
      case 0xB9:
      case 0xAE:
      case 0xA7:
      case 0xAC:
      case 0xA8:
      case 0xA9:
      case 0xAA:
      case 0xAB:
      case 0xD6:
      case 0xF8:
      case 0xF6:
      case 0xF1:
      case 0xD1:
      case 0xF9:
      case 0xEF:
      case 0xE4:
      case 0xEB:
      case 0xFB:
      case 0x2219:
        ++signs;
        break;
      default:
        break;
    }
    if (signs >= 3) return true;
  }
  return false;
}

// TCVN3 has no toned capitals: a heading set in the capitals font comes out
// as "TỉNH QUảNG TRị". A line whose words have no ASCII lower-case letter but
// some capital is such a heading: upper-case it all.
std::string RecaseTcvn3(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    std::string_view line = std::string_view(text).substr(pos, nl - pos);
    bool ascii_lower = false, ascii_upper = false;
    for (char c : line) {
      ascii_lower |= c >= 'a' && c <= 'z';
      ascii_upper |= c >= 'A' && c <= 'Z';
    }
    if (ascii_upper && !ascii_lower) {
      out += ToUpperUtf8(line);
    } else {
      out.append(line);
    }
    if (nl == text.size()) break;
    out.push_back('\n');
    pos = nl + 1;
  }
  return out;
}

// Repairs lines of legacy mojibake in UTF-8 text, line by line (fonts mix, so
// some lines may be real Unicode). Returns the encoding used, or "" when
// nothing was repaired. line_starts maps old line starts to new ones.
std::string RepairMojibake(std::string* text, std::vector<std::pair<size_t, size_t>>* line_starts) {
  if (!HasLegacySigns(*text)) return "";
  struct Line {
    size_t begin, end;
    std::string bytes;  // Windows-1252 bytes, when representable
    bool legacy = false;
  };
  std::vector<Line> lines;
  size_t pos = 0;
  while (pos <= text->size()) {
    size_t nl = text->find('\n', pos);
    if (nl == std::string::npos) nl = text->size();
    Line l{pos, nl, "", false};
    bool non_ascii = false;
    for (size_t i = pos; i < nl; ++i) non_ascii |= static_cast<unsigned char>((*text)[i]) >= 0x80;
    if (non_ascii) l.legacy = ToCp1252(std::string_view(*text).substr(pos, nl - pos), &l.bytes);
    lines.push_back(std::move(l));
    if (nl == text->size()) break;
    pos = nl + 1;
  }
  // Pick the encoding with the largest gain over the whole text.
  LegacyEncoding best = LegacyEncoding::kTcvn3;
  long best_gain = 0;
  for (LegacyEncoding e : {LegacyEncoding::kTcvn3, LegacyEncoding::kVni}) {
    long gain = 0;
    for (const Line& l : lines) {
      if (!l.legacy) continue;
      SyllableScore before =
          ScoreVietnamese(std::string_view(*text).substr(l.begin, l.end - l.begin));
      SyllableScore after = ScoreVietnamese(DecodeLegacy(e, l.bytes));
      gain += static_cast<long>(after.valid) - static_cast<long>(before.valid);
    }
    if (gain > best_gain) {
      best_gain = gain;
      best = e;
    }
  }
  if (best_gain < 3) return "";
  std::string out;
  out.reserve(text->size() + text->size() / 4);
  line_starts->clear();
  for (const Line& l : lines) {
    line_starts->emplace_back(l.begin, out.size());
    std::string_view orig = std::string_view(*text).substr(l.begin, l.end - l.begin);
    bool replaced = false;
    if (l.legacy) {
      std::string conv = DecodeLegacy(best, l.bytes);
      SyllableScore before = ScoreVietnamese(orig);
      SyllableScore after = ScoreVietnamese(conv);
      if (after.valid >= before.valid && after.foreign_letters <= before.foreign_letters) {
        out += best == LegacyEncoding::kTcvn3 ? RecaseTcvn3(conv) : conv;
        replaced = true;
      }
    }
    if (!replaced) out.append(orig);
    if (l.end < text->size()) out.push_back('\n');
  }
  line_starts->emplace_back(text->size(), out.size());
  *text = std::move(out);
  return LegacyName(best);
}

// Moves a raw_text offset to the repaired text: offsets on line starts map
// exactly, others to the start of their line.
size_t RemapOffset(const std::vector<std::pair<size_t, size_t>>& starts, size_t off) {
  auto it = std::upper_bound(starts.begin(), starts.end(), std::make_pair(off, SIZE_MAX));
  if (it == starts.begin()) return off;
  --it;
  return it->second;
}

class DecodeStage : public Stage {
 public:
  explicit DecodeStage(std::string forced) : forced_(std::move(forced)) {}
  const char* name() const override { return "decode"; }

  Status Run(Document* doc) const override {
    if (doc->source.format == "pdf" || !doc->raw_text.empty()) {
      // A text layer: already Unicode, but possibly legacy mojibake.
      RepairInPlace(doc);
      return Status::OK();
    }
    Status s = DecodeBytes(doc);
    if (!s.ok()) return s;
    RepairInPlace(doc);
    return Status::OK();
  }

 private:
  static void RepairInPlace(Document* doc) {
    std::vector<std::pair<size_t, size_t>> starts;
    std::string enc = RepairMojibake(&doc->raw_text, &starts);
    if (enc.empty()) return;
    for (Page& p : doc->source.pages) {
      p.text_begin = RemapOffset(starts, p.text_begin);
      p.text_end = RemapOffset(starts, p.text_end);
    }
    std::string was = doc->source.encoding.empty() ? "UTF-8" : doc->source.encoding;
    doc->source.encoding = enc + " (read as Windows-1252, " + was + ")";
    doc->AddProblem("warning", "legacy-mojibake",
                    "text was " + enc + " read as Windows-1252; converted to Unicode");
  }

  Status DecodeBytes(Document* doc) const {
    std::string_view b = doc->raw_bytes;
    if (b.empty()) return Status::Empty("file is empty");
    if (!forced_.empty()) return DecodeAs(forced_, b, doc);
    if (b.substr(0, 3) == "\xEF\xBB\xBF") return DecodeAs("UTF-8", b.substr(3), doc);
    if (b.substr(0, 2) == "\xFF\xFE") return DecodeAs("UTF-16LE", b.substr(2), doc);
    if (b.substr(0, 2) == "\xFE\xFF") return DecodeAs("UTF-16BE", b.substr(2), doc);
    const char* utf16 = SniffUtf16(b);
    if (*utf16) {
      auto r = IcuToUtf8(utf16, b);
      if (r.ok() && DecodedLooksLikeText(r.value())) {
        doc->raw_text = std::move(r).value();
        doc->source.encoding = utf16;
        return Status::OK();
      }
      return Status::InvalidInput("binary data, not text");
    }
    if (LooksBinary(b)) return Status::InvalidInput("binary data, not text");
    size_t bad = 0;
    if (IsValidUtf8(b, &bad)) {
      doc->raw_text.assign(b);
      doc->source.encoding = "UTF-8";
      return Status::OK();
    }
    Candidate best;
    if (BestLegacyDecoding(b, &best)) {
      doc->raw_text = best.name == "TCVN3" ? RecaseTcvn3(best.text) : std::move(best.text);
      doc->source.encoding = best.name;
      return Status::OK();
    }
    return Status::InvalidInput("invalid UTF-8 at byte " + std::to_string(bad) +
                                ", and not text in a known Vietnamese encoding");
  }

  static Status DecodeAs(const std::string& enc, std::string_view b, Document* doc) {
    LegacyEncoding legacy;
    if (ParseLegacyName(enc, &legacy)) {
      doc->raw_text = DecodeLegacy(legacy, b);
      if (legacy == LegacyEncoding::kTcvn3) doc->raw_text = RecaseTcvn3(doc->raw_text);
      doc->source.encoding = LegacyName(legacy);
      return Status::OK();
    }
    if (enc == "UTF-8" || enc == "utf-8" || enc == "UTF8" || enc == "utf8") {
      size_t bad = 0;
      if (!IsValidUtf8(b, &bad)) {
        return Status::InvalidInput("invalid UTF-8 at byte " + std::to_string(bad));
      }
      doc->raw_text.assign(b);
      doc->source.encoding = "UTF-8";
      return Status::OK();
    }
    auto r = IcuToUtf8(enc, b);
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
