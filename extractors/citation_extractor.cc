// Cited documents (citations.rules): type, number, symbol, date and issuer of
// every other document the text refers to, one citation per reference.
#include <map>
#include <set>

#include "extractors/date_math.h"
#include "extractors/lexicon.h"
#include "extractors/numbers.h"
#include "extractors/pattern_set.h"
#include "extractors/text_scan.h"
#include "extractors/value_extractors.h"

namespace vanban {
namespace {

// Letters and digits only, lower-cased: "48 - KH/ĐUK" and "48-KH/ĐUK" agree.
std::string RefKey(std::string_view ref) {
  std::string out;
  std::string low = LowerNfc(ref);
  for (size_t i = 0; i < low.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(low[i]);
    if (c == ' ' || c == '-' || c == '/' || c == '.' || c == '\t') continue;
    out.push_back(static_cast<char>(c));
  }
  return out;
}

// "48 - KH/ĐUK" → "48-KH/ĐUK" (spaces around the dash dropped).
std::string CleanRef(std::string_view ref) {
  std::string out;
  for (char c : ref) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    out.push_back(c);
  }
  return out;
}

// words.rules' issuer_stop words as searched for: " về " (a whole word) or,
// for "khóa*", " khóa" (the start of a word).
std::vector<std::string> IssuerStops(const std::vector<LexWord>& words) {
  std::vector<std::string> out;
  for (const LexWord& w : words) {
    const std::string& t = w.text;
    bool prefix = !t.empty() && t.back() == '*';
    out.push_back(" " + (prefix ? t.substr(0, t.size() - 1) : t + " "));
  }
  return out;
}

class CitationExtractor : public Extractor {
 public:
  CitationExtractor(PatternSet set, std::map<std::string, std::string> types,
                    std::map<std::string, std::string> code_types,
                    std::vector<std::string> issuer_stops)
      : set_(std::move(set)),
        types_(std::move(types)),
        code_types_(std::move(code_types)),
        issuer_stops_(std::move(issuer_stops)) {
    date_ = set_.Index("cite.date");
    issuer_ = set_.Index("cite.issuer");
    own_ = set_.Index("cite.own_number");
  }
  const char* name() const override { return "citations"; }

  void Extract(Document* doc) const override {
    std::string_view t(doc->text);
    // The document's own number: the "Số …" line near the top.
    std::vector<Span> own;
    if (own_ >= 0) {
      size_t limit = doc->segments.header.empty() ? std::min<size_t>(t.size(), 3000)
                                                  : std::min(t.size(), doc->segments.header.end);
      std::string_view head = t.substr(0, limit);
      size_t pos = 0;
      PatternMatch m;
      while (pos < head.size() && set_.FindNext(own_, head, pos, &m)) {
        size_t eol = t.find('\n', m.end);
        own.push_back({m.begin, eol == std::string_view::npos ? t.size() : eol, 0});
        pos = m.end > pos ? m.end : pos + 1;
      }
    }
    // The number of a gazette-style title block ("Quyết định … số 115/2004/QĐ-TTg").
    if (doc->header.symbol.present() && doc->header.symbol.rule == "header.title_block") {
      own.push_back(doc->header.symbol.span);
    }
    // Elsewhere (a site's metadata table), the document's own reference is
    // not a citation either; one read from an attached part's caption
    // ("Tài liệu kèm theo Kế hoạch số 95-KH/ĐUK") is that part's citation.
    std::set<std::string> seen;
    if (!doc->header.reference.empty() && doc->header.number_from != "attachment-caption") {
      seen.insert(RefKey(CleanRef(doc->header.reference)));
    }
    size_t until = 0;
    for (const PatternMatch& m : set_.FindAll(t, {"cite.typed", "cite.bare"})) {
      const std::string& id = set_.id(m.rule);
      if (id.rfind("cite.typed", 0) != 0 && id.rfind("cite.bare", 0) != 0) continue;
      if (m.begin < until) continue;
      const Span& extent = doc->segments.extent;
      if (!extent.empty() && (m.begin < extent.begin || m.begin >= extent.end)) continue;
      size_t ref_group = id == "cite.typed" ? 2 : 1;
      if (!m.has(ref_group)) continue;
      std::string_view ref = m.groups[ref_group];
      size_t rb = static_cast<size_t>(ref.data() - t.data());
      size_t re = rb + ref.size();
      // The reference must stand alone: not glued to a longer token.
      char32_t before = CodePointBefore(t, rb), after = CodePointAt(t, re);
      if (IsLetter(before) || IsDigitCp(before) || before == '/' || before == '-') continue;
      if (IsLetter(after) || IsDigitCp(after) || after == '/') continue;
      until = m.end;
      if (Overlaps(own, m.begin, m.end)) continue;
      std::string clean = CleanRef(ref);
      std::string key = RefKey(clean);
      CitationFact c;
      c.reference = clean;
      c.rule = id;
      size_t cut = clean.find_first_of("-/");
      c.number = clean.substr(0, cut);
      if (cut != std::string::npos) c.symbol = clean.substr(cut + 1);
      // State style "30/2020/NĐ-CP": the year is not part of the symbol.
      if (c.symbol.size() > 5 && c.symbol[4] == '/' && IsDigitCp(c.symbol[0])) {
        c.symbol = c.symbol.substr(5);
      }
      if (id == "cite.typed" && m.has(1)) {
        std::string low = LowerNfc(TrimMarks(m.groups[1]));
        std::string norm;
        for (char ch : low) {
          if (ch == '*' || ch == '_') continue;
          if ((ch == '\n' || ch == '\t')) ch = ' ';
          if (ch == ' ' && !norm.empty() && norm.back() == ' ') continue;
          norm.push_back(ch);
        }
        auto it = types_.find(norm);
        c.type = it != types_.end() ? it->second : std::string(TrimMarks(m.groups[1]));
      } else {
        c.type = TypeFromSymbol(c.symbol);
      }
      size_t end = m.end;
      PatternMatch dm;
      std::string_view rest = t.substr(end, std::min<size_t>(200, t.size() - end));
      if (date_ >= 0 && set_.FindNext(date_, rest, 0, &dm) && dm.begin == 0 && dm.has(1)) {
        c.date = ParseDate(dm.groups[1]);
        if (!c.date.empty()) {
          end += dm.end;
          rest = t.substr(end, std::min<size_t>(240, t.size() - end));
        }
      }
      PatternMatch im;
      if (issuer_ >= 0 && set_.FindNext(issuer_, rest, 0, &im) && im.begin == 0 && im.has(1)) {
        c.issuer = CutIssuer(im.groups[1]);
      }
      c.span = {m.begin, end, 0};
      c.text = std::string(t.substr(m.begin, end - m.begin));
      if (!seen.insert(key).second) continue;
      c.id = "citation" + std::to_string(doc->citations.size() + 1);
      doc->citations.push_back(std::move(c));
    }
  }

