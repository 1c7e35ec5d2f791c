// "Nơi nhận" blocks: items, purposes, file copies, ";" lists, wrapped items
// and stray OCR tokens.
#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace vanban {
namespace {

Document Extract(const std::string& text) { return testing::ExtractText(text); }

TEST(Recipients, ItemsAndPurposes) {
  const std::string text =
      "Số 33-TB/HU\n"
      "\n"
      "THÔNG BÁO\n"
      "kết luận của Thường trực Huyện ủy\n"
      "\n"
      "Thường trực Huyện ủy kết luận như sau.\n"
      "\n"
      "Nơi nhận:\n"
      "\n"
      "- Ban Thường vụ Tỉnh ủy (để b/cáo),\n"
      "- Ban Tổ chức Tỉnh ủy (b/c),\n"
      "- Các chi, đảng bộ cơ sở (để t/h),\n"
      "- Mặt trận Tổ quốc huyện (để p/h),\n"
      "- Các đồng chí Huyện ủy viên (để biết),\n"
      "- Văn phòng Huyện ủy; Ủy ban Kiểm tra Huyện ủy,\n"
      "- Phòng Nội vụ huyện (đề b/c),\n"
      "- Lưu VP, BTC. nr\n"
      "\n"
      "T/L BAN THƯỜNG VỤ\n"
      "CHÁNH VĂN PHÒNG\n"
      "\n"
      "Lò Văn Sơn\n";
  Document doc = Extract(text);
  struct Want {
    const char* name;
    const char* purpose;
  };
  const Want want[] = {
      {"Ban Thường vụ Tỉnh ủy", "báo cáo"},
      {"Ban Tổ chức Tỉnh ủy", "báo cáo"},
      {"Các chi, đảng bộ cơ sở", "thực hiện"},
      {"Mặt trận Tổ quốc huyện", "phối hợp"},
      {"Các đồng chí Huyện ủy viên", "biết"},
      {"Văn phòng Huyện ủy", ""},
      {"Ủy ban Kiểm tra Huyện ủy", ""},
      {"Phòng Nội vụ huyện", "báo cáo"},
      {"Lưu VP, BTC", "lưu"},
  };
  ASSERT_EQ(doc.recipients.size(), sizeof(want) / sizeof(want[0]));
  for (size_t i = 0; i < doc.recipients.size(); ++i) {
    EXPECT_EQ(doc.recipients[i].name, want[i].name) << i;
    EXPECT_EQ(doc.recipients[i].purpose, want[i].purpose) << i;
    EXPECT_FALSE(doc.recipients[i].rule.empty());
  }
  ASSERT_FALSE(doc.signatures.empty());
  EXPECT_EQ(doc.signatures[0].authority.value, "T/L");
  EXPECT_EQ(doc.signatures[0].authority_code, "by_order");
}

TEST(Recipients, StateListWithWrappedItems) {
  const std::string text =
      "Số: 1520/UBND-KGVX\n"
      "V/v tổ chức Tháng hành động vì trẻ em\n"
      "\n"
      "Ủy ban nhân dân tỉnh đề nghị các sở, ngành triển khai thực hiện.\n"
      "|\n"
      "Nơi nhận:\n"
      "- Như trên;\n"
      "- Bộ Lao động - Thương binh và Xã hội (để báo cáo);\n"
      "- VP UBND tỉnh: CVP, các PCVP,\n"
      "Cổng Thông tin điện tử tỉnh;\n"
      "- Lưu: VT, KGVX.\n"
      "|\n"
      "**KT. CHỦ TỊCH**\n"
      "PHÓ CHỦ TỊCH\n"
      "**Bùi Thị Minh Hoài**\n";
  Document doc = Extract(text);
  ASSERT_EQ(doc.recipients.size(), 4u);
  EXPECT_EQ(doc.recipients[0].name, "Như trên");
  EXPECT_EQ(doc.recipients[1].name, "Bộ Lao động - Thương binh và Xã hội");
  EXPECT_EQ(doc.recipients[1].purpose, "báo cáo");
  EXPECT_EQ(doc.recipients[2].name, "VP UBND tỉnh: CVP, các PCVP, Cổng Thông tin điện tử tỉnh");
  EXPECT_EQ(doc.recipients[3].name, "Lưu: VT, KGVX");
  EXPECT_EQ(doc.recipients[3].purpose, "lưu");
  ASSERT_FALSE(doc.signatures.empty());
  EXPECT_EQ(doc.signatures[0].name.value, "Bùi Thị Minh Hoài");
  EXPECT_EQ(doc.header.type.value, "Công văn");
}

TEST(Recipients, NoBlockNoRecipients) {
  Document doc = Extract("Kính gửi: Sở Tài chính\n\nĐề nghị Sở xem xét.\n");
  EXPECT_TRUE(doc.recipients.empty());
}

}  // namespace
}  // namespace vanban
