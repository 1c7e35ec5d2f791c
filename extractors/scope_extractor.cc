// The document's extent: web captures and scans carry text that is not the
// directive (a site's banner and metadata table before the header, its
// notices and "related documents" links after the recipients, a digital
// signature stamp). Values found there (a data-protection decree cited by
// the site, its phone numbers, the page's own dates) are dropped, so every
// value in the plan comes from the directive itself. The extent is the
// segment stage's (Segments::extent); this runs after the value extractors.
#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "extractors/value_extractors.h"

namespace vanban {
namespace {

// Renumbers ids "date7" → "date1" … after a filter, keeping the prefix.
template <typename Fact>
void Keep(std::vector<Fact>* facts, size_t begin, size_t end) {
  std::vector<Fact> kept;
  for (Fact& f : *facts) {
    if (f.span.begin >= begin && f.span.begin < end) kept.push_back(std::move(f));
  }
  for (size_t i = 0; i < kept.size(); ++i) {
    std::string& id = kept[i].id;
    size_t digits = id.find_last_not_of("0123456789");
    id = id.substr(0, digits == std::string::npos ? 0 : digits + 1) + std::to_string(i + 1);
  }
  *facts = std::move(kept);
}

class ScopeExtractor : public Extractor {
 public:
  const char* name() const override { return "scope"; }

  void Extract(Document* doc) const override {
    const Span& extent = doc->segments.extent;
    size_t begin = extent.begin, end = extent.end;
    if (extent.empty()) return;
    if (begin == 0 && end >= doc->text.size()) return;
    Keep(&doc->numbers, begin, end);
    Keep(&doc->amounts, begin, end);
    Keep(&doc->percentages, begin, end);
    Keep(&doc->dates, begin, end);
    Keep(&doc->periods, begin, end);
    Keep(&doc->deadlines, begin, end);
    Keep(&doc->citations, begin, end);
  }
};

}  // namespace

Result<std::unique_ptr<Extractor>> NewScopeExtractor(const RuleBook&) {
  return std::unique_ptr<Extractor>(new ScopeExtractor);
}

}  // namespace vanban
