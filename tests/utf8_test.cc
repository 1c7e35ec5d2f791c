// Tests for the UTF-8 helpers.
#include "text/utf8.h"

#include <gtest/gtest.h>

namespace vanban {

TEST(Utf8, ValidatesWellFormedText) {
  struct Case {
    std::string text;
    bool valid;
    size_t bad;
  } cases[] = {
      {"", true, 0},
      {"Hà Nội", true, 0},
      {"Đảng ủy Khối", true, 0},
      {"e\xCC\x82\xCC\xA3", true, 0},  // e + combining circumflex + dot below
      {"ab\xFF", false, 2},
      {"\xC0\xAF", false, 0},          // overlong '/'
      {"\xED\xA0\x80", false, 0},      // surrogate
      {"Kh\xC3", false, 2},            // truncated
      {"\xF4\x90\x80\x80", false, 0},  // beyond U+10FFFF
  };
  for (const auto& c : cases) {
    size_t bad = 999;
    EXPECT_EQ(IsValidUtf8(c.text, &bad), c.valid) << c.text;
    if (!c.valid) {
      EXPECT_EQ(bad, c.bad) << c.text;
    }
  }
}

TEST(Utf8, DecodesAndEncodesRoundTrip) {
  std::string s = "Số 48-KH/ĐUK ₫";
  std::string out;
  size_t pos = 0;
  while (pos < s.size()) AppendUtf8(NextCodePoint(s, &pos), &out);
  EXPECT_EQ(out, s);
}

TEST(Utf8, InvalidByteBecomesReplacement) {
  std::string s =
      "\xFF"
      "a";
  size_t pos = 0;
  EXPECT_EQ(NextCodePoint(s, &pos), char32_t{0xFFFD});
  EXPECT_EQ(pos, 1u);
}

}  // namespace vanban
