// Number grammar: figures written the Vietnamese way (`.` groups thousands,
// `,` marks decimals) and numbers written in words (`một trăm linh năm`,
// `năm mươi triệu`, `hai tỷ rưỡi`), driven by the number_words.rules table.
#ifndef VANBAN_EXTRACTORS_NUMBERS_H_
#define VANBAN_EXTRACTORS_NUMBERS_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/rule_file.h"
#include "pipeline/status.h"

namespace vanban {

// Parses a figure: "50.000.000" → 5e7, "2,5" → 2.5, "1.234,56" → 1234.56,
// "-3" → -3, "01" → 1. Returns nullopt when s is not one well-formed figure
// (a `.` must group exactly three digits: "1.5" is rejected).
std::optional<double> ParseFigure(std::string_view s);

// Returns s in Unicode NFC, lower-cased (Vietnamese rules). Invalid UTF-8 is
// replaced, never rejected.
std::string LowerNfc(std::string_view s);

// The number words of number_words.rules and the grammar that combines them.
class NumberWords {
 public:
  // Builds from the "number_words" rule file; kBadRules when an entry has an
  // unknown role or value.
  static Result<NumberWords> FromRules(const RuleBook& rules);
  static Result<NumberWords> FromFile(const RuleFile& file);

  // Parses the whole of words ("Năm mươi triệu", "một trăm lẻ năm"); any
  // capitalisation and Unicode form. Returns nullopt unless every word is
  // used by the grammar.
  std::optional<double> Parse(std::string_view words) const;

  // Parses the longest number that starts at text[pos] (a word start). On
  // success sets *end to the byte after its last word and returns the value.
  std::optional<double> ParsePrefix(std::string_view text, size_t pos, size_t* end) const;

  // True if word (any case) is a number word.
  bool IsNumberWord(std::string_view word) const;

  enum class Role { kDigit, kUnit, kTen, kTens, kTensWord, kLink, kHundred, kMult, kHalf, kExact };
  struct Word {
    Role role = Role::kDigit;
    double value = 0;
  };

 private:
  std::map<std::string, Word> words_;
};

}  // namespace vanban

#endif  // VANBAN_EXTRACTORS_NUMBERS_H_
