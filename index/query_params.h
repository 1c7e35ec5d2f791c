// The checks every reader of the index applies to its parameters, shared by
// the command line and the HTTP API: dates as the index stores them, the
// roles an organisation may have, and today's date.
#ifndef VANBAN_INDEX_QUERY_PARAMS_H_
#define VANBAN_INDEX_QUERY_PARAMS_H_

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

#include "extractors/date_math.h"
#include "text/clock.h"

namespace vanban {

// A date parameter's value in the index's form: YYYY-MM-DD, or the prefixes
// YYYY-MM and YYYY (a whole month or year); the Vietnamese DD/MM/YYYY and
// MM/YYYY are read as such. False when value is not a real date.
inline bool NormaliseDateFlag(const std::string& value, std::string* iso) {
  CivilDate d;
  int a = 0, b = 0, c = 0;
  char tail = 0;
  if (std::sscanf(value.c_str(), "%d/%d/%d%c", &a, &b, &c, &tail) == 3) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c, b, a);
    *iso = buf;
    return c >= 1000 && ParseIsoDate(*iso, &d);
  }
  if (std::sscanf(value.c_str(), "%d/%d%c", &a, &b, &tail) == 2) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", b, a);
    *iso = buf;
    return b >= 1000 && ParseIsoDate(*iso + "-01", &d);
  }
  *iso = value;
  if (value.size() == 10) return ParseIsoDate(value, &d);
  if (value.size() == 7) return ParseIsoDate(value + "-01", &d);
  if (value.size() == 4) return ParseIsoDate(value + "-01-01", &d);
  return false;
}

// The roles an organisation may be asked for by: lead and partner per task,
// the others per document.
inline const std::vector<std::string>& DocumentRoles() {
  static const std::vector<std::string> kRoles = {"lead",      "partner", "issuer",   "recipient",
                                                  "addressee", "signer",  "mentioned"};
  return kRoles;
}
inline const std::vector<std::string>& TaskRoles() {
  static const std::vector<std::string> kRoles = {"lead", "partner"};
  return kRoles;
}
inline bool IsOneOf(const std::string& value, const std::vector<std::string>& list) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

// Today as YYYY-MM-DD: $VANBAN_TODAY when set, else the system's local date.
inline std::string LocalToday() {
  const char* env = std::getenv("VANBAN_TODAY");
  if (env && *env) return env;
  return FormatLocalNow("%Y-%m-%d");
}

}  // namespace vanban

#endif  // VANBAN_INDEX_QUERY_PARAMS_H_
