// Reading the lexicon's rule files into typed tables.
#include "extractors/lexicon.h"

#include <cstdlib>

#include "text/fold.h"

namespace vanban {
namespace {

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return std::string();
  size_t e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

// Splits s on sep into trimmed, non-empty items ("TU, ThU" → TU, ThU).
std::vector<std::string> SplitList(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= s.size()) {
    size_t cut = s.find(sep, pos);
    if (cut == std::string::npos) cut = s.size();
    std::string item = Trim(s.substr(pos, cut - pos));
    if (!item.empty()) out.push_back(item);
    pos = cut + 1;
  }
  return out;
}

Result<OrgEntry> ReadOrg(const RuleFile& file, const RuleEntry& e) {
  std::vector<std::string> f = e.Fields();
  if (f.size() < 3 || f[0].empty() || f[2].empty()) {
    return Status::BadRules(file.Where(e) + ": expected 'org name | abbreviations | kind'");
  }
  OrgEntry org;
  org.name = f[0];
  org.kind = f[2];
  for (const auto& a : SplitList(f[1], ',')) {
    if (a != "-") org.abbreviations.push_back(a);
  }
  if (f.size() > 3) org.spellings = SplitList(f[3], ';');
  return org;
}

LexWord MakeWord(const std::string& text) { return {text, FoldKey(text)}; }

Result<std::unique_ptr<PatternSet>> CompileIfPresent(const RuleBook& book,
                                                     const std::string& stem) {
  const RuleFile* f = book.file(stem);
  if (!f) return std::unique_ptr<PatternSet>();
  auto ps = PatternSet::Compile(*f);
  if (!ps.ok()) return ps.status();
  return std::make_unique<PatternSet>(std::move(ps).value());
}

}  // namespace

Lexicon::Lexicon() = default;
Lexicon::~Lexicon() = default;
Lexicon::Lexicon(Lexicon&&) noexcept = default;
Lexicon& Lexicon::operator=(Lexicon&&) noexcept = default;

Result<OrgTables> Lexicon::ReadOrganisations(const RuleFile& file) {
  OrgTables t;
  for (const RuleEntry& e : file.entries()) {
    std::vector<std::string> f = e.Fields();
    if (e.key == "org") {
      auto org = ReadOrg(file, e);
      if (!org.ok()) return org.status();
      t.orgs.push_back(std::move(org).value());
    } else if (e.key == "abbr") {
      // Handled by Build: an abbreviation naming no body of its own.
      if (f.size() < 2 || f[0].empty() || f[1].empty()) {
        return Status::BadRules(file.Where(e) + ": expected 'abbr abbreviation | expansion'");
      }
    } else if (e.key == "head") {
      if (f.size() < 2 || f[0].empty()) {
        return Status::BadRules(file.Where(e) + ": expected 'head word | kind'");
      }
      t.heads.push_back({f[0], f[1]});
    } else if (e.key == "stop") {
      for (auto& phrase : SplitList(e.value, ',')) t.stops.push_back(std::move(phrase));
    } else if (e.key == "locality") {
      if (e.value.empty()) return Status::BadRules(file.Where(e) + ": empty locality");
      t.localities.push_back(e.value);
    } else {
      return Status::BadRules(file.Where(e) + ": unknown entry '" + e.key + "'");
    }
  }
  if (t.orgs.empty() && t.heads.empty()) {
    return Status::BadRules(file.name() + ": no organisations");
  }
  return t;
}

Status Lexicon::ReadDocTypes(const RuleFile& file) {
  for (const RuleEntry& e : file.entries()) {
    if (e.key == "cited") {
      cited_types_.push_back(e.value);
      continue;
    }
    std::vector<std::string> f = e.Fields();
    if (f.size() < 2 || f[0].empty() || f[1].empty()) {
      return Status::BadRules(file.Where(e) + ": expected 'CODE name | TITLE'");
    }
    doc_types_.push_back({e.key, f[0], f[1], FoldKey(e.key), FoldKey(f[1])});
  }
  return Status::OK();
}

void Lexicon::ReadHeaderWords(const RuleFile& file) {
  HeaderWords& w = header_words_;
  for (const RuleEntry& e : file.entries()) {
    if (e.key == "national") {
      std::vector<std::string> f = e.Fields();
      w.national.push_back({f[0], f.size() > 1 ? f[1] : std::string("none")});
    } else if (e.key == "body") {
      w.body.push_back(e.value);
    } else if (e.key == "subject_stop") {
      w.subject_stop.push_back(e.value);
    } else if (e.key == "formula") {
      w.formula.push_back(e.value);
    } else if (e.key == "title") {
      w.title.push_back(e.value);
    }
  }
}

Status Lexicon::ReadAuthorities(const RuleFile& file) {
  for (const RuleEntry& e : file.entries()) {
    std::vector<std::string> f = e.Fields();
    if (f.size() < 2) {
      return Status::BadRules(file.Where(e) + ": expected 'mark canonical | meaning'");
    }
    authorities_.push_back({e.key, f[0], f[1]});
  }
  return Status::OK();
}

