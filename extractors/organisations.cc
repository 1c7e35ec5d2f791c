// Organisation gazetteer over folded words: a word trie per name list, longest
// match, then composition (board + committee, body + locality + place).
#include "extractors/organisations.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <map>
#include <set>

#include "text/fold.h"
#include "text/utf8.h"

namespace vanban {
namespace {

struct Entry {
  std::string name;
  std::string abbreviation;
  std::string kind;
};

// A trie over word keys; terminal nodes carry a value index.
class WordTrie {
 public:
  WordTrie() : nodes_(1) {}
  void Insert(const std::vector<std::string>& keys, int value) {
    if (keys.empty()) return;
    int n = 0;
    for (const auto& k : keys) {
      auto it = nodes_[n].next.find(k);
      if (it == nodes_[n].next.end()) {
        nodes_.emplace_back();
        int id = static_cast<int>(nodes_.size()) - 1;
        nodes_[n].next.emplace(k, id);
        n = id;
      } else {
        n = it->second;
      }
    }
    if (nodes_[n].value < 0) nodes_[n].value = value;  // first entry wins
  }
  // Walks from words[i] using key(w); returns the longest terminal as
  // (end word index, value) or (-1, -1).
  template <typename KeyFn, typename GapFn>
  std::pair<int, int> Longest(const std::vector<Word>& words, size_t i, KeyFn key,
                              GapFn gap_ok) const {
    std::pair<int, int> best{-1, -1};
    int n = 0;
    for (size_t j = i; j < words.size(); ++j) {
      if (j > i && !gap_ok(j)) break;
      auto it = nodes_[n].next.find(key(words[j]));
      if (it == nodes_[n].next.end()) break;
      n = it->second;
      if (nodes_[n].value >= 0) best = {static_cast<int>(j) + 1, nodes_[n].value};
    }
    return best;
  }
  bool empty() const { return nodes_.size() <= 1; }

