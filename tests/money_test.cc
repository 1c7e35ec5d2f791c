// The amounts[] extractor: figures with multiplier words and currencies,
// amounts in words, and figures repeated in words.
#include <gtest/gtest.h>

#include "tests/values_helper.h"

namespace vanban {
namespace {

using testing::ExtractValues;

struct MoneyCase {
  const char* text;
  double value;  // < 0: no amount
  double words;  // < 0: no words
  bool agree;
};

TEST(MoneyExtractor, Forms) {
  const MoneyCase cases[] = {
      {"trị giá mỗi căn nhà là 50.000.000 đồng", 5e7, -1, false},
      {"tổng kinh phí 1,5 tỷ đồng", 1.5e9, -1, false},
      {"hỗ trợ 200 triệu VNĐ cho mỗi xã", 2e8, -1, false},
      {"mức thu 3.500.000đ/người", 3.5e6, -1, false},
      {"giá 12.000 ₫", 12000, -1, false},
      {"tạm ứng 500 nghìn đồng", 5e5, -1, false},
      {"dự toán 2,5 tỉ đồng", 2.5e9, -1, false},
      {"tổng vốn 16.000 tỷ đồng", 1.6e13, -1, false},
      {"kinh phí 45.000.000 VND", 4.5e7, -1, false},
      {"50.000.000 đồng (năm mươi triệu đồng)", 5e7, 5e7, true},
      {"50.000.000 đồng (*năm mươi triệu đồng*)", 5e7, 5e7, true},
      {"1.500.000.000 đồng (Bằng chữ: một tỷ năm trăm triệu đồng)", 1.5e9, 1.5e9, true},
      {"150.000.000 đồng (một trăm năm mươi triệu đồng chẵn)", 1.5e8, 1.5e8, true},
      {"25.000.000 đồng (hai mươi triệu đồng)", 2.5e7, 2e7, false},
      {"hỗ trợ năm mươi triệu đồng cho gia đình", 5e7, 5e7, true},
      {"Hai tỷ ba trăm triệu đồng", 2.3e9, 2.3e9, true},
      // Not money.
      {"Đoàn gồm 05 đồng chí", -1, -1, false},
      {"năm 2020 đồng thời triển khai", -1, -1, false},
      {"50.000.000 người", -1, -1, false},
      {"có 2 đ/c tham dự", -1, -1, false},
  };
  for (const auto& c : cases) {
    Document doc = ExtractValues(c.text);
    if (c.value < 0) {
      EXPECT_TRUE(doc.amounts.empty()) << c.text << " → " << doc.amounts[0].value;
      continue;
    }
    ASSERT_EQ(doc.amounts.size(), 1u) << c.text;
    EXPECT_DOUBLE_EQ(doc.amounts[0].value, c.value) << c.text;
    EXPECT_EQ(doc.amounts[0].currency, "VND");
    if (c.words < 0) {
      EXPECT_FALSE(doc.amounts[0].words_value.has_value()) << c.text;
    } else {
      ASSERT_TRUE(doc.amounts[0].words_value.has_value()) << c.text;
      EXPECT_DOUBLE_EQ(*doc.amounts[0].words_value, c.words) << c.text;
      if (doc.amounts[0].rule == "money.figure") {
        ASSERT_TRUE(doc.amounts[0].words_agree.has_value()) << c.text;
        EXPECT_EQ(*doc.amounts[0].words_agree, c.agree) << c.text;
      }
    }
  }
}

TEST(MoneyExtractor, FigureAndWordsAreOneAmountWithOneSpan) {
  std::string text = "hỗ trợ 50.000.000 đồng (*năm mươi triệu đồng*) tại một số địa phương";
  Document doc = ExtractValues(text);
  ASSERT_EQ(doc.amounts.size(), 1u);
  EXPECT_EQ(doc.Slice(doc.amounts[0].span), "50.000.000 đồng (*năm mươi triệu đồng*)");
  EXPECT_TRUE(doc.numbers.empty());
}

}  // namespace
}  // namespace vanban
