// The document header: type, number and symbol, issuer, place and date,
// subject, addressees and the party/state system, read from the spans the
// segment stage found; attached documents become Document::parts.
#include <algorithm>
#include <cstdio>

#include "extractors/extractor.h"
#include "extractors/lexicon.h"
#include "pipeline/segment.h"
#include "text/fold.h"

namespace vanban {
namespace {

bool ValidDate(int y, int m, int d) {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d > kDays[m - 1]) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return !(m == 2 && d == 29 && !leap);
}

std::string IsoDate(int y, int m, int d) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9' || v > 100000) return -1;
    v = v * 10 + (c - '0');
  }
  return s.empty() ? -1 : v;
}

std::string RemoveSpaces(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') out.push_back(c);
  }
  while (!out.empty() && (out.back() == '.' || out.back() == ',')) out.pop_back();
  return out;
}

std::string TrimPunct(std::string s) {
  auto bad = [](char c) { return c == ' ' || c == ',' || c == ';' || c == '.' || c == ':'; };
  while (!s.empty() && bad(s.back())) s.pop_back();
  size_t b = 0;
  while (b < s.size() && (s[b] == ' ' || s[b] == '-' || s[b] == '+')) ++b;
  return s.substr(b);
}

class HeaderExtractor : public Extractor {
 public:
  const char* name() const override { return "header"; }

  Status Init(const RuleBook& rules) {
    lexicon_ = rules.shared_lexicon();
    const Lexicon& lex = *lexicon_;
    auto header = lex.header_patterns();
    if (!header.ok()) return header.status();
    pats_ = header.value();
    number_ = pats_->Index("header.number");
    date_ = pats_->Index("header.date");
    caption_num_ = pats_->Index("header.caption.numeric");
    caption_words_ = pats_->Index("header.caption.words");
    part_caption_ = pats_->Index("header.part_caption");
    inline_number_ = pats_->Index("header.inline_number");
    inline_date_ = pats_->Index("header.inline_date");
    subject_lead_ = pats_->Index("header.subject_lead");
    if (number_ < 0 || date_ < 0 || caption_num_ < 0 || caption_words_ < 0 || part_caption_ < 0 ||
        inline_number_ < 0 || inline_date_ < 0 || subject_lead_ < 0) {
      return Status::BadRules("header.rules: a header rule is missing");
    }
    types_ = lex.doc_types();
    const HeaderWords& words = lex.header_words();
    national_ = words.national;
    bodies_ = words.body;
    stops_ = words.subject_stop;
    formula_ = words.formula;
    words_ = &lex.words();
    return Status::OK();
  }

  void Extract(Document* doc) const override {
    Header& h = doc->header;
    const std::string& text = doc->text;
    const Segments& seg = doc->segments;
    // Parts first: their captions may supply the main number and date.
    Parts(doc);
    if (seg.header.empty()) {
      TitleBlock(doc);
      if (h.symbol.present() || h.type.present()) System(doc);
      FromCaption(doc);
      return;
    }
    size_t number_end = seg.header.end;
    if (!seg.title.empty()) number_end = std::min(number_end, seg.title.begin);
    if (!seg.subject.empty() && !IsVv(doc->Slice(seg.subject))) {
      number_end = std::min(number_end, seg.subject.begin);
    }
    Number(doc, seg.header.begin, number_end);
    Date(doc, seg.header.begin, seg.header.end);
    Issuer(doc);
    Subject(doc);
    Addressees(doc);
    Type(doc);
    TitleBlock(doc);
    System(doc);
    if (!h.number.present() && h.symbol.value.empty() && !h.issued_on.present()) FromCaption(doc);
    (void)text;
  }

 private:
  bool IsVv(const std::string& s) const { return SubjectLeadLength(StripMarkup(s)) > 0; }
  // The length of a leading "V/v" (words.rules "subject") in s, or 0.
  size_t SubjectLeadLength(const std::string& s) const {
    std::string fold = FoldKey(s.substr(0, 16));
    for (const LexWord& w : words_->subject) {
      if (FoldStartsWith(fold, w.fold)) return w.text.size();
    }
    return 0;
  }

