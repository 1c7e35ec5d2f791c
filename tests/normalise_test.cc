// Tests for the normalise stage: canonical text, clean-up, repairs, offsets.
#include "pipeline/normalise.h"

#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace vanban {
namespace {

const RuleBook& Rules() {
  static const RuleBook* book = [] {
    auto r = RuleBook::LoadDir(testing::SourcePath("extractors/rules"));
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return new RuleBook(r.ok() ? std::move(r).value() : RuleBook());
  }();
  return *book;
}

Document Normalise(const std::string& raw) {
  auto stage = NewNormaliseStage(Rules());
  EXPECT_TRUE(stage.ok());
  Document doc;
  doc.raw_text = raw;
  if (stage.ok()) (void)stage.value()->Run(&doc);
  return doc;
}

std::string Text(const std::string& raw) { return Normalise(raw).text; }

}  // namespace

TEST(Normalise, UnicodeForms) {
  struct Case {
    const char* in;
    const char* want;
  } cases[] = {
      {"Vie\xCC\x82\xCC\xA3t Nam", "Việt Nam"},  // NFD
      {"Vi\xC3\xAA\xCC\xA3t Nam", "Việt Nam"},   // ê + dot below (cp1258 style)
      {"\xC3\x90\xE1\xBA\xA3ng", "Đảng"},        // Ð look-alike
      {"2021\xE2\x80\x93"
       "2025",
       "2021-2025"},  // en dash
      {"\xE2\x80\x9C"
       "tự diễn biến"
       "\xE2\x80\x9D",
       "\"tự diễn biến\""},
      {"ph\xC3\xA1t\xC2\xADtri\xE1\xBB\x83n", "pháttriển"},  // soft hyphen
      {"Số\xC2\xA0"
       "12",
       "Số 12"},  // NBSP
      {"a\xE2\x80\x8B"
       "b",
       "ab"},  // zero width space
      {"Uỷ ban nhân dân tỉnh Khánh Hoà", "Ủy ban nhân dân tỉnh Khánh Hòa"},
      {"dòng một\r\ndòng hai", "dòng một\ndòng hai"},
  };
  for (const auto& c : cases) EXPECT_EQ(Text(c.in), c.want) << c.in;
}

TEST(Normalise, MarkupAndArtefacts) {
  struct Case {
    const char* in;
    const char* want;
  } cases[] = {
      {"Số 45^{*}-TB/TU", "Số 45-TB/TU"},
      {"## QUYẾT ĐỊNH", "QUYẾT ĐỊNH"},
      {"**Điều 1.** Phê duyệt", "Điều 1. Phê duyệt"},
      {"*Hải Phòng, ngày 05 tháng 6 năm 2023*", "Hải Phòng, ngày 05 tháng 6 năm 2023"},
      {"TỈNH ỦY\n\\*\nSố 12", "TỈNH ỦY\n*\nSố 12"},
      {"TỈNH ỦY\n*\nSố 12", "TỈNH ỦY\n*\nSố 12"},
      {"a\n|\nb", "a\n|\nb"},
      {"a\n---------\nb", "a\n---------\nb"},
      {"a\n|---|---|\nb", "a\n\nb"},
      {"**BAN THƯỜNG VỤ**", "**BAN THƯỜNG VỤ**"},
      {"**Kính gửi:** các sở", "Kính gửi: các sở"},
      {"kết thúc.\n12\nĐiều 2.", "kết thúc.\n\nĐiều 2."},
      {"kết thúc.\n- 3 -\nĐiều 2.", "kết thúc.\n\nĐiều 2."},
      {"Lưu VT.\nTrần Văn Bình/P/TH/QD12", "Lưu VT.\n"},
      {"Trần Văn Bình/VP/KH21", ""},
      {"Phòng Kinh tế/Hạ tầng/Đô thị", "Phòng Kinh tế/Hạ tầng/Đô thị"},
      {"đề nghị các đơn vị thực hiện. Ngu\n\nNơi nhận:",
       "đề nghị các đơn vị thực hiện.\n\nNơi nhận:"},
      {"- Lưu VT, TH. mn", "- Lưu VT, TH."},
      {"Đồng chí Nguyễn Văn Khôi. An\n\nPhụ trách", "Đồng chí Nguyễn Văn Khôi. An\n\nPhụ trách"},
      {"Ngày 30/4/2023", "Ngày 30/4/2023"},
      {"Căn cứ Nghị định số 30/2020/NĐ-CP", "Căn cứ Nghị định số 30/2020/NĐ-CP"},
  };
  for (const auto& c : cases) EXPECT_EQ(Text(c.in), c.want) << c.in;
}

