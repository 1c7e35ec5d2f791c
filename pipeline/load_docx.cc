// The Word 2007+ (.docx) loader: the zip container is read with libzip, the
// WordprocessingML parts with pugixml. The main text comes out a paragraph a
// line, tables as Markdown pipe rows ("| a | b |") for the table model, and
// runs set in a legacy Vietnamese font (data/encodings/fonts.map) repaired
// from their Windows-1252 characters with that font's encoding.
#include <zip.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <pugixml.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/font_tables.h"
#include "pipeline/loader.h"
#include "text/case.h"
#include "text/legacy.h"

namespace vanban {
namespace {

// A part larger than this once inflated is refused: no directive's XML comes
// near it, and it bounds what a zip bomb can make us allocate.
constexpr zip_uint64_t kMaxPartBytes = 64u << 20;
// A table nested deeper than this is read as plain paragraphs.
constexpr int kMaxDepth = 32;

struct FontRule {
  std::string pattern;  // lower case, '*' is a wildcard
  LegacyEncoding encoding;
  bool upper = false;
};

// Returns true if name (lower case) matches the glob pattern.
bool Glob(const char* p, const char* s) {
  if (*p == '\0') return *s == '\0';
  if (*p == '*') return Glob(p + 1, s) || (*s != '\0' && Glob(p, s + 1));
  return *s == *p && Glob(p + 1, s + 1);
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The rules of data/encodings/fonts.map, parsed once.
const std::vector<FontRule>& FontRules() {
  static const std::vector<FontRule> rules = [] {
    std::vector<FontRule> out;
    std::istringstream in(kFontsMap);
    std::string line;
    while (std::getline(in, line)) {
      std::istringstream words(line);
      FontRule r;
      std::string enc, flag;
      if (!(words >> r.pattern >> enc) || r.pattern[0] == '#') continue;
      if (!ParseLegacyName(enc, &r.encoding)) continue;
      r.upper = (words >> flag) && flag == "upper";
      r.pattern = Lower(r.pattern);
      out.push_back(std::move(r));
    }
    return out;
  }();
  return rules;
}

// Returns the rule for a font name, or nullptr for a Unicode font.
const FontRule* LegacyFont(const std::string& font) {
  if (font.empty()) return nullptr;
  std::string name = Lower(font);
  for (const FontRule& r : FontRules()) {
    if (Glob(r.pattern.c_str(), name.c_str())) return &r;
  }
  return nullptr;
}

// Owns a libzip archive.
struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
using ZipPtr = std::unique_ptr<zip_t, ZipCloser>;

// Reads one part, refusing it past kMaxPartBytes whatever its header says.
Status ReadPart(zip_t* zip, const char* name, std::string* out) {
  zip_int64_t index = zip_name_locate(zip, name, 0);
  if (index < 0) return Status::NotFound(std::string("no ") + name);
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(zip, index, 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE) &&
      st.size > kMaxPartBytes) {
    return Status::TooLarge(std::string(name) + " inflates to " + std::to_string(st.size) +
                            " bytes, over the limit of " + std::to_string(kMaxPartBytes));
  }
  zip_file_t* f = zip_fopen_index(zip, index, 0);
  if (!f) return Status::Corrupt(std::string("cannot open ") + name + " in the zip container");
  out->clear();
  char buf[1 << 16];
  zip_int64_t n;
  while ((n = zip_fread(f, buf, sizeof buf)) > 0) {
    if (out->size() + static_cast<size_t>(n) > kMaxPartBytes) {
      zip_fclose(f);
      return Status::TooLarge(std::string(name) + " inflates past the limit of " +
                              std::to_string(kMaxPartBytes) + " bytes");
    }
    out->append(buf, static_cast<size_t>(n));
  }
  zip_fclose(f);
  if (n < 0) return Status::Corrupt(std::string(name) + " is damaged in the zip container");
  return Status::OK();
}

// Returns the font a run's properties name (ascii, then hAnsi), or "".
std::string RunFont(pugi::xml_node rpr) {
  pugi::xml_node fonts = rpr.child("w:rFonts");
  std::string f = fonts.attribute("w:ascii").value();
  return f.empty() ? fonts.attribute("w:hAnsi").value() : f;
}

// Fonts from styles.xml: each paragraph and character style's font (its own or
// inherited through basedOn), and the document default.
class Styles {
 public:
  void Load(const std::string& xml) {
    if (!doc_.load_buffer(xml.data(), xml.size())) return;
    pugi::xml_node root = doc_.child("w:styles");
    default_font_ = RunFont(root.child("w:docDefaults").child("w:rPrDefault").child("w:rPr"));
    for (pugi::xml_node s : root.children("w:style")) {
      std::string id = s.attribute("w:styleId").value();
      byid_[id] = s;
      if (std::string(s.attribute("w:type").value()) == "paragraph" &&
          s.attribute("w:default").as_bool()) {
        default_para_ = id;
      }
    }
  }
  // The font of a style, following basedOn; "" when none says.
  std::string Font(std::string id) const {
    for (int hops = 0; hops < 16 && !id.empty(); ++hops) {
      auto it = byid_.find(id);
      if (it == byid_.end()) break;
      std::string f = RunFont(it->second.child("w:rPr"));
      if (!f.empty()) return f;
      id = it->second.child("w:basedOn").attribute("w:val").value();
    }
    return "";
  }
  const std::string& default_font() const { return default_font_; }
  const std::string& default_para() const { return default_para_; }

