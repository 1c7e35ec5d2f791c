// Task tables: the header row says which column holds the task, the lead,
// the partners, the time and the product; group rows ("I", "II" with a
// title and no lead) become the section path of the rows below them.
#include "extractors/task_table.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "extractors/organisations.h"
#include "extractors/pattern_set.h"
#include "extractors/task_cell_time.h"
#include "text/case.h"

namespace vanban {
namespace {

struct Columns {
  int number = -1, task = -1, lead = -1, partner = -1, due = -1, product = -1;
  bool ok() const { return task >= 0 && lead >= 0; }
};

const TableCell* Cell(const TableRow& r, int col) {
  return col >= 0 && static_cast<size_t>(col) < r.cells.size() ? &r.cells[col] : nullptr;
}

std::string CellStr(const TableRow& r, int col) {
  const TableCell* c = Cell(r, col);
  return c ? c->text : std::string();
}

size_t Filled(const TableRow& r) {
  size_t n = 0;
  for (const TableCell& c : r.cells) n += c.text.empty() ? 0 : 1;
  return n;
}

// Facts of one kind sorted by where they start, for range look-ups.
template <typename Fact>
std::vector<const Fact*> ByBegin(const std::vector<Fact>& facts) {
  std::vector<const Fact*> out;
  for (const Fact& f : facts) out.push_back(&f);
  std::sort(out.begin(), out.end(),
            [](const Fact* a, const Fact* b) { return a->span.begin < b->span.begin; });
  return out;
}

template <typename Fact>
void IdsIn(const std::vector<const Fact*>& sorted, Span range, std::vector<std::string>* ids) {
  if (range.empty()) return;
  auto it = std::lower_bound(sorted.begin(), sorted.end(), range.begin,
                             [](const Fact* f, size_t b) { return f->span.begin < b; });
  for (; it != sorted.end() && (*it)->span.begin < range.end; ++it) {
    if ((*it)->span.end <= range.end && !(*it)->span.empty()) ids->push_back((*it)->id);
  }
}

class TaskTableExtractor : public Extractor {
 public:
  TaskTableExtractor(PatternSet patterns, OrgMatcher orgs, CellTimeReader time)
      : patterns_(std::move(patterns)), orgs_(std::move(orgs)), time_(std::move(time)) {
    for (const char* id : {"column.number", "column.partner", "column.lead", "column.product",
                           "column.due", "column.task"}) {
      kinds_.push_back(patterns_.Index(id));
    }
    row_number_ = patterns_.Index("row.number");
    plan_year_ = patterns_.Index("plan.year");
    plan_year_not_ = patterns_.Index("plan.year.not");
  }
  const char* name() const override { return "task_tables"; }

  void Extract(Document* doc) const override {
    if (doc->segments.tables.empty()) return;
    Facts facts{ByBegin(doc->deadlines), ByBegin(doc->periods), ByBegin(doc->dates)};
    int year = PlanYear(*doc);
    for (const Table& t : doc->segments.tables) ReadTable(doc, t, year, facts);
  }

 private:
  struct Facts {
    std::vector<const DeadlineFact*> deadlines;
    std::vector<const PeriodFact*> periods;
    std::vector<const DateFact*> dates;
  };

  bool Match(int rule, std::string_view s) const {
    return rule >= 0 && patterns_.PartialMatch(rule, s);
  }

  Columns HeaderColumns(const TableRow& r) const {
    Columns c;
    int* slots[] = {&c.number, &c.partner, &c.lead, &c.product, &c.due, &c.task};
    for (size_t i = 0; i < r.cells.size(); ++i) {
      for (size_t k = 0; k < kinds_.size(); ++k) {
        if (!Match(kinds_[k], r.cells[i].text)) continue;
        if (*slots[k] < 0) *slots[k] = static_cast<int>(i);
        break;
      }
    }
    return c;
  }

  // The plan's own year ("Kế hoạch … năm 2026"), else the issue year, else 0.
  int PlanYear(const Document& doc) const {
    std::string_view subject = doc.header.subject.value;
    PatternMatch m;
    size_t pos = 0;
    while (plan_year_ >= 0 && patterns_.FindNext(plan_year_, subject, pos, &m)) {
      pos = std::max(m.end, pos + 1);
      if (m.has(1) && Match(plan_year_not_, m.groups[1])) continue;
      return std::stoi(std::string(m.groups[2]));
    }
    const std::string& issued = doc.header.issued_on.value;
    if (issued.size() >= 4 && std::all_of(issued.begin(), issued.begin() + 4, ::isdigit)) {
      return std::stoi(issued.substr(0, 4));
    }
    return 0;
  }

