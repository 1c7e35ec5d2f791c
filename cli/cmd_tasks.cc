// vanban tasks: what a body owes, one row per task (lead, partners, due or
// recurrence, overdue mark), read per task from the index.
#include <algorithm>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/command.h"
#include "cli/index_flags.h"
#include "index/export.h"
#include "index/rows_json.h"
#include "pipeline/plan_json.h"

namespace vanban {
namespace {

struct TasksFlags {
  IndexFlags index;
  std::string due_from, due_to;
  bool overdue = false;
};

// When the task is due, for the table: the date ("<" before an exclusive
// one), "recurring", "continuous", or "-".
std::string WhenText(const TaskRow& t) {
  if (!t.due.empty()) return t.due + (t.due_inclusive ? " " : "<");
  if (!t.recurrence.empty()) return "recurring";
  if (t.continuous) return "continuous";
  return "-";
}

void PrintTable(const std::vector<TaskRow>& tasks) {
  for (const auto& t : tasks) {
    std::string when = WhenText(t);
    when.resize(std::max<size_t>(when.size(), 11), ' ');
    std::cout << when << (t.overdue ? " OVERDUE " : " ")
              << Clip(t.reference.empty() ? "(no number)" : t.reference, 24) << "  "
              << Clip(t.text, 90) << "\n";
    std::cout << "            lead: " << (t.lead.empty() ? "-" : Clip(t.lead, 60));
    if (!t.partners.empty()) std::cout << "  partners: " << Clip(t.partners, 90);
    if (!t.recurrence.empty()) std::cout << "  rule: " << t.recurrence;
    std::cout << "\n";
  }
  if (tasks.empty()) std::cout << "no tasks\n";
}

void PrintCsv(const std::vector<TaskRow>& tasks) {
  std::cout << CsvRow({"reference", "doc_id", "task_id", "section_path", "due", "due_inclusive",
                       "recurrence", "continuous", "overdue", "lead", "lead_canonical", "partners",
                       "product", "action"});
  for (const auto& t : tasks) {
    std::cout << CsvRow({t.reference, t.doc_id, t.task_id, t.section_path, t.due,
                         t.due_inclusive ? "true" : "false", t.recurrence,
                         t.continuous ? "true" : "false", t.overdue ? "true" : "false", t.lead,
                         t.lead_canonical, t.partners, t.product, t.text});
  }
}

// Usage problems the option parser cannot see; prints one line, false when bad.
bool CheckUsage(const TasksFlags& flags) {
  const std::string& role = flags.index.role;
  if (!role.empty() && role != "lead" && role != "partner") {
    PrintError("--role", role + ": expected lead or partner");
    return false;
  }
  if (!role.empty() && flags.index.org.empty()) {
    PrintError("--role", "needs --org (whose role?)");
    return false;
  }
  return CheckDateFlags(
      {{"--due-from", &flags.due_from, false}, {"--due-to", &flags.due_to, true}});
}

int RunTasks(const TasksFlags& flags) {
  if (!CheckUsage(flags)) return kExitFatal;
  std::string today = ResolveToday(flags.index.today);
  if (today.empty()) return kExitFatal;
  std::string error;
  IndexQuery q = ToIndexQuery(flags.index, &error);
  if (!error.empty()) {
    PrintError("rules", error);
    return kExitFatal;
  }
  q.due_from = flags.due_from;
  q.due_to = flags.due_to;
  q.overdue_only = flags.overdue;
  q.today = today;
  auto index = OpenForReading(flags.index.index);
  if (!index) return kExitFatal;
  auto tasks = index->Tasks(q);
  if (!tasks.ok()) {
    PrintError("tasks", tasks.status().ToString());
    return kExitFatal;
  }
  const std::string& format = flags.index.format;
  if (format == "json") {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& t : tasks.value()) out.push_back(TaskJson(t));
    std::cout << PlanDump(out, 2) << "\n";
  } else if (format == "jsonl") {
    for (const auto& t : tasks.value()) std::cout << PlanDump(TaskJson(t)) << "\n";
  } else if (format == "csv") {
    PrintCsv(tasks.value());
  } else {
    PrintTable(tasks.value());
  }
  std::cout.flush();
  return kExitOk;
}

}  // namespace

void RegisterTasks(CLI::App* app, CommandRunner* run) {
  auto flags = std::make_shared<TasksFlags>();
  flags->index.limit = 0;
  CLI::App* cmd = app->add_subcommand(
      "tasks", "What a body owes: one row per task with lead, partners, due date and overdue mark");
  AddIndexFlag(cmd, &flags->index);
  cmd->add_option("--org", flags->index.org,
                  "Only tasks this body leads or partners in (folded; abbreviations expand)");
  cmd->add_option("--role", flags->index.role, "With --org: lead (the task's own lead) or partner");
  cmd->add_option("--due-from", flags->due_from, "Tasks due on or after this date")
      ->transform(DateFlag());
  cmd->add_option("--due-to", flags->due_to, "Tasks due on or before this date")
      ->transform(DateFlag());
  cmd->add_flag("--overdue", flags->overdue, "Only tasks whose due date has passed");
  cmd->add_option("--format", flags->index.format, "table, json, jsonl or csv")
      ->check(CLI::IsMember({"table", "json", "jsonl", "csv"}));
  cmd->add_option("--limit", flags->index.limit, "At most this many tasks (0: all)");
  cmd->add_option("--rules", flags->index.rules_dir, "Rule directory for the abbreviation table")
      ->check(CLI::ExistingDirectory);
  AddTodayFlag(cmd, &flags->index.today);
  cmd->callback([flags, run] { *run = [flags] { return RunTasks(*flags); }; });
}

}  // namespace vanban
