// vanban: the command-line entry point; dispatches to the subcommands.
#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

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

namespace {

// Edit distance between two short ASCII words.
size_t Distance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

// The subcommand closest to word, or "" when none is close.
std::string Suggest(const CLI::App& app, const std::string& word) {
  std::string best;
  size_t best_d = 3;
  for (const CLI::App* sub : app.get_subcommands({})) {
    size_t d = Distance(word, sub->get_name());
    if (d < best_d) best_d = d, best = sub->get_name();
  }
  return best;
}

bool IsCommand(const CLI::App& app, const std::string& word) {
  for (const CLI::App* sub : app.get_subcommands({})) {
    if (sub->get_name() == word) return true;
  }
  return false;
}

// Rewrites "vanban help CMD" as "vanban CMD --help", "vanban help" and
// "vanban version" as the flags.
std::vector<std::string> Rewrite(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (!args.empty() && args[0] == "help") {
    args.erase(args.begin());
    args.push_back("--help");
  } else if (!args.empty() && args[0] == "version") {
    args[0] = "--version";
  }
  return args;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"vanban: structured plans from Vietnamese official directives"};
  app.name("vanban");
  app.require_subcommand(1);
  app.set_version_flag("-V,--version", "vanban 0.1.0");
  app.get_formatter()->column_width(34);
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
  vanban::RegisterServe(&app, &run);
  vanban::RegisterWatch(&app, &run);
  std::vector<std::string> args = Rewrite(argc, argv);
  if (args.empty()) {
    std::cerr << app.help();
    return vanban::kExitFatal;
  }
  static const std::vector<std::string> kTopFlags = {"-h", "--help", "-V", "--version"};
  if (args[0][0] == '-' &&
      std::find(kTopFlags.begin(), kTopFlags.end(), args[0]) == kTopFlags.end()) {
    vanban::PrintError(args[0], "unknown option; a command comes first (vanban --help)");
    return vanban::kExitFatal;
  }
  if (args[0][0] != '-' && !IsCommand(app, args[0])) {
    std::string hint = Suggest(app, args[0]);
    vanban::PrintError(args[0], hint.empty() ? "not a command (vanban --help lists them)"
                                             : "not a command; did you mean " + hint + "?");
    return vanban::kExitFatal;
  }
  std::reverse(args.begin(), args.end());  // CLI11 takes them last first
  try {
    app.parse(args);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    vanban::PrintError("usage", std::string(e.what()) + " (vanban help COMMAND)");
    return vanban::kExitFatal;
  }
  return run ? run() : vanban::kExitFatal;
}
