// Segmentation: layout cells, markup stripping, and where header, body,
// signature, recipients and attached parts lie.
#include "pipeline/segment.h"

#include <gtest/gtest.h>

#include <memory>

#include "pipeline/pipeline.h"
#include "tests/test_util.h"

namespace vanban {
namespace {

TEST(Segment, StripMarkup) {
  const std::pair<const char*, const char*> cases[] = {
      {"**T/M BAN THƯỜNG VỤ", "T/M BAN THƯỜNG VỤ"},
      {"## KẾ HOẠCH", "KẾ HOẠCH"},
      {"Số 517^{*}-CV/ĐUK", "Số 517-CV/ĐUK"},
      {"*Hà Nội, ngày 03 tháng 4 năm 2018*", "Hà Nội, ngày 03 tháng 4 năm 2018"},
      {"__Nơi nhận__:", "Nơi nhận:"},
      {"**\\* MỘT SỐ KHẨU HIỆU**", "MỘT SỐ KHẨU HIỆU"},
      {"| ---------- |", ""},
      {"** **", ""},
  };
  for (const auto& [in, want] : cases) EXPECT_EQ(StripMarkup(in), want) << in;
}

TEST(Segment, CaseAndNameTests) {
  EXPECT_TRUE(IsUpperText("PHÓ CHỦ TỊCH"));
  EXPECT_TRUE(IsUpperText("ỦY BAN NHÂN DÂN TỈNH"));
  EXPECT_FALSE(IsUpperText("Phó Chủ tịch"));
  EXPECT_FALSE(IsUpperText("2024"));
  EXPECT_TRUE(LooksLikeName("Nguyễn Thị Thu Hà"));
  EXPECT_TRUE(LooksLikeName("Lò Văn Sơn"));
  EXPECT_FALSE(LooksLikeName("PHÓ BÍ THƯ"));
  EXPECT_FALSE(LooksLikeName("Nơi nhận:"));
  EXPECT_FALSE(LooksLikeName("Các đảng ủy trực thuộc"));
  EXPECT_FALSE(LooksLikeName("Hà"));
}

TEST(Segment, LayoutSplitsColumnsButNotBlankFields) {
  const std::string text = "Nơi nhận:              KT. GIÁM ĐỐC\nSố      -HD/BCĐ\n\n|\n";
  auto cells = SplitLayout(text, 0, text.size());
  ASSERT_EQ(cells.size(), 5u);
  EXPECT_EQ(cells[0].clean, "Nơi nhận:");
  EXPECT_EQ(cells[1].clean, "KT. GIÁM ĐỐC");
  EXPECT_EQ(cells[1].row, 0);
  EXPECT_GT(cells[1].column, 20);
  EXPECT_EQ(cells[2].clean, "Số -HD/BCĐ");
  EXPECT_EQ(cells[3].kind, LayoutCell::kBlank);
  EXPECT_EQ(cells[4].kind, LayoutCell::kDecor);
}

TEST(Segment, PartsHeaderSignatureRecipients) {
  const std::string text =
      "HUYỆN ỦY GIA LÂM\n"
      "*\n"
      "Số 40-KH/HU\n"
      "\n"
      "KẾ HOẠCH\n"
      "\n"
      "tổ chức tháng cao điểm tuyên truyền\n"
      "\n"
      "Ban Thường vụ Huyện ủy ban hành kế hoạch tuyên truyền trên địa bàn.\n"
      "\n"
      "Nơi nhận:\n"
      "- Ban Tuyên giáo Thành ủy (để b/c),\n"
      "- Lưu VP.\n"
      "\n"
      "T/M BAN THƯỜNG VỤ\n"
      "PHÓ BÍ THƯ\n"
      "\n"
      "Ngô Văn Quý\n"
      "\n"
      "ĐỀ CƯƠNG TUYÊN TRUYỀN\n"
      "(Tài liệu kèm theo Kế hoạch số 40-KH/HU ngày 02/3/2023)\n"
      "\n"
      "Nội dung đề cương tuyên truyền về lịch sử địa phương.\n"
      "\n"
      "**BAN TUYÊN GIÁO HUYỆN ỦY**\n";
  PipelineOptions options;
  options.rules_dir = testing::SourcePath("extractors/rules");
  auto p = Pipeline::Create(options);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  Document doc;
  ASSERT_TRUE(p.value()->ProcessBytes("t.txt", text, &doc).ok());
  const Segments& s = doc.segments;
  EXPECT_EQ(doc.Slice(s.issuer), "HUYỆN ỦY GIA LÂM");
  EXPECT_EQ(doc.Slice(s.title), "KẾ HOẠCH");
  EXPECT_EQ(doc.Slice(s.subject), "tổ chức tháng cao điểm tuyên truyền");
  EXPECT_EQ(doc.Slice(s.body),
            "Ban Thường vụ Huyện ủy ban hành kế hoạch tuyên truyền trên địa bàn.");
  EXPECT_EQ(doc.Slice(s.recipients), "Nơi nhận:\n- Ban Tuyên giáo Thành ủy (để b/c),\n- Lưu VP.");
  EXPECT_EQ(doc.Slice(s.signature), "T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n\nNgô Văn Quý");
  ASSERT_EQ(s.parts.size(), 1u);
  EXPECT_EQ(doc.Slice(s.parts[0]).rfind("ĐỀ CƯƠNG TUYÊN TRUYỀN\n(Tài liệu kèm theo", 0), 0u);
  // The part's closing line is a signature of its own, after the main one.
  ASSERT_EQ(doc.signatures.size(), 2u);
  EXPECT_EQ(doc.signatures[0].name.value, "Ngô Văn Quý");
  EXPECT_EQ(doc.signatures[1].body.value, "BAN TUYÊN GIÁO HUYỆN ỦY");
  EXPECT_EQ(doc.header.system, "party");
  EXPECT_EQ(doc.header.number.value, "40");
  EXPECT_TRUE(doc.header.number_from.empty());
}

TEST(Segment, NeverCrashesOnOddInput) {
  const std::string inputs[] = {"",
                                "\n\n\n",
                                "Nơi nhận:",
                                "T/M",
                                "Số",
                                "|||\n***\n---",
                                std::string("\xC3", 1),
                                "KẾ HOẠCH\n(Kèm theo Kế hoạch số"};
  PipelineOptions options;
  options.rules_dir = testing::SourcePath("extractors/rules");
  auto p = Pipeline::Create(options);
  ASSERT_TRUE(p.ok());
  for (const auto& in : inputs) {
    Document doc;
    p.value()->ProcessBytes("t.txt", in, &doc);  // may fail (empty) but not crash
    auto cells = SplitLayout(in, 0, in.size());
    EXPECT_LE(cells.size(), in.size() + 1);
  }
}

}  // namespace
}  // namespace vanban
