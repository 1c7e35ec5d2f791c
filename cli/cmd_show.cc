// vanban show ID|PATH: a readable summary of one indexed document, or its
// stored plan as JSON.
#include <iostream>
#include <memory>
#include <string>

#include "cli/command.h"
#include "cli/index_flags.h"
#include "cli/show_summary.h"
#include "pipeline/plan_json.h"

namespace vanban {
namespace {

struct ShowFlags {
  std::string index = DefaultIndexPath();
  std::string what;
  bool no_text = false;
  bool compact = false;
  bool json = false;
};

int RunShow(const ShowFlags& flags) {
  auto index = OpenForReading(flags.index);
  if (!index) return kExitFatal;
  auto plan = index->Plan(flags.what);
  if (!plan.ok()) {
    PrintError(flags.what, plan.status().ToString());
    return kExitSomeFailed;
  }
  nlohmann::json p = std::move(plan).value();
  if (!flags.json && !flags.no_text && !flags.compact) {
    std::cout << PlanSummary(p);
    return kExitOk;
  }
  if (flags.no_text && p.is_object()) p.erase("text");
  std::cout << PlanDump(p, flags.compact ? -1 : 2) << "\n";
  return kExitOk;
}

}  // namespace

void RegisterShow(CLI::App* app, CommandRunner* run) {
  auto flags = std::make_shared<ShowFlags>();
  CLI::App* cmd = app->add_subcommand(
      "show",
      "Summarise a document (type, reference, issuer, date, subject, signer, sources, deadlines, "
      "tasks by lead), by content id (or a prefix) or by path; --json prints the stored plan");
  cmd->add_option("id-or-path", flags->what, "sha256 (prefix of 6+ digits) or file path")
      ->required();
  cmd->add_option("--index", flags->index,
                  "Index file (default: $VANBAN_INDEX or ./vanban-index.sqlite)");
  cmd->add_flag("--json", flags->json, "Print the stored plan as JSON");
  cmd->add_flag("--no-text", flags->no_text, "JSON without the normalised text (implies --json)");
  cmd->add_flag("--compact", flags->compact, "One line of JSON (implies --json)");
  cmd->callback([flags, run] { *run = [flags] { return RunShow(*flags); }; });
}

}  // namespace vanban
