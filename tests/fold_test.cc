// Tests for the folding key.
#include "text/fold.h"

#include <gtest/gtest.h>

namespace vanban {

TEST(FoldKey, Table) {
  struct Case {
    const char* in;
    const char* want;
  } cases[] = {
      {"Đảng bộ Khối", "dang bo khoi"},
      {"ĐẢNG ỦY KHỐI", "dang uy khoi"},
      {"Khôi", "khoi"},
      {"Ban Tuyên giáo", "ban tuyen giao"},
      {"hoà", "hoa"},
      {"hòa", "hoa"},
      {"thuý", "thuy"},
      {"Nghị quyết số 214/NQ-CP", "nghi quyet so 214/nq-cp"},
      {"D\xC6\xAF\xCC\x9B", "du"},  // Ư written with a stray combining horn
      {"Ð", "d"},                   // U+00D0 look-alike
      {"", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(FoldKey(c.in), c.want) << c.in;
}

TEST(FoldKey, ComposedAndDecomposedAgree) {
  // "Việt" composed (U+1EC7) and decomposed (e + U+0302 + U+0323).
  EXPECT_EQ(FoldKey("Vi\xE1\xBB\x87t"), FoldKey("Vie\xCC\x82\xCC\xA3t"));
  EXPECT_EQ(FoldKey("Vie\xCC\x82\xCC\xA3t"), "viet");
}

}  // namespace vanban
