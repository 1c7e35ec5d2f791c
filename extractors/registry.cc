// The extractor registry: one line per extractor, in the order they run.
// Later extractors may read what earlier ones added (the header's issue date
// resolves years; tasks link dates and periods).
#include "extractors/extractor.h"
#include "extractors/organisations.h"
#include "extractors/sections.h"
#include "extractors/task_table.h"
#include "extractors/tasks.h"
#include "extractors/value_extractors.h"

namespace vanban {

Result<std::unique_ptr<Extractor>> NewHeaderExtractor(const RuleBook& rules);
Result<std::unique_ptr<Extractor>> NewSignatureExtractor(const RuleBook& rules);
Result<std::unique_ptr<Extractor>> NewRecipientsExtractor(const RuleBook& rules);

namespace {

const ExtractorFactory kExtractors[] = {
    // 1. Header, signature, recipients (the issue date resolves years below).
    NewHeaderExtractor, NewSignatureExtractor, NewRecipientsExtractor,

    // 2. Values: numbers, money, percentages, dates, periods, deadlines, citations.
    NewCitationExtractor, NewTimeExtractor, NewMoneyExtractor, NewPercentExtractor,
    NewNumberExtractor, NewScopeExtractor,

    // 3. Structure: organisations, sections, tasks, targets.
    NewOrganisationsExtractor, NewSectionsExtractor, NewTargetsExtractor, NewTasksExtractor,
    NewTaskTableExtractor,

    nullptr,  // end marker, skipped
};

}  // namespace

Result<std::vector<std::unique_ptr<Extractor>>> BuildExtractors(const RuleBook& rules) {
  std::vector<std::unique_ptr<Extractor>> out;
  for (ExtractorFactory factory : kExtractors) {
    if (factory == nullptr) continue;
    auto e = factory(rules);
    if (!e.ok()) return e.status();
    out.push_back(std::move(e).value());
  }
  return out;
}

}  // namespace vanban
