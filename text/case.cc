// Letter case over ICU's per-code-point mappings.
#include "text/case.h"

#include <unicode/uchar.h>

#include "text/utf8.h"

namespace vanban {
namespace {

template <typename F>
std::string MapCodePoints(std::string_view s, F f) {
  std::string out;
  out.reserve(s.size());
  size_t pos = 0;
  while (pos < s.size()) AppendUtf8(f(NextCodePoint(s, &pos)), &out);
  return out;
}

}  // namespace

std::string ToUpperUtf8(std::string_view s) {
  return MapCodePoints(s, [](char32_t c) { return static_cast<char32_t>(u_toupper(c)); });
}

std::string ToLowerUtf8(std::string_view s) {
  return MapCodePoints(s, [](char32_t c) { return static_cast<char32_t>(u_tolower(c)); });
}

bool IsAllUpper(std::string_view s) {
  bool letter = false;
  size_t pos = 0;
  while (pos < s.size()) {
    char32_t c = NextCodePoint(s, &pos);
    if (u_islower(c)) return false;
    if (u_isupper(c)) letter = true;
  }
  return letter;
}

bool StartsUpper(std::string_view s) {
  size_t pos = 0;
  while (pos < s.size()) {
    char32_t c = NextCodePoint(s, &pos);
    if (u_isalpha(c)) return u_isupper(c);
  }
  return false;
}

bool StartsLower(std::string_view s) {
  size_t pos = 0;
  while (pos < s.size()) {
    char32_t c = NextCodePoint(s, &pos);
    if (u_isalpha(c)) return u_islower(c);
    if (c != ' ' && c != '\t') return false;
  }
  return false;
}

std::string Capitalise(std::string_view s) {
  if (s.empty()) return std::string();
  size_t pos = 0;
  char32_t c = NextCodePoint(s, &pos);
  std::string out;
  AppendUtf8(static_cast<char32_t>(u_toupper(c)), &out);
  out.append(s.substr(pos));
  return out;
}

}  // namespace vanban
