// Export formats for other systems: CSV (RFC 4180) of deadlines and tasks,
// iCalendar (RFC 5545) with one all-day event per task due or deadline.
#ifndef VANBAN_INDEX_EXPORT_H_
#define VANBAN_INDEX_EXPORT_H_

#include <string>
#include <vector>

#include "index/index.h"

namespace vanban {

class Lexicon;

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
// The words of an event's description (words.rules label_…): "<lead>:
// body", "<partners>: bodies", "<action>: text", "<due_before> date". An
// empty label writes the value alone.
struct IcsLabels {
  std::string lead;
  std::string due_before;
  std::string partners;
  std::string action;
};
// The labels words.rules gives (the first of each), for the CLI and the API.
IcsLabels IcsLabelsOf(const Lexicon& lexicon);
// The first day on or after from (YYYY-MM-DD) that an RRULE (RFC 5545,
// without "RRULE:") recurs on: FREQ DAILY to YEARLY with BYMONTH,
// BYMONTHDAY (negative from the month's end) and plain BYDAY; "" for other
// rules or a bad date.
std::string FirstOccurrence(const std::string& rrule, const std::string& from);
// A VCALENDAR with one all-day VEVENT per agenda item with a full date
// (a task's due, or a deadline): the summary starts with the lead, the
// description lists the partners and the action, the UID is stable per
// document and task (or deadline). Then one VEVENT with RRULE per recurring
// task whose rule FirstOccurrence places after its document's date.
// dtstamp is the UTC time written as DTSTAMP (YYYYMMDDTHHMMSSZ).
std::string DeadlinesIcs(const std::vector<AgendaItem>& deadlines,
                         const std::vector<TaskRow>& recurring, const std::string& dtstamp,
                         const IcsLabels& labels);

}  // namespace vanban

#endif  // VANBAN_INDEX_EXPORT_H_