  // A capture that lost a row's closing bars runs two rows into one: split
  // a row wider than the header where a cell past the header's width holds a
  // row number.
  std::vector<TableRow> SplitWide(const std::vector<TableRow>& rows, size_t width) const {
    std::vector<TableRow> out;
    for (const TableRow& r : rows) {
      TableRow cur;
      for (size_t i = 0; i < r.cells.size(); ++i) {
        if (cur.cells.size() >= width && Match(row_number_, r.cells[i].text)) {
          out.push_back(std::move(cur));
          cur = TableRow();
        }
        cur.cells.push_back(r.cells[i]);
      }
      cur.span = r.span;
      if (!out.empty() && !cur.cells.empty()) {
        cur.span.begin = cur.cells.front().span.begin;
        out.back().span.end = std::min(out.back().span.end, cur.span.begin);
      }
      out.push_back(std::move(cur));
    }
    return out;
  }

  void ReadTable(Document* doc, const Table& whole, int year, const Facts& facts) const {
    Table table = whole;
    size_t h = 0;
    Columns cols;
    for (; h < table.rows.size() && h < 3; ++h) {
      cols = HeaderColumns(table.rows[h]);
      if (cols.ok()) break;
    }
    if (!cols.ok()) return;
    table.rows = SplitWide(table.rows, table.rows[h].cells.size());
    std::vector<std::string> group;
    std::string last_lead;
    const TableCell* last_due = nullptr;
    int in_group = 0;
    for (size_t i = h + 1; i < table.rows.size(); ++i) {
      const TableRow& r = table.rows[i];
      if (HeaderColumns(r).ok()) continue;  // the header again, after a page break
      const TableRow* next = i + 1 < table.rows.size() ? &table.rows[i + 1] : nullptr;
      if (IsGroupRow(r, next, cols, !last_lead.empty())) {
        group = {GroupLabel(r, cols)};
        last_lead.clear();
        last_due = nullptr;
        in_group = 0;
        continue;
      }
      std::string task = CellStr(r, cols.task);
      if (task.empty() || Match(row_number_, task)) continue;
      std::string lead = CellStr(r, cols.lead);
      const TableCell* due = Cell(r, cols.due);
      if (lead.empty()) {
        // Merged cells: the lead of the row above, and its time when this
        // row's time cell is empty too.
        lead = last_lead;
        if ((due == nullptr || due->text.empty()) && last_due != nullptr) due = last_due;
      }
      last_lead = lead;
      last_due = due;
      AddRowTask(doc, r, cols, group, lead, due, ++in_group, year, facts);
    }
  }

  // A group row has a title and no lead, time or partners; numbered in
  // Roman numerals or letters, or in Arabic numerals when no lead is open
  // above it or the next row's number extends its own ("1" then "1.1"). An
  // Arabic-numbered row under an open lead is a row whose cells are merged
  // with those above.
  bool IsGroupRow(const TableRow& r, const TableRow* next, const Columns& c, bool lead_open) const {
    if (!CellStr(r, c.lead).empty() || !CellStr(r, c.due).empty()) return false;
    if (!CellStr(r, c.partner).empty()) return false;
    if (Filled(r) > 2) return false;
    std::string number = CellStr(r, c.number);
    if (number.empty() || !std::isdigit(static_cast<unsigned char>(number[0])) || !lead_open) {
      return true;
    }
    std::string after = next ? CellStr(*next, c.number) : std::string();
    while (!number.empty() && (number.back() == '.' || number.back() == ')')) number.pop_back();
    return after.size() > number.size() && after.compare(0, number.size(), number) == 0 &&
           after[number.size()] == '.';
  }

  std::string GroupLabel(const TableRow& r, const Columns& c) const {
    std::string first = r.cells.empty() ? std::string() : r.cells.front().text;
    if (Match(row_number_, first)) return first;
    std::string task = CellStr(r, c.task);
    return task.empty() ? first : task;
  }