bool FoldStartsWithAny(const std::string& fold, const std::vector<LexWord>& words) {
  for (const LexWord& w : words) {
    if (FoldStartsWith(fold, w.fold)) return true;
  }
  return false;
}

bool FoldIsFirstWordOf(const std::string& fold, const std::vector<LexWord>& words) {
  for (const LexWord& w : words) {
    size_t sp = w.fold.find(' ');
    if (sp != std::string::npos && w.fold.compare(0, sp, fold) == 0 && fold.size() == sp) {
      return true;
    }
  }
  return false;
}

bool FoldStartsWithRest(const std::string& fold, const std::vector<LexWord>& words) {
  for (const LexWord& w : words) {
    size_t sp = w.fold.find(' ');
    if (sp != std::string::npos && FoldStartsWith(fold, std::string_view(w.fold).substr(sp + 1))) {
      return true;
    }
  }
  return false;
}

size_t FoldRFindAny(const std::string& fold, const std::vector<LexWord>& words) {
  size_t best = std::string::npos;
  for (const LexWord& w : words) {
    size_t p = fold.rfind(w.fold);
    if (p != std::string::npos && (best == std::string::npos || p > best)) best = p;
  }
  return best;
}

Status Lexicon::ReadWords(const RuleFile& file) {
  FormatWords& w = words_;
  const std::pair<const char*, std::vector<LexWord>*> kLists[] = {
      {"part", &w.part},
      {"appendix", &w.appendix},
      {"subject", &w.subject},
      {"addressees", &w.addressees},
      {"recipients", &w.recipients},
      {"archive", &w.archive},
      {"date", &w.date},
      {"month", &w.month},
      {"number", &w.number},
      {"motto", &w.motto},
      {"page", &w.page},
      {"issuer_lead", &w.issuer_lead},
      {"issuer_stop", &w.issuer_stop},
      {"label_lead", &w.label_lead},
      {"label_due_before", &w.label_due_before}};
  for (const RuleEntry& e : file.entries()) {
    if (e.value.empty()) return Status::BadRules(file.Where(e) + ": empty entry");
    std::vector<LexWord>* list = nullptr;
    for (const auto& [key, l] : kLists) {
      if (e.key == key) list = l;
    }
    if (list) {
      list->push_back(MakeWord(e.value));
    } else if (e.key == "letters") {
      for (const auto& letter : SplitList(e.value, ' ')) w.letters.push_back(MakeWord(letter));
    } else if (e.key == "ordinal") {
      std::vector<std::string> f = e.Fields();
      int value = f.size() == 2 ? std::atoi(f[1].c_str()) : 0;
      if (value <= 0) return Status::BadRules(file.Where(e) + ": expected 'ordinal word | value'");
      w.ordinals.push_back({MakeWord(f[0]), value});
    } else {
      return Status::BadRules(file.Where(e) + ": unknown entry '" + e.key + "'");
    }
  }
  return Status::OK();
}

Result<Lexicon> Lexicon::Build(const RuleBook& book) {
  Lexicon lex;
  if (const RuleFile* f = book.file("doctypes")) {
    Status s = lex.ReadDocTypes(*f);
    if (!s.ok()) return s;
  }
  if (const RuleFile* f = book.file("header_words")) lex.ReadHeaderWords(*f);
  if (const RuleFile* f = book.file("authorities")) {
    Status s = lex.ReadAuthorities(*f);
    if (!s.ok()) return s;
  }
  if (const RuleFile* f = book.file("words")) {
    Status s = lex.ReadWords(*f);
    if (!s.ok()) return s;
  }
  if (const RuleFile* f = book.file("organisations")) {
    auto t = ReadOrganisations(*f);
    if (!t.ok()) return t.status();
    lex.orgs_ = std::move(t).value();
    for (const OrgEntry& org : lex.orgs_.orgs) {
      for (const auto& a : org.abbreviations) lex.abbreviations_.push_back({a, org.name});
    }
    for (const RuleEntry* e : f->Find("abbr")) {
      std::vector<std::string> fields = e->Fields();
      lex.abbreviations_.push_back({fields[0], fields[1]});
    }
  }
  auto header = CompileIfPresent(book, "header");
  if (!header.ok()) return header.status();
  lex.header_ = std::move(header).value();
  auto signature = CompileIfPresent(book, "signature");
  if (!signature.ok()) return signature.status();
  lex.signature_ = std::move(signature).value();
  return lex;
}

Result<std::shared_ptr<const Lexicon>> Lexicon::Load(const std::string& dir) {
  auto book = RuleBook::LoadDir(dir);
  if (!book.ok()) return book.status();
  return book.value().shared_lexicon();
}

Result<const PatternSet*> Lexicon::header_patterns() const {
  if (!header_) return Status::BadRules("header.rules: required rule file is missing");
  return header_.get();
}

Result<const PatternSet*> Lexicon::signature_patterns() const {
  if (!signature_) return Status::BadRules("signature.rules: required rule file is missing");
  return signature_.get();
}

}  // namespace vanban
