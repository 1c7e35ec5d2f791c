// PatternSet: the RE2 patterns of a rule file, compiled once, matched in one
// pass (RE2::Set) before captures are taken only for the rules that fired.
#ifndef VANBAN_EXTRACTORS_PATTERN_SET_H_
#define VANBAN_EXTRACTORS_PATTERN_SET_H_

#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/rule_file.h"
#include "pipeline/status.h"

namespace vanban {

struct PatternMatch {
  int rule = -1;     // index into the set
  size_t begin = 0;  // byte offsets of the whole match in the searched text
  size_t end = 0;
  // groups[0] is the whole match; an unmatched optional group has
  // data() == nullptr.
  std::vector<std::string_view> groups;
  bool has(size_t g) const { return g < groups.size() && groups[g].data() != nullptr; }
  std::string str(size_t g) const { return has(g) ? std::string(groups[g]) : std::string(); }
};

class PatternSet {
 public:
  PatternSet();
  ~PatternSet();
  PatternSet(PatternSet&&) noexcept;
  PatternSet& operator=(PatternSet&&) noexcept;

  // Compiles every entry of file whose key starts with key_prefix: the key is
  // the rule id, the value the RE2 pattern (UTF-8, leftmost-longest off).
  // Returns kBadRules naming file and line for a pattern that does not compile,
  // or when no entry matched the prefix.
  static Result<PatternSet> Compile(const RuleFile& file, const std::string& key_prefix = "");

  size_t size() const;
  const std::string& id(int rule) const;
  const RuleEntry& entry(int rule) const;
  // Returns the index of the rule with that id, or -1.
  int Index(const std::string& id) const;

  // Returns every match of every rule in text, sorted by begin then by length
  // (longest first). Matches of one rule do not overlap each other; matches of
  // different rules may: callers choose among them.
  std::vector<PatternMatch> FindAll(std::string_view text) const;
  // The same, for the rules whose id starts with one of id_prefixes only:
  // helper rules in the same file (endpoints, contexts) are not scanned for.
  std::vector<PatternMatch> FindAll(std::string_view text,
                                    std::initializer_list<std::string_view> id_prefixes) const;
  // Finds the leftmost match of one rule at or after pos.
  bool FindNext(int rule, std::string_view text, size_t pos, PatternMatch* m) const;
  // Returns true if rule matches text anywhere.
  bool PartialMatch(int rule, std::string_view text) const;
  // Returns true if rule matches the whole of text.
  bool FullMatch(int rule, std::string_view text) const;

 private:
  struct Rep;
  std::unique_ptr<Rep> rep_;
};

}  // namespace vanban

#endif  // VANBAN_EXTRACTORS_PATTERN_SET_H_