TEST(Normalise, RejoinsOnlyClearContinuations) {
  struct Case {
    const char* in;
    const char* want;
  } cases[] = {
      {"Ủy ban nhân dân các huyện chủ động bố trí kinh phí cho\n\n\f\nviệc tổ chức thực hiện.",
       "Ủy ban nhân dân các huyện chủ động bố trí kinh phí cho việc tổ chức thực hiện."},
      {"Các sở, ban, ngành tổ chức triển khai\nthực hiện nghiêm túc.",
       "Các sở, ban, ngành tổ chức triển khai thực hiện nghiêm túc."},
      // Ends a sentence, next is upper case, header lines, list items.
      {"Đã hoàn thành kế hoạch năm.\nnăm sau tiếp tục",
       "Đã hoàn thành kế hoạch năm.\nnăm sau tiếp tục"},
      {"ỦY BAN NHÂN DÂN\nTỈNH NAM ĐỊNH", "ỦY BAN NHÂN DÂN\nTỈNH NAM ĐỊNH"},
      {"Kính gửi các sở ban ngành\n- Sở Tài chính;", "Kính gửi các sở ban ngành\n- Sở Tài chính;"},
      {"Hà Nội, ngày 01 tháng 3\nnăm 2023", "Hà Nội, ngày 01 tháng 3 năm 2023"},
  };
  for (const auto& c : cases) EXPECT_EQ(Text(c.in), c.want) << c.in;
}

TEST(Normalise, RepairsKnownPhrasesOnly) {
  struct Case {
    const char* in;
    const char* want;
    size_t repairs;
  } cases[] = {
      {"Ban Thường vụ Đảng ủy Khôi các cơ quan", "Ban Thường vụ Đảng ủy Khối các cơ quan", 1},
      {"ĐẢNG ỦY KHÔI CÁC CƠ QUAN TỈNH", "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", 1},
      {"xây dựng, CHÍNH ĐÓN ĐẢNG", "xây dựng, CHỈNH ĐỐN ĐẢNG", 2},
      {"xây dựng, chỉnh đốn Đảng", "xây dựng, chỉnh đốn Đảng", 0},
      {"Đảng bộ Khôi các cơ quan tỉnh", "Đảng bộ Khối các cơ quan tỉnh", 1},
      // A person's name is not an organisation.
      {"đồng chí Nguyễn Văn Khôi, Phó Bí thư", "đồng chí Nguyễn Văn Khôi, Phó Bí thư", 0},
      {"Khôi phục sản xuất", "Khôi phục sản xuất", 0},
      {"ủy ban kiểm tra khôi phục", "ủy ban kiểm tra khôi phục", 0},
  };
  for (const auto& c : cases) {
    Document d = Normalise(c.in);
    EXPECT_EQ(d.text, c.want) << c.in;
    EXPECT_EQ(d.repairs.size(), c.repairs) << c.in;
    for (const Repair& r : d.repairs) {
      EXPECT_EQ(d.Slice(r.span), r.replacement);
      EXPECT_FALSE(r.rule.empty());
    }
  }
}

TEST(Normalise, OffsetsMapBackToRaw) {
  std::string raw = "## KẾ HOẠCH\r\nVie\xCC\x82\xCC\xA3t **Nam** hoà bình\r\nSố 7^{*}-KH/TU";
  Document d = Normalise(raw);
  ASSERT_EQ(d.text, "KẾ HOẠCH\nViệt Nam hòa bình\nSố 7-KH/TU");
  struct Case {
    const char* norm;
    const char* raw;
  } cases[] = {{"KẾ", "KẾ"}, {"Nam", "Nam"}, {"bình", "bình"}, {"-KH/TU", "-KH/TU"}, {"Số", "Số"}};
  for (const auto& c : cases) {
    size_t n = d.text.find(c.norm);
    ASSERT_NE(n, std::string::npos) << c.norm;
    size_t r = MapToRaw(d, n);
    EXPECT_EQ(raw.compare(r, strlen(c.raw), c.raw), 0) << c.norm << " → " << raw.substr(r, 10);
  }
  // Changed text maps to where its source starts.
  size_t viet = d.text.find("Việt");
  EXPECT_EQ(raw.compare(MapToRaw(d, viet), 3, "Vie"), 0);
  EXPECT_EQ(MapToRaw(d, d.text.size()), raw.size());
  EXPECT_LE(MapToRaw(d, 1u << 30), raw.size());
}

TEST(Normalise, EmptyAfterCleanupIsAnError) {
  auto stage = NewNormaliseStage(Rules());
  ASSERT_TRUE(stage.ok());
  Document doc;
  doc.raw_text = "##\n#\n\xE2\x80\x8B\n";
  EXPECT_FALSE(stage.value()->Run(&doc).ok());
}

}  // namespace vanban
