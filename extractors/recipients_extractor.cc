// The "Nơi nhận" block: one recipient per item (items joined over wrapped
// lines, split on ";"), each with its purpose (báo cáo, thực hiện, lưu …).
#include <algorithm>

#include "extractors/extractor.h"
#include "extractors/lexicon.h"
#include "pipeline/segment.h"
#include "text/fold.h"

namespace vanban {
namespace {

std::string Trim(std::string s) {
  auto bad = [](char c) {
    return c == ' ' || c == ',' || c == ';' || c == '.' || c == ':' || c == '\t';
  };
  while (!s.empty() && bad(s.back())) s.pop_back();
  size_t b = 0;
  while (b < s.size() && (s[b] == ' ' || s[b] == '-' || s[b] == '+' || s[b] == '\t')) ++b;
  return s.substr(b);
}

// Drops a stray OCR token after a final period: "Lưu VP, BTG. Chu" → "Lưu VP, BTG".
std::string DropTrailingToken(std::string s) {
  size_t p = s.rfind(". ");
  if (p == std::string::npos || p == 0) return s;
  std::string tail = s.substr(p + 2);
  if (tail.size() <= 6 && tail.find(' ') == std::string::npos) s.resize(p);
  return s;
}

class RecipientsExtractor : public Extractor {
 public:
  const char* name() const override { return "recipients"; }

  Status Init(const RuleBook& rules) {
    auto file = rules.Require("recipients");
    if (!file.ok()) return file.status();
    auto ps = PatternSet::Compile(*file.value(), "recipients.purpose.");
    if (!ps.ok()) return ps.status();
    pats_ = std::move(ps).value();
    lexicon_ = rules.shared_lexicon();
    auto sig = lexicon_->signature_patterns();
    if (!sig.ok()) return sig.status();
    sig_ = sig.value();
    authority_ = sig_->Index("signature.authority");
    words_ = &lexicon_->words();
    if (authority_ < 0) return Status::BadRules("signature.rules: signature.authority is missing");
    return Status::OK();
  }

  void Extract(Document* doc) const override {
    const Span& rs = doc->segments.recipients;
    if (rs.empty()) return;
    auto cells = SplitLayout(doc->text, rs.begin, rs.end);
    struct Item {
      std::string text;
      Span span;
    };
    std::vector<Item> items;
    bool head = true;
    bool merged = false;  // "Nơi nhận: KT. …": the signature column runs alongside
    int head_row = -1;
    for (const LayoutCell& c : cells) {
      if (c.kind != LayoutCell::kText) continue;
      std::string s = c.clean;
      if (head) {
        head = false;
        head_row = c.row;
        size_t colon = s.find(':');
        if (c.fold == "noi") continue;  // "Nơi" / "nhận:" split
        s = colon == std::string::npos ? std::string() : s.substr(colon + 1);
        s = Trim(s);
        if (!s.empty() && sig_->PartialMatch(authority_, s)) merged = true;
        if (s.empty() || merged) continue;
        items.push_back({s, Span{c.begin, c.end, 0}});
        continue;
      }
      if (FoldStartsWithRest(c.fold, words_->recipients) && items.empty()) continue;
      if (c.row == head_row || (c.column > 20 && s[0] != '-' && s[0] != '+')) continue;
      if (sig_->PartialMatch(authority_, s)) continue;
      if (merged) {
        std::string right = MergedRightColumn(s);
        if (!right.empty()) s = Trim(s.substr(0, s.size() - right.size()));
        while (!s.empty() && (s.back() == '-' || s.back() == ' ')) s.pop_back();
        if (s.empty()) continue;
      }
      if (s[0] == '-' || s[0] == '+' || items.empty()) {
        items.push_back({s, Span{c.begin, c.end, 0}});
      } else {
        items.back().text += " " + s;
        items.back().span.end = c.end;
      }
    }
    for (const Item& it : items) {
      std::string joined = Trim(it.text);
      // Items separated by ";" on one line are separate recipients.
      size_t pos = 0;
      while (pos <= joined.size()) {
        size_t semi = joined.find(';', pos);
        std::string piece =
            joined.substr(pos, semi == std::string::npos ? std::string::npos : semi - pos);
        Add(doc, piece, it.span);
        if (semi == std::string::npos) break;
        pos = semi + 1;
      }
    }
  }

 private:
  void Add(Document* doc, const std::string& raw_piece, const Span& span) const {
    std::string name = Trim(raw_piece);
    if (name.empty()) return;
    Recipient r;
    r.raw = name;
    r.span = span;
    r.rule = "recipients.item";
    for (size_t i = 0; i < pats_.size(); ++i) {
      PatternMatch m;
      if (!pats_.FindNext(static_cast<int>(i), name, 0, &m)) continue;
      const std::string& id = pats_.id(static_cast<int>(i));
      std::string purpose = id.substr(id.rfind('.') + 1);
      std::replace(purpose.begin(), purpose.end(), '_', ' ');
      r.purpose = purpose;
      r.rule = id;
      if (m.groups[0].size() > 0 && m.groups[0].front() == '(') {
        name = Trim(name.substr(0, m.begin) + " " + name.substr(m.end));
      }
      break;
    }
    name = Trim(DropTrailingToken(name));
    // Collapse doubled spaces left by removing the purpose.
    std::string clean;
    for (char c : name) {
      if (c == ' ' && !clean.empty() && clean.back() == ' ') continue;
      clean.push_back(c);
    }
    if (clean.empty()) return;
    r.name = clean;
    doc->recipients.push_back(std::move(r));
  }

  PatternSet pats_;
  std::shared_ptr<const Lexicon> lexicon_;  // keeps words_ and sig_ valid
  const FormatWords* words_ = nullptr;      // the lexicon's
  const PatternSet* sig_ = nullptr;         // the lexicon's signature.rules
  int authority_ = -1;
};

}  // namespace

Result<std::unique_ptr<Extractor>> NewRecipientsExtractor(const RuleBook& rules) {
  auto e = std::make_unique<RecipientsExtractor>();
  Status s = e->Init(rules);
  if (!s.ok()) return s;
  return std::unique_ptr<Extractor>(std::move(e));
}

}  // namespace vanban
