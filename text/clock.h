// The current time as text, in UTC or local time, for stamps and "today".
#ifndef VANBAN_TEXT_CLOCK_H_
#define VANBAN_TEXT_CLOCK_H_

#include <ctime>
#include <string>

namespace vanban {

// Now in UTC formatted by strftime's fmt ("%Y-%m-%dT%H:%M:%SZ").
inline std::string FormatUtcNow(const char* fmt) {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  return std::strftime(buf, sizeof buf, fmt, &tm) ? buf : "";
}

// Now in the machine's local time formatted by fmt ("%Y-%m-%d").
inline std::string FormatLocalNow(const char* fmt) {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[64];
  return std::strftime(buf, sizeof buf, fmt, &tm) ? buf : "";
}

}  // namespace vanban

#endif  // VANBAN_TEXT_CLOCK_H_
