// The Word 97–2003 (.doc) loader: the OLE2 container is read with libgsf, the
// main text is assembled from the piece table of the WordDocument stream
// ([MS-DOC] 2.4.1, "Retrieving Text"). 8-bit pieces are Windows-1252, so text
// typed in legacy VNI or TCVN3 fonts comes out as mojibake that the decode
// stage repairs, as it does for TXT files.
#include <gsf/gsf-infile-msole.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-input-memory.h>
#include <gsf/gsf-utils.h>

#include <cstdint>
#include <mutex>
#include <string>

#include "pipeline/glib_log.h"
#include "pipeline/loader.h"
#include "text/utf8.h"

namespace vanban {
namespace {

// Word 97 stores at most this many characters in the main text; larger
// claims come from damaged files.
constexpr uint32_t kMaxChars = 64u << 20;

uint16_t U16(const std::string& b, size_t at) {
  return static_cast<uint16_t>(static_cast<uint8_t>(b[at]) | static_cast<uint8_t>(b[at + 1]) << 8);
}
uint32_t U32(const std::string& b, size_t at) {
  return static_cast<uint32_t>(U16(b, at)) | static_cast<uint32_t>(U16(b, at + 2)) << 16;
}

// Owns a GObject reference.
template <typename T>
struct GRef {
  T* p = nullptr;
  explicit GRef(T* x) : p(x) {}
  ~GRef() {
    if (p) g_object_unref(p);
  }
  GRef(const GRef&) = delete;
  GRef& operator=(const GRef&) = delete;
};

Status ReadStream(GsfInfile* ole, const char* name, std::string* out) {
  GRef<GsfInput> in(gsf_infile_child_by_name(ole, name));
  if (!in.p) return Status::NotFound(std::string("no ") + name + " stream");
  gsf_off_t size = gsf_input_size(in.p);
  if (size < 0 || size > (gsf_off_t{1} << 30)) return Status::Corrupt("stream size out of range");
  out->resize(static_cast<size_t>(size));
  if (size > 0 && !gsf_input_read(in.p, size, reinterpret_cast<guint8*>(out->data()))) {
    return Status::Corrupt(std::string("cannot read the ") + name + " stream");
  }
  return Status::OK();
}

// Appends one character of the main text as UTF-8, turning Word's control
// characters into text layout and dropping field codes.
class TextSink {
 public:
  void Put(char32_t c) {
    switch (c) {
      case 0x13:  // field begin: its code ("PAGE", "HYPERLINK …") is hidden
        ++field_depth_;
        code_.push_back(true);
        return;
      case 0x14:  // field separator: the result follows, shown
        if (!code_.empty()) code_.back() = false;
        return;
      case 0x15:  // field end
        if (field_depth_ > 0) --field_depth_;
        if (!code_.empty()) code_.pop_back();
        return;
      default:
        break;
    }
    for (bool hidden : code_) {
      if (hidden) return;
    }
    switch (c) {
      case 0x0D:  // paragraph end
      case 0x0B:  // line break
      case 0x0C:  // page or section break
        out_.push_back('\n');
        return;
      case 0x07:  // table cell or row end
        out_.push_back('\t');
        return;
      case 0x09:
        out_.push_back('\t');
        return;
      case 0x1E:  // non-breaking hyphen
        out_.push_back('-');
        return;
      case 0x1F:  // optional hyphen
        return;
      case 0xA0:
        out_.push_back(' ');
        return;
      default:
        break;
    }
    if (c < 0x20 || (c >= 0xD800 && c <= 0xDFFF) || c == 0xFFFE || c == 0xFFFF) return;
    AppendUtf8(c, &out_);
  }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
  int field_depth_ = 0;
  std::vector<bool> code_;
};

// Windows-1252 to Unicode for the 8-bit ("compressed") pieces.
char32_t FromCp1252(uint8_t b) {
  static const char32_t k80[32] = {0x20AC, 0x81,   0x201A, 0x192,  0x201E, 0x2026, 0x2020, 0x2021,
                                   0x2C6,  0x2030, 0x160,  0x2039, 0x152,  0x8D,   0x17D,  0x8F,
                                   0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                   0x2DC,  0x2122, 0x161,  0x203A, 0x153,  0x9D,   0x17E,  0x178};
  return b >= 0x80 && b < 0xA0 ? k80[b - 0x80] : b;
}

Status ExtractText(const std::string& word, const std::string& table, std::string* text) {
  // FIB: wIdent, flags, ccpText, and the CLX position in the table stream.
  if (word.size() < 0x01AA) return Status::Corrupt("WordDocument stream too short");
  if (U16(word, 0) != 0xA5EC) return Status::Corrupt("not a Word 97–2003 document");
  uint16_t flags = U16(word, 0x0A);
  if (flags & 0x0100) return Status::Encrypted("Word document is password-protected");
  uint32_t ccp_text = U32(word, 0x4C);
  uint32_t fc_clx = U32(word, 0x01A2), lcb_clx = U32(word, 0x01A6);
  if (lcb_clx == 0 || fc_clx > table.size() || lcb_clx > table.size() - fc_clx) {
    return Status::Corrupt("Word piece table out of range");
  }
  // CLX: Prc entries (0x01) to skip, then the Pcdt (0x02) with the PlcPcd.
  size_t p = fc_clx, end = fc_clx + lcb_clx;
  while (p < end && table[p] == 0x01) {
    if (p + 3 > end) return Status::Corrupt("Word piece table truncated");
    p += 3 + U16(table, p + 1);
  }
  if (p + 5 > end || table[p] != 0x02) return Status::Corrupt("Word piece table missing");
  uint32_t lcb = U32(table, p + 1);
  p += 5;
  if (lcb > end - p || lcb < 4 + 12 || (lcb - 4) % 12 != 0) {
    return Status::Corrupt("Word piece table malformed");
  }
  size_t pieces = (lcb - 4) / 12;
  size_t pcd = p + (pieces + 1) * 4;
  TextSink sink;
  uint32_t done = 0;
  for (size_t i = 0; i < pieces && done < ccp_text && done < kMaxChars; ++i) {
    uint32_t cp0 = U32(table, p + i * 4), cp1 = U32(table, p + (i + 1) * 4);
    if (cp1 <= cp0) continue;
    uint32_t n = std::min(cp1 - cp0, ccp_text - done);
    uint32_t fc = U32(table, pcd + i * 8 + 2);
    bool compressed = fc & 0x40000000u;
    size_t at = compressed ? (fc & 0x3FFFFFFFu) / 2 : fc;
    size_t bytes = compressed ? n : size_t{n} * 2;
    if (at > word.size() || bytes > word.size() - at) {
      return Status::Corrupt("Word text piece out of range");
    }
    for (uint32_t k = 0; k < n; ++k) {
      char32_t c = compressed ? FromCp1252(static_cast<uint8_t>(word[at + k]))
                              : U16(word, at + size_t{k} * 2);
      // A surrogate pair in a Unicode piece.
      if (!compressed && c >= 0xD800 && c < 0xDC00 && k + 1 < n) {
        char32_t lo = U16(word, at + size_t{k + 1} * 2);
        if (lo >= 0xDC00 && lo < 0xE000) {
          c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
          ++k;
        }
      }
      sink.Put(c);
    }
    done += n;
  }
  *text = sink.Take();
  return Status::OK();
}

class DocLoader : public Loader {
 public:
  const char* name() const override { return "doc"; }
  bool Accepts(const std::string& mime) const override {
    return mime == "application/msword" || mime == "application/vnd.ms-word" ||
           mime == "application/x-ole-storage" || mime == "application/CDFV2";
  }
  Status Load(Document* doc) const override {
    static std::once_flag init;
    std::call_once(init, [] {
      InstallGlibLogCapture();
      gsf_init();
    });
    GlibLogCapture log;
    Status s = LoadWord(doc);
    if (log.messages().empty()) return s;
    if (!s.ok()) return s.Annotated(" (libgsf: " + log.messages() + ")");
    doc->AddProblem("warning", "library-diagnostic", "libgsf: " + log.messages());
    return s;
  }

