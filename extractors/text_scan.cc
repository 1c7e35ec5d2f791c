// Byte-level helpers for the value extractors.
#include "extractors/text_scan.h"

#include <unicode/uchar.h>

#include "extractors/numbers.h"
#include "text/utf8.h"

namespace vanban {

char32_t CodePointBefore(std::string_view text, size_t pos) {
  if (pos == 0 || pos > text.size()) return 0;
  size_t b = pos - 1;
  while (b > 0 && pos - b < 4 && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) --b;
  size_t p = b;
  return NextCodePoint(text, &p);
}

char32_t CodePointAt(std::string_view text, size_t pos) {
  if (pos >= text.size()) return 0;
  return NextCodePoint(text, &pos);
}

bool IsLetter(char32_t c) { return c != 0 && u_isalpha(static_cast<UChar32>(c)); }
bool IsDigitCp(char32_t c) { return c >= '0' && c <= '9'; }

std::string_view TrimMarks(std::string_view s) {
  auto mark = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '*' || c == '_';
  };
  while (!s.empty() && mark(s.front())) s.remove_prefix(1);
  while (!s.empty() && mark(s.back())) s.remove_suffix(1);
  return s;
}

std::string CutUtf8(std::string_view s, size_t max) {
  if (s.size() <= max) return std::string(s);
  size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return std::string(s.substr(0, n));
}

bool Overlaps(const std::vector<Span>& spans, size_t b, size_t e) {
  for (const Span& s : spans) {
    if (b < s.end && s.begin < e) return true;
  }
  return false;
}

std::vector<std::string> TableWords(const RuleFile& file, const std::string& key) {
  std::vector<std::string> out;
  for (const RuleEntry* e : file.Find(key)) {
    for (const std::string& w : e->Fields()) {
      if (!w.empty()) out.push_back(LowerNfc(w));
    }
  }
  return out;
}

}  // namespace vanban
