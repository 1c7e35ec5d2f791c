// The segment stage: finds header, body, signature, recipients and attached
// parts in the normalised text (Document::segments).
#ifndef VANBAN_PIPELINE_SEGMENT_H_
#define VANBAN_PIPELINE_SEGMENT_H_

#include <memory>

#include "extractors/rule_file.h"
#include "pipeline/stage.h"

namespace vanban {

// rules must outlive the stage.
Result<std::unique_ptr<Stage>> NewSegmentStage(const RuleBook& rules);

}  // namespace vanban

#endif  // VANBAN_PIPELINE_SEGMENT_H_
