// Calendar arithmetic (Gregorian) for dates, periods and deadlines.
#include "extractors/date_math.h"

#include <cstdio>

namespace vanban {

bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  return m == 2 && IsLeapYear(y) ? 29 : kDays[m - 1];
}

bool IsValidDate(int y, int m, int d) {
  return y >= 1000 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m);
}

std::string FormatDate(int y, int m, int d) {
  char buf[32];
  if (m == 0) {
    std::snprintf(buf, sizeof buf, "%04d", y);
  } else if (d == 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  }
  return buf;
}

std::string FormatDate(const CivilDate& d) { return FormatDate(d.year, d.month, d.day); }

CivilDate MonthStart(int y, int m) { return {y, m, 1}; }
CivilDate MonthEnd(int y, int m) { return {y, m, DaysInMonth(y, m)}; }
CivilDate QuarterStart(int y, int q) { return {y, (q - 1) * 3 + 1, 1}; }
CivilDate QuarterEnd(int y, int q) { return MonthEnd(y, q * 3); }

int ParseSmallNumeral(std::string_view s) {
  if (s.empty() || s.size() > 8) return 0;
  if (s[0] >= '0' && s[0] <= '9') {
    int v = 0;
    for (char c : s) {
      if (c < '0' || c > '9') return 0;
      v = v * 10 + (c - '0');
    }
    return v;
  }
  int total = 0, prev = 0;
  for (size_t i = s.size(); i-- > 0;) {
    int v = 0;
    switch (s[i]) {
      case 'I':
      case 'i':
        v = 1;
        break;
      case 'V':
      case 'v':
        v = 5;
        break;
      case 'X':
      case 'x':
        v = 10;
        break;
      default:
        return 0;
    }
    total += v < prev ? -v : v;
    if (v > prev) prev = v;
  }
  return total > 0 && total < 40 ? total : 0;
}

bool ParseIsoDate(std::string_view s, CivilDate* d) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  int v[3] = {0, 0, 0};
  const size_t starts[3] = {0, 5, 8}, lens[3] = {4, 2, 2};
  for (int k = 0; k < 3; ++k) {
    for (size_t i = 0; i < lens[k]; ++i) {
      char c = s[starts[k] + i];
      if (c < '0' || c > '9') return false;
      v[k] = v[k] * 10 + (c - '0');
    }
  }
  if (!IsValidDate(v[0], v[1], v[2])) return false;
  *d = {v[0], v[1], v[2]};
  return true;
}

std::string FormatRRule(Recurrence r, int month, int day) {
  std::string out;
  switch (r) {
    case Recurrence::kNone:
      return out;
    case Recurrence::kYearly:
      out = "FREQ=YEARLY";
      break;
    case Recurrence::kQuarterly:
      out = "FREQ=MONTHLY;INTERVAL=3";
      break;
    case Recurrence::kMonthly:
      out = "FREQ=MONTHLY";
      break;
    case Recurrence::kWeekly:
      return "FREQ=WEEKLY";
  }
  if (month >= 1 && month <= 12 && r == Recurrence::kYearly) {
    out += ";BYMONTH=" + std::to_string(month);
  }
  if (day != 0) out += ";BYMONTHDAY=" + std::to_string(day);
  return out;
}

}  // namespace vanban
