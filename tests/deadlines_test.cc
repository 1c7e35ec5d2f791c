// The deadlines[] extractor: cue words, due dates (month ends for months),
// inclusive or not, the action and the actor.
#include <gtest/gtest.h>

#include "tests/values_helper.h"

namespace vanban {
namespace {

using testing::ExtractValues;

struct DeadlineCase {
  const char* text;
  const char* issued;
  const char* due;  // "" when no deadline must be found
  bool inclusive;
};

TEST(DeadlineExtractor, CuesAndDueDates) {
  const DeadlineCase cases[] = {
      {"Các đơn vị báo cáo kết quả về Ban Tổ chức trước ngày **31/3/2022**.", "", "2022-03-31",
       false},
      {"gửi Sở Tài chính trước ngày 15 tháng 12 năm 2025.", "", "2025-12-15", false},
      {"gửi về Văn phòng chậm nhất ngày 20/12/2025.", "", "2025-12-20", true},
      {"chậm nhất là ngày 05 tháng 01 năm 2026", "", "2026-01-05", true},
      {"hoàn thành chậm nhất trước ngày 31/12/2025", "", "2025-12-31", false},
      {"Hoàn thành trong **tháng 3/2022**.", "", "2022-03-31", true},
      {"(*hoàn thành trong tháng 2/2024*)", "", "2024-02-29", true},
      {"hoàn thành kế hoạch chi tiết trước ngày 10/10/2016.", "", "2016-10-10", false},
      {"Phải xong trước ngày 30/6/2024.", "", "2024-06-30", false},
      {"Hoàn thành trong năm 2025.", "", "2025-12-31", true},
      {"hoàn thành trong Quý II năm 2024", "", "2024-06-30", true},
      {"hoàn thành trong quý I/2023", "", "2023-03-31", true},
      {"lộ trình thực hiện đến 07/11/2023 đạt 150 căn nhà", "", "2023-11-07", true},
      {"đến hết ngày 31/12/2025 phải hoàn thành việc sắp xếp", "", "2025-12-31", true},
      {"báo cáo Thủ tướng Chính phủ trong tháng 12 năm 2025.", "", "2025-12-31", true},
      {"gửi Bộ Nội vụ trong quý I năm 2026", "", "2026-03-31", true},
      {"trước ngày 30/3", "2022-02-10", "2022-03-30", false},
      {"nộp báo cáo trước ngày 15/01", "2024-12-20", "2025-01-15", false},
      {"trước ngày 30 tháng 11\nnăm 2025", "", "2025-11-30", false},
      {"trước tháng 6/2024", "", "2024-06-01", false},
      {"Các chi bộ hoàn thành việc kiểm điểm đến hết tháng 3/2017.", "", "2017-03-31", true},
      {"Hoàn thành đến hết Quý I/2017.", "2017-01-05", "2017-03-31", true},
      {"hoàn thành tới hết ngày 30/6/2024", "", "2024-06-30", true},
      // "đến hết …" with no document date to start a period from.
      {"Triển khai đến hết tháng 5/2022.", "", "2022-05-31", true},
      // Not deadlines.
      {"Triển khai đến hết tháng 5/2022.", "2022-01-17", "", true},
      {"hoàn thành việc rà soát từ tháng 01/2022 đến hết tháng 3/2022", "", "", true},
      {"báo cáo trước ngày 20 hằng tháng", "2025-01-01", "", true},
      {"trước ngày 25/12 hàng năm", "2025-01-01", "", true},
      {"tính đến hết ngày 31/10/2025 đạt 90% kế hoạch", "", "", true},
      {"vào ngày 17/01/2022", "", "", true},
      {"(tính đến 30/6/2022)", "", "", true},
      {"Thực hiện trong tháng 3/2017.", "", "", true},
      {"trước khi triển khai", "", "", true},
      {"trước ngày 31/2/2022", "", "", true},
  };
  for (const auto& c : cases) {
    Document doc = ExtractValues(c.text, c.issued);
    if (std::string(c.due).empty()) {
      for (const auto& d : doc.deadlines) EXPECT_EQ(d.due, "") << c.text << " → " << d.due;
      continue;
    }
    ASSERT_EQ(doc.deadlines.size(), 1u) << c.text;
    EXPECT_EQ(doc.deadlines[0].due, c.due) << c.text;
    EXPECT_EQ(doc.deadlines[0].inclusive, c.inclusive) << c.text;
  }
}

// Cues that were missed: labels, "không muộn hơn", a time of day, a part
// of the year.
TEST(DeadlineExtractor, MoreCues) {
  const DeadlineCase cases[] = {
      {"Hạn cuối: ngày 02/11/2024.", "", "2024-11-02", true},
      {"Hạn chót là ngày 14 tháng 5 năm 2025, quá hạn không nhận.", "", "2025-05-14", true},
      {"Thời hạn hoàn thành: năm 2027.", "", "2027-12-31", true},
      {"- Thời gian hoàn thành: tháng 10/2024.", "", "2024-10-31", true},
      {"Thời gian hoàn thành: Quý II/2025", "", "2025-06-30", true},
      {"Thời hạn: trước ngày 05/3/2025", "", "2025-03-05", false},
      {"phải gửi về Bộ không muộn hơn ngày 18/9/2024.", "", "2024-09-18", true},
      {"đăng ký trước 9 giờ 00 ngày 21/10/2025 tại Văn phòng", "", "2025-10-21", true},
      {"nộp chậm nhất 16h30 ngày 03/3/2026", "", "2026-03-03", true},
      {"Cơ bản hoàn thành việc sắp xếp trong 6 tháng đầu năm 2026.", "", "2026-06-30", true},
      {"hoàn thành bàn giao trong 3 tháng cuối năm 2025", "", "2025-12-31", true},
      {"Hạn cuối nhận hồ sơ: 17 giờ ngày 06/6/2025.", "", "2025-06-06", true},
      {"Hạn chót gửi bài là 16h30, ngày 22 tháng 8 năm 2025", "", "2025-08-22", true},
      {"Ngày hội mồng 2 tháng 9 năm 2025.", "", "", true},
      // A wrapped line that starts with a quantity word is not a reference.
      {"Các phòng, ban gửi\nsố liệu trước ngày 12/12/2025.", "", "2025-12-12", false},
  };
  for (const auto& c : cases) {
    Document doc = ExtractValues(c.text, c.issued);
    if (std::string(c.due).empty()) {
      EXPECT_TRUE(doc.deadlines.empty()) << c.text;
      continue;
    }
    ASSERT_EQ(doc.deadlines.size(), 1u) << c.text;
    EXPECT_EQ(doc.deadlines[0].due, c.due) << c.text;
    EXPECT_EQ(doc.deadlines[0].inclusive, c.inclusive) << c.text;
  }
}

// Recurring cues give a rule (RRULE) and no due date, never a dated deadline
// for the issue year.
TEST(DeadlineExtractor, RecurringDeadlinesCarryAnRRule) {
  struct Case {
    const char* text;
    const char* rrule;
  };
  const Case cases[] = {
      {"Định kỳ hằng năm (trước ngày 10/11 trong năm), các huyện gửi báo cáo.",
       "FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=10"},
      {"Hằng năm, Sở Y tế tổng hợp, báo cáo chậm nhất tháng 7.",
       "FREQ=YEARLY;BYMONTH=7;BYMONTHDAY=-1"},
      {"các xã gửi số liệu trước ngày 05 hằng tháng", "FREQ=MONTHLY;BYMONTHDAY=5"},
      {"báo cáo trước ngày 20 hằng tháng", "FREQ=MONTHLY;BYMONTHDAY=20"},
      {"trước ngày 25/12 hàng năm", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=25"},
      {"báo cáo định kỳ trước ngày 30/6", "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=30"},
  };
  for (const auto& c : cases) {
    Document doc = ExtractValues(c.text, "2025-03-01");
    ASSERT_EQ(doc.deadlines.size(), 1u) << c.text;
    EXPECT_EQ(doc.deadlines[0].due, "") << c.text;
    EXPECT_EQ(doc.deadlines[0].rrule, c.rrule) << c.text;
  }
  // Quarters and weeks.
  const Case cycles[] = {
      {"Các phòng gửi số liệu trước ngày 18 của tháng cuối quý.",
       "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=18"},
      {"tổng hợp chậm nhất ngày 22 tháng cuối mỗi quý",
       "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=22"},
      {"báo cáo nhanh trước 10 giờ thứ Sáu hằng tuần", "FREQ=WEEKLY;BYDAY=FR"},
      {"gửi lịch công tác vào chiều thứ Năm hàng tuần", "FREQ=WEEKLY;BYDAY=TH"},
      {"giao ban vào Chủ nhật mỗi tuần", "FREQ=WEEKLY;BYDAY=SU"},
  };
  for (const auto& c : cycles) {
    Document doc = ExtractValues(c.text, "2025-03-01");
    ASSERT_EQ(doc.deadlines.size(), 1u) << c.text;
    EXPECT_EQ(doc.deadlines[0].due, "") << c.text;
    EXPECT_EQ(doc.deadlines[0].rrule, c.rrule) << c.text;
  }
  // A year written makes it one dated deadline, recurring words or not.
  Document doc = ExtractValues("Hằng năm, báo cáo trước ngày 15/12/2025.", "2025-03-01");
  ASSERT_EQ(doc.deadlines.size(), 1u);
  EXPECT_EQ(doc.deadlines[0].due, "2025-12-15");
  EXPECT_EQ(doc.deadlines[0].rrule, "");
}

// A deadline set earlier and told as history is not this document's; the
// same words with a date after the document's own date still are.
TEST(DeadlineExtractor, HistoryIsNotADeadline) {
  const char* text =
      "Sở đã yêu cầu các huyện hoàn thành việc kiểm kê trước ngày 15/9/2025. Tuy nhiên, "
      "nhiều nơi còn chậm.";
  EXPECT_TRUE(ExtractValues(text, "2025-10-20").deadlines.empty());
  ASSERT_EQ(ExtractValues(text, "2025-08-20").deadlines.size(), 1u);
  Document doc =
      ExtractValues("các huyện hoàn thành việc kiểm kê trước ngày 15/9/2025.", "2025-10-20");
  ASSERT_EQ(doc.deadlines.size(), 1u);
}

// A cell that is only a month of every year is a yearly deadline.
TEST(DeadlineExtractor, YearlyMonthCell) {
  Document doc = ExtractValues("| Sở Tài chính |\n| Tháng 6 hàng năm |\n| Báo cáo |", "2025-03-01");
  ASSERT_EQ(doc.deadlines.size(), 1u);
  EXPECT_EQ(doc.deadlines[0].rrule, "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=-1");
  EXPECT_TRUE(
      ExtractValues("Tổ chức hội chợ vào tháng 6 hằng năm.", "2025-03-01").deadlines.empty());
}

// "Số hóa" (to digitise) starts a task, not a quantity.
TEST(DeadlineExtractor, DigitisingIsATask) {
  Document doc = ExtractValues("3. Số hóa hồ sơ lưu trữ trước ngày 30/9/2025.", "2025-03-01");
  ASSERT_EQ(doc.deadlines.size(), 1u);
  EXPECT_EQ(doc.deadlines[0].due, "2025-09-30");
}

// What is not a deadline: reference points, target horizons, durations,
// event days.
TEST(DeadlineExtractor, NotDeadlines) {
  const char* const cases[] = {
      "| STT | Số lượng biên chế trước 01/01/2026 | Ghi chú |",
      "Tổng số hộ nghèo trước ngày 01/7/2025: 1.250 hộ",
      "2. Số trạm y tế xã trước ngày 01/01/2026 là 48 trạm.",
      "| Tên đơn vị | Số lượng trước 01/7/2025 | Số lượng sau |",
      "Biên chế được giao tính đến 31/12/2025 gồm 320 người.",
      "số liệu tính đến 30/9/2025",
      "Phấn đấu hoàn thành chương trình, tỷ lệ đạt trên 90% vào năm 2027.",
      "Đến hết năm 2030: có ít nhất 70% số xã đạt chuẩn nông thôn mới.",
      "hoàn thành xây dựng, đạt 100% vào năm 2026",
      "Kiên cố hóa trường lớp, nâng tỷ lệ phòng học đạt chuẩn lên 85%, hoàn thành trong năm 2027.",
      "Phấn đấu 95% thôn có\nđiểm sinh hoạt cộng đồng, hoàn thành xây dựng trong năm 2028.",
      "**2. Mục tiêu đến hết năm 2028**",
      "giải quyết trong 7 ngày làm việc kể từ ngày nhận hồ sơ",
      "Hội nghị tổng kết tổ chức ngày 20/11/2025 tại Hà Nội.",
  };
  for (const char* text : cases) {
    Document doc = ExtractValues(text, "2025-10-01");
    EXPECT_TRUE(doc.deadlines.empty()) << text << " → " << doc.deadlines[0].due;
    EXPECT_TRUE(doc.periods.empty()) << text << " → " << doc.periods[0].start;
  }
}

TEST(DeadlineExtractor, ActionAndActor) {
  Document doc = ExtractValues(
      "Yêu cầu các ban, đơn vị Đảng ủy Khối hoàn thành kế hoạch chi tiết trước ngày 10/10/2016.");
  ASSERT_EQ(doc.deadlines.size(), 1u);
  EXPECT_EQ(doc.deadlines[0].actor, "các ban, đơn vị Đảng ủy Khối");
  EXPECT_NE(doc.deadlines[0].action.find("hoàn thành kế hoạch chi tiết"), std::string::npos);

  doc = ExtractValues("Sở Tài chính chủ trì tổng hợp, báo cáo UBND tỉnh trước ngày 15/12/2025.");
  ASSERT_EQ(doc.deadlines.size(), 1u);
  EXPECT_EQ(doc.deadlines[0].actor, "Sở Tài chính");

  doc = ExtractValues("- Tổ chức hội nghị quán triệt. Hoàn thành trong tháng 3/2022.");
  ASSERT_EQ(doc.deadlines.size(), 1u);
  EXPECT_EQ(doc.deadlines[0].action, "Tổ chức hội nghị quán triệt");
  EXPECT_EQ(doc.deadlines[0].actor, "");
}

TEST(DeadlineExtractor, SeveralDeadlinesInOneSentence) {
  Document doc = ExtractValues(
      "báo cáo kết quả học tập trước ngày 30/3/2022 và kết quả đợt sinh hoạt chính trị "
      "trước ngày 30/5/2022 và trước ngày 30/12/2022 cho Ban Thường vụ.");
  ASSERT_EQ(doc.deadlines.size(), 3u);
  EXPECT_EQ(doc.deadlines[0].due, "2022-03-30");
  EXPECT_EQ(doc.deadlines[1].due, "2022-05-30");
  EXPECT_EQ(doc.deadlines[2].due, "2022-12-30");
}

}  // namespace
}  // namespace vanban
