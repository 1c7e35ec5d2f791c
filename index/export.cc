// CSV and iCalendar writers.
#include "index/export.h"

#include <algorithm>
#include <cstdio>
#include <iterator>

#include "extractors/lexicon.h"
#include "pipeline/pipeline.h"

namespace vanban {

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

std::string CsvRow(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out.push_back(',');
    out += CsvField(fields[i]);
  }
  return out + "\r\n";
}

std::string DeadlinesTasksCsv(const std::vector<AgendaItem>& deadlines,
                              const std::vector<TaskRow>& tasks) {
  std::string out = CsvRow({"kind", "doc_id", "reference", "item_id", "due", "text", "lead",
                            "partners", "recurrence", "continuous"});
  for (const auto& d : deadlines) {
    out += CsvRow({d.kind == "task" ? "task-due" : "deadline", d.doc_id, d.reference, d.deadline_id,
                   d.due, d.action, d.lead, d.partners, "", ""});
  }
  for (const auto& t : tasks) {
    out += CsvRow({"task", t.doc_id, t.reference, t.task_id, t.due, t.text, t.lead, t.partners,
                   t.recurrence, t.continuous ? "true" : ""});
  }
  return out;
}

std::string IcsEscape(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
        out += "\\n";
        break;
      default:
        // Other control characters are not allowed in TEXT.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t') {
          out.push_back(' ');
        } else {
          out.push_back(c);
        }
    }
  }
  return out;
}

std::string IcsFold(const std::string& line) {
  std::string out;
  size_t pos = 0, limit = 75;  // the first line has 75 octets, the others 74 + a space
  while (line.size() - pos > limit) {
    size_t cut = pos + limit;
    // Never cut before a continuation byte (10xxxxxx).
    while (cut > pos && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    if (cut == pos) cut = pos + limit;
    out.append(line, pos, cut - pos);
    out += "\r\n ";
    pos = cut;
    limit = 74;
  }
  out.append(line, pos, std::string::npos);
  return out + "\r\n";
}

namespace {

bool ParseYmd(const std::string& s, int* y, int* m, int* d) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  *y = std::stoi(s.substr(0, 4));
  *m = std::stoi(s.substr(5, 2));
  *d = std::stoi(s.substr(8, 2));
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (*m < 1 || *m > 12 || *d < 1) return false;
  bool leap = (*y % 4 == 0 && *y % 100 != 0) || *y % 400 == 0;
  int days = kDays[*m - 1] + (*m == 2 && leap ? 1 : 0);
  return *d <= days;
}

std::string Compact(const std::string& ymd) {
  return ymd.substr(0, 4) + ymd.substr(5, 2) + ymd.substr(8, 2);
}

}  // namespace

std::string NextDay(const std::string& ymd) {
  int y, m, d;
  if (!ParseYmd(ymd, &y, &m, &d)) return "";
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d + 1);
  int y2, m2, d2;
  if (ParseYmd(buf, &y2, &m2, &d2)) return buf;
  if (m == 12) {
    std::snprintf(buf, sizeof buf, "%04d-01-01", y + 1);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-01", y, m + 1);
  }
  return buf;
}

