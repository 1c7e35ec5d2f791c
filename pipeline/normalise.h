// The normalise stage: decoded text → one canonical text (NFC, one tone-mark
// style, artefacts removed) with an offset map back to the decoded text.
#ifndef VANBAN_PIPELINE_NORMALISE_H_
#define VANBAN_PIPELINE_NORMALISE_H_

#include <memory>

#include "extractors/rule_file.h"
#include "pipeline/stage.h"

namespace vanban {

// rules: the rule book (repairs and clean-up data); must outlive the stage.
Result<std::unique_ptr<Stage>> NewNormaliseStage(const RuleBook& rules);

}  // namespace vanban

#endif  // VANBAN_PIPELINE_NORMALISE_H_
