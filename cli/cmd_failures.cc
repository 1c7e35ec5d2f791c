// vanban failures: the files that could not be indexed, with the reason.
#include <iostream>
#include <memory>
#include <string>

#include "cli/command.h"
#include "cli/index_flags.h"
#include "index/export.h"
#include "pipeline/plan_json.h"
#include "text/utf8.h"

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
    // Names and reasons may hold control characters or invalid UTF-8: escaped,
    // one record stays one line (JSON escapes controls itself).
    std::string path = EscapeForLine(f.path), reason = EscapeForLine(f.reason);
    if (flags.format == "jsonl") {
      std::cout << PlanDump({{"path", IsValidUtf8(f.path) ? f.path : path},
                             {"reason", IsValidUtf8(f.reason) ? f.reason : reason},
                             {"time", f.time}})
                << "\n";
    } else if (flags.format == "csv") {
      std::cout << CsvRow({path, reason, f.time});
    } else {
      std::cout << path << "\t" << reason << "\t" << f.time << "\n";
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