 private:
  pugi::xml_document doc_;
  std::map<std::string, pugi::xml_node> byid_;
  std::string default_font_, default_para_;
};

// Writes the body's text.
class BodyWriter {
 public:
  explicit BodyWriter(const Styles& styles) : styles_(styles) {}

  // Appends the block-level children of node (paragraphs, tables, content
  // controls) a line each.
  void Blocks(pugi::xml_node node, int depth) {
    for (pugi::xml_node child : node.children()) {
      std::string tag = child.name();
      if (tag == "w:p") {
        out_ += Paragraph(child);
        out_ += '\n';
      } else if (tag == "w:tbl" && depth < kMaxDepth) {
        Table(child, depth + 1);
      } else if (tag == "w:sdt" || tag == "w:customXml" || tag == "w:tbl") {
        Blocks(tag == "w:sdt" ? child.child("w:sdtContent") : child, depth + 1);
      }
    }
  }
  std::string Take() { return std::move(out_); }

 private:
  // One table row a line, cells between pipes; a cell's paragraphs are joined
  // with spaces.
  void Table(pugi::xml_node tbl, int depth) {
    for (pugi::xml_node tr : tbl.children("w:tr")) {
      std::string row = "|";
      for (pugi::xml_node tc : tr.children("w:tc")) {
        std::string cell;
        CellText(tc, depth, &cell);
        row += ' ' + cell + " |";
      }
      out_ += row;
      out_ += '\n';
    }
  }
  void CellText(pugi::xml_node node, int depth, std::string* cell) {
    for (pugi::xml_node child : node.children()) {
      std::string tag = child.name();
      std::string part;
      if (tag == "w:p") {
        part = Paragraph(child);
      } else if (depth < kMaxDepth && (tag == "w:tbl" || tag == "w:tr" || tag == "w:tc" ||
                                       tag == "w:sdt" || tag == "w:sdtContent")) {
        CellText(child, depth + 1, &part);
      }
      for (char& c : part) {
        if (c == '\n' || c == '\t' || c == '|') c = ' ';
      }
      if (part.find_first_not_of(' ') == std::string::npos) continue;
      if (!cell->empty()) *cell += ' ';
      *cell += part;
    }
  }

