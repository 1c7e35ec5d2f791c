// Subcommands of the vanban CLI: each lives in its own cmd_*.cc and is
// registered in main.cc with one line.
#ifndef VANBAN_CLI_COMMAND_H_
#define VANBAN_CLI_COMMAND_H_

#include <CLI/CLI.hpp>

#include <functional>
#include <string>

#include "pipeline/options.h"

namespace vanban {

// Exit codes shared by every subcommand.
inline constexpr int kExitOk = 0;
inline constexpr int kExitSomeFailed = 1;  // the run finished; some inputs failed
inline constexpr int kExitFatal = 2;       // bad usage, bad rules, unwritable index

// Options every subcommand that runs the pipeline understands.
struct GlobalOptions {
  PipelineOptions pipeline;
};

// Adds --rules, --encoding, --ocr, --max-pages, --max-bytes to a subcommand.
void AddPipelineFlags(CLI::App* cmd, PipelineOptions* options);

// Registers a subcommand; *run is set to the function that executes it.
using CommandRunner = std::function<int()>;
void RegisterExtract(CLI::App* app, CommandRunner* run);
void RegisterIngest(CLI::App* app, CommandRunner* run);
void RegisterSearch(CLI::App* app, CommandRunner* run);
void RegisterDeadlines(CLI::App* app, CommandRunner* run);
void RegisterTasks(CLI::App* app, CommandRunner* run);
void RegisterExport(CLI::App* app, CommandRunner* run);
void RegisterShow(CLI::App* app, CommandRunner* run);
void RegisterFailures(CLI::App* app, CommandRunner* run);
void RegisterCheck(CLI::App* app, CommandRunner* run);
void RegisterServe(CLI::App* app, CommandRunner* run);
void RegisterWatch(CLI::App* app, CommandRunner* run);

// Prints "vanban: <what>: <why>" on stderr.
void PrintError(const std::string& what, const std::string& why);

}  // namespace vanban

#endif  // VANBAN_CLI_COMMAND_H_
