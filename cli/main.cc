// vanban: the command-line entry point; dispatches to the subcommands.
#include <iostream>

#include "cli/command.h"
#include "text/utf8.h"

namespace vanban {

void AddPipelineFlags(CLI::App* cmd, PipelineOptions* o) {
  cmd->add_option("--rules", o->rules_dir,
                  "Directory of rule files (default: $VANBAN_RULES or built-in)")
      ->check(CLI::ExistingDirectory);
  cmd->add_option("--encoding", o->encoding,
                  "Decode TXT input from this encoding instead of detecting it "
                  "(UTF-8, UTF-16LE, windows-1258, VISCII, TCVN3, VNI)");
  cmd->add_option("--ocr", o->ocr, "OCR for scanned PDF pages: auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->add_option("--max-pages", o->max_pages, "Refuse PDFs with more pages than this")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--max-bytes", o->max_bytes, "Refuse inputs larger than this many bytes")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--time-budget", o->time_budget_seconds,
                  "Seconds one document may take, every stage counted, before it is abandoned")
      ->check(CLI::PositiveNumber);
}

void PrintError(const std::string& what, const std::string& why) {
  std::cerr << "vanban: " << EscapeForLine(what) << ": " << EscapeForLine(why) << "\n";
}

}  // namespace vanban

int main(int argc, char** argv) {
  CLI::App app{"vanban: structured plans from Vietnamese official directives"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "vanban 0.1.0");
  vanban::CommandRunner run;
  vanban::RegisterExtract(&app, &run);
  vanban::RegisterIngest(&app, &run);
  vanban::RegisterSearch(&app, &run);
  vanban::RegisterDeadlines(&app, &run);
  vanban::RegisterTasks(&app, &run);
  vanban::RegisterExport(&app, &run);
  vanban::RegisterShow(&app, &run);
  vanban::RegisterFailures(&app, &run);
  vanban::RegisterCheck(&app, &run);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : vanban::kExitFatal;
  }
  return run ? run() : vanban::kExitFatal;
}
