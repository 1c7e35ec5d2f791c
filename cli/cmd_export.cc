// vanban export --format jsonl|csv|ics|register|xlsx|edxml [filters]: the index for
// other systems.
#include <ctime>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/command.h"
#include "cli/export_office.h"
#include "cli/index_flags.h"
#include "cli/output_file.h"
#include "extractors/lexicon.h"
#include "index/export.h"
#include "pipeline/plan_json.h"
#include "text/clock.h"

namespace vanban {
namespace {

struct ExportFlags {
  IndexFlags index;
  std::string text;
  std::string output;
  bool bom = false;
};

std::string UtcStamp() { return FormatUtcNow("%Y%m%dT%H%M%SZ"); }

int RunExport(const ExportFlags& flags) {
  std::string error;
  IndexQuery q = ToIndexQuery(flags.index, &error);
  if (!error.empty()) {
    PrintError("rules", error);
    return kExitFatal;
  }
  q.text = flags.text;
  q.limit = 0;
  if (!flags.output.empty()) {
    Status s = CheckOutputIsNotIndex(flags.output, flags.index.index);
    if (!s.ok()) {
      PrintError(flags.output, s.message());
      return kExitFatal;
    }
  }
  auto index = OpenForReading(flags.index.index);
  if (!index) return kExitFatal;
  const std::string& format = flags.index.format;
  if (format == "edxml")
    return RunOfficeExport(index.get(), q, format, false, flags.output, std::cout);
  AtomicOutput file;
  if (!flags.output.empty()) {
    Status s = file.Open(flags.output);
    if (!s.ok()) {
      PrintError(flags.output, s.message());
      return kExitFatal;
    }
  }
  std::ostream& out = flags.output.empty() ? std::cout : file.stream();
  if (IsOfficeFormat(format)) {
    int rc = RunOfficeExport(index.get(), q, format, flags.bom, "", out);
    if (rc != kExitOk) return rc;
  } else if (format == "jsonl") {
    auto plans = index->Plans(q);
    if (!plans.ok()) {
      PrintError("export", plans.status().ToString());
      return kExitFatal;
    }
    for (const auto& p : plans.value()) out << PlanDump(p) << "\n";
  } else {
    // Deadlines of the matching documents; the range filters the deadlines.
    auto deadlines = index->Deadlines(q);
    if (!deadlines.ok()) {
      PrintError("export", deadlines.status().ToString());
      return kExitFatal;
    }
    auto tasks = index->Tasks(q);
    if (!tasks.ok()) {
      PrintError("export", tasks.status().ToString());
      return kExitFatal;
    }
    if (format == "ics") {
      auto lexicon = Lexicon::Load(flags.index.rules_dir.empty() ? RuleBook::DefaultDir()
                                                                 : flags.index.rules_dir);
      if (!lexicon.ok()) {
        PrintError("export", lexicon.status().ToString());
        return kExitFatal;
      }
      std::vector<TaskRow> recurring;
      for (const auto& t : tasks.value()) {
        if (!t.recurrence.empty()) recurring.push_back(t);
      }
      out << DeadlinesIcs(deadlines.value(), recurring, UtcStamp(), IcsLabelsOf(*lexicon.value()));
    } else {
      if (flags.bom) out << "\xEF\xBB\xBF";
      out << DeadlinesTasksCsv(deadlines.value(), tasks.value());
    }
  }
  out.flush();
  Status written = !out                   ? Status::IOError("write failed")
                   : flags.output.empty() ? Status::OK()
                                          : file.Commit();
  if (!written.ok()) {
    PrintError(flags.output.empty() ? "stdout" : flags.output, written.message());
    return kExitFatal;
  }
  return kExitOk;
}

}  // namespace

void RegisterExport(CLI::App* app, CommandRunner* run) {
  auto flags = std::make_shared<ExportFlags>();
  flags->index.format = "jsonl";
  CLI::App* cmd = app->add_subcommand(
      "export",
      "Export the index: jsonl (full plans), csv (deadlines and tasks with lead and partners), "
      "ics (one all-day event per task due or deadline, recurring tasks with RRULE), register "
      "(the incoming-documents register, CSV), xlsx (the register and the deadlines and tasks "
      "as a workbook), edxml (one QCVN 102:2016 file per document into --output DIR)");
  cmd->add_option("--format", flags->index.format, "jsonl, csv, ics, register, xlsx or edxml")
      ->check(CLI::IsMember({"jsonl", "csv", "ics", "register", "xlsx", "edxml"}));
  cmd->add_flag("--bom", flags->bom,
                "CSV and register: start with a UTF-8 byte order mark (Excel)");
  cmd->add_option("--text", flags->text, "Only documents matching these words");
  cmd->add_option("--output,-o", flags->output, "Write to this file instead of standard output");
  AddIndexFlag(cmd, &flags->index);
  AddFilterFlags(cmd, &flags->index);
  cmd->callback([flags, run] { *run = [flags] { return RunExport(*flags); }; });
}

}  // namespace vanban
