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

// Compound magnitudes, other currencies, ranges, caps and rates per unit.
struct ShapeCase {
  const char* text;
  double value;      // < 0: no amount
  double value_max;  // < 0: not a range
  const char* currency;
  const char* bound;
  const char* per;
};

TEST(MoneyExtractor, CompoundRangesCapsAndRates) {
  const ShapeCase cases[] = {
      {"tổng dự toán 1 tỷ 250 triệu đồng", 1.25e9, -1, "VND", "", ""},
      {"số dư 3 tỷ 75 triệu 500 nghìn đồng", 3.0755e9, -1, "VND", "", ""},
      {"thưởng 4 triệu 300 nghìn đồng", 4.3e6, -1, "VND", "", ""},
      {"vốn đầu tư 12,8 nghìn tỷ đồng", 1.28e13, -1, "VND", "", ""},
      {"xuất khẩu ước 2.140,5 triệu USD", 2.1405e9, -1, "USD", "", ""},
      {"tài trợ 800 nghìn đô la Mỹ", 8e5, -1, "USD", "", ""},
      {"khoản vay 25 triệu EUR", 2.5e7, -1, "EUR", "", ""},
      {"mỗi công trình được hỗ trợ 2,5 - 4 tỷ đồng/công trình", 2.5e9, 4e9, "VND", "",
       "công trình"},
      {"mức chi từ 300 đến 700 triệu đồng", 3e8, 7e8, "VND", "", ""},
      {"giá trị từ 800 triệu đến 1,2 tỷ đồng", 8e8, 1.2e9, "VND", "", ""},
      {"kinh phí không quá 90 triệu đồng", 9e7, -1, "VND", "at-most", ""},
      {"hỗ trợ tối đa là 15 triệu đồng/hộ", 1.5e7, -1, "VND", "at-most", "hộ"},
      {"vốn điều lệ tối thiểu 5 tỷ đồng", 5e9, -1, "VND", "at-least", ""},
      {"dự án từ 500 triệu đồng trở lên", 5e8, -1, "VND", "at-least", ""},
      {"phụ cấp 700.000 đồng/người/tháng", 7e5, -1, "VND", "", "người/tháng"},
      // Not a range: a year before a dash; not compound: a count between.
      {"Năm 2025 - 300 triệu đồng", 3e8, -1, "VND", "", ""},
      {"đồng chí Bí thư đồng thời là Chủ tịch", -1, -1, "", "", ""},
  };
  for (const auto& c : cases) {
    Document doc = ExtractValues(c.text);
    if (c.value < 0) {
      EXPECT_TRUE(doc.amounts.empty()) << c.text;
      continue;
    }
    ASSERT_EQ(doc.amounts.size(), 1u) << c.text;
    const AmountFact& a = doc.amounts[0];
    EXPECT_DOUBLE_EQ(a.value, c.value) << c.text;
    EXPECT_EQ(a.value_max.has_value(), c.value_max >= 0) << c.text;
    if (c.value_max >= 0 && a.value_max) {
      EXPECT_DOUBLE_EQ(*a.value_max, c.value_max) << c.text;
    }
    EXPECT_EQ(a.currency, c.currency) << c.text;
    EXPECT_EQ(a.bound, c.bound) << c.text;
    EXPECT_EQ(a.per, c.per) << c.text;
  }
}

TEST(MoneyExtractor, CompoundAmountKeepsOneSpanAndRule) {
  Document doc = ExtractValues("Tổng kinh phí: 2 tỷ 450 triệu đồng.");
  ASSERT_EQ(doc.amounts.size(), 1u);
  EXPECT_EQ(doc.Slice(doc.amounts[0].span), "2 tỷ 450 triệu đồng");
  EXPECT_EQ(doc.amounts[0].rule, "money.compound");
  EXPECT_TRUE(doc.numbers.empty());
}

}  // namespace
}  // namespace vanban
