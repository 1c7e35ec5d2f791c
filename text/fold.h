// The Vietnamese folding key: one function used everywhere text is matched
// loosely (gazetteers, the search index tokenizer, CLI search terms).
#ifndef VANBAN_TEXT_FOLD_H_
#define VANBAN_TEXT_FOLD_H_

#include <string>
#include <string_view>

namespace vanban {

// Returns the folding key of UTF-8 text: lower case, every diacritic removed,
// đ/Đ → d, so "Đảng bộ Khối" → "dang bo khoi". Composed and decomposed input
// give the same key. Characters outside Latin are lower-cased only; invalid
// bytes become U+FFFD. Byte length may differ from the input.
std::string FoldKey(std::string_view utf8);

// Folds one code point (lower case, no diacritics). Returns 0 for a combining
// mark, which folding drops.
char32_t FoldCodePoint(char32_t cp);

// Returns true if fold (a folding key) starts with word as whole words: the
// byte after word is not a letter or digit.
bool FoldStartsWith(std::string_view fold, std::string_view word);

}  // namespace vanban

#endif  // VANBAN_TEXT_FOLD_H_
