// Abbreviation table and the expansion of user-given organisation names.
#include "index/org_names.h"

#include <sys/stat.h>

#include "extractors/rule_file.h"
#include "index/index.h"
#include "text/fold.h"

namespace vanban {
namespace {

// The folded abbreviation without spaces or punctuation ("Ban TĐKT" → "bantdkt").
std::string Compact(const std::string& s) {
  std::string out;
  for (const auto& t : FoldTokens(s)) out += t;
  return out;
}

bool Exists(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0;
}

}  // namespace

Result<OrgNames> OrgNames::Load(const std::string& rules_dir) {
  OrgNames names;
  std::string abbr_path = rules_dir + "/abbreviations.rules";
  if (Exists(abbr_path)) {
    auto f = RuleFile::Load(abbr_path);
    if (!f.ok()) return f.status();
    for (const auto& e : f.value().entries()) {
      std::vector<std::string> fields = e.Fields();
      if (!fields.empty()) names.Add(e.key, fields[0]);
    }
  }
  // organisations.rules: "<id> canonical name | abbreviation | …": any
  // field of one word in capitals after the name is taken as an abbreviation.
  std::string org_path = rules_dir + "/organisations.rules";
  if (Exists(org_path)) {
    auto f = RuleFile::Load(org_path);
    if (f.ok()) {
      for (const auto& e : f.value().entries()) {
        std::vector<std::string> fields = e.Fields();
        if (fields.size() < 2) continue;
        for (size_t i = 1; i < fields.size(); ++i) {
          const std::string& a = fields[i];
          if (a.empty() || a.find(' ') != std::string::npos || a.size() > 24) continue;
          names.Add(a, fields[0]);
        }
      }
    }
  }
  return names;
}

void OrgNames::Add(const std::string& abbreviation, const std::string& expansion) {
  std::string key = Compact(abbreviation);
  std::string value = FoldedPhrase(expansion);
  if (key.empty() || value.empty() || key == Compact(expansion)) return;
  expansions_.emplace(key, value);  // the first entry wins
}

std::string OrgNames::ExpandWord(const std::string& w) const {
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
  if (!ok[0]) return "";
  std::string out;
  for (size_t i = 0; i < n; i = static_cast<size_t>(next[i])) {
    if (!out.empty()) out.push_back(' ');
    out += expansions_.at(w.substr(i, static_cast<size_t>(next[i]) - i));
  }
  return out;
}

std::vector<std::string> OrgNames::Keys(const std::string& name) const {
  std::vector<std::string> out;
  auto add = [&](const std::string& k) {
    if (k.empty()) return;
    for (const auto& x : out) {
      if (x == k) return;
    }
    out.push_back(k);
  };
  std::vector<std::string> words = FoldTokens(name);
  std::string phrase;
  for (const auto& w : words) phrase += (phrase.empty() ? "" : " ") + w;
  add(phrase);
  std::string whole = ExpandWord(Compact(name));
  add(whole);
  std::string expanded;
  bool changed = false;
  for (const auto& w : words) {
    std::string e = ExpandWord(w);
    if (!e.empty()) changed = true;
    expanded += (expanded.empty() ? "" : " ") + (e.empty() ? w : e);
  }
  if (changed) add(expanded);
  return out;
}

}  // namespace vanban
