// CSV and iCalendar writers.
#include "index/export.h"

#include <cstdio>

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
  std::string out =
      CsvRow({"kind", "doc_id", "reference", "item_id", "due", "text", "lead", "partners"});
  for (const auto& d : deadlines) {
    out += CsvRow({"deadline", d.doc_id, d.reference, d.deadline_id, d.due, d.action, d.lead, ""});
  }
  for (const auto& t : tasks) {
    out += CsvRow({"task", t.doc_id, t.reference, t.task_id, t.due, t.text, t.lead, t.partners});
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

std::string DeadlinesIcs(const std::vector<AgendaItem>& deadlines, const std::string& dtstamp,
                         const IcsLabels& labels) {
  std::string out;
  auto line = [&](const std::string& l) { out += IcsFold(l); };
  line("BEGIN:VCALENDAR");
  line("VERSION:2.0");
  line("PRODID:-//vanban//deadlines 0.1//VI");
  line("CALSCALE:GREGORIAN");
  for (const auto& d : deadlines) {
    std::string next = NextDay(d.due);
    if (next.empty()) continue;
    line("BEGIN:VEVENT");
    line("UID:" + Sha256Hex(d.doc_id + "/" + d.deadline_id).substr(0, 32) + "@vanban");
    line("DTSTAMP:" + dtstamp);
    line("DTSTART;VALUE=DATE:" + Compact(d.due));
    line("DTEND;VALUE=DATE:" + Compact(next));
    std::string summary = d.action.empty() ? d.subject : d.action;
    if (!d.reference.empty()) summary = d.reference + ": " + summary;
    line("SUMMARY:" + IcsEscape(summary));
    std::string desc;
    if (!d.subject.empty()) desc += d.subject + "\n";
    if (!d.lead.empty()) desc += labels.lead + ": " + d.lead + "\n";
    if (!d.inclusive) desc += labels.due_before + " " + d.due + "\n";
    desc += d.path;
    line("DESCRIPTION:" + IcsEscape(desc));
    line("END:VEVENT");
  }
  line("END:VCALENDAR");
  return out;
}

}  // namespace vanban