  Span SpanOf(const Document& doc, std::string_view base, size_t base_off,
              std::string_view g) const {
    (void)doc;
    size_t b = base_off + static_cast<size_t>(g.data() - base.data());
    return Span{b, b + g.size(), 0};
  }

  void Number(Document* doc, size_t b, size_t e) const {
    if (e <= b) return;
    std::string_view base = std::string_view(doc->text).substr(b, e - b);
    PatternMatch m;
    if (!pats_->FindNext(number_, base, 0, &m)) return;
    SetNumber(doc, base, b, m, 1, 2, "header.number");
  }

  void SetNumber(Document* doc, std::string_view base, size_t off, const PatternMatch& m, int ng,
                 int sg, const std::string& rule) const {
    Header& h = doc->header;
    std::string symbol = RemoveSpaces(m.str(sg));
    if (symbol.empty()) return;
    h.symbol = {symbol, SpanOf(*doc, base, off, m.groups[sg]), rule};
    if (m.has(ng) && !m.groups[ng].empty()) {
      h.number = {std::string(m.groups[ng]), SpanOf(*doc, base, off, m.groups[ng]), rule};
    }
    char sep = '/';
    if (!std::isdigit(static_cast<unsigned char>(symbol[0]))) {
      size_t p = symbol.find_first_of("/-");
      if (p != std::string::npos && symbol[p] == '/') sep = '-';
    }
    h.reference = h.number.present() ? h.number.value + sep + symbol : symbol;
  }

  void Date(Document* doc, size_t b, size_t e) const {
    Header& h = doc->header;
    std::string_view base = std::string_view(doc->text).substr(b, e - b);
    PatternMatch m;
    if (!pats_->FindNext(date_, base, 0, &m)) return;
    if (m.has(1)) {
      // Keep the trailing capitalised words: merged header text in caps
      // ("VIỆT NAM Hà Nội") goes.
      std::string_view place = m.groups[1];
      size_t start = 0;
      size_t i = 0;
      while (i < place.size()) {
        size_t j = place.find_first_of(" \t\n\r", i);
        if (j == std::string_view::npos) j = place.size();
        std::string_view w = place.substr(i, j - i);
        // A blank line or a word in capitals before the place is not part of it.
        size_t k = j;
        while (k < place.size() && (place[k] == ' ' || place[k] == '\t' || place[k] == '\r')) ++k;
        bool blank_line = j < place.size() && place[j] == '\n' && k + 1 < place.size() &&
                          place.find('\n', j + 1) != std::string_view::npos &&
                          place.find_first_not_of(" \t\r", j + 1) == place.find('\n', j + 1);
        if (j < place.size() && ((IsUpperText(w) && w.back() != '.') || blank_line)) start = j + 1;
        if (w.empty() && j < place.size()) start = std::max(start, j + 1);
        i = j + 1;
      }
      while (start < place.size() && (place[start] == ' ' || place[start] == '\t' ||
                                      place[start] == '\n' || place[start] == '\r')) {
        ++start;
      }
      std::string_view p = place.substr(start);
      // A "place" glued to a symbol ("QĐ-TTg ngày …") is no place.
      bool glued = p.data() > base.data() && (p.data()[-1] == '-' || p.data()[-1] == '/');
      if (!p.empty() && !IsUpperText(p) && !glued) {
        std::string value;
        for (char ch : p) {
          bool space = ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
          if (space && (value.empty() || value.back() == ' ')) continue;
          value.push_back(space ? ' ' : ch);
        }
        h.place = {value, SpanOf(*doc, base, b, p), "header.date"};
      }
    }
    int d = m.has(2) ? ToInt(m.groups[2]) : -1;
    int mo = ToInt(m.groups[3]), y = ToInt(m.groups[4]);
    Span s{b + m.begin, b + m.end, 0};
    if (ValidDate(y, mo, d)) {
      h.issued_on = {IsoDate(y, mo, d), s, "header.date"};
    } else if (d < 0 && ValidDate(y, mo, 1)) {  // "ngày   tháng 8 năm 2025": the day left blank
      h.issued_on_partial = {IsoDate(y, mo, 1).substr(0, 7), s, "header.date"};
    }
  }

