// vanban watch DIR…: the inbox (server/watch.h). This file only reads the
// flags and watches until SIGINT or SIGTERM.
#include <signal.h>

#include <atomic>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "cli/command.h"
#include "index/index.h"
#include "pipeline/pipeline.h"
#include "server/watch.h"
#include "text/utf8.h"

namespace vanban {
namespace {

struct WatchFlags {
  WatchOptions watch;
  PipelineOptions pipeline;
};

int RunWatch(WatchFlags& flags) {
  auto pipeline = Pipeline::Create(flags.pipeline);
  if (!pipeline.ok()) {
    PrintError("rules", pipeline.status().ToString());
    return kExitFatal;
  }
  flags.watch.log = [](const std::string& line) { std::cout << EscapeForLine(line) << std::endl; };
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::atomic<bool> stop{false};
  Status result;
  std::thread watcher([&] {
    result = Watch(flags.watch, *pipeline.value(), &stop);
    if (!stop) kill(getpid(), SIGTERM);  // failed: wake sigwait
  });
  int sig = 0;
  sigwait(&signals, &sig);
  stop = true;
  watcher.join();
  if (!result.ok()) {
    PrintError("watch", result.ToString());
    return kExitFatal;
  }
  return kExitOk;
}

}  // namespace

void RegisterWatch(CLI::App* app, CommandRunner* run) {
  auto flags = std::make_shared<WatchFlags>();
  flags->watch.index = DefaultIndexPath();
  CLI::App* cmd = app->add_subcommand(
      "watch",
      "Ingest files as they arrive in folders (once complete); files that go leave the index");
  cmd->add_option("dirs", flags->watch.dirs, "Folders to watch (and every folder under them)")
      ->required()
      ->check(CLI::ExistingDirectory);
  cmd->add_option("--index", flags->watch.index,
                  "Index file (default: $VANBAN_INDEX or ./vanban-index.sqlite)");
  cmd->add_option("--settle-ms", flags->watch.settle_ms,
                  "A file is complete when its size and time hold this long (default 1000)")
      ->check(CLI::PositiveNumber);
  AddPipelineFlags(cmd, &flags->pipeline);
  cmd->callback([flags, run] { *run = [flags] { return RunWatch(*flags); }; });
}

}  // namespace vanban
