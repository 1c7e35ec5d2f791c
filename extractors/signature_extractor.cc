// The signature block: authority mark, body, title and signer's name of the
// main document, then the closing lines of each attached document.
#include <algorithm>

#include "extractors/extractor.h"
#include "extractors/lexicon.h"
#include "pipeline/segment.h"
#include "text/fold.h"

namespace vanban {
namespace {

class SignatureExtractor : public Extractor {
 public:
  const char* name() const override { return "signature"; }

  Status Init(const RuleBook& rules) {
    lexicon_ = rules.shared_lexicon();
    const Lexicon& lex = *lexicon_;
    auto signature = lex.signature_patterns();
    if (!signature.ok()) return signature.status();
    pats_ = signature.value();
    authority_ = pats_->Index("signature.authority");
    signed_ = pats_->Index("signature.signed");
    if (authority_ < 0 || signed_ < 0)
      return Status::BadRules("signature.rules: a rule is missing");
    for (const AuthorityMark& a : lex.authorities()) {
      marks_.push_back({a.written, a.canonical, a.meaning});
    }
    titles_ = lex.header_words().title;
    words_ = &lex.words();
    return Status::OK();
  }

  void Extract(Document* doc) const override {
    const Segments& seg = doc->segments;
    if (!seg.signature.empty()) {
      // From the start of its line, so that columns count from the margin.
      size_t begin = seg.signature.begin;
      while (begin > 0 && doc->text[begin - 1] != '\n') --begin;
      size_t end = seg.signature.end;
      // "Nơi nhận: KT. TỔNG CỤC TRƯỞNG": OCR merged the two columns, so the
      // rest of the signature lies among the recipients.
      if (FoldStartsWithAny(FoldKey(std::string_view(doc->text).substr(begin, 40)),
                            words_->recipients)) {
        // The name may come after the recipients and scanner debris: up to
        // the first attached part, else the end.
        end = doc->text.size();
        for (const Span& part : seg.parts) {
          if (part.begin >= seg.signature.end) end = std::min(end, part.begin);
        }
      }
      auto cells = SplitLayout(doc->text, begin, end);
      Signature s;
      if (Parse(*doc, cells, &s)) doc->signatures.push_back(std::move(s));
    }
    for (const Span& part : seg.parts) {
      auto cells = SplitLayout(doc->text, part.begin, part.end);
      // The last few text lines of the part.
      size_t n = 0, from = cells.size();
      while (from > 0 && n < 6) {
        --from;
        if (cells[from].kind == LayoutCell::kText) ++n;
      }
      size_t start = cells.size();
      for (size_t i = from; i < cells.size(); ++i) {
        if (IsAuthority(cells[i])) {
          start = i;
          break;
        }
      }
      if (start == cells.size()) {
        // No mark: a closing line in capitals, with or without a name under it.
        size_t last = cells.size();
        while (last > 0 && cells[last - 1].kind != LayoutCell::kText) --last;
        if (last == 0) continue;
        size_t k = last - 1;
        if (LooksLikeName(cells[k].clean) && k > 0) {
          size_t j = k;
          while (j > 0 && cells[j - 1].kind != LayoutCell::kText) --j;
          if (j == 0) continue;
          k = j - 1;
        }
        const LayoutCell& c = cells[k];
        if (!IsUpperText(c.clean) || c.clean.size() > 200 || !c.bold) continue;
        if (std::isdigit(static_cast<unsigned char>(c.clean[0])) || c.clean[0] == 'I' ||
            c.clean[0] == 'V' || c.clean[0] == 'X') {
          if (c.clean.find_first_of(".-") < 6) continue;  // a heading
        }
        start = k;
      }
      std::vector<LayoutCell> tail(cells.begin() + start, cells.end());
      Signature s;
      if (Parse(*doc, tail, &s)) doc->signatures.push_back(std::move(s));
    }
  }

 private:
  struct Mark {
    std::string as_written, canonical, code;
  };

  bool IsAuthority(const LayoutCell& c) const {
    return c.kind == LayoutCell::kText && pats_->PartialMatch(authority_, c.clean);
  }
  bool IsTitleLine(const LayoutCell& c) const {
    for (const auto& t : titles_) {
      if (FoldStartsWith(c.fold, t)) return true;
    }
    return false;
  }