  void Issuer(Document* doc) const {
    const Segments& seg = doc->segments;
    if (seg.issuer.empty()) return;
    auto cells = SplitLayout(doc->text, seg.issuer.begin, seg.issuer.end);
    // Group lines into bodies: a line that starts with a body word opens one.
    struct Body {
      std::string text;
      Span span;
    };
    std::vector<Body> bodies;
    int first_row_col = -1;
    std::vector<std::string> phrases;
    for (const auto& [n, sys] : national_) phrases.push_back(n);
    for (LayoutCell c : cells) {
      if (c.kind != LayoutCell::kText) continue;
      int words = WordsBeforePhrase(c.fold, phrases);
      if (words > 0) {
        // Merged columns: keep the issuer's side of the line.
        std::string_view raw = std::string_view(doc->text).substr(c.begin, c.end - c.begin);
        c.end = c.begin + FirstWords(raw, words).size();
        c.clean = std::string(FirstWords(c.clean, words));
        c.fold = FoldKey(c.clean);
      }
      if (!IsUpperText(c.clean)) continue;
      if (IsNationalFold(c.fold)) continue;
      if (first_row_col >= 0 && c.column > first_row_col + 25) continue;
      if (first_row_col < 0) first_row_col = c.column;
      bool opens = false;
      for (const auto& w : bodies_) {
        if (FoldStartsWith(c.fold, w)) opens = true;
      }
      if (bodies.empty() || opens) {
        bodies.push_back({c.clean, Span{c.begin, c.end, 0}});
      } else {
        bodies.back().text += " " + c.clean;
        bodies.back().span.end = c.end;
      }
    }
    if (bodies.empty()) return;
    Header& h = doc->header;
    h.issuer = {bodies.back().text, bodies.back().span, "header.issuer"};
    if (bodies.size() >= 2) {
      std::string parent;
      Span ps = bodies.front().span;
      for (size_t i = 0; i + 1 < bodies.size(); ++i) {
        parent += (parent.empty() ? "" : " ") + bodies[i].text;
        ps.end = bodies[i].span.end;
      }
      h.parent_issuer = {parent, ps, "header.issuer"};
    }
  }

  bool IsNationalFold(const std::string& fold) const {
    for (const auto& [n, sys] : national_) {
      if (FoldStartsWith(fold, n)) return true;
    }
    return false;
  }

  void Subject(Document* doc) const {
    const Segments& seg = doc->segments;
    if (seg.subject.empty()) return;
    auto cells = SplitLayout(doc->text, seg.subject.begin, seg.subject.end);
    std::string s;
    for (const LayoutCell& c : cells) {
      if (c.kind != LayoutCell::kText) continue;
      s += (s.empty() ? "" : " ") + c.clean;
    }
    if (size_t lead = SubjectLeadLength(s)) {
      size_t p = lead;
      while (p < s.size() && (s[p] == ' ' || s[p] == ':')) ++p;
      s = s.substr(p);
    }
    if (!s.empty()) doc->header.subject = {s, seg.subject, "header.subject"};
  }

  void Addressees(Document* doc) const {
    const Segments& seg = doc->segments;
    if (seg.addressees.empty()) return;
    auto cells = SplitLayout(doc->text, seg.addressees.begin, seg.addressees.end);
    std::vector<TextField> items;
    bool first = true;
    for (const LayoutCell& c : cells) {
      if (c.kind != LayoutCell::kText) continue;
      std::string s = c.clean;
      if (first) {
        first = false;
        size_t colon = s.find(':');
        s = colon == std::string::npos ? std::string() : s.substr(colon + 1);
        if (TrimPunct(s).empty()) continue;
        items.push_back({TrimPunct(s), Span{c.begin, c.end, 0}, "header.addressees"});
        continue;
      }
      bool dash = !s.empty() && (s[0] == '-' || s[0] == '+');
      if (dash || items.empty()) {
        items.push_back({TrimPunct(s), Span{c.begin, c.end, 0}, "header.addressees"});
      } else {
        items.back().value = TrimPunct(items.back().value + " " + TrimPunct(s));
        items.back().span.end = c.end;
      }
    }
    for (auto& f : items) {
      if (!f.value.empty()) doc->header.addressees.push_back(std::move(f));
    }
  }