 private:
  std::string TypeFromSymbol(const std::string& symbol) const {
    // Party: "KH/ĐUK" → KH; state: "2020/NĐ-CP" → NĐ, "QĐ-UBND" → QĐ.
    std::string s = symbol;
    size_t slash = s.find('/');
    if (!s.empty() && s[0] >= '0' && s[0] <= '9' && slash != std::string::npos)
      s = s.substr(slash + 1);
    size_t cut = s.find_first_of("/-");
    std::string code = s.substr(0, cut);
    auto it = code_types_.find(code);
    return it != code_types_.end() ? it->second : std::string();
  }

  static std::string ParseDate(std::string_view s) {
    int v[3] = {0, 0, 0};
    int k = 0;
    bool in = false;
    for (char ch : s) {
      if (ch >= '0' && ch <= '9') {
        if (!in && k < 3) in = true;
        if (k < 3 && v[k] < 100000) v[k] = v[k] * 10 + (ch - '0');
      } else if (in) {
        in = false;
        ++k;
      }
    }
    if (!IsValidDate(v[2], v[1], v[0])) return std::string();
    return FormatDate(v[2], v[1], v[0]);
  }

  // The issuer up to the first of words.rules' issuer_stop words (a whole
  // word after a space; "khóa" also as a word's start).
  std::string CutIssuer(std::string_view s) const {
    size_t cut = s.size();
    for (const std::string& stop : issuer_stops_) {
      size_t p = s.find(stop);
      if (p != std::string_view::npos && p < cut) cut = p;
    }
    return CutUtf8(TrimMarks(s.substr(0, cut)), 160);
  }

  PatternSet set_;
  std::map<std::string, std::string> types_;       // "kế hoạch" → "Kế hoạch"
  std::map<std::string, std::string> code_types_;  // "KH" → "Kế hoạch"
  int date_ = -1, issuer_ = -1, own_ = -1;
  std::vector<std::string> issuer_stops_;  // " về ", " khóa", …
};

}  // namespace

Result<std::unique_ptr<Extractor>> NewCitationExtractor(const RuleBook& rules) {
  auto f = rules.Require("citations");
  if (!f.ok()) return f.status();
  auto set = PatternSet::Compile(*f.value());
  if (!set.ok()) return set.status();
  std::map<std::string, std::string> types, codes;
  const Lexicon& lex = rules.lexicon();
  for (const DocType& t : lex.doc_types()) {
    types.emplace(LowerNfc(t.name), t.name);
    codes.emplace(t.code, t.name);
  }
  for (const std::string& cited : lex.cited_types()) types.emplace(LowerNfc(cited), cited);
  return std::unique_ptr<Extractor>(new CitationExtractor(std::move(set).value(), std::move(types),
                                                          std::move(codes),
                                                          IssuerStops(lex.words().issuer_stop)));
}

}  // namespace vanban
