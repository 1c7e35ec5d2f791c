// vanban ingest PATH…: adds files and folders to the index, incrementally.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/command.h"
#include "index/index.h"
#include "index/ingest.h"
#include "pipeline/pipeline.h"
#include "text/utf8.h"

namespace vanban {
namespace {

struct IngestFlags {
  IngestOptions ingest;
  std::string index = DefaultIndexPath();
  PipelineOptions pipeline;
  bool progress = true;
};

void PrintBar(const IngestCounts& c, bool final) {
  const int kWidth = 30;
  double frac = c.files > 0 ? static_cast<double>(c.done) / static_cast<double>(c.files) : 1;
  int filled = static_cast<int>(frac * kWidth);
  std::string bar(static_cast<size_t>(filled), '#');
  bar.resize(kWidth, '.');
  double rate = c.seconds > 0 ? static_cast<double>(c.indexed + c.replaced) / c.seconds : 0;
  std::fprintf(stderr, "\r[%s] %lld/%lld  new %lld  changed %lld  failed %lld  %.0f docs/s ",
               bar.c_str(), static_cast<long long>(c.done), static_cast<long long>(c.files),
               static_cast<long long>(c.indexed), static_cast<long long>(c.replaced),
               static_cast<long long>(c.failed), rate);
  if (final) std::fputc('\n', stderr);
  std::fflush(stderr);
}

void PrintLine(const IngestCounts& c) {
  double rate = c.seconds > 0 ? static_cast<double>(c.indexed + c.replaced) / c.seconds : 0;
  std::fprintf(stderr,
               "progress done=%lld files=%lld indexed=%lld replaced=%lld failed=%lld "
               "rate=%.1f\n",
               static_cast<long long>(c.done), static_cast<long long>(c.files),
               static_cast<long long>(c.indexed), static_cast<long long>(c.replaced),
               static_cast<long long>(c.failed), rate);
}

int RunIngest(IngestFlags& flags) {
  auto pipeline = Pipeline::Create(flags.pipeline);
  if (!pipeline.ok()) {
    PrintError("rules", pipeline.status().ToString());
    return kExitFatal;
  }
  auto index = Index::Open(flags.index);
  if (!index.ok()) {
    PrintError(flags.index, index.status().ToString());
    return kExitFatal;
  }
  flags.ingest.skip_path = flags.index;
  bool tty = flags.progress && isatty(STDERR_FILENO);
  auto last = std::chrono::steady_clock::now();
  IngestCallbacks callbacks;
  callbacks.progress = [&](const IngestCounts& c) {
    auto now = std::chrono::steady_clock::now();
    if (now - last < std::chrono::milliseconds(tty ? 100 : 1000)) return;
    last = now;
    if (tty) {
      PrintBar(c, false);
    } else if (flags.progress) {
      PrintLine(c);
    }
  };
  callbacks.failure = [&](const std::string& path, const std::string& reason) {
    if (tty) std::fputs("\r\033[K", stderr);
    PrintError(path, reason);
  };
  callbacks.waiting = [&] {
    PrintError(flags.index, "another ingest is writing this index; waiting for it to finish");
  };
  auto counts = Ingest(flags.ingest, *pipeline.value(), index.value().get(), callbacks);
  if (!counts.ok()) {
    if (tty) std::fputc('\n', stderr);
    PrintError(flags.index, counts.status().ToString());
    return kExitFatal;
  }
  const IngestCounts& c = counts.value();
  if (tty) PrintBar(c, true);
  double processed = static_cast<double>(c.indexed + c.replaced);
  std::printf(
      "ingest: files=%lld indexed=%lld replaced=%lld unchanged=%lld not_documents=%lld "
      "failed=%lld failed_before=%lld pruned=%lld seconds=%.2f docs_per_s=%.1f mb_per_s=%.2f "
      "index=%s\n",
      static_cast<long long>(c.files), static_cast<long long>(c.indexed),
      static_cast<long long>(c.replaced), static_cast<long long>(c.unchanged),
      static_cast<long long>(c.not_documents), static_cast<long long>(c.failed),
      static_cast<long long>(c.failed_before), static_cast<long long>(c.pruned), c.seconds,
      c.seconds > 0 ? processed / c.seconds : 0,
      c.seconds > 0 ? static_cast<double>(c.bytes) / 1e6 / c.seconds : 0,
      EscapeForLine(flags.index).c_str());
  if (c.failed_before > 0) {
    std::fprintf(stderr,
                 "vanban: %lld unchanged files failed before (vanban failures; "
                 "--retry-failed to try again)\n",
                 static_cast<long long>(c.failed_before));
  }
  std::fflush(stdout);
  return c.failed > 0 ? kExitSomeFailed : kExitOk;
}

}  // namespace

void RegisterIngest(CLI::App* app, CommandRunner* run) {
  auto flags = std::make_shared<IngestFlags>();
  CLI::App* cmd = app->add_subcommand(
      "ingest",
      "Add files and folders (walked recursively) to the index; unchanged files are "
      "skipped");
  cmd->add_option("paths", flags->ingest.inputs, "Files and folders")->required();
  cmd->add_option("--index", flags->index,
                  "Index file (default: $VANBAN_INDEX or ./vanban-index.sqlite)");
  cmd->add_option("--jobs,-j", flags->ingest.jobs, "Worker threads (default: all cores)");
  cmd->add_flag("--prune", flags->ingest.prune, "Remove entries whose files are gone");
  cmd->add_flag("--retry-failed", flags->ingest.retry_failed,
                "Process again unchanged files that failed before");
  cmd->add_flag("!--no-progress", flags->progress, "No progress bar or progress lines");
  AddPipelineFlags(cmd, &flags->pipeline);
  cmd->callback([flags, run] { *run = [flags] { return RunIngest(*flags); }; });
}

}  // namespace vanban
