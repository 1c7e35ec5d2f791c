// Calendar arithmetic for the date extractors: valid dates, month and quarter
// ends, leap years, ISO formatting, Roman numerals.
#ifndef VANBAN_EXTRACTORS_DATE_MATH_H_
#define VANBAN_EXTRACTORS_DATE_MATH_H_

#include <string>
#include <string_view>

namespace vanban {

struct CivilDate {
  int year = 0, month = 0, day = 0;
};

bool IsLeapYear(int year);
// Days in month (1..12) of year; 0 for a month out of range.
int DaysInMonth(int year, int month);
// True for a real calendar date with 1000 <= year <= 2999.
bool IsValidDate(int year, int month, int day);
// "2022-03-31"; "2022-03" when day is 0; "2022" when month is 0.
std::string FormatDate(int year, int month = 0, int day = 0);
// First and last day of a month, a quarter (1..4), a year.
CivilDate MonthStart(int year, int month);
CivilDate MonthEnd(int year, int month);
CivilDate QuarterStart(int year, int quarter);
CivilDate QuarterEnd(int year, int quarter);
std::string FormatDate(const CivilDate& d);
// Parses a Roman numeral I..XXXIX or a plain number; 0 when it is neither.
int ParseSmallNumeral(std::string_view s);
// Parses "2022-03-31" into d; false when malformed.
bool ParseIsoDate(std::string_view s, CivilDate* d);

// How often a recurring deadline comes back.
enum class Recurrence { kNone, kYearly, kQuarterly, kMonthly, kWeekly };
// An RFC 5545 RRULE for a deadline that recurs: month 0 = every month of the
// cycle, day 0 = no day given, day -1 = the last day of the month.
// "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=20", "FREQ=MONTHLY;BYMONTHDAY=15".
// Returns "" for kNone.
std::string FormatRRule(Recurrence r, int month, int day);

}  // namespace vanban

#endif  // VANBAN_EXTRACTORS_DATE_MATH_H_
