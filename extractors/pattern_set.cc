// PatternSet implementation over RE2 and RE2::Set.
#include "extractors/pattern_set.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>

namespace vanban {

struct PatternSet::Rep {
  std::vector<std::unique_ptr<RE2>> regexps;
  std::vector<RuleEntry> entries;
  std::unique_ptr<RE2::Set> set;
};

PatternSet::PatternSet() : rep_(std::make_unique<Rep>()) {}
PatternSet::~PatternSet() = default;
PatternSet::PatternSet(PatternSet&&) noexcept = default;
PatternSet& PatternSet::operator=(PatternSet&&) noexcept = default;

Result<PatternSet> PatternSet::Compile(const RuleFile& file, const std::string& key_prefix) {
  PatternSet ps;
  RE2::Options opts;
  opts.set_log_errors(false);
  opts.set_max_mem(64 << 20);
  ps.rep_->set = std::make_unique<RE2::Set>(opts, RE2::UNANCHORED);
  for (const auto& e : file.entries()) {
    if (e.key.compare(0, key_prefix.size(), key_prefix) != 0) continue;
    auto re = std::make_unique<RE2>(e.value, opts);
    if (!re->ok()) {
      return Status::BadRules(file.Where(e) + ": rule '" + e.key +
                              "' does not compile: " + re->error());
    }
    std::string err;
    if (ps.rep_->set->Add(e.value, &err) < 0) {
      return Status::BadRules(file.Where(e) + ": rule '" + e.key + "': " + err);
    }
    ps.rep_->regexps.push_back(std::move(re));
    ps.rep_->entries.push_back(e);
  }
  if (ps.rep_->regexps.empty()) {
    return Status::BadRules(file.name() + ": no rules with prefix '" + key_prefix + "'");
  }
  if (!ps.rep_->set->Compile()) {
    return Status::BadRules(file.name() + ": rule set too large to compile");
  }
  return ps;
}

size_t PatternSet::size() const { return rep_->regexps.size(); }
const std::string& PatternSet::id(int rule) const { return rep_->entries[rule].key; }
const RuleEntry& PatternSet::entry(int rule) const { return rep_->entries[rule]; }

int PatternSet::Index(const std::string& id) const {
  for (size_t i = 0; i < rep_->entries.size(); ++i) {
    if (rep_->entries[i].key == id) return static_cast<int>(i);
  }
  return -1;
}

bool PatternSet::FindNext(int rule, std::string_view text, size_t pos, PatternMatch* m) const {
  const RE2& re = *rep_->regexps[rule];
  int ngroups = re.NumberOfCapturingGroups() + 1;
  std::vector<re2::StringPiece> sp(ngroups);
  if (pos > text.size()) return false;
  if (!re.Match(re2::StringPiece(text.data(), text.size()), pos, text.size(), RE2::UNANCHORED,
                sp.data(), ngroups)) {
    return false;
  }
  m->rule = rule;
  m->begin = static_cast<size_t>(sp[0].data() - text.data());
  m->end = m->begin + sp[0].size();
  m->groups.assign(ngroups, std::string_view());
  for (int g = 0; g < ngroups; ++g) {
    if (sp[g].data() != nullptr) m->groups[g] = std::string_view(sp[g].data(), sp[g].size());
  }
  return true;
}

std::vector<PatternMatch> PatternSet::FindAll(std::string_view text) const {
  return FindAll(text, {""});
}

std::vector<PatternMatch> PatternSet::FindAll(
    std::string_view text, std::initializer_list<std::string_view> id_prefixes) const {
  std::vector<int> fired;
  std::vector<PatternMatch> out;
  if (!rep_->set->Match(re2::StringPiece(text.data(), text.size()), &fired)) return out;
  std::sort(fired.begin(), fired.end());
  for (int rule : fired) {
    const std::string& id = rep_->entries[rule].key;
    bool wanted = false;
    for (std::string_view p : id_prefixes) {
      if (id.compare(0, p.size(), p) == 0) wanted = true;
    }
    if (!wanted) continue;
    size_t pos = 0;
    PatternMatch m;
    while (pos <= text.size() && FindNext(rule, text, pos, &m)) {
      out.push_back(m);
      // An empty match must still make progress.
      pos = m.end > m.begin ? m.end : m.end + 1;
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const PatternMatch& a, const PatternMatch& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    return a.end > b.end;
  });
  return out;
}

bool PatternSet::PartialMatch(int rule, std::string_view text) const {
  return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *rep_->regexps[rule]);
}

bool PatternSet::FullMatch(int rule, std::string_view text) const {
  return RE2::FullMatch(re2::StringPiece(text.data(), text.size()), *rep_->regexps[rule]);
}

}  // namespace vanban
