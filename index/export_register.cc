// The incoming-documents register and the agenda as tables, and tables as
// CSV. Column names are data (data/exports/columns.map).
#include <map>
#include <sstream>

#include "index/export.h"
#include "index/export_columns.h"
#include "index/export_office.h"

namespace vanban {
namespace {

const std::map<std::string, std::string>& Columns() {
  static const std::map<std::string, std::string> columns = [] {
    std::map<std::string, std::string> out;
    std::istringstream in(kColumnsMap);
    std::string line;
    while (std::getline(in, line)) {
      size_t tab = line.find('\t');
      if (line.empty() || line[0] == '#' || tab == std::string::npos) continue;
      out[line.substr(0, tab)] = line.substr(tab + 1);
    }
    return out;
  }();
  return columns;
}

// A string member of a JSON object, "" when absent or not a string.
std::string Str(const nlohmann::json& j, const char* key) {
  if (!j.is_object()) return "";
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

// "Kế hoạch" and "Về việc …" as the register's one column.
std::string TypeAndSubject(const nlohmann::json& d) {
  std::string type = Str(d, "type"), subject = Str(d, "subject");
  if (type.empty() || subject.empty()) return type + subject;
  return type + ": " + subject;
}

// YYYY-MM-DD as DD/MM/YYYY; anything else unchanged.
std::string DayMonthYear(const std::string& ymd) {
  if (ymd.size() != 10 || ymd[4] != '-' || ymd[7] != '-') return ymd;
  return ymd.substr(8, 2) + "/" + ymd.substr(5, 2) + "/" + ymd.substr(0, 4);
}

}  // namespace

std::string ColumnName(const std::string& key) {
  auto it = Columns().find(key);
  return it == Columns().end() ? key : it->second;
}

SheetTable RegisterTable(const std::vector<Arrival>& arrivals) {
  SheetTable t;
  t.name = ColumnName("register.sheet");
  for (const char* key : {"arrival_date", "arrival_number", "author", "reference", "date",
                          "subject", "recipient", "forwarded", "signed", "notes"}) {
    t.columns.push_back(ColumnName(std::string("register.") + key));
  }
  for (const Arrival& a : arrivals) {
    const nlohmann::json& d = a.plan.value("document", nlohmann::json::object());
    std::string author = Str(d, "issuer");
    if (author.empty()) author = Str(d, "parent_issuer");
    t.rows.push_back({{a.time.substr(0, 10), true},
                      {std::to_string(a.number)},
                      {author},
                      {Str(d, "reference")},
                      {Str(d, "issued_on"), true},
                      {TypeAndSubject(d)},
                      {},
                      {},
                      {},
                      {}});
  }
  return t;
}

SheetTable AgendaTable(const std::vector<AgendaItem>& deadlines,
                       const std::vector<TaskRow>& tasks) {
  SheetTable t;
  t.name = ColumnName("agenda.sheet");
  for (const char* key :
       {"kind", "doc_id", "reference", "item_id", "due", "text", "lead", "partners"}) {
    t.columns.push_back(ColumnName(std::string("agenda.") + key));
  }
  const std::string deadline = ColumnName("agenda.kind.deadline");
  const std::string task = ColumnName("agenda.kind.task");
  for (const auto& d : deadlines) {
    t.rows.push_back({{deadline},
                      {d.doc_id},
                      {d.reference},
                      {d.deadline_id},
                      {d.due, true},
                      {d.action},
                      {d.lead},
                      {}});
  }
  for (const auto& x : tasks) {
    // A task's due may list several dates: text then.
    bool one_date = x.due.size() == 10;
    t.rows.push_back({{task},
                      {x.doc_id},
                      {x.reference},
                      {x.task_id},
                      {x.due, one_date},
                      {x.text},
                      {x.lead},
                      {x.partners}});
  }
  return t;
}

std::string TableCsv(const SheetTable& table, bool bom) {
  std::string out = bom ? "\xEF\xBB\xBF" : "";
  out += CsvRow(table.columns);
  for (const auto& row : table.rows) {
    std::vector<std::string> fields;
    for (const Cell& c : row) fields.push_back(c.date ? DayMonthYear(c.text) : c.text);
    out += CsvRow(fields);
  }
  return out;
}

}  // namespace vanban
