// Rule files: the data that drives the extractors (patterns, word lists,
// tables), one entry per line. Format: docs/rules.md.
#ifndef VANBAN_EXTRACTORS_RULE_FILE_H_
#define VANBAN_EXTRACTORS_RULE_FILE_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "pipeline/status.h"

namespace vanban {

class Lexicon;

// One entry: "<key> <value>" on a line, with the example lines below it.
struct RuleEntry {
  std::string key;                     // first whitespace-delimited token
  std::string value;                   // the rest of the line, trimmed
  int line = 0;                        // 1-based line in the file
  std::vector<std::string> positives;  // "+ text" lines: must match
  std::vector<std::string> negatives;  // "- text" lines: must not match
  // Splits value on " | " into trimmed fields.
  std::vector<std::string> Fields() const;
};

class RuleFile {
 public:
  // Parses rule text. name is used in error messages ("dates.rules").
  static Result<RuleFile> Parse(const std::string& name, const std::string& text);
  // Reads and parses a file.
  static Result<RuleFile> Load(const std::string& path);

  const std::string& name() const { return name_; }
  // The file's "@kind" line: "patterns" (RE2 patterns with examples, checked
  // by tests/rule_examples_test.cc), "table" (default) or another word.
  const std::string& kind() const { return kind_; }
  const std::vector<RuleEntry>& entries() const { return entries_; }
  // Returns the entries whose key is key, in file order.
  std::vector<const RuleEntry*> Find(const std::string& key) const;
  // Returns "name:line" for error messages.
  std::string Where(const RuleEntry& e) const;

 private:
  std::string name_;
  std::string kind_ = "table";
  std::vector<RuleEntry> entries_;
};

// All rule files of a directory, by file stem ("dates" for dates.rules).
class RuleBook {
 public:
  // Loads every *.rules file in dir and builds their lexicon. Fails on a
  // missing dir or a bad file.
  static Result<RuleBook> LoadDir(const std::string& dir);
  // Returns the directory rules are read from: $VANBAN_RULES, else the
  // build-time default.
  static std::string DefaultDir();

  // Returns the file with that stem, or nullptr.
  const RuleFile* file(const std::string& stem) const;
  // Returns the file with that stem or a kBadRules status naming it.
  Result<const RuleFile*> Require(const std::string& stem) const;
  const std::map<std::string, RuleFile>& files() const { return files_; }
  void Add(const std::string& stem, RuleFile f) { files_[stem] = std::move(f); }
  // Rebuilds the lexicon from the files (after Add).
  Status BuildLexicon();

  // The typed tables and shared pattern sets of these files (lexicon.h),
  // built once; empty for a book that was never loaded.
  const Lexicon& lexicon() const;
  std::shared_ptr<const Lexicon> shared_lexicon() const;

 private:
  std::map<std::string, RuleFile> files_;
  std::shared_ptr<const Lexicon> lexicon_;
};

}  // namespace vanban

#endif  // VANBAN_EXTRACTORS_RULE_FILE_H_
