// vanban extract FILE…: one JSON plan per input (JSON Lines for several).
#include <algorithm>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "cli/command.h"
#include "pipeline/pipeline.h"
#include "pipeline/plan_json.h"

namespace vanban {
namespace {

struct ExtractFlags {
  std::vector<std::string> inputs;
  PipelineOptions pipeline;
  bool pretty = false;
  bool no_text = false;
};

int RunExtract(const ExtractFlags& flags) {
  auto pipeline = Pipeline::Create(flags.pipeline);
  if (!pipeline.ok()) {
    PrintError("rules", pipeline.status().ToString());
    return kExitFatal;
  }
  PlanJsonOptions json_options;
  json_options.include_text = !flags.no_text;
  int failed = 0;
  for (const std::string& input : flags.inputs) {
    Document doc;
    Status s;
    if (input == "-") {
      s = pipeline.value()->ProcessStream("-", std::cin, &doc);
    } else {
      s = pipeline.value()->ProcessFile(input, &doc);
    }
    if (!s.ok()) {
      PrintError(input, s.ToString());
      ++failed;
      continue;
    }
    std::cout << PlanDump(PlanToJson(doc, json_options), flags.pretty ? 2 : -1) << "\n";
  }
  std::cout.flush();
  return failed ? kExitSomeFailed : kExitOk;
}

}  // namespace

void RegisterExtract(CLI::App* app, CommandRunner* run) {
  auto flags = std::make_shared<ExtractFlags>();
  flags->pipeline.ocr_jobs = std::max(1u, std::thread::hardware_concurrency());
  CLI::App* cmd = app->add_subcommand(
      "extract", "Print the JSON plan of each FILE (TXT or PDF; - reads standard input)");
  cmd->add_option("files", flags->inputs, "Input files, or - for standard input")->required();
  cmd->add_flag("--pretty", flags->pretty, "Indent the JSON");
  cmd->add_flag("--no-text", flags->no_text, "Leave the normalised text out of the plan");
  AddPipelineFlags(cmd, &flags->pipeline);
  cmd->add_option("--jobs,-j", flags->pipeline.ocr_jobs,
                  "Pages of a scanned PDF recognised at once (threads; default: all cores)")
      ->check(CLI::Range(1, 256));
  cmd->callback([flags, run] { *run = [flags] { return RunExtract(*flags); }; });
}

}  // namespace vanban