 private:
  struct Node {
    std::map<std::string, int> next;
    int value = -1;
  };
  std::vector<Node> nodes_;
};

bool IsWordCp(char32_t cp) {
  UChar32 c = static_cast<UChar32>(cp);
  return u_isalnum(c) || u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK;
}

std::vector<std::string> Folds(std::string_view s) {
  std::vector<std::string> out;
  for (const Word& w : SplitWords(s, 0, s.size())) out.push_back(w.fold);
  return out;
}

std::vector<std::string> Exact(std::string_view s) {
  std::vector<std::string> out;
  for (const Word& w : SplitWords(s, 0, s.size()))
    out.emplace_back(s.substr(w.begin, w.end - w.begin));
  return out;
}

// "HÀ NỘI" → "Hà Nội"; mixed-case words are kept.
std::string TitleCaseWord(std::string_view w) {
  bool all_upper = true;
  size_t pos = 0;
  while (pos < w.size()) {
    UChar32 c = static_cast<UChar32>(NextCodePoint(w, &pos));
    if (u_islower(c)) all_upper = false;
  }
  if (!all_upper) return std::string(w);
  std::string out;
  pos = 0;
  bool first = true;
  while (pos < w.size()) {
    UChar32 c = static_cast<UChar32>(NextCodePoint(w, &pos));
    AppendUtf8(static_cast<char32_t>(first ? c : u_tolower(c)), &out);
    first = false;
  }
  return out;
}

// Lower-cases text code point by code point (diacritics kept).
std::string LowerWords(std::string_view s) {
  std::string out;
  size_t pos = 0;
  while (pos < s.size()) {
    UChar32 c = static_cast<UChar32>(NextCodePoint(s, &pos));
    AppendUtf8(static_cast<char32_t>(u_tolower(c)), &out);
  }
  return out;
}

}  // namespace

std::vector<Word> SplitWords(std::string_view text, size_t begin, size_t end) {
  std::vector<Word> out;
  end = std::min(end, text.size());
  size_t pos = std::min(begin, end);
  while (pos < end) {
    size_t start = pos;
    char32_t cp = NextCodePoint(text, &pos);
    if (!IsWordCp(cp)) continue;
    Word w;
    w.begin = start;
    w.capital = u_isupper(static_cast<UChar32>(cp)) || u_istitle(static_cast<UChar32>(cp));
    size_t wend = pos;
    while (pos < end) {
      size_t p = pos;
      char32_t c = NextCodePoint(text, &p);
      if (!IsWordCp(c)) break;
      pos = p;
      wend = p;
    }
    w.end = std::min(wend, end);
    w.fold = FoldKey(text.substr(w.begin, w.end - w.begin));
    out.push_back(std::move(w));
  }
  return out;
}

struct OrgMatcher::Rep {
  std::vector<Entry> entries;
  WordTrie names;       // folded words → entry
  WordTrie abbrevs;     // exact words → entry
  WordTrie heads;       // folded words → entry (open classes)
  WordTrie localities;  // folded words → 0
  WordTrie stops;       // lower-case phrases that end an open-class name
};

OrgMatcher::OrgMatcher() : rep_(std::make_unique<Rep>()) {}
OrgMatcher::~OrgMatcher() = default;
OrgMatcher::OrgMatcher(OrgMatcher&&) noexcept = default;
OrgMatcher& OrgMatcher::operator=(OrgMatcher&&) noexcept = default;

Result<OrgMatcher> OrgMatcher::Create(const RuleBook& rules) {
  const OrgTables& t = rules.lexicon().organisations();
  if (t.orgs.empty()) return Status::BadRules("organisations.rules: required rule file is missing");
  return FromTables(t);
}

Result<OrgMatcher> OrgMatcher::FromFile(const RuleFile& file) {
  auto t = Lexicon::ReadOrganisations(file);
  if (!t.ok()) return t.status();
  return FromTables(t.value());
}

OrgMatcher OrgMatcher::FromTables(const OrgTables& t) {
  OrgMatcher m;
  Rep& r = *m.rep_;
  for (const OrgEntry& org : t.orgs) {
    int id = static_cast<int>(r.entries.size());
    r.entries.push_back(
        {org.name, org.abbreviations.empty() ? "" : org.abbreviations.front(), org.kind});
    r.names.Insert(Folds(org.name), id);
    for (const auto& alt : org.spellings) r.names.Insert(Folds(alt), id);
    for (const auto& a : org.abbreviations) r.abbrevs.Insert(Exact(a), id);
  }
  for (const OrgHead& head : t.heads) {
    int id = static_cast<int>(r.entries.size());
    r.entries.push_back({head.words, "", head.kind});
    r.heads.Insert(Folds(head.words), id);
  }
  for (const auto& phrase : t.stops) {
    // Compared in lower case with diacritics.
    std::vector<std::string> keys;
    for (const auto& w : Exact(phrase)) keys.push_back(LowerWords(w));
    r.stops.Insert(keys, 0);
  }
  for (const auto& l : t.localities) r.localities.Insert(Folds(l), 0);
  return m;
}

std::vector<OrgMatch> OrgMatcher::Find(std::string_view text, size_t begin, size_t end) const {
  std::vector<OrgMatch> out;
  const Rep& r = *rep_;
  end = std::min(end, text.size());
  if (begin >= end) return out;
  std::vector<Word> words = SplitWords(text, begin, end);

  // Between two words of one name only spaces, line breaks, hyphens and
  // commas may stand ("Thi đua - Khen thưởng").
  auto gap_ok = [&](size_t j) {
    size_t p = words[j - 1].end;
    while (p < words[j].begin) {
      UChar32 c = static_cast<UChar32>(NextCodePoint(text, &p));
      if (!(u_isspace(c) || c == '-' || c == ',' || c == '*' || c == 0x2013 || c == 0x2014 ||
            c == 0xA0)) {
        return false;
      }
    }
    return true;
  };
  auto space_gap = [&](size_t j) {
    for (size_t p = words[j - 1].end; p < words[j].begin; ++p) {
      char c = text[p];
      if (c != ' ' && c != '\n' && c != '\t' && c != '\r') return false;
    }
    return true;
  };
  // " - " joining the two halves of a department's name ("Vụ Tổ chức - Cán bộ").
  auto dash_gap = [&](size_t j) {
    std::string_view gap = text.substr(words[j - 1].end, words[j].begin - words[j - 1].end);
    return gap == " - " || gap == " – ";
  };
  auto fold_key = [](const Word& w) -> const std::string& { return w.fold; };
  auto exact_key = [&](const Word& w) {
    return std::string(text.substr(w.begin, w.end - w.begin));
  };
  auto lower_key = [&](const Word& w) { return LowerWords(text.substr(w.begin, w.end - w.begin)); };
  // A place name stays on the line of its body (header lines are separate).
  auto line_gap = [&](size_t j) {
    for (size_t p = words[j - 1].end; p < words[j].begin; ++p) {
      if (text[p] != ' ' && text[p] != '\t') return false;
    }
    return true;
  };
  // An abbreviation glued to a reference code ("48-KH/ĐUK") is part of the
  // code, not a mention.
  auto in_code = [&](size_t i, size_t j) {
    size_t b = words[i].begin, e = words[j - 1].end;
    bool before = b > 0 && (text[b - 1] == '/' || text[b - 1] == '-');
    bool after = e < text.size() && (text[e] == '/' || text[e] == '-');
    return before || after;
  };
  // Longest gazetteer name or abbreviation at word i: (end, entry).
  auto at = [&](size_t i) -> std::pair<int, int> {
    std::pair<int, int> best{-1, -1};
    if (words[i].capital) best = r.names.Longest(words, i, fold_key, gap_ok);
    auto ab = r.abbrevs.Longest(words, i, exact_key, space_gap);
    if (ab.first > best.first && !in_code(i, static_cast<size_t>(ab.first))) best = ab;
    return best;
  };
  auto starts_entry = [&](size_t i) {
    if (at(i).first > 0) return true;
    return words[i].capital && r.heads.Longest(words, i, fold_key, space_gap).first > 0;
  };

  size_t i = 0;
  while (i < words.size()) {
    auto [j, e] = at(i);
    OrgMatch m;
    std::string name, abbr, kind;
    if (j > 0) {
      name = r.entries[e].name;
      abbr = r.entries[e].abbreviation;
      kind = r.entries[e].kind;
    } else if (words[i].capital) {
      // Open class: head word + capitalised name ("Sở Tài chính").
      auto [hj, he] = r.heads.Longest(words, i, fold_key, space_gap);
      // The head must be written as listed, case aside ("SỐ" folds like "Sở").
      if (hj > 0 && LowerWords(text.substr(words[i].begin, words[hj - 1].end - words[i].begin)) !=
                        LowerWords(r.entries[he].name)) {
        hj = -1;
      }
      if (hj > 0) {
        // A name: a capitalised word, then lower-case words of the same name
        // ("Tài nguyên", "Phát triển nông thôn") or "và" + another one, up to
        // a function word or a verb (stopwords).
        size_t k = static_cast<size_t>(hj);
        size_t taken = 0;
        size_t lower_run = 0;
        while (k < words.size() && taken < 7 && (space_gap(k) || (taken > 0 && dash_gap(k)))) {
          if (r.stops.Longest(words, k, lower_key, space_gap).first > 0) break;
          if (!space_gap(k) && !words[k].capital) break;  // "Kế hoạch - Tài chính" only
          if (words[k].capital && (taken == 0 || !starts_entry(k))) {
            ++k;
            ++taken;
            lower_run = 0;
          } else if (taken > 0 && words[k].fold == "va" && k + 1 < words.size() &&
                     words[k + 1].capital && space_gap(k + 1) && !starts_entry(k + 1)) {
            k += 2;
            taken += 2;
            lower_run = 0;
          } else if (taken > 0 && !words[k].capital && lower_run < 1 && words[k].fold != "va") {
            ++k;
            ++taken;
            ++lower_run;
          } else {
            break;
          }
        }
        if (taken > 0) {
          j = static_cast<int>(k);
          kind = r.entries[he].kind;
          name = r.entries[he].name;
          for (size_t w = static_cast<size_t>(hj); w < k; ++w) {
            name += w > static_cast<size_t>(hj) && dash_gap(w) ? " - " : " ";
            name += TitleCaseWord(text.substr(words[w].begin, words[w].end - words[w].begin));
          }
        }
      }
    }
    if (j <= 0 || kind == "qualifier") {
      i = j > 0 ? static_cast<size_t>(j) : i + 1;
      continue;
    }
    size_t k = static_cast<size_t>(j);
    // Board + committee: "Ban Tuyên giáo" + "Tỉnh ủy".
    if (kind == "board" && k < words.size() && gap_ok(k)) {
      auto [cj, ce] = at(k);
      if (cj > 0 && (r.entries[ce].kind == "committee" || r.entries[ce].kind == "qualifier")) {
        name += ' ' + r.entries[ce].name;
        if (!abbr.empty() && !r.entries[ce].abbreviation.empty()) {
          abbr += r.entries[ce].abbreviation;
        } else {
          abbr.clear();
        }
        k = static_cast<size_t>(cj);
        kind = "committee";
      }
    }
    // Committee or local body + locality + place name.
    if (kind == "committee" || kind == "local") {
      size_t q = k;
      std::string ext;
      if (q < words.size() && line_gap(q)) {
        size_t start = q;
        if (words[q].fold == "cac" && q + 1 < words.size()) ++q;
        auto [lj, lv] = r.localities.Longest(words, q, fold_key, line_gap);
        (void)lv;
        size_t loc_end = start;
        if (lj > 0 && (q == start || line_gap(q))) {
          q = static_cast<size_t>(lj);
          // "các xã, phường, đặc khu": more localities after commas.
          while (q + 1 < words.size() && text.substr(words[q - 1].end, 2) == ", ") {
            auto [l2, v2] = r.localities.Longest(words, q, fold_key, line_gap);
            (void)v2;
            if (l2 <= 0) break;
            q = static_cast<size_t>(l2);
          }
          loc_end = q;
        } else {
          q = start;
        }
        // A place name follows a locality, or directly a committee
        // ("Tỉnh ủy Quảng Trị"); local bodies need the locality word.
        if (loc_end > start || kind == "committee") {
          size_t taken = 0;
          while (q < words.size() && taken < 3 && line_gap(q) && words[q].capital &&
                 !starts_entry(q)) {
            ++q;
            ++taken;
          }
        }
        if (q > start) {
          for (size_t w = start; w < q; ++w) {
            ext += w > start && text.substr(words[w - 1].end, 1) == "," ? ", " : " ";
            std::string_view word = text.substr(words[w].begin, words[w].end - words[w].begin);
            ext += w < loc_end ? LowerWords(word) : TitleCaseWord(word);
          }
          name += ext;
          k = q;
        }
      }
    }
    m.begin = words[i].begin;
    m.end = words[k - 1].end;
    m.name = std::move(name);
    m.abbreviation = std::move(abbr);
    m.kind = std::move(kind);
    out.push_back(std::move(m));
    i = k;
  }
  return out;
}

namespace {

// Rebuilds the lookups when organisations were filled without them.
void SyncLookup(Document* doc) {
  OrgLookup& l = doc->org_lookup;
  if (l.by_name.size() == doc->organisations.size()) return;
  l = OrgLookup();
  for (size_t i = 0; i < doc->organisations.size(); ++i) {
    const Organisation& o = doc->organisations[i];
    l.by_name.emplace(o.name, i);
    for (size_t k = 0; k < o.mentions.size(); ++k) {
      l.mentions_at[{i, o.mentions[k].span.begin, o.mentions[k].span.end}].push_back(k);
      ++l.role_count[{i, o.mentions[k].role}];
    }
  }
}

size_t FindOrAddOrg(Document* doc, const OrgMatch& m) {
  auto [it, added] = doc->org_lookup.by_name.emplace(m.name, doc->organisations.size());
  if (added) {
    Organisation o;
    o.id = "o" + std::to_string(doc->organisations.size() + 1);
    o.name = m.name;
    o.abbreviation = m.abbreviation;
    doc->organisations.push_back(std::move(o));
  }
  return it->second;
}

// Counts one more (or, with delta -1, one fewer) mention of a role; the
// organisation's roles list the roles that have mentions, in order of arrival.
void CountRole(Document* doc, size_t index, const std::string& role, int delta) {
  size_t& n = doc->org_lookup.role_count[{index, role}];
  std::vector<std::string>& roles = doc->organisations[index].roles;
  if (delta > 0 && n++ == 0 && std::find(roles.begin(), roles.end(), role) == roles.end()) {
    roles.push_back(role);
  }
  if (delta < 0 && n > 0 && --n == 0)
    roles.erase(std::remove(roles.begin(), roles.end(), role), roles.end());
}

}  // namespace

std::string AddOrgMention(Document* doc, const OrgMatch& m, const std::string& role) {
  SyncLookup(doc);
  size_t index = FindOrAddOrg(doc, m);
  Organisation* org = &doc->organisations[index];
  std::vector<size_t>& same_span = doc->org_lookup.mentions_at[{index, m.begin, m.end}];
  bool have = false;
  for (size_t k : same_span) {
    OrgMention& mention = org->mentions[k];
    if (mention.role == "mentioned" && role != "mentioned") {
      CountRole(doc, index, mention.role, -1);
      mention.role = role;
      CountRole(doc, index, role, +1);
    }
    if (mention.role == role) have = true;
  }
  if (!have) {
    OrgMention mention;
    mention.span = Span{m.begin, m.end, 0};
    mention.text = doc->Slice(mention.span);
    mention.role = role;
    same_span.push_back(org->mentions.size());
    org->mentions.push_back(std::move(mention));
    CountRole(doc, index, role, +1);
  }
  return org->id;
}

namespace {

bool Inside(const OrgMatch& m, const Span& s) {
  return !s.empty() && m.begin >= s.begin && m.end <= s.end;
}

class OrganisationsExtractor : public Extractor {
 public:
  explicit OrganisationsExtractor(OrgMatcher matcher) : matcher_(std::move(matcher)) {}
  const char* name() const override { return "organisations"; }
  void Extract(Document* doc) const override {
    for (const OrgMatch& m : matcher_.Find(doc->text)) {
      std::string role = "mentioned";
      const Header& h = doc->header;
      if (Inside(m, h.issuer.span) || Inside(m, h.parent_issuer.span)) role = "issuer";
      for (const auto& s : doc->signatures) {
        if (Inside(m, s.body.span) || Inside(m, s.span)) role = "signer";
      }
      for (const auto& a : h.addressees) {
        if (Inside(m, a.span)) role = "addressee";
      }
      for (const auto& rcp : doc->recipients) {
        if (Inside(m, rcp.span)) role = "recipient";
      }
      if (role == "mentioned" && doc->recipients.empty() && Inside(m, doc->segments.recipients)) {
        role = "recipient";
      }
      AddOrgMention(doc, m, role);
    }
  }

 private:
  OrgMatcher matcher_;
};

}  // namespace

Result<std::unique_ptr<Extractor>> NewOrganisationsExtractor(const RuleBook& rules) {
  auto m = OrgMatcher::Create(rules);
  if (!m.ok()) return m.status();
  return std::unique_ptr<Extractor>(std::make_unique<OrganisationsExtractor>(std::move(m).value()));
}

}  // namespace vanban