  const DocType* ByCode(const std::string& code) const {
    for (const auto& t : types_) {
      if (t.code == code) return &t;
    }
    std::string f = FoldKey(code);
    for (const auto& t : types_) {
      if (t.code_fold == f) return &t;
    }
    return nullptr;
  }

  // The type code inside a symbol: "CV" in "CV/ĐUK", "KH" in "KH-UBND",
  // "NĐ" in "2020/NĐ-CP".
  static std::string CodeOf(const std::string& symbol) {
    size_t i = 0;
    while (i < symbol.size() && std::isdigit(static_cast<unsigned char>(symbol[i]))) ++i;
    if (i > 0 && i < symbol.size() && (symbol[i] == '/' || symbol[i] == '-'))
      ++i;
    else
      i = 0;
    size_t j = symbol.find_first_of("/-", i);
    return symbol.substr(i, j == std::string::npos ? std::string::npos : j - i);
  }

  void Type(Document* doc) const {
    Header& h = doc->header;
    const Segments& seg = doc->segments;
    const DocType* by_code = h.symbol.present() ? ByCode(CodeOf(h.symbol.value)) : nullptr;
    if (!seg.title.empty()) {
      std::string fold = FoldKey(StripMarkup(doc->Slice(seg.title)));
      const DocType* best = nullptr;
      for (const auto& t : types_) {
        if (t.title_fold == fold || (FoldStartsWith(fold, t.title_fold) &&
                                     (!best || t.title_fold.size() > best->title_fold.size()))) {
          if (!best || t.title_fold == fold || t.title_fold.size() > best->title_fold.size())
            best = &t;
        }
      }
      for (const DocType* tp = best; tp != nullptr; tp = nullptr) {
        const DocType& t = *tp;
        h.type = {t.name, seg.title, "header.type.title"};
        h.type_code = (by_code && by_code->name == t.name) ? by_code->code : t.code;
        return;
      }
    }
    // A "V/v" subject without a title line marks a công văn; state công văn
    // carry no type code ("5485/CT-CS": CT is the issuer, not Chỉ thị).
    if (h.subject.present() && IsVv(doc->Slice(seg.subject))) {
      for (const auto& t : types_) {
        if (t.code == "CV") {
          h.type = {t.name, seg.subject, "header.type.vv"};
          if (h.symbol.present() && CodeOf(h.symbol.value) == "CV") h.type_code = "CV";
          return;
        }
      }
    }
    if (by_code) {
      h.type = {by_code->name, h.symbol.span, "header.type.code"};
      h.type_code = by_code->code;
      return;
    }
  }

  static bool StartsWithAnyFold(const std::string& fold, const std::vector<std::string>& words) {
    for (const auto& w : words) {
      if (FoldStartsWith(fold, w)) return true;
    }
    return false;
  }

  // The type whose title a folded line is, or opens followed by "của" or
  // "số" ("quyet dinh cua bo truong …"); the longest title wins.
  const DocType* TitleOpening(const std::string& fold) const {
    const DocType* best = nullptr;
    for (const auto& t : types_) {
      if (t.title_fold.empty() || (best && t.title_fold.size() <= best->title_fold.size()))
        continue;
      if (fold == t.title_fold || fold.rfind(t.title_fold + " cua ", 0) == 0 ||
          fold.rfind(t.title_fold + " so ", 0) == 0) {
        best = &t;
      }
    }
    return best;
  }

