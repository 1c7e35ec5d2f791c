// Organisation gazetteer: finds Party and state bodies in text (longest match
// over folded words, so OCR damage and tone placement do not matter) and
// records them in Document::organisations with their roles.
#ifndef VANBAN_EXTRACTORS_ORGANISATIONS_H_
#define VANBAN_EXTRACTORS_ORGANISATIONS_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/extractor.h"
#include "extractors/lexicon.h"
#include "extractors/rule_file.h"
#include "pipeline/document.h"
#include "pipeline/status.h"

namespace vanban {

// One body found in text.
struct OrgMatch {
  size_t begin = 0;  // byte range in the searched text
  size_t end = 0;
  std::string name;          // canonical: "Ban Tuyên giáo Đảng ủy Khối"
  std::string abbreviation;  // "BTGĐUK", "" when unknown
  std::string kind;          // board | committee | central | local | state | mass
};

// A word of UTF-8 text with its folding key.
struct Word {
  size_t begin = 0, end = 0;
  std::string fold;      // FoldKey of the word
  bool capital = false;  // first letter upper case
};

// Splits text[begin, end) into words (letters and digits).
std::vector<Word> SplitWords(std::string_view text, size_t begin, size_t end);

class OrgMatcher {
 public:
  OrgMatcher();
  ~OrgMatcher();
  OrgMatcher(OrgMatcher&&) noexcept;
  OrgMatcher& operator=(OrgMatcher&&) noexcept;

  // Builds the matcher from the lexicon's organisation tables. Returns
  // kBadRules when organisations.rules is missing.
  static Result<OrgMatcher> Create(const RuleBook& rules);
  // Builds the matcher from one organisations file (read by the lexicon), or
  // returns kBadRules when an entry is malformed.
  static Result<OrgMatcher> FromFile(const RuleFile& file);
  static OrgMatcher FromTables(const OrgTables& tables);

  // Returns the bodies named in text[begin, end), in text order, not
  // overlapping (longest first).
  std::vector<OrgMatch> Find(std::string_view text, size_t begin, size_t end) const;
  std::vector<OrgMatch> Find(std::string_view text) const { return Find(text, 0, text.size()); }

 private:
  struct Rep;
  std::unique_ptr<Rep> rep_;
};

// Adds a mention of m (span in doc->text) with role to doc->organisations,
// merging with an existing organisation of the same name. An existing
// mention at the same span takes the more specific role ("mentioned" is
// replaced). Returns the organisation's id.
std::string AddOrgMention(Document* doc, const OrgMatch& m, const std::string& role);

Result<std::unique_ptr<Extractor>> NewOrganisationsExtractor(const RuleBook& rules);

}  // namespace vanban

#endif  // VANBAN_EXTRACTORS_ORGANISATIONS_H_