  bool Parse(const Document& doc, const std::vector<LayoutCell>& all, Signature* s) const {
    std::vector<const LayoutCell*> lines;
    int col = -1;
    std::vector<LayoutCell> owned;
    bool merged = false;  // OCR ran the recipients and signature columns together
    for (LayoutCell c : all) {
      if (c.kind != LayoutCell::kText) continue;
      if (merged && !c.clean.empty() && c.clean[0] == '-') {
        // "- Như trên; — PHÓ TỔNG CỤC TRƯỞNG": the signature column's line
        // after a dash that parts the columns.
        std::string right = MergedRightColumn(c.clean);
        if (right.empty()) continue;
        c.clean = right;
        c.fold = FoldKey(right);
        if (!IsTitleLine(c) && !IsAuthority(c)) continue;
      }
      if (owned.empty() && FoldStartsWithAny(c.fold, words_->recipients)) {
        // "Nơi nhận: KT. TỔNG CỤC TRƯỞNG" merged by OCR: keep the right part.
        size_t colon = c.clean.find(':');
        if (colon == std::string::npos) continue;
        std::string rest = c.clean.substr(colon + 1);
        rest.erase(0, rest.find_first_not_of(' '));
        if (!pats_->PartialMatch(authority_, rest)) continue;
        c.clean = rest;
        c.fold = FoldKey(rest);
        c.column = 0;
        merged = true;
      }
      if (col > 20 && c.column < col - 12) continue;  // left column (recipients)
      if (!c.clean.empty() && (c.clean[0] == '-' || FoldStartsWithAny(c.fold, words_->recipients)))
        continue;
      if (col < 0) col = c.column;
      owned.push_back(std::move(c));
    }
    for (const LayoutCell& c : owned) lines.push_back(&c);
    if (lines.empty()) return false;
    s->span = Span{lines.front()->begin, lines.back()->end, 0};
    size_t i = 0;
    PatternMatch m;
    std::string body;
    Span body_span;
    bool open_bold = false;
    if (pats_->FindNext(authority_, lines[0]->clean, 0, &m)) {
      std::string mark = m.str(1);
      while (!mark.empty() && (mark.back() == ' ' || mark.back() == '\t')) mark.pop_back();
      for (const auto& k : marks_) {
        if (k.as_written == mark) {
          s->authority = {k.canonical, Span{lines[0]->begin, lines[0]->end, 0},
                          "signature.authority"};
          s->authority_code = k.code;
        }
      }
      body = m.str(2);
      body_span = Span{lines[0]->begin, lines[0]->end, 0};
      std::string_view raw =
          std::string_view(doc.text).substr(lines[0]->begin, lines[0]->end - lines[0]->begin);
      size_t opens = 0;
      for (size_t p = raw.find("**"); p != std::string_view::npos; p = raw.find("**", p + 2))
        ++opens;
      open_bold = opens % 2 == 1;
      i = 1;
      // The body wraps: a line ending in "," or inside an open bold run that
      // does not start a title.
      while (i < lines.size()) {
        const LayoutCell& c = *lines[i];
        if (!IsUpperText(c.clean) || IsAuthority(c)) break;
        bool comma = !body.empty() && body.back() == ',';
        if (!(comma || (open_bold && !IsTitleLine(c)))) break;
        body += " " + c.clean;
        body_span.end = c.end;
        std::string_view r = std::string_view(doc.text).substr(c.begin, c.end - c.begin);
        if (r.find("**") != std::string_view::npos) open_bold = false;
        ++i;
      }
      while (!body.empty() && (body.back() == ',' || body.back() == ' ')) body.pop_back();
    }
    // Remaining capitals: nested marks ("KT. CHỦ TỊCH") then the title.
    std::string title;
    Span title_span;
    for (; i < lines.size(); ++i) {
      const LayoutCell& c = *lines[i];
      if (pats_->PartialMatch(signed_, c.clean)) continue;
      if (LooksLikeName(c.clean)) {
        s->name = {c.clean, Span{c.begin, c.end, 0}, "signature.name"};
        break;
      }
      if (i + 1 < lines.size() && !IsUpperText(c.clean) &&
          LooksLikeName(c.clean + " " + lines[i + 1]->clean)) {
        // "**Vũ" / "Chiến Thắng**": a name wrapped over two lines.
        s->name = {c.clean + " " + lines[i + 1]->clean, Span{c.begin, lines[i + 1]->end, 0},
                   "signature.name"};
        break;
      }
      if (!IsUpperText(c.clean) && title.empty() && c.clean.size() < 80 && IsTitleLine(c) &&
          c.clean.find_first_of(".;:") == std::string::npos) {
        // Older documents write the title in lower case ("Thứ trưởng").
        title = c.clean;
        title_span = Span{c.begin, c.end, 0};
        continue;
      }
      if (!IsUpperText(c.clean)) {
        // Merged columns: recipients and scanner debris lie between the
        // title and the name; the name is the last line that looks like one.
        if (merged && !title.empty()) {
          for (size_t k = lines.size(); k > i + 1; --k) {
            const LayoutCell& n = *lines[k - 1];
            if (LooksLikeName(n.clean)) {
              s->name = {n.clean, Span{n.begin, n.end, 0}, "signature.name"};
              break;
            }
          }
        }
        break;
      }
      if (IsAuthority(c)) {
        title.clear();
        if (!c.clean.empty() && c.clean.back() == ',' && i + 1 < lines.size()) ++i;
        continue;
      }
      if (title.empty()) title_span = Span{c.begin, c.end, 0};
      title += (title.empty() ? "" : " ") + c.clean;
      title_span.end = c.end;
    }
    if (!s->authority.present() && body.empty() && !title.empty()) {
      // No mark: a head's title ("THỦ TƯỚNG") or a body ("BAN TUYÊN GIÁO …").
      if (!IsTitleLine(*lines[0])) {
        body = title;
        body_span = title_span;
        title.clear();
      }
    }
    if (!body.empty()) s->body = {body, body_span, "signature.body"};
    if (!title.empty()) s->title = {title, title_span, "signature.title"};
    return s->authority.present() || s->body.present() || s->title.present() || s->name.present();
  }

  const PatternSet* pats_ = nullptr;  // the lexicon's, which outlives the extractor
  int authority_ = -1, signed_ = -1;
  std::vector<Mark> marks_;
  std::vector<std::string> titles_;
  const FormatWords* words_ = nullptr;      // the lexicon's
  std::shared_ptr<const Lexicon> lexicon_;  // keeps pats_ and words_ valid
};

}  // namespace

Result<std::unique_ptr<Extractor>> NewSignatureExtractor(const RuleBook& rules) {
  auto e = std::make_unique<SignatureExtractor>();
  Status s = e->Init(rules);
  if (!s.ok()) return s;
  return std::unique_ptr<Extractor>(std::move(e));
}

}  // namespace vanban
