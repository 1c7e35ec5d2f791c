// Figures and numbers in words: the small grammar regex cannot express.
#include "extractors/numbers.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <cmath>
#include <cstdlib>

namespace vanban {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Splits text at [pos, …) into words: runs of bytes that are not ASCII space
// or punctuation. Stops at the first byte that is neither a word byte nor a
// space (so a number never runs across a comma or a bracket).
struct Tok {
  size_t begin, end;
};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool IsWordByte(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  if (u >= 0x80) return true;
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::vector<Tok> Words(std::string_view text, size_t pos, size_t max_words) {
  std::vector<Tok> out;
  size_t i = pos;
  while (i < text.size() && out.size() < max_words) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    if (i >= text.size() || !IsWordByte(text[i])) break;
    size_t b = i;
    while (i < text.size() && IsWordByte(text[i])) ++i;
    out.push_back({b, i});
  }
  return out;
}

using Role = NumberWords::Role;
using Word = NumberWords::Word;

bool IsRole(const std::vector<Word>& t, size_t i, Role r) { return i < t.size() && t[i].role == r; }
bool IsDigitWord(const std::vector<Word>& t, size_t i, bool allow_zero) {
  return IsRole(t, i, Role::kDigit) && (allow_zero || t[i].value > 0);
}
// A units word after tens: a digit 1..9 or mốt/tư/lăm. "năm" is not one:
// after tens it is "year" ("hai mươi năm" is twenty years; 25 is "lăm").
bool IsUnitAfterTens(const std::vector<Word>& t, size_t i) {
  return (IsRole(t, i, Role::kDigit) && t[i].value > 0 && t[i].value != 5) ||
         IsRole(t, i, Role::kUnit);
}

// Parses 1..99 at t[i]; returns tokens used (0 if none).
size_t Sub100(const std::vector<Word>& t, size_t i, double* v) {
  if (IsRole(t, i, Role::kTen)) {
    *v = 10;
    if (IsUnitAfterTens(t, i + 1) && !(IsRole(t, i + 1, Role::kUnit) && t[i + 1].value == 1)) {
      *v += t[i + 1].value;
      return 2;
    }
    return 1;
  }
  if (IsDigitWord(t, i, false) && IsRole(t, i + 1, Role::kTens)) {
    *v = t[i].value * 10;
    if (IsUnitAfterTens(t, i + 2)) {
      *v += t[i + 2].value;
      return 3;
    }
    return 2;
  }
  if (IsDigitWord(t, i, false) && IsRole(t, i + 1, Role::kTensWord)) {
    *v = t[i].value * 10;
    return 2;
  }
  if (IsDigitWord(t, i, false)) {
    *v = t[i].value;
    return 1;
  }
  return 0;
}

// Parses 0..999 at t[i], with an optional trailing "rưỡi" after trăm.
size_t Group(const std::vector<Word>& t, size_t i, double* v) {
  size_t used = 0;
  double hundreds = -1;
  if (IsDigitWord(t, i, true) && IsRole(t, i + 1, Role::kHundred)) {
    hundreds = t[i].value * 100;
    used = 2;
  } else if (IsRole(t, i, Role::kHundred)) {  // "trăm phần trăm"
    hundreds = 100;
    used = 1;
  }
  if (hundreds < 0) return Sub100(t, i, v);
  *v = hundreds;
  size_t j = i + used;
  if (IsRole(t, j, Role::kLink) && IsDigitWord(t, j + 1, false)) {
    *v += t[j + 1].value;
    return used + 2;
  }
  if (IsRole(t, j, Role::kHalf)) {
    *v += 50;
    return used + 1;
  }
  // Only a tens form continues a hundred ("một trăm năm" is a century).
  double tens = 0;
  if (IsRole(t, j, Role::kTen) || (IsDigitWord(t, j, false) && IsRole(t, j + 1, Role::kTens))) {
    size_t n = Sub100(t, j, &tens);
    *v += tens;
    return used + n;
  }
  return used;
}

// The whole grammar; returns tokens used.
size_t ParseTokens(const std::vector<Word>& t, double* out) {
  struct Part {
    double value, mult;
  };
  std::vector<Part> parts;
  size_t i = 0;
  double small = 0;
  bool have_small = false;
  while (i < t.size()) {
    double g = 0;
    size_t n = 0;
    if (!parts.empty() && IsRole(t, i, Role::kLink)) {
      n = Group(t, i + 1, &g);
      if (n == 0) break;
      ++n;
    } else {
      n = Group(t, i, &g);
    }
    if (n == 0) {
      if (IsRole(t, i, Role::kMult) && !parts.empty()) {
        // "một nghìn tỷ": a bigger multiplier scales everything below it.
      } else {
        break;
      }
    } else {
      if (have_small) break;  // two groups in a row: "hai ba" is not a number
      small = g;
      have_small = true;
      i += n;
    }
    if (IsRole(t, i, Role::kMult)) {
      double m = t[i].value;
      double s = have_small ? small : 0;
      if (!have_small) {
        // Bare multiplier after a multiplier: fold the lower parts into it.
        while (!parts.empty() && parts.back().mult < m) {
          s += parts.back().value;
          parts.pop_back();
        }
        if (s == 0) break;
      } else {
        while (!parts.empty() && parts.back().mult < m) {
          s += parts.back().value;
          parts.pop_back();
        }
      }
      parts.push_back({s * m, m});
      have_small = false;
      small = 0;
      ++i;
      if (IsRole(t, i, Role::kHalf)) {
        parts.back().value += m / 2;
        ++i;
      }
      continue;
    }
    break;
  }
  if (parts.empty() && !have_small) return 0;
  double total = have_small ? small : 0;
  for (const Part& p : parts) total += p.value;
  if (IsRole(t, i, Role::kExact)) ++i;  // "chẵn"
  *out = total;
  return i;
}

}  // namespace

