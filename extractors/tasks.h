// Factories of the task and target extractors (tasks.cc, targets.cc).
#ifndef VANBAN_EXTRACTORS_TASKS_H_
#define VANBAN_EXTRACTORS_TASKS_H_

#include <memory>

#include "extractors/extractor.h"
#include "extractors/rule_file.h"
#include "pipeline/status.h"

namespace vanban {

// Tasks: needs doc->sections (sections extractor) and reads periods,
// deadlines, dates and targets to link them by span.
Result<std::unique_ptr<Extractor>> NewTasksExtractor(const RuleBook& rules);

// Targets: percentages and counts a document sets, with unit, subject and due.
Result<std::unique_ptr<Extractor>> NewTargetsExtractor(const RuleBook& rules);

}  // namespace vanban

#endif  // VANBAN_EXTRACTORS_TASKS_H_
