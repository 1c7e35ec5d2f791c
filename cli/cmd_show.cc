// vanban show ID|PATH: prints the stored plan of one indexed document.
#include <iostream>
#include <memory>
#include <string>

#include "cli/command.h"
#include "cli/index_flags.h"
#include "pipeline/plan_json.h"

namespace vanban {
namespace {

struct ShowFlags {
  std::string index = DefaultIndexPath();
  std::string what;
  bool no_text = false;
  bool compact = false;
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
  if (flags.no_text && p.is_object()) p.erase("text");
  std::cout << PlanDump(p, flags.compact ? -1 : 2) << "\n";
  return kExitOk;
}

}  // namespace

void RegisterShow(CLI::App* app, CommandRunner* run) {
  auto flags = std::make_shared<ShowFlags>();
  CLI::App* cmd = app->add_subcommand(
      "show", "Print the stored plan of a document, by content id (or a prefix) or by path");
  cmd->add_option("id-or-path", flags->what, "sha256 (prefix of 6+ digits) or file path")
      ->required();
  cmd->add_option("--index", flags->index,
                  "Index file (default: $VANBAN_INDEX or ./vanban-index.sqlite)");
  cmd->add_flag("--no-text", flags->no_text, "Leave the normalised text out");
  cmd->add_flag("--compact", flags->compact, "One line of JSON");
  cmd->callback([flags, run] { *run = [flags] { return RunShow(*flags); }; });
}

}  // namespace vanban
