// Organisation names as users type them: folded keys with abbreviations
// expanded ("BTG" → "ban tuyen giao"), from the lexicon's abbreviation table.
#ifndef VANBAN_INDEX_ORG_NAMES_H_
#define VANBAN_INDEX_ORG_NAMES_H_

#include <map>
#include <string>
#include <vector>

#include "pipeline/status.h"

namespace vanban {

class Lexicon;

class OrgNames {
 public:
  // Loads the rule directory's lexicon and takes its abbreviations.
  static Result<OrgNames> Load(const std::string& rules_dir);
  // Takes every reading of every abbreviation of the lexicon.
  static OrgNames FromLexicon(const Lexicon& lexicon);

  // Adds one reading of an abbreviation; an abbreviation may have several
  // ("BTC": Ban Tổ chức, Bộ Tài chính).
  void Add(const std::string& abbreviation, const std::string& expansion);

  // Returns the folded phrases a name may stand for: the name itself, each
  // reading of the whole name, of each word and of words made of several
  // abbreviations ("BTGĐUK" → "ban tuyen giao dang uy khoi"). Never empty
  // unless name has no words.
  std::vector<std::string> Keys(const std::string& name) const;

  size_t size() const { return expansions_.size(); }

 private:
  std::vector<std::string> ExpandWord(const std::string& folded_word) const;
  // folded abbreviation → its folded readings, in table order
  std::map<std::string, std::vector<std::string>> expansions_;
};

}  // namespace vanban

#endif  // VANBAN_INDEX_ORG_NAMES_H_
