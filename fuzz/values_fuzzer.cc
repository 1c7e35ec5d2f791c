// Fuzzes number and date parsing: figures (`50.000.000`, `2,5`), number words
// (`năm mươi triệu`, `một trăm lẻ năm`), Roman numerals, ISO dates and the
// calendar arithmetic, checking their invariants (a month ends on its last
// day, a parsed ISO date formats back to itself).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "extractors/date_math.h"
#include "extractors/numbers.h"
#include "extractors/rule_file.h"

namespace {

const vanban::NumberWords& Words() {
  static const vanban::NumberWords* words = [] {
    auto book = vanban::RuleBook::LoadDir(VANBAN_SOURCE_DIR "/extractors/rules");
    if (!book.ok()) std::abort();
    auto w = vanban::NumberWords::FromRules(book.value());
    if (!w.ok()) std::abort();
    return new vanban::NumberWords(std::move(w).value());
  }();
  return *words;
}

void CheckCalendar(int year, int month) {
  const int days = vanban::DaysInMonth(year, month);
  if (month < 1 || month > 12) {
    if (days != 0) std::abort();
    return;
  }
  if (days < 28 || days > 31) std::abort();
  if (year < 1000 || year > 2999) return;
  vanban::CivilDate end = vanban::MonthEnd(year, month);
  if (end.day != days || !vanban::IsValidDate(end.year, end.month, end.day)) std::abort();
  vanban::CivilDate parsed;
  const std::string iso = vanban::FormatDate(end);
  if (!vanban::ParseIsoDate(iso, &parsed) || vanban::FormatDate(parsed) != iso) std::abort();
  const int quarter = (month - 1) / 3 + 1;
  vanban::CivilDate qs = vanban::QuarterStart(year, quarter),
                    qe = vanban::QuarterEnd(year, quarter);
  if (qs.month > month || qe.month < month || qs.day != 1) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  vanban::ParseFigure(text);
  Words().Parse(text);
  Words().IsNumberWord(text);
  for (size_t start = 0; start < text.size();) {  // at every word start
    size_t end = 0;
    if (Words().ParsePrefix(text, start, &end) && (end <= start || end > text.size())) {
      std::abort();
    }
    const size_t space = text.find(' ', start);
    if (space == std::string_view::npos) break;
    start = space + 1;
  }
  vanban::ParseSmallNumeral(text);
  vanban::CivilDate d;
  if (vanban::ParseIsoDate(text, &d) && vanban::FormatDate(d) != text &&
      vanban::IsValidDate(d.year, d.month, d.day)) {
    // A valid date may come from a differently padded string; it must still
    // parse back from its own formatting.
    vanban::CivilDate again;
    if (!vanban::ParseIsoDate(vanban::FormatDate(d), &again) || again.day != d.day) std::abort();
  }
  if (size >= 3) {
    const int year = 900 + (data[0] << 8 | data[1]) % 2200;
    CheckCalendar(year, data[2] % 14);
  }
  return 0;
}
