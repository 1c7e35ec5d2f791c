// Tone-mark placement for oa/oe/uy, over a small table of the plain vowels.
#include "text/tone.h"

#include <vector>

#include "text/fold.h"
#include "text/utf8.h"

namespace vanban {
namespace {

// The plain vowels that take part, each with its six tones (none, grave,
// acute, hook above, tilde, dot below), lower case then upper case.
constexpr char32_t kVowels[5][2][6] = {
    {{U'a', U'à', U'á', U'ả', U'ã', U'ạ'}, {U'A', U'À', U'Á', U'Ả', U'Ã', U'Ạ'}},
    {{U'e', U'è', U'é', U'ẻ', U'ẽ', U'ẹ'}, {U'E', U'È', U'É', U'Ẻ', U'Ẽ', U'Ẹ'}},
    {{U'o', U'ò', U'ó', U'ỏ', U'õ', U'ọ'}, {U'O', U'Ò', U'Ó', U'Ỏ', U'Õ', U'Ọ'}},
    {{U'u', U'ù', U'ú', U'ủ', U'ũ', U'ụ'}, {U'U', U'Ù', U'Ú', U'Ủ', U'Ũ', U'Ụ'}},
    {{U'y', U'ỳ', U'ý', U'ỷ', U'ỹ', U'ỵ'}, {U'Y', U'Ỳ', U'Ý', U'Ỷ', U'Ỹ', U'Ỵ'}},
};
constexpr char kBases[] = "aeouy";

struct Vowel {
  int base = -1;  // index into kVowels
  int upper = 0;
  int tone = 0;
};

bool Lookup(char32_t cp, Vowel* v) {
  for (int b = 0; b < 5; ++b) {
    for (int u = 0; u < 2; ++u) {
      for (int t = 0; t < 6; ++t) {
        if (kVowels[b][u][t] == cp) {
          *v = {b, u, t};
          return true;
        }
      }
    }
  }
  return false;
}

bool IsVowel(char32_t cp) {
  char32_t f = FoldCodePoint(cp);
  return f == 'a' || f == 'e' || f == 'i' || f == 'o' || f == 'u' || f == 'y';
}

}  // namespace

bool IsLatinLetter(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  if (cp >= 0xC0 && cp <= 0x24F) return cp != 0xD7 && cp != 0xF7;
  return cp >= 0x1E00 && cp <= 0x1EFF;
}

bool NewStyleTone(std::string_view syllable, std::string* out) {
  // Cheap exits: the nucleus needs two vowels and a tone mark (non-ASCII).
  if (syllable.size() < 3 || syllable.size() > 24) return false;
  std::vector<char32_t> cps;
  size_t pos = 0;
  while (pos < syllable.size()) cps.push_back(NextCodePoint(syllable, &pos));
  size_t v0 = 0;
  while (v0 < cps.size() && !IsVowel(cps[v0])) ++v0;
  // Open syllable: the nucleus is the last two code points.
  if (v0 + 2 != cps.size()) return false;
  Vowel first, second;
  if (!Lookup(cps[v0], &first) || !Lookup(cps[v0 + 1], &second)) return false;
  char a = kBases[first.base], b = kBases[second.base];
  bool pair = (a == 'o' && (b == 'a' || b == 'e')) || (a == 'u' && b == 'y');
  if (!pair || first.tone != 0 || second.tone == 0) return false;
  if (a == 'u' && v0 > 0 && (cps[v0 - 1] == 'q' || cps[v0 - 1] == 'Q')) return false;
  out->clear();
  for (size_t i = 0; i < v0; ++i) AppendUtf8(cps[i], out);
  AppendUtf8(kVowels[first.base][first.upper][second.tone], out);
  AppendUtf8(kVowels[second.base][second.upper][0], out);
  return true;
}

std::string NewStyleTones(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::string syl;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t start = pos;
    char32_t cp = NextCodePoint(text, &pos);
    if (!IsLatinLetter(cp)) {
      out.append(text.substr(start, pos - start));
      continue;
    }
    size_t end = pos;
    while (end < text.size()) {
      size_t next = end;
      if (!IsLatinLetter(NextCodePoint(text, &next))) break;
      end = next;
    }
    std::string_view word = text.substr(start, end - start);
    if (NewStyleTone(word, &syl)) {
      out += syl;
    } else {
      out.append(word);
    }
    pos = end;
  }
  return out;
}

}  // namespace vanban
