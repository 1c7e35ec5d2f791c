// Reads a task table's time cell: the latest date it names (a quarter or a
// month ends on its last day, a year on 31 December), or ongoing or
// recurring work.
#include "extractors/task_cell_time.h"

#include <cstdio>
#include <utility>
#include <vector>

namespace vanban {
namespace {

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

int Quarter(std::string_view q) {
  if (q == "I" || q == "1") return 1;
  if (q == "II" || q == "2") return 2;
  if (q == "III" || q == "3") return 3;
  if (q == "IV" || q == "4") return 4;
  return 0;
}

std::string Ymd(int y, int m, int d) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

bool Leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysIn(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && Leap(y) ? 29 : kDays[m - 1];
}

bool ValidYear(int y) { return y >= 1945 && y <= 2100; }

struct Found {
  size_t begin, end;
  std::string date;
};

}  // namespace

std::string MonthEnd(int year, int month) { return Ymd(year, month, DaysIn(year, month)); }

Result<CellTimeReader> CellTimeReader::Create(const RuleBook& rules) {
  auto file = rules.Require("task_times");
  if (!file.ok()) return file.status();
  auto ps = PatternSet::Compile(*file.value());
  if (!ps.ok()) return ps.status();
  return CellTimeReader(std::move(ps).value());
}

CellTimeReader::CellTimeReader(PatternSet patterns) : patterns_(std::move(patterns)) {
  quarter_ = patterns_.Index("cell.quarter");
  month_ = patterns_.Index("cell.month");
  date_ = patterns_.Index("cell.date");
  daymonth_ = patterns_.Index("cell.daymonth");
  year_ = patterns_.Index("cell.year");
  before_ = patterns_.Index("cell.before");
  continuous_ = patterns_.Index("cell.continuous");
  yearly_ = patterns_.Index("cell.yearly");
  monthly_ = patterns_.Index("cell.monthly");
  quarterly_ = patterns_.Index("cell.quarterly");
}

std::string CellTimeReader::LatestDate(std::string_view cell, int default_year) const {
  std::vector<Found> found;
  auto covered = [&](size_t b, size_t e) {
    for (const Found& f : found)
      if (b < f.end && f.begin < e) return true;
    return false;
  };
  auto scan = [&](int rule, auto&& make) {
    if (rule < 0) return;
    PatternMatch m;
    size_t pos = 0;
    while (patterns_.FindNext(rule, cell, pos, &m)) {
      pos = m.end > pos ? m.end : pos + 1;
      if (covered(m.begin, m.end)) continue;
      std::string d = make(m);
      if (!d.empty()) found.push_back(Found{m.begin, m.end, d});
    }
  };
  auto year_of = [&](const PatternMatch& m, size_t g) {
    return m.has(g) ? ToInt(m.groups[g]) : default_year;
  };
  scan(date_, [&](const PatternMatch& m) {
    int d = ToInt(m.groups[1]), mo = ToInt(m.groups[2]), y = ToInt(m.groups[3]);
    if (!ValidYear(y) || mo < 1 || mo > 12 || d < 1 || d > DaysIn(y, mo)) return std::string();
    return Ymd(y, mo, d);
  });
  scan(quarter_, [&](const PatternMatch& m) {
    int q = Quarter(m.groups[1]), y = year_of(m, 2);
    return q > 0 && ValidYear(y) ? MonthEnd(y, q * 3) : std::string();
  });
  scan(month_, [&](const PatternMatch& m) {
    int mo = ToInt(m.groups[1]), y = year_of(m, 2);
    return mo >= 1 && mo <= 12 && ValidYear(y) ? MonthEnd(y, mo) : std::string();
  });
  scan(daymonth_, [&](const PatternMatch& m) {
    int d = ToInt(m.groups[1]), mo = ToInt(m.groups[2]), y = default_year;
    if (!ValidYear(y) || mo < 1 || mo > 12 || d < 1 || d > DaysIn(y, mo)) return std::string();
    return Ymd(y, mo, d);
  });
  scan(year_, [&](const PatternMatch& m) {
    int y = ToInt(m.groups[1]);
    return ValidYear(y) ? Ymd(y, 12, 31) : std::string();
  });
  std::string latest;
  for (const Found& f : found)
    if (f.date > latest) latest = f.date;
  return latest;
}

CellTime CellTimeReader::Read(std::string_view cell, int default_year) const {
  CellTime t;
  auto has = [&](int rule) { return rule >= 0 && patterns_.PartialMatch(rule, cell); };
  if (has(yearly_)) t.recurrence = "FREQ=YEARLY";
  if (has(quarterly_)) t.recurrence = "FREQ=MONTHLY;INTERVAL=3";
  if (has(monthly_)) t.recurrence = "FREQ=MONTHLY";
  if (!t.recurrence.empty()) return t;
  t.due = LatestDate(cell, default_year);
  if (t.due.empty()) t.continuous = has(continuous_);
  t.inclusive = !has(before_);
  return t;
}

}  // namespace vanban