  void AddRowTask(Document* doc, const TableRow& r, const Columns& c,
                  const std::vector<std::string>& group, const std::string& lead,
                  const TableCell* due, int nth, int year, const Facts& facts) const {
    Task t;
    t.id = "t" + std::to_string(doc->tasks.size() + 1);
    t.text = CellStr(r, c.task);
    t.section_path = group;
    std::string number = CellStr(r, c.number);
    t.section_path.push_back(number.empty() ? std::to_string(nth) : number);
    t.form = "table";
    t.rule = "task.table";
    t.span = r.span;
    t.lead = lead;
    t.lead_canonical = Canonical(doc, Cell(r, c.lead), lead, "lead");
    SetPartners(doc, Cell(r, c.partner), &t);
    t.product = CellStr(r, c.product);
    CellTime time = time_.Read(due ? due->text : std::string(), year);
    t.due = time.due;
    t.due_inclusive = time.inclusive;
    t.continuous = time.continuous;
    t.recurrence = time.recurrence;
    if (due != nullptr) {
      IdsIn(facts.deadlines, due->span, &t.deadline_ids);
      IdsIn(facts.periods, due->span, &t.period_ids);
    }
    IdsIn(facts.dates, r.span, &t.date_ids);
    doc->tasks.push_back(std::move(t));
  }

  // The lexicon's name when the cell names exactly one body, recording the
  // mention with role; else "".
  std::string Canonical(Document* doc, const TableCell* cell, const std::string& printed,
                        const std::string& role) const {
    if (cell == nullptr || cell->span.empty() || printed != cell->text) return std::string();
    std::vector<OrgMatch> om = orgs_.Find(doc->text, cell->span.begin, cell->span.end);
    for (const OrgMatch& m : om) AddOrgMention(doc, m, role);
    if (om.size() != 1) return std::string();
    size_t covered = om.front().end - om.front().begin;
    return covered + 4 >= cell->span.size() ? om.front().name : std::string();
  }

  // Partners split at ";" and at ", " or " và " before a capitalised body.
  void SetPartners(Document* doc, const TableCell* cell, Task* t) const {
    if (cell == nullptr || cell->text.empty()) return;
    const std::string& s = cell->text;
    std::vector<std::string> parts;
    size_t b = 0;
    for (size_t i = 0; i <= s.size(); ++i) {
      size_t next = std::string::npos;
      if (i == s.size() || s[i] == ';') next = i + 1;
      if (i + 2 < s.size() && s[i] == ',' && s[i + 1] == ' ' && StartsUpper(s.substr(i + 2)))
        next = i + 2;
      if (next == std::string::npos) continue;
      std::string p = s.substr(b, i - b);
      while (!p.empty() && (p.back() == ' ' || p.back() == '.')) p.pop_back();
      while (!p.empty() && p.front() == ' ') p.erase(0, 1);
      if (!p.empty()) parts.push_back(p);
      b = next;
    }
    for (const std::string& p : parts) {
      t->partners.push_back(p);
      std::vector<OrgMatch> om = orgs_.Find(p);
      if (om.size() == 1 && om.front().end - om.front().begin + 4 >= p.size()) {
        t->partners_canonical.push_back(om.front().name);
      }
    }
    std::vector<OrgMatch> all = orgs_.Find(doc->text, cell->span.begin, cell->span.end);
    for (const OrgMatch& m : all) AddOrgMention(doc, m, "partner");
  }

  PatternSet patterns_;
  OrgMatcher orgs_;
  CellTimeReader time_;
  std::vector<int> kinds_;
  int row_number_, plan_year_, plan_year_not_;
};

}  // namespace

Result<std::unique_ptr<Extractor>> NewTaskTableExtractor(const RuleBook& rules) {
  auto file = rules.Require("task_tables");
  if (!file.ok()) return file.status();
  auto ps = PatternSet::Compile(*file.value());
  if (!ps.ok()) return ps.status();
  auto orgs = OrgMatcher::Create(rules);
  if (!orgs.ok()) return orgs.status();
  auto time = CellTimeReader::Create(rules);
  if (!time.ok()) return time.status();
  return std::unique_ptr<Extractor>(std::make_unique<TaskTableExtractor>(
      std::move(ps).value(), std::move(orgs).value(), std::move(time).value()));
}

}  // namespace vanban
