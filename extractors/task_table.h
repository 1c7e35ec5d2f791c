// Task tables: one task per row of a table whose header names a task column
// and a lead column (pipeline/tables.h reads the rows; task_tables.rules
// holds the header words and the forms of the time cells).
#ifndef VANBAN_EXTRACTORS_TASK_TABLE_H_
#define VANBAN_EXTRACTORS_TASK_TABLE_H_

#include <memory>

#include "extractors/extractor.h"
#include "extractors/rule_file.h"
#include "pipeline/status.h"

namespace vanban {

// Needs doc->segments.tables (segment stage), the header's subject and issue
// date (for years a cell leaves out) and the organisations lexicon.
Result<std::unique_ptr<Extractor>> NewTaskTableExtractor(const RuleBook& rules);

}  // namespace vanban

#endif  // VANBAN_EXTRACTORS_TASK_TABLE_H_
