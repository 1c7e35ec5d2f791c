// The readable summary `vanban show` prints by default: what a clerk reads
// first (type, reference, issuer, date, subject, signer, sources), then the
// deadlines by date and the tasks by lead body.
#ifndef VANBAN_CLI_SHOW_SUMMARY_H_
#define VANBAN_CLI_SHOW_SUMMARY_H_

#include <nlohmann/json.hpp>
#include <string>

namespace vanban {

// width: the longest line's code points before a text is clipped with "…".
std::string PlanSummary(const nlohmann::json& plan, size_t width = 100);

}  // namespace vanban

#endif  // VANBAN_CLI_SHOW_SUMMARY_H_
