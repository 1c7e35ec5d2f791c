// Assembles the JSON plan of a Document (the contract in schemas/plan.schema.json).
#ifndef VANBAN_PIPELINE_PLAN_JSON_H_
#define VANBAN_PIPELINE_PLAN_JSON_H_

#include <nlohmann/json.hpp>

#include "pipeline/document.h"

namespace vanban {

struct PlanJsonOptions {
  bool include_text = true;  // the normalised text, under "text"
};

// Returns the plan. Never throws on any Document content (invalid UTF-8 in a
// string is replaced when dumped with PlanDump()).
nlohmann::json PlanToJson(const Document& doc, const PlanJsonOptions& options = {});

// Serialises a plan; indent < 0 gives one line. Invalid UTF-8 is replaced.
std::string PlanDump(const nlohmann::json& plan, int indent = -1);

// The version of the plan format written into every plan.
inline constexpr const char* kPlanSchemaVersion = "1";

}  // namespace vanban

#endif  // VANBAN_PIPELINE_PLAN_JSON_H_
