// Organisation names as users type them: folded keys with abbreviations
// expanded ("BTG" → "ban tuyen giao"), from the rule files.
#ifndef VANBAN_INDEX_ORG_NAMES_H_
#define VANBAN_INDEX_ORG_NAMES_H_

#include <map>
#include <string>
#include <vector>

#include "pipeline/status.h"

namespace vanban {

class OrgNames {
 public:
  // Reads abbreviations.rules (abbreviation, then its expansion) and, when
  // present, organisations.rules (canonical name | abbreviation | …) from dir.
  // A directory without either gives an empty table.
  static Result<OrgNames> Load(const std::string& rules_dir);

  // Adds one abbreviation and its expansion.
  void Add(const std::string& abbreviation, const std::string& expansion);

  // Returns the folded phrases a name may stand for: the name itself, the
  // expansion of the whole name, of each word and of words made of several
  // abbreviations ("BTGĐUK" → "ban tuyen giao dang uy khoi"). Never empty
  // unless name has no words.
  std::vector<std::string> Keys(const std::string& name) const;

  size_t size() const { return expansions_.size(); }

 private:
  std::string ExpandWord(const std::string& folded_word) const;
  std::map<std::string, std::string> expansions_;  // folded abbreviation → folded expansion
};

}  // namespace vanban

#endif  // VANBAN_INDEX_ORG_NAMES_H_
