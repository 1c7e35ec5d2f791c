// Figures, numbers in words, and the numbers[] / percentages[] extractors.
#include "extractors/numbers.h"

#include <gtest/gtest.h>

#include <cmath>

#include "tests/values_helper.h"

namespace vanban {
namespace {

using testing::ExtractValues;
using testing::ValueRules;

struct FigureCase {
  const char* text;
  bool ok;
  double value;
};

TEST(ParseFigure, VietnameseConventions) {
  const FigureCase cases[] = {
      {"50.000.000", true, 5e7}, {"79.000", true, 79000},
      {"2,5", true, 2.5},        {"1.234,56", true, 1234.56},
      {"01", true, 1},           {"0", true, 0},
      {"150", true, 150},        {"-3", true, -3},
      {"-1.500", true, -1500},   {"1.500", true, 1500},
      {"10,22", true, 10.22},    {"1.5", false, 0},
      {"1.23", false, 0},        {"12.3456", false, 0},
      {"1..000", false, 0},      {",5", false, 0},
      {"5,", false, 0},          {"", false, 0},
      {"abc", false, 0},         {"1.000.00", false, 0},
      {"1234.567", false, 0},
  };
  for (const auto& c : cases) {
    auto v = ParseFigure(c.text);
    EXPECT_EQ(v.has_value(), c.ok) << c.text;
    if (v && c.ok) {
      EXPECT_DOUBLE_EQ(*v, c.value) << c.text;
    }
  }
}

struct WordsCase {
  const char* text;
  double value;  // < 0: must not parse
};

TEST(NumberWords, FullGrammar) {
  auto nw = NumberWords::FromRules(ValueRules());
  ASSERT_TRUE(nw.ok()) << nw.status().ToString();
  const WordsCase cases[] = {
      {"một", 1},
      {"mười", 10},
      {"mười một", 11},
      {"mười lăm", 15},
      {"mười bốn", 14},
      {"hai mươi", 20},
      {"hai mươi mốt", 21},
      {"ba mươi tư", 34},
      {"bốn mươi bốn", 44},
      {"năm mươi lăm", 55},
      {"sáu mươi nhăm", 65},
      {"chín mươi chín", 99},
      {"một trăm", 100},
      {"một trăm linh năm", 105},
      {"hai trăm lẻ một", 201},
      {"ba trăm mười", 310},
      {"bốn trăm năm mươi", 450},
      {"hai trăm rưỡi", 250},
      {"chín trăm chín mươi chín", 999},
      {"một nghìn", 1000},
      {"một ngàn không trăm linh năm", 1005},
      {"hai nghìn rưỡi", 2500},
      {"mười hai nghìn", 12000},
      {"một trăm nghìn", 100000},
      {"năm mươi triệu", 5e7},
      {"một triệu rưỡi", 1.5e6},
      {"ba triệu hai trăm nghìn", 3.2e6},
      {"hai tỷ", 2e9},
      {"hai tỉ ba trăm triệu", 2.3e9},
      {"một tỷ rưỡi", 1.5e9},
      {"mười lăm tỷ", 1.5e10},
      {"một nghìn tỷ", 1e12},
      {"hai chục", 20},
      {"Năm Mươi Triệu", 5e7},
      {"MƯỜI HAI", 12},
      {"một trăm triệu chẵn", 1e8},
      // Decomposed Unicode (NFD) reads like the composed form.
      {"n\u0103m mu\u031bo\u031bi tri\u00ea\u0323u", 5e7},
      {"m\u01b0\u01a1\u0300i", 10},
      // Not numbers, or not only numbers.
      {"hai mươi năm", -1},  // twenty years: 25 is "hai mươi lăm"
      {"một trăm năm", -1},  // a century
      {"hai ba", -1},
      {"mươi", -1},
      {"lăm", -1},
      {"triệu", -1},
      {"một số", -1},
      {"", -1},
  };
  for (const auto& c : cases) {
    auto v = nw.value().Parse(c.text);
    if (c.value < 0) {
      EXPECT_FALSE(v.has_value()) << c.text << " = " << (v ? *v : 0);
    } else {
      ASSERT_TRUE(v.has_value()) << c.text;
      EXPECT_DOUBLE_EQ(*v, c.value) << c.text;
    }
  }
}

TEST(NumberWords, PrefixStopsAtTheFirstNonNumberWord) {
  auto nw = NumberWords::FromRules(ValueRules());
  ASSERT_TRUE(nw.ok());
  std::string t = "hai mươi lăm năm xây dựng";
  size_t end = 0;
  auto v = nw.value().ParsePrefix(t, 0, &end);
  ASSERT_TRUE(v.has_value());
  EXPECT_DOUBLE_EQ(*v, 25);
  EXPECT_EQ(t.substr(0, end), "hai mươi lăm");
}

struct NumberCase {
  const char* text;
  double value;
  const char* qualifier;
  const char* noun;
};

TEST(NumberExtractor, CountsQualifiersAndNouns) {
  const NumberCase cases[] = {
      {"Toàn tỉnh đã xây dựng 150 căn nhà tình nghĩa.", 150, "", "căn nhà tình nghĩa"},
      {"Tuyên dương 500 chi bộ tiêu biểu;", 500, "", "chi bộ tiêu biểu"},
      {"trị giá 01 căn nhà là", 1, "", "căn nhà"},
      {"kết nạp gần 79.000 đảng viên mới", 79000, "approximately", "đảng viên mới"},
      {"với hơn 5.700 tổ chức cơ sở đảng", 5700, "more-than", ""},
      {"khoảng 1.200 hộ dân bị ảnh hưởng", 1200, "approximately", "hộ dân"},
      {"có ít nhất 3 đại biểu", 3, "at-least", "đại biểu"},
      {"Đoàn gồm hai mươi lăm đồng chí", 25, "", "đồng chí"},
      {"nhiệt độ giảm xuống -3 độ", -3, "", "độ"},
      {"hỗ trợ 2,5 tấn gạo", 2.5, "", "tấn gạo"},
  };
  for (const auto& c : cases) {
    Document doc = ExtractValues(c.text);
    ASSERT_EQ(doc.numbers.size(), 1u) << c.text;
    EXPECT_DOUBLE_EQ(doc.numbers[0].value, c.value) << c.text;
    EXPECT_EQ(doc.numbers[0].qualifier, c.qualifier) << c.text;
    if (std::string(c.noun).size()) {
      EXPECT_EQ(doc.numbers[0].noun, c.noun) << c.text;
    }
  }
}

// Counts in words with their noun, figures repeated in brackets, and
// figures scaled by a magnitude word.
TEST(NumberExtractor, WordsEchoesAndScaledCounts) {
  const NumberCase cases[] = {
      {"Đảng bộ có sáu mươi tư tổ chức cơ sở đảng.", 64, "", "tổ chức cơ sở"},
      {"giao mười bảy nhiệm vụ trọng tâm", 17, "", "nhiệm vụ trọng tâm"},
      {"trong thời hạn bốn mươi lăm (45) ngày làm việc", 45, "", "ngày làm việc"},
      {"dân số khoảng 3,8 triệu người", 3.8e6, "approximately", "người"},
      {"hỗ trợ 2,5 nghìn hộ nghèo", 2500, "", "hộ nghèo"},
      {"có 12 tổ chức tham gia", 12, "", "tổ chức"},
      {"giải quyết trong mười (10) ngày", 10, "", "ngày"},
  };
  for (const auto& c : cases) {
    Document doc = ExtractValues(c.text);
    ASSERT_EQ(doc.numbers.size(), 1u) << c.text;
    EXPECT_DOUBLE_EQ(doc.numbers[0].value, c.value) << c.text;
    EXPECT_EQ(doc.numbers[0].qualifier, c.qualifier) << c.text;
    EXPECT_EQ(doc.numbers[0].noun, c.noun) << c.text;
  }
  Document doc = ExtractValues("thời hạn ba mươi (30) ngày");
  ASSERT_EQ(doc.numbers.size(), 1u);
  EXPECT_EQ(doc.Slice(doc.numbers[0].span), "ba mươi (30)");
}

TEST(NumberExtractor, SkipsDatesReferencesLabelsPhonesAndNames) {
  const char* cases[] = {
      "Hà Nội, ngày 24 tháng 12 năm 2021",
      "Căn cứ Kế hoạch số 48-KH/ĐUK ngày 29/11/2021",
      "1.1. Mục tiêu chung",
      "(2) Tổ chức hội nghị",
      "Điện thoại: 024.3823.1234",
      "Nghị quyết Hội nghị Trung ương 4 khóa XII",
      "theo Điều 5 của Luật",
      "nhiệm kỳ 2020 - 2025",
      "Đại hội XIII của Đảng",
      "trong năm 2023",
      "một số địa phương",
  };
  for (const char* text : cases) {
    Document doc = ExtractValues(text);
    EXPECT_TRUE(doc.numbers.empty()) << text << " → " << doc.numbers[0].text;
  }
}

struct PercentCase {
  const char* text;
  double value;
  const char* qualifier;
  const char* subject;
};

TEST(PercentExtractor, FiguresWordsQualifiersSubjects) {
  const PercentCase cases[] = {
      {"100% các đảng ủy trực thuộc tổ chức quán triệt", 100, "", "các đảng ủy trực thuộc"},
      {"tỷ lệ hộ nghèo giảm còn 2,5%.", 2.5, "", ""},
      {"đạt 95,5 % kế hoạch", 95.5, "", "kế hoạch"},
      {"phấn đấu trên 90% cán bộ được bồi dưỡng", 90, "more-than", "cán bộ"},
      {"có từ 80% trở lên đảng viên tham gia", 80, "at-least", ""},
      {"một trăm phần trăm", 100, "", ""},
      {"Chín mươi lăm phần trăm số xã", 95, "", "số xã"},
      {"tăng 30 phần trăm", 30, "", ""},
      {"không quá 5% tổng mức đầu tư", 5, "at-most", "tổng mức đầu tư"},
      {"gần 60% dân số", 60, "approximately", "dân số"},
      {"dưới 1,5% lao động", 1.5, "less-than", "lao động"},
  };
  for (const auto& c : cases) {
    Document doc = ExtractValues(c.text);
    ASSERT_EQ(doc.percentages.size(), 1u) << c.text;
    EXPECT_DOUBLE_EQ(doc.percentages[0].value, c.value) << c.text;
    EXPECT_EQ(doc.percentages[0].qualifier, c.qualifier) << c.text;
    if (std::string(c.subject).size()) {
      EXPECT_EQ(doc.percentages[0].subject, c.subject) << c.text;
    }
    EXPECT_TRUE(doc.numbers.empty()) << c.text << ": a percentage is not also a number";
  }
}

}  // namespace
}  // namespace vanban
