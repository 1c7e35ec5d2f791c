// Folding key: table over Latin code points built once from ICU's NFD data.
#include "text/fold.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>
#include <cctype>

#include "text/utf8.h"

namespace vanban {
namespace {

constexpr char32_t kTableEnd = 0x2000;  // Latin, Latin Extended and combining marks

// fold_table[cp] for cp < kTableEnd: the folded code point, 0 = drop.
const std::array<char32_t, kTableEnd>& FoldTable() {
  static const std::array<char32_t, kTableEnd> table = [] {
    std::array<char32_t, kTableEnd> t{};
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    for (char32_t cp = 0; cp < kTableEnd; ++cp) {
      if (u_getCombiningClass(cp) != 0 || (cp >= 0x300 && cp < 0x370)) {
        t[cp] = 0;
        continue;
      }
      char32_t base = cp;
      if (U_SUCCESS(status)) {
        icu::UnicodeString decomposed;
        UErrorCode st = U_ZERO_ERROR;
        decomposed = nfd->normalize(icu::UnicodeString(static_cast<UChar32>(cp)), st);
        if (U_SUCCESS(st) && decomposed.length() > 0) base = decomposed.char32At(0);
      }
      if (base == 0x0110 || base == 0x0111 || base == 0x00D0) base = 'd';  // Đ đ Ð
      t[cp] = static_cast<char32_t>(u_tolower(static_cast<UChar32>(base)));
    }
    return t;
  }();
  return table;
}

}  // namespace

char32_t FoldCodePoint(char32_t cp) {
  if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
  if (cp < kTableEnd) return FoldTable()[cp];
  if (cp >= 0x1E00 && cp < 0x1F00) {
    // Latin Extended Additional (ạ ả ấ … ỹ): outside the table's range.
    static const std::array<char32_t, 0x100> extra = [] {
      std::array<char32_t, 0x100> t{};
      UErrorCode status = U_ZERO_ERROR;
      const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
      for (char32_t i = 0; i < 0x100; ++i) {
        char32_t c = 0x1E00 + i;
        char32_t base = c;
        if (U_SUCCESS(status)) {
          UErrorCode st = U_ZERO_ERROR;
          icu::UnicodeString d = nfd->normalize(icu::UnicodeString(static_cast<UChar32>(c)), st);
          if (U_SUCCESS(st) && d.length() > 0) base = d.char32At(0);
        }
        t[i] = static_cast<char32_t>(u_tolower(static_cast<UChar32>(base)));
      }
      return t;
    }();
    return extra[cp - 0x1E00];
  }
  if (u_getCombiningClass(cp) != 0) return 0;
  return static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp)));
}

std::string FoldKey(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  size_t pos = 0;
  while (pos < utf8.size()) {
    unsigned char c = static_cast<unsigned char>(utf8[pos]);
    if (c < 0x80) {
      out.push_back(static_cast<char>((c >= 'A' && c <= 'Z') ? c + 32 : c));
      ++pos;
      continue;
    }
    char32_t folded = FoldCodePoint(NextCodePoint(utf8, &pos));
    if (folded != 0) AppendUtf8(folded, &out);
  }
  return out;
}

bool FoldStartsWith(std::string_view fold, std::string_view word) {
  if (word.empty() || fold.size() < word.size()) return false;
  if (fold.compare(0, word.size(), word) != 0) return false;
  if (fold.size() == word.size()) return true;
  unsigned char c = static_cast<unsigned char>(fold[word.size()]);
  return !(std::isalnum(c) || c >= 0x80);
}

}  // namespace vanban
