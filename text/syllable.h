// Vietnamese syllable shape, used to tell which decoding of a byte string
// reads as Vietnamese (encoding detection and mojibake repair).
#ifndef VANBAN_TEXT_SYLLABLE_H_
#define VANBAN_TEXT_SYLLABLE_H_

#include <cstddef>
#include <string_view>

namespace vanban {

// Returns true if word (UTF-8 letters, any case, NFC or NFD) is spelt like a
// Vietnamese syllable: onset, one to three vowels with at most one tone mark
// and well-placed vowel marks, a permitted final consonant, and a tone that
// fits it (c, ch, p, t take only sắc or nặng).
bool IsVietnameseSyllable(std::string_view word);

struct SyllableScore {
  size_t words = 0;            // words with a letter outside ASCII
  size_t valid = 0;            // ... of which spelt like Vietnamese
  size_t foreign_letters = 0;  // words with a non-Vietnamese letter or symbol
  double ratio() const { return words == 0 ? 0.0 : static_cast<double>(valid) / words; }
};

// Scores text: every whitespace-delimited token (punctuation and digits
// trimmed at the ends) containing a non-ASCII character is checked.
SyllableScore ScoreVietnamese(std::string_view text);

}  // namespace vanban

#endif  // VANBAN_TEXT_SYLLABLE_H_
