// Tests for tone-mark placement (new style: hòa, khỏe, thúy, ủy).
#include "text/tone.h"

#include <gtest/gtest.h>

#include "text/fold.h"

namespace vanban {

TEST(NewStyleTones, Table) {
  struct Case {
    const char* in;
    const char* want;
  } cases[] = {
      {"hoà", "hòa"},
      {"hòa", "hòa"},
      {"Hoá", "Hóa"},
      {"khoẻ mạnh", "khỏe mạnh"},
      {"thuý", "thúy"},
      {"Uỷ ban", "Ủy ban"},
      {"UỶ BAN NHÂN DÂN", "ỦY BAN NHÂN DÂN"},
      {"CỘNG HOÀ XÃ HỘI", "CỘNG HÒA XÃ HỘI"},
      {"cấp uỷ, thành uỷ", "cấp ủy, thành ủy"},
      {"toạ đàm", "tọa đàm"},
      {"Thuỵ Điển", "Thụy Điển"},
      // Must not change: closed syllables, qu, other nuclei.
      {"hoàn thành", "hoàn thành"},
      {"quý", "quý"},
      {"Quỳnh", "Quỳnh"},
      {"khuyến khích", "khuyến khích"},
      {"thuở", "thuở"},
      {"hoài", "hoài"},
      {"khuya", "khuya"},
      {"toàn", "toàn"},
      {"", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(NewStyleTones(c.in), c.want) << c.in;
}

TEST(NewStyleTones, OldAndNewCompareEqualAfterwards) {
  EXPECT_EQ(NewStyleTones("Uỷ ban thuý hoà"), NewStyleTones("Ủy ban thúy hòa"));
  EXPECT_EQ(FoldKey(NewStyleTones("hoà")), "hoa");
}

TEST(NewStyleTone, RejectsWhatItDoesNotChange) {
  std::string out;
  EXPECT_FALSE(NewStyleTone("hoàn", &out));
  EXPECT_FALSE(NewStyleTone("quý", &out));
  EXPECT_FALSE(NewStyleTone("hòa", &out));
  EXPECT_TRUE(NewStyleTone("hoà", &out));
  EXPECT_EQ(out, "hòa");
}

}  // namespace vanban