 private:
  static Status LoadWord(Document* doc) {
    doc->source.format = "doc";
    const std::string& bytes = doc->raw_bytes;
    GRef<GsfInput> mem(gsf_input_memory_new(reinterpret_cast<const guint8*>(bytes.data()),
                                            static_cast<gsf_off_t>(bytes.size()), FALSE));
    if (!mem.p) return Status::Corrupt("cannot read the Word file");
    GError* err = nullptr;
    GRef<GsfInfile> ole(gsf_infile_msole_new(mem.p, &err));
    if (!ole.p) {
      if (err) g_error_free(err);
      return Status::Corrupt("not a readable Word file (damaged OLE2 container)");
    }
    std::string word;
    Status s = ReadStream(ole.p, "WordDocument", &word);
    if (!s.ok()) return Status::Unsupported("OLE2 file without a Word document");
    if (word.size() < 0x0C) return Status::Corrupt("WordDocument stream too short");
    bool table1 = U16(word, 0x0A) & 0x0200;
    std::string table;
    s = ReadStream(ole.p, table1 ? "1Table" : "0Table", &table);
    if (!s.ok()) return Status::Corrupt("Word table stream missing");
    std::string text;
    s = ExtractText(word, table, &text);
    if (!s.ok()) return s;
    if (text.find_first_not_of(" \t\n") == std::string::npos) {
      return Status::Empty("Word document has no text");
    }
    doc->raw_text = std::move(text);
    doc->source.encoding = "Word 97 text";
    return Status::OK();
  }
};

}  // namespace

std::unique_ptr<Loader> NewDocLoader() { return std::make_unique<DocLoader>(); }

}  // namespace vanban
