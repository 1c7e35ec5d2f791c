// Byte-level helpers for the value extractors.
#include "extractors/text_scan.h"

#include <unicode/uchar.h>

#include <algorithm>

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

SpanSet::SpanSet(const std::vector<Span>& spans) {
  for (const Span& s : spans) push_back(s);
}

void SpanSet::push_back(const Span& s) {
  if (!spans_.empty() && s.begin < spans_.back().first) sorted_ = false;
  spans_.emplace_back(s.begin, s.end);
  if (sorted_) max_end_.push_back(max_end_.empty() ? s.end : std::max(max_end_.back(), s.end));
}

void SpanSet::Sort() const {
  std::sort(spans_.begin(), spans_.end());
  max_end_.clear();
  for (const auto& [b, e] : spans_)
    max_end_.push_back(max_end_.empty() ? e : std::max(max_end_.back(), e));
  sorted_ = true;
}

bool SpanSet::Overlaps(size_t b, size_t e) const {
  if (!sorted_) Sort();
  // Spans that start before e; one of them overlaps when the largest end passes b.
  auto it =
      std::lower_bound(spans_.begin(), spans_.end(), e,
                       [](const std::pair<size_t, size_t>& s, size_t x) { return s.first < x; });
  size_t n = static_cast<size_t>(it - spans_.begin());
  return n > 0 && max_end_[n - 1] > b;
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
