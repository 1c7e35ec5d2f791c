// Facts of one kind ordered by where they start, so that the facts inside a
// range are found in O(log n + k) instead of by a scan of every fact.
#ifndef VANBAN_EXTRACTORS_SPAN_INDEX_H_
#define VANBAN_EXTRACTORS_SPAN_INDEX_H_

#include <algorithm>
#include <cstddef>
#include <vector>

#include "pipeline/document.h"

namespace vanban {

class SpanIndex {
 public:
  SpanIndex() = default;
  // Any vector of facts with a `span` member.
  template <typename Fact>
  explicit SpanIndex(const std::vector<Fact>& facts) {
    entries_.reserve(facts.size());
    for (size_t i = 0; i < facts.size(); ++i) {
      if (facts[i].span.empty()) continue;  // an empty span is inside nothing
      entries_.push_back({facts[i].span.begin, facts[i].span.end, i});
    }
    std::sort(entries_.begin(), entries_.end(),
              [](const Entry& a, const Entry& b) { return a.begin < b.begin; });
  }

  // Positions (in the facts' vector, ascending) of the facts whose span lies
  // inside range.
  std::vector<size_t> Within(const Span& range) const {
    std::vector<size_t> out;
    for (auto it = First(range); it != entries_.end() && it->begin < range.end; ++it) {
      if (it->end <= range.end) out.push_back(it->index);
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  // The fact whose span holds position pos (the last one when several do),
  // or null.
  template <typename Fact>
  const Fact* At(const std::vector<Fact>& facts, size_t pos) const {
    const Fact* found = nullptr;
    size_t best = 0;
    auto end = std::upper_bound(entries_.begin(), entries_.end(), pos,
                                [](size_t p, const Entry& e) { return p < e.begin; });
    // Spans that start at or before pos; facts rarely nest, so few are looked at.
    for (auto it = end; it != entries_.begin();) {
      --it;
      if (it->end > pos && (found == nullptr || it->index > best)) {
        found = &facts[it->index];
        best = it->index;
      }
      if (pos - it->begin > kMaxFactBytes) break;
    }
    return found;
  }

  bool AnyWithin(const Span& range) const {
    for (auto it = First(range); it != entries_.end() && it->begin < range.end; ++it) {
      if (it->end <= range.end) return true;
    }
    return false;
  }

 private:
  // No fact span is longer than this: a search back from a position stops here.
  static constexpr size_t kMaxFactBytes = 4096;
  struct Entry {
    size_t begin, end, index;
  };
  std::vector<Entry>::const_iterator First(const Span& range) const {
    return std::lower_bound(entries_.begin(), entries_.end(), range.begin,
                            [](const Entry& e, size_t b) { return e.begin < b; });
  }
  std::vector<Entry> entries_;
};

}  // namespace vanban

#endif  // VANBAN_EXTRACTORS_SPAN_INDEX_H_