std::optional<double> ParseFigure(std::string_view s) {
  if (s.empty() || s.size() > 40) return std::nullopt;
  bool neg = false;
  size_t i = 0;
  if (s[0] == '-' || s[0] == '+') {
    neg = s[0] == '-';
    i = 1;
  }
  std::string digits;
  size_t run = 0;        // digits since the last separator
  bool grouped = false;  // saw a '.' group separator
  bool decimal = false;
  size_t first_run = 0;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (IsDigit(c)) {
      digits.push_back(c);
      ++run;
    } else if (c == '.' && !decimal) {
      if (run == 0 || (grouped && run != 3) || (!grouped && run > 3)) return std::nullopt;
      if (!grouped) first_run = run;
      grouped = true;
      run = 0;
    } else if (c == ',' && !decimal) {
      if (run == 0 || (grouped && run != 3)) return std::nullopt;
      decimal = true;
      digits.push_back('.');
      run = 0;
    } else {
      return std::nullopt;
    }
  }
  (void)first_run;
  if (run == 0) return std::nullopt;
  if (grouped && !decimal && run != 3) return std::nullopt;
  double v = std::strtod(digits.c_str(), nullptr);
  return neg ? -v : v;
}

std::string LowerNfc(std::string_view s) {
  icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_SUCCESS(status) && nfc != nullptr) {
    icu::UnicodeString n = nfc->normalize(u, status);
    if (U_SUCCESS(status)) u = n;
  }
  u.toLower(icu::Locale("vi"));
  std::string out;
  u.toUTF8String(out);
  return out;
}

Result<NumberWords> NumberWords::FromRules(const RuleBook& rules) {
  auto f = rules.Require("number_words");
  if (!f.ok()) return f.status();
  return FromFile(*f.value());
}

Result<NumberWords> NumberWords::FromFile(const RuleFile& file) {
  static const std::map<std::string, Role> kRoles = {
      {"digit", Role::kDigit},     {"unit", Role::kUnit},          {"ten", Role::kTen},
      {"tens", Role::kTens},       {"tens-word", Role::kTensWord}, {"link", Role::kLink},
      {"hundred", Role::kHundred}, {"mult", Role::kMult},          {"half", Role::kHalf},
      {"exact", Role::kExact}};
  NumberWords nw;
  for (const RuleEntry& e : file.entries()) {
    std::vector<std::string> f = e.Fields();
    if (f.size() != 2) return Status::BadRules(file.Where(e) + ": want 'word role | value'");
    auto role = kRoles.find(f[0]);
    if (role == kRoles.end()) return Status::BadRules(file.Where(e) + ": unknown role " + f[0]);
    char* endp = nullptr;
    double v = std::strtod(f[1].c_str(), &endp);
    if (endp == f[1].c_str()) return Status::BadRules(file.Where(e) + ": bad value " + f[1]);
    nw.words_[LowerNfc(e.key)] = Word{role->second, v};
  }
  if (nw.words_.empty()) return Status::BadRules(file.name() + ": no number words");
  return nw;
}

bool NumberWords::IsNumberWord(std::string_view word) const {
  return words_.count(LowerNfc(word)) > 0;
}

std::optional<double> NumberWords::Parse(std::string_view words) const {
  std::vector<Word> t;
  size_t i = 0;
  while (i < words.size()) {
    while (i < words.size() && IsSpace(words[i])) ++i;
    if (i >= words.size()) break;
    size_t b = i;
    while (i < words.size() && !IsSpace(words[i])) ++i;
    auto it = words_.find(LowerNfc(words.substr(b, i - b)));
    if (it == words_.end()) return std::nullopt;
    t.push_back(it->second);
  }
  if (t.empty()) return std::nullopt;
  double v = 0;
  if (ParseTokens(t, &v) != t.size()) return std::nullopt;
  return v;
}

std::optional<double> NumberWords::ParsePrefix(std::string_view text, size_t pos,
                                               size_t* end) const {
  if (pos >= text.size()) return std::nullopt;
  std::vector<Tok> toks = Words(text, pos, 24);
  std::vector<Word> t;
  for (const Tok& k : toks) {
    auto it = words_.find(LowerNfc(text.substr(k.begin, k.end - k.begin)));
    if (it == words_.end()) break;
    t.push_back(it->second);
  }
  double v = 0;
  size_t n = ParseTokens(t, &v);
  if (n == 0) return std::nullopt;
  *end = toks[n - 1].end;
  return v;
}

}  // namespace vanban
