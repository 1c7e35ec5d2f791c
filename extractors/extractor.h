// Extractor: finds one kind of fact in a segmented Document and adds it, with
// its span and rule id. Extractors are built once from the rule book.
#ifndef VANBAN_EXTRACTORS_EXTRACTOR_H_
#define VANBAN_EXTRACTORS_EXTRACTOR_H_

#include <memory>
#include <vector>

#include "extractors/rule_file.h"
#include "pipeline/document.h"
#include "pipeline/status.h"

namespace vanban {

class Extractor {
 public:
  virtual ~Extractor() = default;
  virtual const char* name() const = 0;
  // Adds facts to doc. Must be thread-safe (called on many documents at once)
  // and must not fail: what it cannot parse it leaves out.
  virtual void Extract(Document* doc) const = 0;
};

// Builds an extractor from the rule book, or returns kBadRules.
using ExtractorFactory = Result<std::unique_ptr<Extractor>> (*)(const RuleBook& rules);

// Builds every registered extractor in run order (registry.cc). Fails on the
// first rule file that does not load.
Result<std::vector<std::unique_ptr<Extractor>>> BuildExtractors(const RuleBook& rules);

}  // namespace vanban

#endif  // VANBAN_EXTRACTORS_EXTRACTOR_H_
