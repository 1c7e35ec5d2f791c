// The periods[] extractor: ranges, whole months and quarters, parts of a
// year, terms and anniversaries.
#include <gtest/gtest.h>

#include "tests/values_helper.h"

namespace vanban {
namespace {

using testing::ExtractValues;

struct PeriodCase {
  const char* text;
  const char* issued;
  const char* start;  // "" when no period must be found
  const char* end;
  const char* kind;
};

TEST(PeriodExtractor, Forms) {
  const PeriodCase cases[] = {
      {"Đợt thi đua thực hiện từ tháng 12/2021 đến 31/3/2022.", "", "2021-12-01", "2022-03-31",
       "activity"},
      {"*Triển khai từ tháng 01/2022 đến tháng 4/2022.*", "", "2022-01-01", "2022-04-30",
       "activity"},
      {"Thời gian từ tháng 02/2024 đến hết tháng 2/2024.", "", "2024-02-01", "2024-02-29",
       "activity"},
      {"Thời gian từ 10/2016 đến hết tháng 4/2017.", "", "2016-10-01", "2017-04-30", "activity"},
      {"Treo băng rôn từ 15/3/2022 đến 15/4/2022.", "", "2022-03-15", "2022-04-15", "activity"},
      {"từ ngày 01/6/2023 đến ngày 30/6/2023", "", "2023-06-01", "2023-06-30", "activity"},
      {"từ ngày 15/3 đến ngày 15/4/2022", "", "2022-03-15", "2022-04-15", "activity"},
      {"từ ngày 20/12 đến ngày 10/01/2025", "", "2024-12-20", "2025-01-10", "activity"},
      {"Từ ngày 08 đến ngày 09 tháng 11 năm 2025 tại tỉnh", "", "2025-11-08", "2025-11-09",
       "activity"},
      {"đợt mưa lũ từ ngày 16-22/11/2025", "", "2025-11-16", "2025-11-22", "activity"},
      {"từ quý II/2023 đến quý IV/2023", "", "2023-04-01", "2023-12-31", "activity"},
      {"từ năm 2021 đến năm 2025", "", "2021-01-01", "2025-12-31", "activity"},
      {"từ ngày 01/3 đến hết tháng 5", "2025-02-10", "2025-03-01", "2025-05-31", "activity"},
      {"Thực hiện Quý I/2017.", "", "2017-01-01", "2017-03-31", "activity"},
      {"Thời gian thực hiện trong Quý I/2017.", "", "2017-01-01", "2017-03-31", "activity"},
      {"Thực hiện trong tháng 3/2017.", "", "2017-03-01", "2017-03-31", "activity"},
      {"*Thực hiện trong tháng 4/2022.*", "", "2022-04-01", "2022-04-30", "activity"},
      {"tổ chức trong tháng 2 năm 2024", "", "2024-02-01", "2024-02-29", "activity"},
      {"sơ kết 6 tháng đầu năm 2022", "", "2022-01-01", "2022-06-30", "activity"},
      {"nhiệm vụ sáu tháng cuối năm 2023", "", "2023-07-01", "2023-12-31", "activity"},
      {"Nghị quyết Đại hội nhiệm kỳ 2020-2025", "", "2020-01-01", "2025-12-31", "term"},
      {"Ban Chấp hành nhiệm kỳ 2015 - 2020", "", "2015-01-01", "2020-12-31", "term"},
      {"Ban Chấp hành nhiệm kì 2010 - 2015", "", "2010-01-01", "2015-12-31", "term"},
      {"kế hoạch giai đoạn 2021 - 2025", "", "2021-01-01", "2025-12-31", "programme"},
      {"Chiến lược phát triển giai đoạn 2026-2030", "", "2026-01-01", "2030-12-31", "programme"},
      {"quy hoạch tỉnh thời kỳ 2021 - 2030, tầm nhìn", "", "2021-01-01", "2030-12-31", "programme"},
      {"Thực hiện Kế hoạch 5 năm 2021 - 2025 về", "", "2021-01-01", "2025-12-31", "programme"},
      {"trong thời kỳ ổn định ngân sách 2023 - 2026", "", "2023-01-01", "2026-12-31", "programme"},
      {"Đại hội đại biểu nhiệm kỳ 2026 - 2031", "", "2026-01-01", "2031-12-31", "term"},
      {"chính sách áp dụng từ năm 2027 trở đi", "", "2027-01-01", "", "open"},
      {"Quy chế áp dụng từ ngày ban hành đến khi có văn bản thay thế", "2025-04-09", "2025-04-09",
       "", "open"},
      {"Thời gian thực hiện: Quý IV/2025", "", "2025-10-01", "2025-12-31", "activity"},
      {"các hoạt động diễn ra trong tháng 4 năm 2026", "", "2026-04-01", "2026-04-30", "activity"},
      {"Hội thảo trong hai ngày 12 - 13/6/2025 tại", "", "2025-06-12", "2025-06-13", "activity"},
      {"vào ngày 3 và 4 tháng 12 năm 2025", "", "2025-12-03", "2025-12-04", "activity"},
      {"tập huấn từ ngày 07-8 đến ngày 15-8-2025", "", "2025-08-07", "2025-08-15", "activity"},
      {"tổ chức từ tháng 3 đến tháng 10\nnăm 2026", "", "2026-03-01", "2026-10-31", "activity"},
      {"Kỷ niệm 15 năm Ngày thành lập Đảng bộ Khối (11/4/2007 - 11/4/2022)", "", "2007-04-11",
       "2022-04-11", "anniversary"},
      {"tiến tới kỷ niệm 70 năm Ngày truyền thống của Đảng bộ (07/11/1948-07/11/2018)", "",
       "1948-11-07", "2018-11-07", "anniversary"},
      {"Kỉ niệm 80 năm Cách mạng Tháng Tám (19/8/1945 - 19/8/2025)", "", "1945-08-19", "2025-08-19",
       "anniversary"},
      {"chào mừng (03/02/1930 - 03/02/2022)", "", "1930-02-03", "2022-02-03", "anniversary"},
      {"đợt cao điểm (01/10/2025 - 31/12/2025)", "", "2025-10-01", "2025-12-31", "activity"},
      {"Hội thao được tổ chức vào Quý III/2026.", "", "2026-07-01", "2026-09-30", "activity"},
      {"Buổi lễ tiến hành vào tháng 11 năm 2025 tại", "", "2025-11-01", "2025-11-30", "activity"},
      {"Thời gian tổ chức: dự kiến vào tháng 7/2026", "", "2026-07-01", "2026-07-31", "activity"},
      {"thi đấu trong 2 ngày 15, 16/8/2026", "", "2026-08-15", "2026-08-16", "activity"},
      {"| Quý IV/2025- Quý II/2026 |", "", "2025-10-01", "2026-06-30", "activity"},
      {"Mừng 70 năm Ngày thành lập ngành (1955 - 2025)", "", "1955-01-01", "2025-12-31",
       "anniversary"},
      {"Mừng 70 năm Ngày thành lập ngành\n(1955 - 2025)", "", "1955-01-01", "2025-12-31",
       "anniversary"},
      {"Trong năm\n2027, các xã tổ chức từ tháng 2 đến tháng 4.", "2026-12-01", "2027-02-01",
       "2027-04-30", "activity"},
      // No start written: from the document's own date.
      {"Triển khai đến hết tháng 5/2022.", "2022-01-17", "2022-01-17", "2022-05-31", "activity"},
      {"Thời gian thực hiện: từ nay đến hết năm 2025.", "2025-03-02", "2025-03-02", "2025-12-31",
       "activity"},
      {"duy trì tới hết Quý II/2024", "2024-01-05", "2024-01-05", "2024-06-30", "activity"},
      {"treo khẩu hiệu đến hết ngày 30 tháng 4", "2023-04-01", "2023-04-01", "2023-04-30",
       "activity"},
      // Not periods.
      {"Triển khai đến hết tháng 5/2022.", "", "", "", ""},
      {"tính đến hết ngày 31/10/2025 đạt 90% kế hoạch", "2025-11-20", "", "", ""},
      {"Các chi bộ hoàn thành đến hết tháng 3/2017.", "2017-01-05", "", "", ""},
      {"báo cáo tình hình từ tháng 6/2022 đến nay", "", "", "", ""},
      {"hoàn thành trong tháng 3/2022", "", "", "", ""},
      {"(tính đến 30/6/2022)", "", "", "", ""},
      {"vào ngày 17/01/2022", "", "", "", ""},
      {"từ 31/3/2022 đến 01/3/2022", "", "", "", ""},
      {"trong tháng 13/2022", "", "", "", ""},
      {"Báo cáo tổng kết (2020 - 2025) của Sở", "", "", "", ""},
      {"báo cáo vào tháng 12/2025", "", "", "", ""},
      // Parts of a year over before the document: results under review.
      {"Trong 9 tháng đầu năm 2025, tăng trưởng đạt 8%", "2025-10-20", "", "", ""},
      {"ước đạt 9 tháng đầu năm", "2024-10-05", "", "", ""},
      {"kế hoạch 9 tháng đầu năm", "2024-02-05", "2024-01-01", "2024-09-30", "activity"},
      {"nhiệm vụ 3 tháng cuối năm 2025", "2025-10-20", "2025-10-01", "2025-12-31", "activity"},
  };
  for (const auto& c : cases) {
    Document doc = ExtractValues(c.text, c.issued);
    if (std::string(c.start).empty()) {
      EXPECT_TRUE(doc.periods.empty()) << c.text << " → " << doc.periods[0].start;
      continue;
    }
    ASSERT_EQ(doc.periods.size(), 1u) << c.text;
    EXPECT_EQ(doc.periods[0].start, c.start) << c.text;
    EXPECT_EQ(doc.periods[0].end, c.end) << c.text;
    EXPECT_EQ(doc.periods[0].kind, c.kind) << c.text;
  }
}

// "tháng 5 và tháng 9 năm 2026": one window per month, the year written once.
TEST(PeriodExtractor, CoordinatedMonthsAreSeparateWindows) {
  Document doc = ExtractValues("Kiểm tra được tổ chức vào tháng 4 và tháng 10 năm 2026.");
  ASSERT_EQ(doc.periods.size(), 2u);
  EXPECT_EQ(doc.periods[0].start, "2026-04-01");
  EXPECT_EQ(doc.periods[0].end, "2026-04-30");
  EXPECT_EQ(doc.periods[1].start, "2026-10-01");
  EXPECT_EQ(doc.periods[1].end, "2026-10-31");
  doc = ExtractValues("Thời gian thực hiện: Quý II và Quý IV năm 2026.");
  ASSERT_EQ(doc.periods.size(), 2u);
  EXPECT_EQ(doc.periods[0].end, "2026-06-30");
  EXPECT_EQ(doc.periods[1].start, "2026-10-01");
  doc = ExtractValues("kiểm tra trong các tháng 7, 8 năm 2026");
  ASSERT_EQ(doc.periods.size(), 2u);
  EXPECT_EQ(doc.periods[1].end, "2026-08-31");
  doc = ExtractValues("diễn tập trong tháng 3, tháng 6 và tháng 9/2025");
  ASSERT_EQ(doc.periods.size(), 3u);
  EXPECT_EQ(doc.periods[1].start, "2025-06-01");
  EXPECT_EQ(doc.periods[2].end, "2025-09-30");
}

// A window without a year takes the year of its sentence, then the year the
// subject names, before the issue date.
TEST(PeriodExtractor, YearlessWindowTakesTheContextYear) {
  Document doc =
      ExtractValues("Năm 2027, các trường tổ chức hội thi từ tháng 3 đến tháng 5.", "2026-12-20");
  ASSERT_EQ(doc.periods.size(), 1u);
  EXPECT_EQ(doc.periods[0].start, "2027-03-01");
  EXPECT_EQ(doc.periods[0].end, "2027-05-31");

  Document sub;
  sub.text = "Tổ chức tập huấn từ ngày 10/3 đến ngày 20/3.";
  sub.header.issued_on.value = "2025-12-28";
  sub.header.subject.value = "Kế hoạch bồi dưỡng cán bộ năm 2026";
  for (const auto& e : testing::ValueExtractors()) e->Extract(&sub);
  ASSERT_EQ(sub.periods.size(), 1u);
  EXPECT_EQ(sub.periods[0].start, "2026-03-10");

  doc = ExtractValues("Tổ chức tập huấn từ ngày 10/3 đến ngày 20/3.", "2025-12-28");
  ASSERT_EQ(doc.periods.size(), 1u);
  EXPECT_EQ(doc.periods[0].start, "2025-03-10");
}

TEST(PeriodExtractor, TwoPeriodsInOneSentenceKeepTheirSpans) {
  std::string text =
      "Giai đoạn 1 từ tháng 3/2024 đến tháng 6/2024; giai đoạn 2 từ 01/7/2024 đến 31/12/2024.";
  Document doc = ExtractValues(text);
  ASSERT_EQ(doc.periods.size(), 2u);
  EXPECT_EQ(doc.periods[0].end, "2024-06-30");
  EXPECT_EQ(doc.periods[1].start, "2024-07-01");
  EXPECT_EQ(doc.Slice(doc.periods[0].span), "từ tháng 3/2024 đến tháng 6/2024");
  EXPECT_EQ(doc.periods[0].rule, "period.range");
}

}  // namespace
}  // namespace vanban