  // A title block written as running words (gazette and web copies, legacy
  // lower-case titles): fills what the header lines did not give.
  void TitleBlock(Document* doc) const {
    Header& h = doc->header;
    if (h.type.present() && h.subject.present() && h.symbol.present()) return;
    const std::string& text = doc->text;
    size_t from = doc->segments.header.empty() ? 0 : doc->segments.header.begin;
    // The segmenter may anchor the header on the date inside the block: go
    // back over the lines above it.
    auto line_start = [&](size_t p) {
      size_t nl = p == 0 ? std::string::npos : text.rfind('\n', p - 1);
      return nl == std::string::npos ? size_t{0} : nl + 1;
    };
    from = line_start(from);
    for (int up = 0; up < 3 && from > 0; ++up) from = line_start(from - 1);
    size_t to = std::min(text.size(), from + 4000);
    auto cells = SplitLayout(text, from, to);
    size_t first = cells.size();
    const DocType* type = nullptr;
    for (size_t i = 0, lines = 0; i < cells.size() && lines < 20; ++i) {
      const LayoutCell& c = cells[i];
      if (c.kind != LayoutCell::kText) continue;
      ++lines;
      if (StartsWithAnyFold(c.fold, stops_)) break;
      type = TitleOpening(FoldKey(StripMarkup(c.clean)));
      if (type) {
        first = i;
        break;
      }
    }
    if (!type) return;
    // The block runs to a blank line, a line that opens the body or the
    // signer's formula line ("Thủ tướng Chính phủ" above "Căn cứ …").
    size_t last = first;
    for (size_t j = first + 1; j < cells.size() && j < first + 12; ++j) {
      const LayoutCell& c = cells[j];
      if (c.kind != LayoutCell::kText) break;
      if (StartsWithAnyFold(c.fold, stops_) && !FoldStartsWithAny(c.fold, words_->date)) break;
      size_t words = std::count(c.fold.begin(), c.fold.end(), ' ') + 1;
      if (StartsWithAnyFold(c.fold, formula_) && words <= 8) break;
      last = j;
    }
    size_t bb = cells[first].begin, be = cells[last].end;
    std::string_view block = std::string_view(text).substr(bb, be - bb);
    PatternMatch lead, num, date;
    bool has_lead = pats_->FindNext(subject_lead_, block, 0, &lead);
    size_t lead_at =
        has_lead ? static_cast<size_t>(lead.groups[1].data() - block.data()) : block.size();
    bool has_num = pats_->FindNext(inline_number_, block, 0, &num) && num.begin < lead_at;
    bool has_date = pats_->FindNext(inline_date_, block, 0, &date) && date.begin < lead_at;
    // A block with neither number, date nor subject is a plain title line.
    if (!has_lead && !has_num && !has_date) return;
    const std::string rule = "header.title_block";
    if (!h.type.present()) {
      h.type = {type->name, Span{cells[first].begin, cells[first].end, 0}, rule};
      h.type_code = type->code;
    }
    if (has_num && !h.symbol.present()) {
      SetNumber(doc, block, bb, num, 1, 2, rule);
      const DocType* by_code = ByCode(CodeOf(h.symbol.value));
      if (by_code && by_code->name == h.type.value) h.type_code = by_code->code;
    }
    if (has_date && !h.issued_on.present()) {
      int d = ToInt(date.groups[1]), mo = ToInt(date.groups[2]), y = ToInt(date.groups[3]);
      if (ValidDate(y, mo, d))
        h.issued_on = {IsoDate(y, mo, d), Span{bb + date.begin, bb + date.end, 0}, rule};
    }
    // "của <issuer>" up to the number, the date or the subject.
    size_t cua = std::string_view::npos, cua_len = 0;
    for (const LexWord& w : words_->issuer_lead) {
      size_t p = block.find(w.text);
      if (p < cua) cua = p, cua_len = w.text.size();
    }
    if (cua != std::string_view::npos && cua < 80 && !h.issuer.present()) {
      size_t ib = cua + cua_len;
      size_t ie = lead_at;
      if (has_num) ie = std::min(ie, num.begin);
      if (has_date) ie = std::min(ie, date.begin);
      std::string issuer = TrimPunct(CollapseWs(block.substr(ib, ie > ib ? ie - ib : 0)));
      if (!issuer.empty() && issuer.size() < 120) {
        h.issuer = {issuer, Span{bb + ib, bb + ie, 0}, rule};
      }
    }
    if (has_lead && !h.subject.present()) {
      std::string subject = TrimPunct(CollapseWs(block.substr(lead_at)));
      if (size_t lead = SubjectLeadLength(subject)) subject = TrimPunct(subject.substr(lead));
      if (subject.size() > 10) h.subject = {subject, Span{bb + lead_at, be, 0}, rule};
    }
  }

