// The normalise stage: decoded text → one canonical text (NFC, one tone-mark
// style, artefacts removed) with an offset map back to the decoded text.
// docs/normalisation.md says what changes and why.
#ifndef VANBAN_PIPELINE_NORMALISE_H_
#define VANBAN_PIPELINE_NORMALISE_H_

#include <memory>

#include "extractors/rule_file.h"
#include "pipeline/offsets.h"  // MapToRaw
#include "pipeline/stage.h"

namespace vanban {

// rules: the rule book; "repairs" (known phrases for diacritic repair) is
// read when present. Returns kBadRules for a repair phrase of one word.
Result<std::unique_ptr<Stage>> NewNormaliseStage(const RuleBook& rules);

}  // namespace vanban

#endif  // VANBAN_PIPELINE_NORMALISE_H_
