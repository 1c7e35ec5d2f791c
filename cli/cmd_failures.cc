// vanban failures: the files that could not be indexed, with the reason.
#include <iostream>
#include <memory>
#include <string>

#include "cli/command.h"
#include "cli/index_flags.h"
#include "index/export.h"
#include "pipeline/plan_json.h"

namespace vanban {
namespace {

struct FailuresFlags {
  std::string index = DefaultIndexPath();
  std::string format = "table";
};

int RunFailures(const FailuresFlags& flags) {
  auto index = OpenForReading(flags.index);
  if (!index) return kExitFatal;
  auto failures = index->Failures();
  if (!failures.ok()) {
    PrintError("failures", failures.status().ToString());
    return kExitFatal;
  }
  for (const auto& f : failures.value()) {
    if (flags.format == "jsonl") {
      std::cout << PlanDump({{"path", f.path}, {"reason", f.reason}, {"time", f.time}}) << "\n";
    } else if (flags.format == "csv") {
      std::cout << CsvRow({f.path, f.reason, f.time});
    } else {
      std::cout << f.path << "\t" << f.reason << "\t" << f.time << "\n";
    }
  }
  return kExitOk;
}

}  // namespace

void RegisterFailures(CLI::App* app, CommandRunner* run) {
  auto flags = std::make_shared<FailuresFlags>();
  CLI::App* cmd = app->add_subcommand(
      "failures", "List the files ingest could not index (ingest --retry-failed tries again)");
  cmd->add_option("--index", flags->index,
                  "Index file (default: $VANBAN_INDEX or ./vanban-index.sqlite)");
  cmd->add_option("--format", flags->format, "table (path TAB reason TAB time), jsonl or csv")
      ->check(CLI::IsMember({"table", "jsonl", "csv"}));
  cmd->callback([flags, run] { *run = [flags] { return RunFailures(*flags); }; });
}

}  // namespace vanban
