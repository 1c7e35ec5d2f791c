// Abbreviation table and the expansion of user-given organisation names.
#include "index/org_names.h"

#include "extractors/lexicon.h"
#include "index/index.h"
#include "text/fold.h"

namespace vanban {
namespace {

// At most this many readings of one name: an abbreviation with several
// readings in each word of a long name must not multiply without bound.
constexpr size_t kMaxReadings = 16;

// The folded abbreviation without spaces or punctuation ("Ban TĐKT" → "bantdkt").
std::string Compact(const std::string& s) {
  std::string out;
  for (const auto& t : FoldTokens(s)) out += t;
  return out;
}

void AddUnique(std::vector<std::string>* out, const std::string& k) {
  if (k.empty()) return;
  for (const auto& x : *out) {
    if (x == k) return;
  }
  out->push_back(k);
}

// Every way of joining one reading of each part, in order, up to kMaxReadings.
std::vector<std::string> Combine(const std::vector<std::vector<std::string>>& parts) {
  std::vector<std::string> out{""};
  for (const auto& readings : parts) {
    std::vector<std::string> next;
    for (const auto& prefix : out) {
      for (const auto& r : readings) {
        if (next.size() >= kMaxReadings) break;
        next.push_back(prefix.empty() ? r : prefix + " " + r);
      }
    }
    out = std::move(next);
  }
  return out;
}

}  // namespace

Result<OrgNames> OrgNames::Load(const std::string& rules_dir) {
  auto lexicon = Lexicon::Load(rules_dir);
  if (!lexicon.ok()) return lexicon.status();
  return FromLexicon(*lexicon.value());
}

OrgNames OrgNames::FromLexicon(const Lexicon& lexicon) {
  OrgNames names;
  for (const Abbreviation& a : lexicon.abbreviations()) names.Add(a.abbreviation, a.expansion);
  return names;
}

void OrgNames::Add(const std::string& abbreviation, const std::string& expansion) {
  std::string key = Compact(abbreviation);
  std::string value = FoldedPhrase(expansion);
  if (key.empty() || value.empty() || key == Compact(expansion)) return;
  AddUnique(&expansions_[key], value);
}

std::vector<std::string> OrgNames::ExpandWord(const std::string& w) const {
  auto it = expansions_.find(w);
  if (it != expansions_.end()) return it->second;
  // A word made of several abbreviations: longest-first segmentation that
  // must cover the whole word.
  size_t n = w.size();
  std::vector<int> next(n + 1, -1);  // next[i]: end of the piece starting at i
  std::vector<bool> ok(n + 1, false);
  ok[n] = true;
  for (size_t i = n; i-- > 0;) {
    for (size_t j = n; j > i; --j) {
      if (ok[j] && expansions_.count(w.substr(i, j - i))) {
        ok[i] = true;
        next[i] = static_cast<int>(j);
        break;
      }
    }
  }
  if (!ok[0]) return {};
  std::vector<std::vector<std::string>> parts;
  for (size_t i = 0; i < n; i = static_cast<size_t>(next[i])) {
    parts.push_back(expansions_.at(w.substr(i, static_cast<size_t>(next[i]) - i)));
  }
  return Combine(parts);
}

std::vector<std::string> OrgNames::Keys(const std::string& name) const {
  std::vector<std::string> out;
  std::vector<std::string> words = FoldTokens(name);
  std::string phrase;
  for (const auto& w : words) phrase += (phrase.empty() ? "" : " ") + w;
  AddUnique(&out, phrase);
  for (const auto& whole : ExpandWord(Compact(name))) AddUnique(&out, whole);
  std::vector<std::vector<std::string>> parts;
  bool changed = false;
  for (const auto& w : words) {
    std::vector<std::string> e = ExpandWord(w);
    if (!e.empty()) changed = true;
    parts.push_back(e.empty() ? std::vector<std::string>{w} : e);
  }
  if (changed) {
    for (const auto& k : Combine(parts)) AddUnique(&out, k);
  }
  return out;
}

}  // namespace vanban
