// vanban check [--index FILE]: integrity of the SQLite file, the full-text
// index and vanban's own tables; prints what is wrong.
#include <iostream>
#include <memory>
#include <string>

#include "cli/command.h"
#include "cli/index_flags.h"

namespace vanban {
namespace {

int RunCheck(const std::string& path) {
  auto opened = Index::Open(path, /*create=*/false);
  if (!opened.ok()) {
    PrintError(path, opened.status().ToString());
    // A damaged index is what check reports; a missing or foreign file is a
    // usage error.
    return opened.status().code() == StatusCode::kCorrupt ? kExitSomeFailed : kExitFatal;
  }
  auto index = std::move(opened).value();
  auto problems = index->Check();
  if (!problems.ok()) {
    PrintError(path, problems.status().ToString());
    return kExitSomeFailed;
  }
  for (const auto& p : problems.value()) PrintError(path, p);
  auto count = index->Count();
  if (problems.value().empty()) {
    std::cout << "check: ok documents=" << (count.ok() ? count.value() : -1) << " index=" << path
              << "\n";
    return kExitOk;
  }
  std::cout << "check: " << problems.value().size() << " problems index=" << path << "\n";
  return kExitSomeFailed;
}

}  // namespace

void RegisterCheck(CLI::App* app, CommandRunner* run) {
  auto path = std::make_shared<std::string>(DefaultIndexPath());
  CLI::App* cmd = app->add_subcommand(
      "check", "Check the index: SQLite and full-text integrity, vanban's own consistency");
  cmd->add_option("--index", *path, "Index file (default: $VANBAN_INDEX or ./vanban-index.sqlite)");
  cmd->callback([path, run] { *run = [path] { return RunCheck(*path); }; });
}

}  // namespace vanban
