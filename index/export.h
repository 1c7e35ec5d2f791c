// Export formats for other systems: CSV (RFC 4180) of deadlines and tasks,
// iCalendar (RFC 5545) with one all-day event per deadline.
#ifndef VANBAN_INDEX_EXPORT_H_
#define VANBAN_INDEX_EXPORT_H_

#include <string>
#include <vector>

#include "index/index.h"

namespace vanban {

// One CSV field, quoted when it holds a comma, quote, CR or LF.
std::string CsvField(const std::string& s);
// One CSV record ending in CRLF.
std::string CsvRow(const std::vector<std::string>& fields);
// Deadlines then tasks, one record each, under a header row.
std::string DeadlinesTasksCsv(const std::vector<AgendaItem>& deadlines,
                              const std::vector<TaskRow>& tasks);

// Escapes an iCalendar TEXT value (backslash, comma, semicolon, newline).
std::string IcsEscape(const std::string& s);
// Folds one content line at 75 octets without splitting a UTF-8 sequence;
// returns it with CRLF line ends.
std::string IcsFold(const std::string& line);
// The day after a YYYY-MM-DD date ("" when the date is not valid).
std::string NextDay(const std::string& ymd);
// The words of an event's description (words.rules label_lead and
// label_due_before): "<lead>: body", "<due_before> date".
struct IcsLabels {
  std::string lead;
  std::string due_before;
};
// A VCALENDAR with one all-day VEVENT per deadline that has a full date.
// dtstamp is the UTC time written as DTSTAMP (YYYYMMDDTHHMMSSZ).
std::string DeadlinesIcs(const std::vector<AgendaItem>& deadlines, const std::string& dtstamp,
                         const IcsLabels& labels);

}  // namespace vanban

#endif  // VANBAN_INDEX_EXPORT_H_
