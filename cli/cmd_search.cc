// vanban search [TEXT] [filters]: ranked full-text search with snippets.
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

struct SearchFlags {
  IndexFlags index;
  std::vector<std::string> words;
};

int RunSearch(const SearchFlags& flags) {
  std::string error;
  IndexQuery q = ToIndexQuery(flags.index, &error);
  if (!error.empty()) {
    PrintError("rules", error);
    return kExitFatal;
  }
  for (const auto& w : flags.words) q.text += (q.text.empty() ? "" : " ") + w;
  auto index = OpenForReading(flags.index.index);
  if (!index) return kExitFatal;
  auto hits = index->Search(q);
  if (!hits.ok()) {
    PrintError("search", hits.status().ToString());
    return kExitFatal;
  }
  const std::string& format = flags.index.format;
  bool with_text = !q.text.empty();
  if (format == "json") {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& h : hits.value()) out.push_back(HitJson(h, with_text));
    std::cout << PlanDump(out, 2) << "\n";
  } else if (format == "jsonl") {
    for (const auto& h : hits.value()) std::cout << PlanDump(HitJson(h, with_text)) << "\n";
  } else if (format == "csv") {
    std::cout << CsvRow(
        {"id", "path", "type", "reference", "issuer", "issued_on", "subject", "score", "snippet"});
    for (const auto& h : hits.value()) {
      std::cout << CsvRow({h.id, h.path, h.type, h.reference, h.issuer, h.issued_on, h.subject,
                           with_text ? std::to_string(h.score) : "", h.snippet});
    }
  } else {
    int n = 0;
    for (const auto& h : hits.value()) {
      std::cout << ++n << ". " << (h.reference.empty() ? "(no number)" : h.reference) << "  "
                << (h.issued_on.empty() ? "?" : h.issued_on) << "  " << h.type << "  "
                << Clip(h.issuer, 50) << "\n";
      if (!h.subject.empty()) std::cout << "   " << Clip(h.subject, 100) << "\n";
      if (!h.snippet.empty()) std::cout << "   " << Clip(h.snippet, 160) << "\n";
      std::cout << "   " << h.path << "  [" << h.id.substr(0, 12) << "]\n";
    }
    if (n == 0) std::cout << "no matches\n";
    if (q.limit > 0 && n == q.limit) {
      auto total = index->CountMatches(q);
      if (total.ok() && total.value() > n) {
        std::cout << "showing " << n << " of " << total.value() << " (--limit 0 for all)\n";
      }
    }
  }
  std::cout.flush();
  // As grep: 1 when nothing matched, so scripts can tell.
  return hits.value().empty() ? kExitSomeFailed : kExitOk;
}

}  // namespace

void RegisterSearch(CLI::App* app, CommandRunner* run) {
  auto flags = std::make_shared<SearchFlags>();
  CLI::App* cmd = app->add_subcommand(
      "search",
      "Search the index: ranked full text (accents, case and d-stroke ignored) and filters");
  cmd->add_option("text", flags->words, "Words to find (all must occur)");
  AddIndexFlag(cmd, &flags->index);
  AddFilterFlags(cmd, &flags->index);
  cmd->add_option("--limit", flags->index.limit, "At most this many results (0: all)");
  cmd->add_option("--format", flags->index.format, "table, json, jsonl or csv")
      ->check(CLI::IsMember({"table", "json", "jsonl", "csv"}));
  cmd->callback([flags, run] { *run = [flags] { return RunSearch(*flags); }; });
}

}  // namespace vanban
