// vanban deadlines: the agenda, sorted by date: every indexed deadline and
// task due from today (or --from) on, overdue ones marked.
#include <iostream>
#include <memory>
#include <string>

#include "cli/command.h"
#include "cli/index_flags.h"
#include "index/export.h"
#include "index/rows_json.h"
#include "pipeline/plan_json.h"

namespace vanban {
namespace {

int RunDeadlines(const IndexFlags& flags) {
  if (!CheckDateFlags({{"--from", &flags.deadline_from, false},
                       {"--to", &flags.deadline_to, true},
                       {"--issued-from", &flags.issued_from, false},
                       {"--issued-to", &flags.issued_to, true}})) {
    return kExitFatal;
  }
  std::string today = ResolveToday(flags.today);
  if (today.empty()) return kExitFatal;
  std::string error;
  IndexQuery q = ToIndexQuery(flags, &error);
  if (!error.empty()) {
    PrintError("rules", error);
    return kExitFatal;
  }
  q.today = today;
  if (q.deadline_from.empty()) q.deadline_from = today;
  auto index = OpenForReading(flags.index);
  if (!index) return kExitFatal;
  auto items = index->Deadlines(q);
  if (!items.ok()) {
    PrintError("deadlines", items.status().ToString());
    return kExitFatal;
  }
  if (flags.format == "json") {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& a : items.value()) out.push_back(AgendaItemJson(a));
    std::cout << PlanDump(out, 2) << "\n";
  } else if (flags.format == "jsonl") {
    for (const auto& a : items.value()) std::cout << PlanDump(AgendaItemJson(a)) << "\n";
  } else if (flags.format == "csv") {
    std::cout << DeadlinesTasksCsv(items.value(), {});
  } else {
    for (const auto& a : items.value()) {
      std::cout << a.due << (a.inclusive ? "  " : " <") << (a.overdue ? " OVERDUE " : " ")
                << Clip(a.reference.empty() ? "(no number)" : a.reference, 24) << "  "
                << Clip(a.action.empty() ? a.subject : a.action, 90);
      if (!a.lead.empty()) std::cout << "  — " << Clip(a.lead, 40);
      std::cout << "\n";
    }
    if (items.value().empty()) std::cout << "no deadlines from " << q.deadline_from << "\n";
  }
  std::cout.flush();
  return kExitOk;
}

}  // namespace

void RegisterDeadlines(CLI::App* app, CommandRunner* run) {
  auto flags = std::make_shared<IndexFlags>();
  flags->limit = 0;
  CLI::App* cmd = app->add_subcommand(
      "deadlines", "Agenda of indexed deadlines by date, with document, action and lead body");
  AddIndexFlag(cmd, flags.get());
  AddFilterFlags(cmd, flags.get(), /*deadline_names_short=*/true);
  AddTodayFlag(cmd, &flags->today);
  cmd->add_option("--limit", flags->limit, "At most this many deadlines (0: all)");
  cmd->add_option("--format", flags->format, "table, json, jsonl or csv")
      ->check(CLI::IsMember({"table", "json", "jsonl", "csv"}));
  cmd->callback([flags, run] { *run = [flags] { return RunDeadlines(*flags); }; });
}

}  // namespace vanban
