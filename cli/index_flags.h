// Flags shared by the index subcommands (search, deadlines, export): the
// index file and the filters, turned into an IndexQuery.
#ifndef VANBAN_CLI_INDEX_FLAGS_H_
#define VANBAN_CLI_INDEX_FLAGS_H_

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "cli/command.h"
#include "extractors/date_math.h"
#include "extractors/rule_file.h"
#include "index/index.h"
#include "index/org_names.h"
#include "index/query_params.h"

namespace vanban {

struct IndexFlags {
  std::string index = DefaultIndexPath();
  std::string rules_dir;
  std::string deadline_from, deadline_to, issued_from, issued_to;
  std::string org, role, type, issuer, cites;
  int limit = 20;
  std::string format = "table";
  std::string today;  // hidden --today: fixes "today" (tests)
};

// The check and transform of every date option (CLI11 prints its error).
inline CLI::Validator DateFlag() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        std::string iso;
        if (!NormaliseDateFlag(value, &iso)) {
          return "not a date: " + value + " (expected YYYY-MM-DD, YYYY-MM, YYYY or DD/MM/YYYY)";
        }
        value = iso;
        return std::string();
      },
      "DATE");
}

inline void AddIndexFlag(CLI::App* cmd, IndexFlags* f) {
  cmd->add_option("--index", f->index,
                  "Index file (default: $VANBAN_INDEX or ./vanban-index.sqlite)");
}

inline void AddFilterFlags(CLI::App* cmd, IndexFlags* f, bool deadline_names_short = false) {
  if (deadline_names_short) {
    cmd->add_option("--from", f->deadline_from, "Deadlines on or after this date (default: today)")
        ->transform(DateFlag());
    cmd->add_option("--to", f->deadline_to, "Deadlines on or before this date")
        ->transform(DateFlag());
  } else {
    cmd->add_option("--deadline-from", f->deadline_from,
                    "Documents with a deadline on or after this date")
        ->transform(DateFlag());
    cmd->add_option("--deadline-to", f->deadline_to,
                    "Documents with a deadline on or before this date")
        ->transform(DateFlag());
  }
  cmd->add_option("--issued-from", f->issued_from, "Issued on or after this date")
      ->transform(DateFlag());
  cmd->add_option("--issued-to", f->issued_to, "Issued on or before this date")
      ->transform(DateFlag());
  CLI::Option* org = cmd->add_option(
      "--org", f->org,
      "Organisation named in the document (folded; abbreviations such as BTG expand)");
  cmd->add_option(
         "--role", f->role,
         "With --org: its role (lead, partner: the task's own; issuer, recipient, addressee, "
         "signer, mentioned)")
      ->check(CLI::IsMember(DocumentRoles()))
      ->needs(org);
  cmd->add_option("--type", f->type, "Document type: its name or its code (KH, CV, …)");
  cmd->add_option("--issuer", f->issuer, "Issuing body (folded; abbreviations expand)");
  cmd->add_option("--cites", f->cites, "Documents citing this reference (48-KH/DUK, folded)");
  cmd->add_option("--rules", f->rules_dir, "Rule directory for the abbreviation table")
      ->check(CLI::ExistingDirectory);
}

// Adds the hidden --today YYYY-MM-DD: the date overdue marks and the
// agenda's start are computed against (tests fix it; $VANBAN_TODAY too).
inline void AddTodayFlag(CLI::App* cmd, std::string* today) {
  cmd->add_option("--today", *today, "")->group("");
}

// Checks each (flag, value, prefix_ok) date; prints the one-line error for the
// first bad one and returns false.
inline bool CheckDateFlags(
    const std::vector<std::tuple<const char*, const std::string*, bool>>& flags) {
  for (const auto& [name, value, prefix_ok] : flags) {
    std::string iso;
    if (value->empty() || NormaliseDateFlag(*value, &iso)) continue;
    PrintError(name, "not a date (" + *value + "), expected YYYY-MM-DD");
    return false;
  }
  return true;
}

// Today: flag (--today) when given, else $VANBAN_TODAY, else the system's
// local date. "" (and a one-line error printed) when the given date is bad.
inline std::string ResolveToday(const std::string& flag) {
  std::string today = flag.empty() ? LocalToday() : flag;
  std::string iso;
  if (NormaliseDateFlag(today, &iso) && iso.size() == 10) return iso;
  PrintError("--today", "not a date (" + today + "), expected YYYY-MM-DD");
  return "";
}

// Builds the query; *error is set when the abbreviation table does not load.
inline IndexQuery ToIndexQuery(const IndexFlags& f, std::string* error) {
  IndexQuery q;
  q.deadline_from = f.deadline_from;
  q.deadline_to = f.deadline_to;
  q.issued_from = f.issued_from;
  q.issued_to = f.issued_to;
  q.role = f.role;
  q.type = f.type;
  q.cites = f.cites;
  q.limit = f.limit;
  if (!f.org.empty() || !f.issuer.empty()) {
    auto names = OrgNames::Load(f.rules_dir.empty() ? RuleBook::DefaultDir() : f.rules_dir);
    if (!names.ok()) {
      *error = names.status().ToString();
      return q;
    }
    if (!f.org.empty()) {
      q.org_keys = names.value().Keys(f.org);
      if (q.org_keys.empty()) q.org_keys.push_back("");  // no words: match nothing
    }
    if (!f.issuer.empty()) {
      q.issuer_keys = names.value().Keys(f.issuer);
      if (q.issuer_keys.empty()) q.issuer_keys.push_back("");
    }
  }
  return q;
}

// The first n code points of s, with "…" when cut; newlines become spaces.
inline std::string Clip(const std::string& s, size_t n) {
  std::string out;
  size_t count = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) != 0x80) {
      if (count == n) return out + "…";
      ++count;
    }
    out.push_back(c == '\n' || c == '\r' || c == '\t' ? ' ' : s[i]);
  }
  return out;
}

// Opens the index for reading; prints the error and returns null on failure.
inline std::unique_ptr<Index> OpenForReading(const std::string& path) {
  auto index = Index::Open(path, /*create=*/false);
  if (!index.ok()) {
    PrintError(path, index.status().ToString());
    return nullptr;
  }
  return std::move(index).value();
}

}  // namespace vanban

#endif  // VANBAN_CLI_INDEX_FLAGS_H_
