// The value extractors: cited documents, dates/periods/deadlines, money,
// percentages and numbers (rule files citations, dates, deadlines, money,
// numbers, number_words, value_words). Registered in registry.cc, block 2.
#ifndef VANBAN_EXTRACTORS_VALUE_EXTRACTORS_H_
#define VANBAN_EXTRACTORS_VALUE_EXTRACTORS_H_

#include <memory>

#include "extractors/extractor.h"

namespace vanban {

Result<std::unique_ptr<Extractor>> NewCitationExtractor(const RuleBook& rules);
// Dates, periods and deadlines: one extractor, since they compete for the
// same words ("hoàn thành trong tháng 3/2022" is a deadline, not a period).
Result<std::unique_ptr<Extractor>> NewTimeExtractor(const RuleBook& rules);
Result<std::unique_ptr<Extractor>> NewMoneyExtractor(const RuleBook& rules);
Result<std::unique_ptr<Extractor>> NewPercentExtractor(const RuleBook& rules);
// Runs last in the block: skips figures the others already claimed.
Result<std::unique_ptr<Extractor>> NewNumberExtractor(const RuleBook& rules);
// Drops the values found outside the directive's own text (site banners
// and notices around a web capture); runs after the others in the block.
Result<std::unique_ptr<Extractor>> NewScopeExtractor(const RuleBook& rules);

}  // namespace vanban

#endif  // VANBAN_EXTRACTORS_VALUE_EXTRACTORS_H_
