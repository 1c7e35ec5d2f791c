// The directive's extent: values from a web page's banner, metadata table
// and notices around a captured directive are left out; a snippet keeps all.
#include <gtest/gtest.h>

#include <string>

#include "tests/test_util.h"

namespace vanban {
namespace {

const char kCapture[] =
    "Bản dịch này thuộc quyền sở hữu của THƯ VIỆN PHÁP LUẬT.\n"
    "|\n"
    "**Số hiệu:**\n"
    "|\n"
    "4240/UBND-VX\n"
    "|\n"
    "**Ngày ban hành:**\n"
    "|\n"
    "28/11/2025\n"
    "|\n"
    "\n"
    "ỦY BAN NHÂN DÂN                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "THÀNH PHỐ HỒ CHÍ MINH           Độc lập - Tự do - Hạnh phúc\n"
    "Số: 4240/UBND-VX                Thành phố Hồ Chí Minh, ngày 28 tháng 11 năm 2025\n"
    "\n"
    "V/v cập nhật cơ sở dữ liệu cán bộ, công chức\n"
    "\n"
    "Kính gửi: Sở Nội vụ.\n"
    "\n"
    "Thực hiện Công văn số 3280/UBND-VX của Ủy ban nhân dân Thành phố, đề nghị\n"
    "Sở Nội vụ báo cáo kết quả trước ngày 15/12/2025.\n"
    "\n"
    "Nơi nhận:\n"
    "- Như trên;\n"
    "- Lưu: VT.\n"
    "\n"
    "KT. CHỦ TỊCH\n"
    "PHÓ CHỦ TỊCH\n"
    "\n"
    "Nguyễn Mạnh Cường\n"
    "\n"
    "Nghị định 13/2023/NĐ-CP về Bảo vệ dữ liệu cá nhân (hiệu lực từ ngày 01/07/2023) yêu\n"
    "cầu xác nhận sự đồng ý của thành viên.\n"
    "Điện thoại: (028) 3930 3279, hỗ trợ trước ngày 30/12/2025.\n"
    "Công văn 4240/UBND-VX ngày 28/11/2025 do Thành phố Hồ Chí Minh ban hành\n";

TEST(Scope, WebCaptureGivesOnlyTheDirectivesValues) {
  Document doc = testing::ExtractText(kCapture);
  EXPECT_EQ(doc.header.reference, "4240/UBND-VX");
  ASSERT_EQ(doc.citations.size(), 1u) << "own number and the site's decree are not cited";
  EXPECT_EQ(doc.citations[0].reference, "3280/UBND-VX");
  EXPECT_EQ(doc.citations[0].id, "citation1");
  ASSERT_EQ(doc.deadlines.size(), 1u);
  EXPECT_EQ(doc.deadlines[0].due, "2025-12-15");
  EXPECT_EQ(doc.deadlines[0].id, "deadline1");
  for (const DateFact& d : doc.dates) {
    EXPECT_GE(d.span.begin, doc.segments.extent.begin) << d.text;
    EXPECT_LT(d.span.begin, doc.segments.extent.end) << d.text;
    EXPECT_NE(d.value, "2023-07-01") << "the site's notice";
  }
  for (const NumberFact& n : doc.numbers) EXPECT_NE(n.value, 3930) << "the site's phone";
  const std::string text = doc.Slice(doc.segments.extent);
  EXPECT_EQ(text.rfind("ỦY BAN NHÂN DÂN", 0), 0u) << text.substr(0, 80);
  EXPECT_NE(text.find("Nguyễn Mạnh Cường"), std::string::npos);
  EXPECT_EQ(text.find("Nghị định 13/2023"), std::string::npos);
}

TEST(Scope, SnippetKeepsEverything) {
  Document doc = testing::ExtractText(
      "Căn cứ Nghị định 13/2023/NĐ-CP, các đơn vị báo cáo trước ngày 30/12/2025.\n");
  EXPECT_EQ(doc.citations.size(), 1u);
  EXPECT_EQ(doc.deadlines.size(), 1u);
}

}  // namespace
}  // namespace vanban
