// Calendar arithmetic and the dates[] extractor: every written form, years
// taken from the issue date or the text around, invalid dates rejected.
#include <gtest/gtest.h>

#include "extractors/date_math.h"
#include "tests/values_helper.h"

namespace vanban {
namespace {

using testing::ExtractValues;

TEST(DateMath, MonthEndsLeapYearsQuarters) {
  EXPECT_EQ(DaysInMonth(2024, 2), 29);
  EXPECT_EQ(DaysInMonth(2023, 2), 28);
  EXPECT_EQ(DaysInMonth(1900, 2), 28);
  EXPECT_EQ(DaysInMonth(2000, 2), 29);
  EXPECT_EQ(DaysInMonth(2022, 4), 30);
  EXPECT_EQ(DaysInMonth(2022, 13), 0);
  EXPECT_EQ(FormatDate(QuarterEnd(2017, 1)), "2017-03-31");
  EXPECT_EQ(FormatDate(QuarterStart(2023, 3)), "2023-07-01");
  EXPECT_EQ(FormatDate(QuarterEnd(2023, 2)), "2023-06-30");
  EXPECT_EQ(FormatDate(MonthEnd(2024, 2)), "2024-02-29");
  EXPECT_TRUE(IsValidDate(2024, 2, 29));
  EXPECT_FALSE(IsValidDate(2022, 2, 29));
  EXPECT_FALSE(IsValidDate(2022, 2, 31));
  EXPECT_FALSE(IsValidDate(2022, 0, 1));
}

TEST(DateMath, RomanNumerals) {
  const std::pair<const char*, int> cases[] = {{"I", 1},     {"II", 2}, {"III", 3}, {"IV", 4},
                                               {"XIII", 13}, {"3", 3},  {"V/v", 0}, {"", 0}};
  for (const auto& [s, v] : cases) EXPECT_EQ(ParseSmallNumeral(s), v) << s;
}

struct DateCase {
  const char* text;
  const char* issued;
  const char* value;  // "" when no date must be found
  const char* precision;
  const char* year_from;
};

TEST(DateExtractor, WrittenForms) {
  const DateCase cases[] = {
      {"Hà Nội, ngày 24 tháng 12 năm 2021", "", "2021-12-24", "day", ""},
      {"Đà Nẵng, ngày 05 tháng 3, năm 2019", "", "2019-03-05", "day", ""},
      {"ban hành ngày 29/11/2021", "", "2021-11-29", "day", ""},
      {"từ 24-12-2021", "", "2021-12-24", "day", ""},
      {"Quyết định ngày 01/11/2017 của", "", "2017-11-01", "day", ""},
      {"**31/3/2022**", "", "2022-03-31", "day", ""},
      {"Ngày 7/11/1948 là ngày truyền thống", "", "1948-11-07", "day", ""},
      {"29/02/2024", "", "2024-02-29", "day", ""},
      {"trong tháng 12/2021", "", "2021-12", "month", ""},
      {"tháng 3 năm 2022", "", "2022-03", "month", ""},
      {"Tháng 01-2023", "", "2023-01", "month", ""},
      {"Quý I/2017", "", "2017-Q1", "quarter", ""},
      {"quý 2 năm 2023", "", "2023-Q2", "quarter", ""},
      {"trong Quý III năm 2026", "", "2026-Q3", "quarter", ""},
      {"quí IV/2020", "", "2020-Q4", "quarter", ""},
      {"Chương trình công tác năm 2023", "", "2023", "year", ""},
      {"trước ngày 30/3", "2022-01-15", "2022-03-30", "day", "issue-date"},
      {"trước ngày 15 tháng 12", "2025-11-20", "2025-12-15", "day", "issue-date"},
      {"Năm 2022, trước ngày 30/6 các đơn vị", "", "2022", "year", ""},
  };
  for (const auto& c : cases) {
    Document doc = ExtractValues(c.text, c.issued);
    if (std::string(c.value).empty()) {
      EXPECT_TRUE(doc.dates.empty()) << c.text << " → " << doc.dates[0].value;
      continue;
    }
    ASSERT_FALSE(doc.dates.empty()) << c.text;
    EXPECT_EQ(doc.dates[0].value, c.value) << c.text;
    EXPECT_EQ(doc.dates[0].precision, c.precision) << c.text;
    EXPECT_EQ(doc.dates[0].year_from, c.year_from) << c.text;
  }
}

TEST(DateExtractor, InvalidDatesAreRejected) {
  // Text and the precision no date may have (a shorter valid part may stay).
  const std::pair<const char*, const char*> cases[] = {
      {"31/2/2022", "day"},
      {"ngày 30/02/2023", "day"},
      {"ngày 29/02/2023", "day"},
      {"tháng 13/2022", "month"},
      {"tháng 0/2022", "month"},
      {"ngày 32 tháng 1 năm 2022", "day"},
      {"quý 5 năm 2022", "quarter"},
      {"Kế hoạch số 48-KH/ĐUK", "day"},
      {"Nghị định số 30/2020/NĐ-CP", "day"},
      {"Nghị định số 30/2020/NĐ-CP", "year"},
  };
  for (const auto& [text, precision] : cases) {
    Document doc = ExtractValues(text);
    for (const DateFact& d : doc.dates)
      EXPECT_NE(d.precision, precision) << text << " → " << d.value;
  }
}

TEST(DateExtractor, YearFromTheTextAroundWithoutAHeader) {
  Document doc = ExtractValues("Chương trình năm 2022: báo cáo trước ngày 30/6 hằng quý.");
  ASSERT_EQ(doc.dates.size(), 2u);
  EXPECT_EQ(doc.dates[1].value, "2022-06-30");
  EXPECT_EQ(doc.dates[1].year_from, "context");
}

TEST(DateExtractor, SpansPointAtTheText) {
  std::string text = "Hội nghị diễn ra ngày 17/01/2022 tại trụ sở.";
  Document doc = ExtractValues(text);
  ASSERT_EQ(doc.dates.size(), 1u);
  EXPECT_EQ(doc.Slice(doc.dates[0].span), "ngày 17/01/2022");
  EXPECT_EQ(doc.dates[0].text, "ngày 17/01/2022");
  EXPECT_EQ(doc.dates[0].rule, "date.dmy.numeric");
  EXPECT_TRUE(doc.periods.empty());
  EXPECT_TRUE(doc.deadlines.empty());
}

}  // namespace
}  // namespace vanban
