// The table model: Markdown pipe rows, web captures with one cell per line
// group between "|" lines, and column-aligned PDF text lines.
#include "pipeline/tables.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace vanban {
namespace {

std::vector<std::string> Texts(const TableRow& r) {
  std::vector<std::string> out;
  for (const TableCell& c : r.cells) out.push_back(c.text);
  return out;
}

using Row = std::vector<std::string>;

TEST(Tables, MarkdownPipeRows) {
  std::string text =
      "Intro line.\n\n| STT | Việc | Đơn vị chủ trì |\n|---|:---|---|\n| 1 | Lập danh sách | "
      "**Sở Y tế** |\n| 2 | Báo cáo \\| tổng hợp | Sở Xây dựng |\n\nAfter.\n";
  std::vector<Table> tables = FindTables(text);
  ASSERT_EQ(tables.size(), 1u);
  const Table& t = tables[0];
  EXPECT_EQ(t.layout, "pipe");
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(Texts(t.rows[0]), (Row{"STT", "Việc", "Đơn vị chủ trì"}));
  EXPECT_EQ(Texts(t.rows[1]), (Row{"1", "Lập danh sách", "Sở Y tế"}));
  EXPECT_EQ(t.rows[2].cells[1].text, "Báo cáo tổng hợp");
  for (const TableRow& r : t.rows) {
    for (const TableCell& c : r.cells) {
      EXPECT_LE(c.span.end, text.size());
      EXPECT_LE(c.span.begin, c.span.end);
    }
  }
  EXPECT_EQ(text.substr(t.rows[1].cells[2].span.begin, t.rows[1].cells[2].span.size()),
            "**Sở Y tế**");
}

TEST(Tables, WebCaptureOneCellPerLine) {
  std::string text =
      "|\n**Số**\n|\n**Việc phải làm**\n|\n**Nơi chủ trì**\n|\n**Hạn**\n|\n|\n**A**\n|\n**NHÓM "
      "VIỆC THỨ NHẤT**\n|\n|\n1\n|\nRà soát hồ sơ\nđất đai còn tồn đọng\n|\nSở Nông nghiệp\n|\n"
      "Quý II/2026\n|\n|\n2\n|\nCông bố danh mục\n|\nSở Tư pháp\n|\n|\n|\n3\n|\nTập huấn\n|\n"
      "Sở Nội vụ\n|\n2026\n|\n|\n\nSau bảng.\n";
  std::vector<Table> tables = FindTables(text);
  ASSERT_EQ(tables.size(), 1u);
  const Table& t = tables[0];
  EXPECT_EQ(t.layout, "web");
  ASSERT_EQ(t.rows.size(), 5u);
  EXPECT_EQ(Texts(t.rows[0]), (Row{"Số", "Việc phải làm", "Nơi chủ trì", "Hạn"}));
  EXPECT_EQ(Texts(t.rows[1]), (Row{"A", "NHÓM VIỆC THỨ NHẤT"}));
  EXPECT_EQ(Texts(t.rows[2]),
            (Row{"1", "Rà soát hồ sơ đất đai còn tồn đọng", "Sở Nông nghiệp", "Quý II/2026"}));
  // An empty last cell: three bars in a row end the row with an empty cell.
  EXPECT_EQ(Texts(t.rows[3]), (Row{"2", "Công bố danh mục", "Sở Tư pháp", ""}));
  EXPECT_EQ(Texts(t.rows[4]), (Row{"3", "Tập huấn", "Sở Nội vụ", "2026"}));
}

TEST(Tables, ColumnAlignedLayoutLines) {
  std::string text =
      "Danh mục\n\n"
      "STT   Nội dung công việc        Cơ quan chủ trì     Thời hạn\n"
      "1     Điều tra hiện trạng       Sở Công Thương      Tháng 8/2026\n"
      "      kho bãi trên địa bàn\n"
      "2     Ban hành quy chế          Văn phòng UBND      Quý IV/2026\n"
      "                                tỉnh\n"
      "\n\nĐoạn văn sau bảng chạy dài qua mọi cột của bảng phía trên, không phải là một hàng.\n";
  std::vector<Table> tables = FindTables(text);
  ASSERT_EQ(tables.size(), 1u);
  const Table& t = tables[0];
  EXPECT_EQ(t.layout, "layout");
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(Texts(t.rows[0]), (Row{"STT", "Nội dung công việc", "Cơ quan chủ trì", "Thời hạn"}));
  EXPECT_EQ(Texts(t.rows[1]), (Row{"1", "Điều tra hiện trạng kho bãi trên địa bàn",
                                   "Sở Công Thương", "Tháng 8/2026"}));
  EXPECT_EQ(Texts(t.rows[2]), (Row{"2", "Ban hành quy chế", "Văn phòng UBND tỉnh", "Quý IV/2026"}));
}

TEST(Tables, ProseIsNoTable) {
  EXPECT_TRUE(FindTables("Một câu.\n\nHai câu, không có cột.\n- Gạch đầu dòng.\n").empty());
  EXPECT_TRUE(FindTables("").empty());
  EXPECT_TRUE(FindTables("|\n|\n|\n").empty());
  EXPECT_TRUE(FindTables("| lone | row |\n").empty());
}

}  // namespace
}  // namespace vanban
