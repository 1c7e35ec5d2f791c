// The readable summary of a stored plan (see show_summary.h).
#include "cli/show_summary.h"

#include <algorithm>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "cli/index_flags.h"

namespace vanban {
namespace {

using nlohmann::json;

// The string at key, or "" when absent, null or not a string.
std::string Str(const json& j, const char* key) {
  if (!j.is_object()) return "";
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

void Field(std::ostringstream& out, const char* label, const std::string& value, size_t width) {
  if (!value.empty()) out << label << Clip(value, width) << "\n";
}

std::string Signer(const json& plan) {
  const json& s = plan.contains("signature") ? plan["signature"] : json();
  std::string out;
  for (const char* key : {"authority", "body", "title", "name"}) {
    std::string v = Str(s, key);
    if (!v.empty()) out += (out.empty() ? "" : " ") + v;
  }
  return out;
}

std::string Sources(const json& plan) {
  if (!plan.contains("sources") || !plan["sources"].is_array()) return Str(plan["source"], "path");
  std::string out;
  for (const json& s : plan["sources"]) {
    if (!out.empty()) out += "; ";
    out += Str(s, "path");
  }
  return out;
}

void Deadlines(std::ostringstream& out, const json& plan, size_t width) {
  if (!plan.contains("deadlines") || plan["deadlines"].empty()) return;
  out << "\nDeadlines (" << plan["deadlines"].size() << ")\n";
  std::vector<const json*> by_date;
  for (const json& d : plan["deadlines"]) by_date.push_back(&d);
  std::stable_sort(by_date.begin(), by_date.end(),
                   [](const json* a, const json* b) { return Str(*a, "due") < Str(*b, "due"); });
  for (const json* dp : by_date) {
    const json& d = *dp;
    std::string due = Str(d, "due");
    std::string what = Str(d, "action").empty() ? Str(d, "text") : Str(d, "action");
    out << "  " << (due.empty() ? std::string(10, ' ') : due) << "  " << Clip(what, width - 14)
        << "\n";
  }
}

void Tasks(std::ostringstream& out, const json& plan, size_t width) {
  if (!plan.contains("tasks") || plan["tasks"].empty()) return;
  // Leads in order of first appearance, each with its tasks.
  std::vector<std::string> leads;
  std::map<std::string, std::vector<const json*>> by_lead;
  for (const json& t : plan["tasks"]) {
    std::string lead = Str(t, "lead");
    if (!by_lead.count(lead)) leads.push_back(lead);
    by_lead[lead].push_back(&t);
  }
  out << "\nTasks by lead (" << plan["tasks"].size() << ")\n";
  for (const std::string& lead : leads) {
    out << "  " << (lead.empty() ? "(no lead named)" : Clip(lead, width - 2)) << "\n";
    for (const json* t : by_lead[lead]) {
      std::string due = Str(*t, "due");
      if (due.empty() && t->value("continuous", false)) due = "continuous";
      if (due.empty()) due = Str(*t, "recurrence");
      out << "    - " << (due.empty() ? "" : "[" + due + "] ") << Clip(Str(*t, "text"), width - 20)
          << "\n";
      if (t->contains("partners") && !(*t)["partners"].empty()) {
        std::string with;
        for (const json& p : (*t)["partners"])
          with += (with.empty() ? "" : "; ") + p.get<std::string>();
        out << "      with: " << Clip(with, width - 12) << "\n";
      }
    }
  }
}

}  // namespace

std::string PlanSummary(const json& plan, size_t width) {
  std::ostringstream out;
  const json& doc = plan.contains("document") ? plan["document"] : json();
  std::string title = Str(doc, "type");
  std::string ref = Str(doc, "reference");
  out << (title.empty() ? "Document" : title) << "  " << (ref.empty() ? "(no number)" : ref)
      << "\n";
  Field(out, "Issuer:    ", Str(doc, "issuer"), width);
  Field(out, "Issued on: ", Str(doc, "issued_on"), width);
  Field(out, "Subject:   ", Str(doc, "subject"), width);
  Field(out, "Signed by: ", Signer(plan), width);
  Field(out, "Sources:   ", Sources(plan), width * 3);
  Deadlines(out, plan, width);
  Tasks(out, plan, width);
  return out.str();
}

}  // namespace vanban
