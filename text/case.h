// Letter case of UTF-8 text, code point by code point (Vietnamese needs no
// context-dependent casing).
#ifndef VANBAN_TEXT_CASE_H_
#define VANBAN_TEXT_CASE_H_

#include <string>
#include <string_view>

namespace vanban {

std::string ToUpperUtf8(std::string_view s);
std::string ToLowerUtf8(std::string_view s);
// Returns true if s has a letter and no lower-case letter.
bool IsAllUpper(std::string_view s);
// Returns true if the first letter of s is upper case.
bool StartsUpper(std::string_view s);
// Returns true if the first letter of s is lower case.
bool StartsLower(std::string_view s);
// Upper-cases the first code point of s.
std::string Capitalise(std::string_view s);

}  // namespace vanban

#endif  // VANBAN_TEXT_CASE_H_
