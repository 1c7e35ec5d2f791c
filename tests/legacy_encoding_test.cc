// Tests for the legacy encoding tables and the Vietnamese syllable check.
#include <gtest/gtest.h>

#include "text/legacy.h"
#include "text/syllable.h"

namespace vanban {

TEST(Legacy, DecodesTables) {
  struct Case {
    LegacyEncoding enc;
    const char* bytes;
    const char* want;
  } cases[] = {
      {LegacyEncoding::kTcvn3, "H\xB5 N\xE9i", "Hà Nội"},
      {LegacyEncoding::kTcvn3, "\xA7\xB6ng \xE7y", "Đảng \xE1\xBB\x97y"},
      {LegacyEncoding::kTcvn3, "Tr\xAD\xEAng", "Trường"},
      {LegacyEncoding::kTcvn3, "U\xFB ban nh\xA9n d\xA9n", "Uỷ ban nhân dân"},
      {LegacyEncoding::kVni, "Vi\xEA\xE4t Nam", "Vi\xC3\xAA\xC3\xA4t Nam"},  // not VNI pairs
      {LegacyEncoding::kVni, "Vie\xE4t Nam", "Việt Nam"},
      {LegacyEncoding::kVni,
       "\xD1"
       "a\xFBng",
       "Đảng"},
      {LegacyEncoding::kVni, "UB\xD1 t\xF6\xF4\xF9ng", "UBĐ tướng"},
      {LegacyEncoding::kViscii, "Vi\xAEt Nam", "Việt Nam"},
  };
  for (const auto& c : cases) EXPECT_EQ(DecodeLegacy(c.enc, c.bytes), c.want) << c.bytes;
}

TEST(Legacy, ParsesNames) {
  LegacyEncoding e;
  EXPECT_TRUE(ParseLegacyName("abc", &e));
  EXPECT_EQ(e, LegacyEncoding::kTcvn3);
  EXPECT_TRUE(ParseLegacyName("vni", &e));
  EXPECT_EQ(e, LegacyEncoding::kVni);
  EXPECT_FALSE(ParseLegacyName("windows-1258", &e));
}

TEST(Legacy, Cp1252RoundTrip) {
  std::string bytes;
  ASSERT_TRUE(ToCp1252("Hµ Néi \xE2\x80\x9C\xE2\x88\x92", &bytes));
  EXPECT_EQ(bytes, "H\xB5 N\xE9i \x93\xAD");
  EXPECT_FALSE(ToCp1252("Việt", &bytes));
  EXPECT_EQ(FromCp1252("H\xB5 \x93"), "Hµ \xE2\x80\x9C");
}

TEST(Syllable, Table) {
  struct Case {
    const char* word;
    bool want;
  } cases[] = {
      {"nghiêng", true}, {"Việt", true},   {"ĐẢNG", true},
      {"gì", true},      {"quốc", true},   {"khuya", true},
      {"hòa", true},     {"hoà", true},    {"Vie\xCC\x82\xCC\xA3t", true},
      {"tất", true},     {"tầt", false},  // t takes sắc/nặng
      {"Hµ", false},     {"th¸ng", false}, {"Haø", false},
      {"Noäi", false},   {"ñaûng", false}, {"xyz", false},
      {"", false},
  };
  for (const auto& c : cases) EXPECT_EQ(IsVietnameseSyllable(c.word), c.want) << c.word;
}

TEST(Syllable, ScoresText) {
  SyllableScore good = ScoreVietnamese("Hà Nội, ngày 05 tháng 3 năm 2024");
  EXPECT_EQ(good.words, 5u);
  EXPECT_EQ(good.valid, 5u);
  SyllableScore bad = ScoreVietnamese("Hµ Néi, ngµy 05 th¸ng 3 n¨m 2024");
  EXPECT_LE(bad.valid, 1u);  // "Néi" happens to look like a syllable
}

}  // namespace vanban