  // A paragraph's runs (also inside hyperlinks, insertions, smart tags and
  // fields' results), each repaired by its font.
  std::string Paragraph(pugi::xml_node p) {
    std::string style = p.child("w:pPr").child("w:pStyle").attribute("w:val").value();
    std::string para_font = styles_.Font(style.empty() ? styles_.default_para() : style);
    if (para_font.empty()) para_font = styles_.default_font();
    std::string text;
    Inline(p, para_font, 0, &text);
    return text;
  }
  void Inline(pugi::xml_node node, const std::string& para_font, int depth, std::string* text) {
    for (pugi::xml_node child : node.children()) {
      std::string tag = child.name();
      if (tag == "w:r") {
        *text += Run(child, para_font);
      } else if (depth < kMaxDepth &&
                 (tag == "w:hyperlink" || tag == "w:ins" || tag == "w:smartTag" ||
                  tag == "w:fldSimple" || tag == "w:sdt" || tag == "w:sdtContent" ||
                  tag == "w:customXml")) {
        Inline(child, para_font, depth + 1, text);
      }
    }
  }
  std::string Run(pugi::xml_node r, const std::string& para_font) {
    pugi::xml_node rpr = r.child("w:rPr");
    std::string font = RunFont(rpr);
    if (font.empty()) font = styles_.Font(rpr.child("w:rStyle").attribute("w:val").value());
    if (font.empty()) font = para_font;
    std::string s;
    for (pugi::xml_node c : r.children()) {
      std::string tag = c.name();
      if (tag == "w:t") {
        s += Repair(c.text().get(), LegacyFont(font));
      } else if (tag == "w:tab") {
        s += '\t';
      } else if (tag == "w:br" || tag == "w:cr") {
        s += '\n';
      } else if (tag == "w:noBreakHyphen") {
        s += '-';
      }
    }
    return s;
  }
  // Legacy-font text: its characters are the font's bytes read as
  // Windows-1252; text with a character outside that is left alone.
  static std::string Repair(const std::string& text, const FontRule* rule) {
    if (!rule) return text;
    std::string bytes;
    if (!ToCp1252(text, &bytes)) return text;
    std::string out = DecodeLegacy(rule->encoding, bytes);
    return rule->upper ? ToUpperUtf8(out) : out;
  }

  const Styles& styles_;
  std::string out_;
};

// Returns the path of the main document part from [Content_Types].xml's
// override, or the usual word/document.xml.
std::string MainPartName(zip_t* zip) {
  std::string types;
  if (!ReadPart(zip, "[Content_Types].xml", &types).ok()) return "word/document.xml";
  pugi::xml_document doc;
  if (!doc.load_buffer(types.data(), types.size())) return "word/document.xml";
  for (pugi::xml_node o : doc.child("Types").children("Override")) {
    std::string type = o.attribute("ContentType").value();
    if (type.find("wordprocessingml.document.main") != std::string::npos ||
        type.find("wordprocessingml.template.main") != std::string::npos) {
      std::string part = o.attribute("PartName").value();
      if (!part.empty() && part[0] == '/') part.erase(0, 1);
      if (!part.empty()) return part;
    }
  }
  return "word/document.xml";
}

Status ExtractText(zip_t* zip, std::string* text) {
  std::string main = MainPartName(zip), xml;
  Status s = ReadPart(zip, main.c_str(), &xml);
  if (s.code() == StatusCode::kNotFound) {
    return Status::Unsupported("zip file without a Word document (no " + main + ")");
  }
  if (!s.ok()) return s;
  Styles styles;
  std::string styles_xml;
  if (ReadPart(zip, "word/styles.xml", &styles_xml).ok()) styles.Load(styles_xml);
  pugi::xml_document doc;
  pugi::xml_parse_result parsed = doc.load_buffer(xml.data(), xml.size());
  if (!parsed) {
    return Status::Corrupt(main + " is not well-formed XML (" + parsed.description() + ")");
  }
  pugi::xml_node body = doc.child("w:document").child("w:body");
  if (!body) return Status::Corrupt(main + " has no document body");
  BodyWriter writer(styles);
  writer.Blocks(body, 0);
  *text = writer.Take();
  return Status::OK();
}

class DocxLoader : public Loader {
 public:
  const char* name() const override { return "docx"; }
  bool Accepts(const std::string& mime) const override {
    return mime == "application/vnd.openxmlformats-officedocument.wordprocessingml.document" ||
           mime == "application/zip";
  }
  Status Load(Document* doc) const override {
    doc->source.format = "docx";
    const std::string& bytes = doc->raw_bytes;
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (!src) return Status::Corrupt("cannot read the zip container");
    ZipPtr zip(zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &error));
    zip_error_fini(&error);
    if (!zip) {
      zip_source_free(src);
      return Status::Corrupt("not a readable Word file (damaged or truncated zip container)");
    }
    std::string text;
    Status s = ExtractText(zip.get(), &text);
    if (!s.ok()) return s;
    if (text.find_first_not_of(" \t\n|") == std::string::npos) {
      return Status::Empty("Word document has no text");
    }
    doc->raw_text = std::move(text);
    doc->source.encoding = "Word 2007+ text";
    return Status::OK();
  }
};

}  // namespace

std::unique_ptr<Loader> NewDocxLoader() { return std::make_unique<DocxLoader>(); }

}  // namespace vanban