  static std::string CollapseWs(std::string_view s) {
    std::string out;
    for (char ch : s) {
      bool space = ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
      if (space && (out.empty() || out.back() == ' ')) continue;
      out.push_back(space ? ' ' : ch);
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
  }

  void System(Document* doc) const {
    Header& h = doc->header;
    const Segments& seg = doc->segments;
    size_t b = seg.header.begin, e = seg.header.end;
    if (!seg.issuer.empty()) b = std::min(b, seg.issuer.begin);
    std::string fold = FoldKey(doc->text.substr(b, e > b ? e - b : 0));
    for (const auto& [n, sys] : national_) {
      if (sys != "none" && fold.find(n) != std::string::npos) {
        h.system = sys;
        return;
      }
    }
    if (h.symbol.present()) {
      const std::string& s = h.symbol.value;
      if (std::isdigit(static_cast<unsigned char>(s[0]))) {
        h.system = "state";
        return;
      }
      size_t p = s.find_first_of("/-");
      if (p != std::string::npos) h.system = s[p] == '/' ? "party" : "state";
    }
  }

  void Parts(Document* doc) const {
    for (const Span& ps : doc->segments.parts) {
      auto cells = SplitLayout(doc->text, ps.begin, ps.end);
      Part part;
      part.span = ps;
      bool in_caption = false;
      for (size_t i = 0; i < cells.size() && i < 12; ++i) {
        const LayoutCell& c = cells[i];
        if (c.kind != LayoutCell::kText) {
          if (in_caption || !part.title.empty()) break;
          continue;
        }
        if (!in_caption && pats_->PartialMatch(part_caption_, c.clean)) in_caption = true;
        if (in_caption) {
          part.caption += (part.caption.empty() ? "" : " ") + c.clean;
          if (c.clean.find(')') != std::string::npos) break;
        } else {
          part.title += (part.title.empty() ? "" : " ") + c.clean;
        }
      }
      if (part.title.empty() && !part.caption.empty()) part.title = part.caption;
      doc->parts.push_back(std::move(part));
    }
  }

  // The main header lacks number and date: take them from the caption of an
  // attached document ("(Tài liệu kèm theo Kế hoạch số 95-KH/ĐUK ngày …)").
  void FromCaption(Document* doc) const {
    Header& h = doc->header;
    for (const Span& ps : doc->segments.parts) {
      size_t e = std::min(ps.end, ps.begin + 2000);
      std::string_view base = std::string_view(doc->text).substr(ps.begin, e - ps.begin);
      for (int rule : {caption_num_, caption_words_}) {
        PatternMatch m;
        if (!pats_->FindNext(rule, base, 0, &m)) continue;
        std::string tfold = FoldKey(m.str(1));
        if (h.type.present() && FoldKey(h.type.value) != tfold) continue;
        std::string rid = pats_->id(rule);
        if (!h.number.present()) SetNumber(doc, base, ps.begin, m, 2, 3, rid);
        int d = ToInt(m.groups[4]), mo = ToInt(m.groups[5]), y = ToInt(m.groups[6]);
        if (!h.issued_on.present() && ValidDate(y, mo, d)) {
          h.issued_on = {IsoDate(y, mo, d), Span{ps.begin + m.begin, ps.begin + m.end, 0}, rid};
        }
        if (!h.type.present()) {
          for (const auto& t : types_) {
            if (FoldKey(t.name) == tfold) {
              h.type = {t.name, SpanOf(*doc, base, ps.begin, m.groups[1]), rid};
              h.type_code = t.code;
              break;
            }
          }
        }
        h.number_from = "attachment-caption";
        return;
      }
    }
  }

  const PatternSet* pats_ = nullptr;  // the lexicon's, which outlives the extractor
  int number_ = -1, date_ = -1, caption_num_ = -1, caption_words_ = -1, part_caption_ = -1;
  int inline_number_ = -1, inline_date_ = -1, subject_lead_ = -1;
  std::vector<DocType> types_;
  std::vector<NationalLine> national_;
  std::vector<std::string> bodies_, stops_, formula_;
  const FormatWords* words_ = nullptr;      // the lexicon's
  std::shared_ptr<const Lexicon> lexicon_;  // keeps pats_ and words_ valid
};

}  // namespace

Result<std::unique_ptr<Extractor>> NewHeaderExtractor(const RuleBook& rules) {
  auto e = std::make_unique<HeaderExtractor>();
  Status s = e->Init(rules);
  if (!s.ok()) return s;
  return std::unique_ptr<Extractor>(std::move(e));
}

}  // namespace vanban
