// The time cell of a task table row ("Quý IV/2025", "Tháng 12/2025", "2025",
// "Trước ngày 30/11/2025", "Thường xuyên", "Hằng năm") read as a due date,
// ongoing work or a recurrence rule.
#ifndef VANBAN_EXTRACTORS_TASK_CELL_TIME_H_
#define VANBAN_EXTRACTORS_TASK_CELL_TIME_H_

#include <string>
#include <string_view>

#include "extractors/pattern_set.h"
#include "extractors/rule_file.h"
#include "pipeline/status.h"

namespace vanban {

struct CellTime {
  std::string due;          // YYYY-MM-DD, the last day the cell allows; "" when none
  bool inclusive = true;    // false for "Trước ngày X"
  bool continuous = false;  // "Thường xuyên"
  std::string recurrence;   // RFC 5545 RRULE ("FREQ=YEARLY") or ""
};

class CellTimeReader {
 public:
  // Builds a reader from the "task_times" rule file; kBadRules when it is
  // missing or a pattern does not compile.
  static Result<CellTimeReader> Create(const RuleBook& rules);

  // Reads cell; a quarter, month or day without a year takes default_year
  // (0: none, the cell then gives no due date).
  CellTime Read(std::string_view cell, int default_year) const;

 private:
  explicit CellTimeReader(PatternSet patterns);
  std::string LatestDate(std::string_view cell, int default_year) const;

  PatternSet patterns_;
  int quarter_, month_, date_, daymonth_, year_, before_, continuous_, yearly_, monthly_,
      quarterly_;
};

// "YYYY-MM-DD" of the last day of month (1..12) in year.
std::string MonthEnd(int year, int month);

}  // namespace vanban

#endif  // VANBAN_EXTRACTORS_TASK_CELL_TIME_H_
