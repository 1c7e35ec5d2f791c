// Vietnamese syllable check over the NFD form of each letter.
#include "text/syllable.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>
#include <string>

#include "text/utf8.h"

namespace vanban {
namespace {

// What one code point contributes: base letter, vowel mark, tone.
struct Letter {
  char base = 0;  // 'a'..'z' or 'D' for đ; 0 = not a Vietnamese letter
  char mark = 0;  // '^' circumflex, '(' breve, '+' horn
  char tone = 0;  // '`' grave, '\'' acute, '?' hook, '~' tilde, '.' dot
};

bool Combining(char32_t cp, Letter* l) {
  switch (cp) {
    case 0x0300:
    case 0x0340:
      l->tone = l->tone ? 'X' : '`';
      return true;
    case 0x0301:
    case 0x0341:
      l->tone = l->tone ? 'X' : '\'';
      return true;
    case 0x0309:
      l->tone = l->tone ? 'X' : '?';
      return true;
    case 0x0303:
      l->tone = l->tone ? 'X' : '~';
      return true;
    case 0x0323:
      l->tone = l->tone ? 'X' : '.';
      return true;
    case 0x0302:
      l->mark = l->mark ? 'X' : '^';
      return true;
    case 0x0306:
      l->mark = l->mark ? 'X' : '(';
      return true;
    case 0x031B:
      l->mark = l->mark ? 'X' : '+';
      return true;
    default:
      return false;
  }
}

// Analyses a precomposed letter (cached for Latin ranges).
Letter Analyse(char32_t cp) {
  Letter l;
  char32_t lower = static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp)));
  if (lower < 0x80) {
    if (lower >= 'a' && lower <= 'z') l.base = static_cast<char>(lower);
    return l;
  }
  if (lower == 0x0111) {
    l.base = 'D';
    return l;
  }
  UErrorCode st = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(st);
  if (U_FAILURE(st)) return l;
  icu::UnicodeString d = nfd->normalize(icu::UnicodeString(static_cast<UChar32>(lower)), st);
  if (U_FAILURE(st) || d.length() == 0) return l;
  char32_t b = d.char32At(0);
  if (b >= 'a' && b <= 'z') {
    l.base = static_cast<char>(b);
    for (int32_t i = U16_LENGTH(b); i < d.length(); i = d.moveIndex32(i, 1)) {
      if (!Combining(d.char32At(i), &l)) return Letter();
    }
  }
  return l;
}

Letter LetterOf(char32_t cp) {
  static const std::array<Letter, 0x1F00>* table = [] {
    auto* t = new std::array<Letter, 0x1F00>();
    for (char32_t c = 0; c < 0x1F00; ++c) (*t)[c] = Analyse(c);
    return t;
  }();
  if (cp < 0x1F00) return (*table)[cp];
  return Letter();
}

bool IsVowelBase(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

constexpr const char* kOnsets[] = {"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr",
                                   "qu",  "b",  "c",  "d",  "D",  "g",  "h",  "k",  "l",  "m",
                                   "n",   "p",  "r",  "s",  "t",  "v",  "x",  ""};
constexpr const char* kCodas[] = {"", "c", "ch", "m", "n", "ng", "nh", "p", "t"};

}  // namespace

bool IsVietnameseSyllable(std::string_view word) {
  std::string bases, marks;
  char tone = 0;
  size_t pos = 0;
  while (pos < word.size()) {
    char32_t cp = NextCodePoint(word, &pos);
    Letter l;
    if (!bases.empty() && Combining(cp, &l)) {
      // A combining mark after a letter (NFD input).
      if (l.mark) {
        if (marks.back()) return false;
        marks.back() = l.mark;
      }
      if (l.tone) {
        if (tone) return false;
        tone = l.tone;
      }
      continue;
    }
    l = LetterOf(cp);
    if (!l.base || l.tone == 'X' || l.mark == 'X') return false;
    if (l.tone) {
      if (tone) return false;
      tone = l.tone;
    }
    bases.push_back(l.base);
    marks.push_back(l.mark);
    if (bases.size() > 8) return false;
  }
  if (bases.empty()) return false;
  // Vowel marks only where Vietnamese has them: â ê ô, ă, ơ ư.
  for (size_t i = 0; i < bases.size(); ++i) {
    char m = marks[i], b = bases[i];
    if (!m) continue;
    if (m == '^' && b != 'a' && b != 'e' && b != 'o') return false;
    if (m == '(' && b != 'a') return false;
    if (m == '+' && b != 'o' && b != 'u') return false;
  }
  // A tone or vowel mark needs a vowel to sit on.
  for (const char* onset : kOnsets) {
    std::string_view o(onset);
    if (std::string_view(bases).substr(0, o.size()) != o) continue;
    size_t v = o.size();
    size_t e = v;
    while (e < bases.size() && IsVowelBase(bases[e])) ++e;
    bool gi_alone = o == "gi" && e == v;  // "gì", "gìn": i is the vowel
    if (e == v && !gi_alone) continue;
    if (e - v > 3) continue;
    std::string_view coda = std::string_view(bases).substr(e);
    bool coda_ok = false;
    for (const char* c : kCodas) coda_ok = coda_ok || coda == c;
    if (!coda_ok) continue;
    for (size_t i = 0; i < v; ++i) {
      if (marks[i]) return false;  // no marks on consonants
    }
    if ((coda == "c" || coda == "ch" || coda == "p" || coda == "t") && tone && tone != '\'' &&
        tone != '.') {
      continue;
    }
    return true;
  }
  return false;
}

SyllableScore ScoreVietnamese(std::string_view text) {
  SyllableScore s;
  size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\n' || text[pos] == '\t' ||
                                 text[pos] == '\r' || text[pos] == '\f')) {
      ++pos;
    }
    size_t b = pos;
    while (pos < text.size() && text[pos] != ' ' && text[pos] != '\n' && text[pos] != '\t' &&
           text[pos] != '\r' && text[pos] != '\f') {
      ++pos;
    }
    std::string_view tok = text.substr(b, pos - b);
    auto trim = [](char c) {
      unsigned char u = static_cast<unsigned char>(c);
      return u < 0x80 && !((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z'));
    };
    while (!tok.empty() && trim(tok.front())) tok.remove_prefix(1);
    while (!tok.empty() && trim(tok.back())) tok.remove_suffix(1);
    bool non_ascii = false;
    for (char c : tok) non_ascii = non_ascii || static_cast<unsigned char>(c) >= 0x80;
    if (!non_ascii) continue;
    ++s.words;
    if (IsVietnameseSyllable(tok)) {
      ++s.valid;
    } else {
      size_t p = 0;
      while (p < tok.size()) {
        char32_t cp = NextCodePoint(tok, &p);
        Letter l;
        if (cp >= 0x80 && !LetterOf(cp).base && !Combining(cp, &l)) {
          ++s.foreign_letters;
          break;
        }
      }
    }
  }
  return s;
}

}  // namespace vanban
