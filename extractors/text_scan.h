// Small byte-level helpers the value extractors share: code points around an
// offset, trimming, clause boundaries, word lists from a table file.
#ifndef VANBAN_EXTRACTORS_TEXT_SCAN_H_
#define VANBAN_EXTRACTORS_TEXT_SCAN_H_

#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extractors/rule_file.h"
#include "pipeline/document.h"

namespace vanban {

// The code point that ends just before pos (0 at the start of text).
char32_t CodePointBefore(std::string_view text, size_t pos);
// The code point that starts at pos (0 at the end of text).
char32_t CodePointAt(std::string_view text, size_t pos);
bool IsLetter(char32_t c);
bool IsDigitCp(char32_t c);
// Strips spaces and Markdown emphasis (*, _) from both ends.
std::string_view TrimMarks(std::string_view s);
// Cuts s to at most max bytes at a UTF-8 boundary.
std::string CutUtf8(std::string_view s, size_t max);
// True if [b, e) overlaps any of spans.
bool Overlaps(const std::vector<Span>& spans, size_t b, size_t e);

// Spans taken so far, asked "does [b, e) overlap one?" in O(log n): kept in
// order of start with the running maximum of their ends. Spans added in text
// order (the common case) cost O(1); others re-sort on the next question.
class SpanSet {
 public:
  SpanSet() = default;
  explicit SpanSet(const std::vector<Span>& spans);
  void push_back(const Span& s);
  bool Overlaps(size_t b, size_t e) const;

 private:
  void Sort() const;
  mutable std::vector<std::pair<size_t, size_t>> spans_;  // (begin, end)
  mutable std::vector<size_t> max_end_;                   // max end of spans_[0..i]
  mutable bool sorted_ = true;
};
inline bool Overlaps(const SpanSet& spans, size_t b, size_t e) { return spans.Overlaps(b, e); }
// The words of a table entry "key  w1 | w2 | …", lower-cased NFC; empty
// when the key is missing.
std::vector<std::string> TableWords(const RuleFile& file, const std::string& key);

}  // namespace vanban

#endif  // VANBAN_EXTRACTORS_TEXT_SCAN_H_
