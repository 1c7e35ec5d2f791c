// Task tables end to end: columns found by header words, group rows as the
// section path, time cells as due dates, ongoing or recurring work, and a
// year a cell leaves out taken from the plan's own year.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/document.h"
#include "tests/test_util.h"

namespace vanban {
namespace {

const std::string kHead =
    "ỦY BAN NHÂN DÂN\nTỈNH HÒA BÌNH\n\nSố: 45/KH-UBND\n\nHòa Bình, ngày 10 tháng 01 năm "
    "2026\n\nKẾ HOẠCH\nPhát triển thư viện số năm 2027\n\nI. NỘI DUNG\n\nCác sở thực hiện theo "
    "phụ lục kèm theo.\n\nPHỤ LỤC\n\n";

std::vector<const Task*> TableTasks(const Document& doc) {
  std::vector<const Task*> out;
  for (const Task& t : doc.tasks)
    if (t.form == "table") out.push_back(&t);
  return out;
}

void ExpectRows(const Document& doc) {
  std::vector<const Task*> t = TableTasks(doc);
  ASSERT_EQ(t.size(), 5u);
  EXPECT_EQ(t[0]->lead, "Sở Văn hóa, Thể thao và Du lịch");
  EXPECT_EQ(t[0]->text, "Số hóa tài liệu cổ của thư viện tỉnh");
  EXPECT_EQ(t[0]->partners, (std::vector<std::string>{"Sở Tài chính", "Sở Nội vụ"}));
  EXPECT_EQ(t[0]->due, "2027-12-31");  // Quý IV: the plan's year
  EXPECT_EQ(t[0]->product, "Kho dữ liệu số");
  EXPECT_EQ(t[0]->section_path, (std::vector<std::string>{"I", "1"}));
  EXPECT_EQ(t[1]->due, "2026-09-30");
  EXPECT_EQ(t[2]->lead, "Sở Thông tin và Truyền thông");
  EXPECT_TRUE(t[2]->continuous);
  EXPECT_TRUE(t[2]->due.empty());
  EXPECT_EQ(t[2]->section_path, (std::vector<std::string>{"II", "1"}));
  EXPECT_EQ(t[3]->recurrence, "FREQ=YEARLY");
  EXPECT_EQ(t[4]->due, "2027-03-15");
  EXPECT_FALSE(t[4]->due_inclusive);
  for (const Task* x : t) {
    EXPECT_EQ(x->rule, "task.table");
    EXPECT_FALSE(x->lead.empty());
  }
}

TEST(TaskTables, MarkdownPipeTable) {
  Document doc = testing::ExtractText(
      kHead +
      "| STT | Tên nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời hạn hoàn thành | Sản phẩm "
      "|\n|---|---|---|---|---|---|\n| **I** | **SỐ HÓA** | | | | |\n| 1 | Số hóa tài liệu cổ "
      "của thư viện tỉnh | Sở Văn hóa, Thể thao và Du lịch | Sở Tài chính; Sở Nội vụ | Quý IV | "
      "Kho dữ liệu số |\n| 2 | Mua sắm máy quét | Sở Văn hóa, Thể thao và Du lịch | Sở Tài chính "
      "| Tháng 9/2026 | |\n| **II** | **KẾT NỐI** | | | | |\n| 1 | Vận hành cổng tra cứu | Sở "
      "Thông tin và Truyền thông | | Thường xuyên | |\n| 2 | Đánh giá mức độ sử dụng | Sở Thông "
      "tin và Truyền thông | | Hằng năm | Báo cáo |\n| 3 | Sơ kết một năm | Sở Nội vụ | | Trước "
      "ngày 15/3 | Báo cáo |\n");
  ExpectRows(doc);
}

TEST(TaskTables, WebCaptureTable) {
  std::string rows;
  auto cell = [&](const std::string& s) { rows += s + "\n|\n"; };
  rows += "|\n";
  for (const char* h : {"**TT**", "**Nội dung**", "**Cơ quan chủ trì**", "**Cơ quan phối hợp**",
                        "**Thời gian hoàn\nthành**", "**Sản phẩm**"})
    cell(h);
  rows += "|\n";
  cell("**I**");
  cell("**SỐ HÓA TÀI\nLIỆU**");
  rows += "|\n";
  for (const char* c :
       {"1", "Số hóa tài liệu cổ\ncủa thư viện tỉnh", "Sở Văn hóa, Thể thao\nvà Du lịch",
        "Sở Tài chính; Sở Nội\nvụ", "Quý IV", "Kho dữ liệu số"})
    cell(c);
  rows += "|\n";
  for (const char* c :
       {"2", "Mua sắm máy quét", "Sở Văn hóa, Thể thao và Du lịch", "Sở Tài chính", "Tháng 9/2026"})
    cell(c);
  rows += "|\n|\n";
  cell("**II**");
  cell("**KẾT NỐI**");
  rows += "|\n";
  for (const char* c :
       {"1", "Vận hành cổng tra cứu", "Sở Thông tin và Truyền thông", "Các sở", "Thường xuyên"})
    cell(c);
  rows += "|\n|\n";
  for (const char* c : {"2", "Đánh giá mức độ sử dụng", "Sở Thông tin và Truyền thông", "Các sở",
                        "Hằng năm", "Báo cáo"})
    cell(c);
  rows += "|\n";
  for (const char* c : {"3", "Sơ kết một năm", "Sở Nội vụ", "Các sở", "Trước ngày 15/3", "Báo cáo"})
    cell(c);
  rows += "|\n";
  Document doc = testing::ExtractText(kHead + rows);
  ExpectRows(doc);
}

// A born-digital PDF (scripts/make_task_table_pdf.py): the loader keeps the
// columns of table rows apart, wrapped cells join their row.
TEST(TaskTables, PdfTable) {
  Document doc;
  Status st = testing::ProcessBytes(
      "task-table.pdf",
      testing::ReadFileOrDie(testing::SourcePath("tests/data/pdf/task-table.pdf")), &doc);
  ASSERT_TRUE(st.ok()) << st.ToString();
  std::vector<const Task*> t = TableTasks(doc);
  ASSERT_EQ(t.size(), 3u) << doc.text;
  EXPECT_EQ(t[0]->text, "Lắp đặt mạng không dây cho các trường học");
  EXPECT_EQ(t[0]->lead, "Sở Giáo dục và Đào tạo");
  EXPECT_EQ(t[0]->partners, (std::vector<std::string>{"Sở Tài chính"}));
  EXPECT_EQ(t[0]->due, "2026-09-30");
  EXPECT_EQ(t[0]->section_path, (std::vector<std::string>{"I", "1"}));
  EXPECT_EQ(t[1]->lead, "Sở Khoa học và Công nghệ");
  EXPECT_EQ(t[1]->due, "2026-11-30");
  EXPECT_EQ(t[2]->lead, "Sở Nội vụ");
  EXPECT_TRUE(t[2]->continuous);
  EXPECT_EQ(t[2]->section_path, (std::vector<std::string>{"II", "1"}));
}

TEST(TaskTables, MergedCellsTakeTheLeadAndTimeAbove) {
  // A lead and time cell merged over three rows print once; a group row is
  // numbered in Roman numerals, a row whose number "1.1" extends "1" makes
  // "1" a group.
  Document doc = testing::ExtractText(
      kHead +
      "| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |\n|---|---|"
      "---|---|---|\n| I | NÂNG CẤP HẠ TẦNG | | | |\n| 1 | Lắp đặt máy chủ | Sở Khoa học và "
      "Công nghệ | Sở Tài chính | Quý II/2026 |\n| 2 | Cài đặt phần mềm | | | |\n| 3 | Kiểm "
      "thử hệ thống | | | Quý III/2026 |\n| II | ĐÀO TẠO | | | |\n| 1 | Bồi dưỡng cán bộ | | | "
      "|\n| 1.1 | Mở lớp tập huấn | Sở Nội vụ | | Tháng 5/2026 |\n");
  std::vector<const Task*> t = TableTasks(doc);
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[1]->text, "Cài đặt phần mềm");
  EXPECT_EQ(t[1]->lead, "Sở Khoa học và Công nghệ");
  EXPECT_EQ(t[1]->due, "2026-06-30");
  EXPECT_EQ(t[2]->lead, "Sở Khoa học và Công nghệ");
  EXPECT_EQ(t[2]->due, "2026-09-30");
  EXPECT_EQ(t[3]->text, "Mở lớp tập huấn");
  EXPECT_EQ(t[3]->section_path.front(), "1");
}

TEST(TaskTables, TableWithoutTaskColumnsGivesNoTask) {
  Document doc = testing::ExtractText(
      kHead +
      "| STT | Tên trường | Số học sinh |\n|---|---|---|\n| 1 | Trường A | 300 |\n| 2 | "
      "Trường B | 250 |\n");
  EXPECT_TRUE(TableTasks(doc).empty());
}

}  // namespace
}  // namespace vanban