namespace {

// Splits s at sep.
std::vector<std::string> SplitAt(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

// Day of the week of a date, 0 = Monday.
int Weekday(int y, int m, int d) {
  // Days from 1970-01-01 (a Thursday), after H. Hinnant's days_from_civil.
  y -= m <= 2;
  int era = (y >= 0 ? y : y - 399) / 400;
  int yoe = y - era * 400;
  int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  long days = static_cast<long>(era) * 146097 + doe - 719468;
  return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

// The BY… parts of an RRULE this writer can place a first date for.
struct RuleParts {
  std::vector<int> months, monthdays, weekdays;  // weekdays 0 = Monday
  bool ok = true;
};

bool ToInt(const std::string& s, int lo, int hi, int* v) {
  if (s.empty() || s.size() > 3) return false;
  size_t i = s[0] == '-' ? 1 : 0;
  if (i == s.size()) return false;
  int x = 0;
  for (; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    x = x * 10 + (s[i] - '0');
  }
  *v = s[0] == '-' ? -x : x;
  return *v >= lo && *v <= hi && *v != 0;
}

RuleParts ParseRule(const std::string& rrule) {
  static const char* const kDays[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
  RuleParts r;
  bool freq = false;
  for (const auto& part : SplitAt(rrule, ';')) {
    size_t eq = part.find('=');
    std::string key = part.substr(0, eq),
                value = eq == std::string::npos ? "" : part.substr(eq + 1);
    if (key == "FREQ") {
      freq = value == "DAILY" || value == "WEEKLY" || value == "MONTHLY" || value == "YEARLY";
    } else if (key == "BYMONTH" || key == "BYMONTHDAY" || key == "BYDAY") {
      for (const auto& v : SplitAt(value, ',')) {
        int x = 0;
        if (key == "BYMONTH" && ToInt(v, 1, 12, &x)) {
          r.months.push_back(x);
        } else if (key == "BYMONTHDAY" && ToInt(v, -31, 31, &x)) {
          r.monthdays.push_back(x);
        } else if (key == "BYDAY" &&
                   std::find(std::begin(kDays), std::end(kDays), v) != std::end(kDays)) {
          r.weekdays.push_back(
              static_cast<int>(std::find(std::begin(kDays), std::end(kDays), v) - kDays));
        } else {
          r.ok = false;
        }
      }
    } else if (key != "INTERVAL" && key != "COUNT" && key != "UNTIL" && key != "WKST") {
      r.ok = false;
    }
  }
  r.ok = r.ok && freq;
  return r;
}

bool Contains(const std::vector<int>& v, int x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

// Whether y-m-d is a day the BY… parts allow.
bool Matches(const RuleParts& r, int y, int m, int d) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  int last = kDays[m - 1] + (m == 2 && leap ? 1 : 0);
  if (!r.months.empty() && !Contains(r.months, m)) return false;
  if (!r.monthdays.empty() && !Contains(r.monthdays, d) && !Contains(r.monthdays, d - last - 1)) {
    return false;
  }
  return r.weekdays.empty() || Contains(r.weekdays, Weekday(y, m, d));
}

}  // namespace

std::string FirstOccurrence(const std::string& rrule, const std::string& from) {
  RuleParts r = ParseRule(rrule);
  std::string day = from;
  int y, m, d;
  if (!r.ok || !ParseYmd(day, &y, &m, &d)) return "";
  // Four years hold every month day and weekday a rule can ask for.
  for (int i = 0; i < 4 * 366 && ParseYmd(day, &y, &m, &d); ++i) {
    if (Matches(r, y, m, d)) return day;
    day = NextDay(day);
  }
  return "";
}

namespace {

// The lines of one all-day VEVENT starting on start (YYYY-MM-DD), with an
// RRULE when rrule is not "".
struct IcsEvent {
  std::string uid_key;  // document identity / item: hashed into the UID
  std::string start;
  std::string rrule;
  std::string summary;
  std::string description;
};

void AppendEvent(const IcsEvent& e, const std::string& dtstamp, std::string* out) {
  auto line = [&](const std::string& l) { *out += IcsFold(l); };
  line("BEGIN:VEVENT");
  line("UID:" + Sha256Hex(e.uid_key).substr(0, 32) + "@vanban");
  line("DTSTAMP:" + dtstamp);
  line("DTSTART;VALUE=DATE:" + Compact(e.start));
  line("DTEND;VALUE=DATE:" + Compact(NextDay(e.start)));
  if (!e.rrule.empty()) line("RRULE:" + e.rrule);
  line("SUMMARY:" + IcsEscape(e.summary));
  line("DESCRIPTION:" + IcsEscape(e.description));
  line("END:VEVENT");
}

// "Lead: action (reference)", or "reference: action" without a lead.
std::string Summary(const std::string& lead, const std::string& action,
                    const std::string& reference, const std::string& subject) {
  const std::string& what = action.empty() ? subject : action;
  if (lead.empty()) return reference.empty() ? what : reference + ": " + what;
  return lead + ": " + what + (reference.empty() ? "" : " (" + reference + ")");
}

// Lead, partners, the action, then the document.
std::string Description(const IcsLabels& labels, const std::string& lead,
                        const std::string& partners, const std::string& action,
                        const std::string& extra, const std::string& reference,
                        const std::string& subject, const std::string& path) {
  auto labelled = [](const std::string& label, const std::string& value) {
    if (value.empty()) return std::string();
    return (label.empty() ? value : label + ": " + value) + "\n";
  };
  std::string d = labelled(labels.lead, lead) + labelled(labels.partners, partners) +
                  labelled(labels.action, action) + extra;
  if (!reference.empty()) d += reference + (subject.empty() ? "" : " " + subject) + "\n";
  return d + path;
}

}  // namespace

std::string DeadlinesIcs(const std::vector<AgendaItem>& deadlines,
                         const std::vector<TaskRow>& recurring, const std::string& dtstamp,
                         const IcsLabels& labels) {
  std::string out;
  auto line = [&](const std::string& l) { out += IcsFold(l); };
  line("BEGIN:VCALENDAR");
  line("VERSION:2.0");
  line("PRODID:-//vanban//deadlines 0.2//VI");
  line("CALSCALE:GREGORIAN");
  for (const auto& d : deadlines) {
    if (NextDay(d.due).empty()) continue;
    IcsEvent e;
    e.uid_key = d.doc_key + "/" + (d.kind == "task" ? "task/" + d.task_id : d.deadline_id);
    e.start = d.due;
    e.summary = Summary(d.lead, d.action, d.reference, d.subject);
    e.description = Description(labels, d.lead, d.partners, d.action,
                                d.inclusive ? "" : labels.due_before + " " + d.due + "\n",
                                d.reference, d.subject, d.path);
    AppendEvent(e, dtstamp, &out);
  }
  for (const auto& t : recurring) {
    std::string start = FirstOccurrence(t.recurrence, t.issued_on);
    if (t.recurrence.empty() || start.empty()) continue;
    IcsEvent e;
    e.uid_key = t.doc_key + "/task/" + t.task_id;
    e.start = start;
    e.rrule = t.recurrence;
    e.summary = Summary(t.lead, t.text, t.reference, "");
    e.description = Description(labels, t.lead, t.partners, t.text, "", t.reference, "", t.path);
    AppendEvent(e, dtstamp, &out);
  }
  line("END:VCALENDAR");
  return out;
}

IcsLabels IcsLabelsOf(const Lexicon& lexicon) {
  const FormatWords& w = lexicon.words();
  IcsLabels labels;
  if (!w.label_lead.empty()) labels.lead = w.label_lead.front().text;
  if (!w.label_due_before.empty()) labels.due_before = w.label_due_before.front().text;
  return labels;
}

}  // namespace vanban
