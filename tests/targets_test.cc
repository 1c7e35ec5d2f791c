// Targets: percentages and counts with unit, subject and due date, from the
// value facts when present and from targets.rules otherwise.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "extractors/rule_file.h"
#include "extractors/tasks.h"

namespace vanban {
namespace {

const Extractor& Targets() {
  static const Extractor* e = [] {
    auto book = RuleBook::LoadDir(VANBAN_SOURCE_DIR "/extractors/rules");
    EXPECT_TRUE(book.ok()) << book.status().ToString();
    auto x = NewTargetsExtractor(book.value());
    EXPECT_TRUE(x.ok()) << x.status().ToString();
    return std::move(x).value().release();
  }();
  return *e;
}

TEST(Targets, MinimalFormsWithoutFacts) {
  struct Case {
    const char* text;
    double value;
    const char* unit;
    const char* subject;
    const char* due;
  } kCases[] = {
      {"Phấn đấu 100% chi bộ hoàn thành nhiệm vụ.", 100, "%", "chi bộ", ""},
      {"Tỷ lệ hộ dân sử dụng nước sạch đạt 95,5 % trở lên vào năm 2025.", 95.5, "%",
       "hộ dân sử dụng nước sạch", "2025"},
      {"Hỗ trợ xây dựng 150 căn nhà tình nghĩa trị giá 50 triệu đồng.", 150, "căn nhà tình nghĩa",
       "căn nhà tình nghĩa", ""},
      {"Phấn đấu kết nạp 1.200 đảng viên mới đến năm 2026.", 1200, "đảng viên mới", "đảng viên mới",
       "2026"},
  };
  for (const auto& c : kCases) {
    Document doc;
    doc.text = c.text;
    Targets().Extract(&doc);
    ASSERT_EQ(doc.targets.size(), 1u) << c.text;
    const Target& t = doc.targets[0];
    EXPECT_DOUBLE_EQ(t.value, c.value) << c.text;
    EXPECT_EQ(t.unit, c.unit) << c.text;
    EXPECT_EQ(t.subject, c.subject) << c.text;
    EXPECT_EQ(t.due, c.due) << c.text;
    EXPECT_EQ(t.id, "g1");
    EXPECT_LE(t.span.end, doc.text.size());
  }
}

TEST(Targets, NotTargets) {
  for (const char* text : {"Tổ chức 02 ngày hội thảo.", "Kinh phí 50.000.000 đồng.",
                           "Ngày 15 tháng 3 năm 2024.", "Kỷ niệm 75 năm Ngày truyền thống."}) {
    Document doc;
    doc.text = text;
    Targets().Extract(&doc);
    EXPECT_TRUE(doc.targets.empty()) << text;
  }
}

TEST(Targets, UsesPercentageAndDeadlineFacts) {
  Document doc;
  doc.text = "Bảo đảm 90% cơ quan ứng dụng chữ ký số, hoàn thành trước ngày 31/12/2025.";
  PercentageFact p;
  p.id = "pc1";
  p.value = 90;
  p.subject = "cơ quan";
  p.text = "90%";
  p.span = Span{doc.text.find("90%"), doc.text.find("90%") + 3, 0};
  doc.percentages.push_back(p);
  DeadlineFact d;
  d.id = "d1";
  d.due = "2025-12-30";
  size_t b = doc.text.find("trước ngày");
  d.span = Span{b, doc.text.size() - 1, 0};
  doc.deadlines.push_back(d);
  Targets().Extract(&doc);
  ASSERT_EQ(doc.targets.size(), 1u);
  EXPECT_EQ(doc.targets[0].rule, "target.percentage-fact");
  EXPECT_EQ(doc.targets[0].subject, "cơ quan");
  EXPECT_EQ(doc.targets[0].due, "2025-12-30");
  EXPECT_EQ(doc.targets[0].horizon, "2025-12-30");
}

// A target's horizon is the year its sentence sets it for; it is never a
// deadline (deadlines_test checks that side).
TEST(Targets, HorizonFromTheSentence) {
  struct Case {
    const char* text;
    const char* horizon;
    const char* rule;
  };
  const Case cases[] = {
      {"Phấn đấu tới năm 2028, 85% hồ sơ được giải quyết trực tuyến.", "2028", "horizon.by"},
      {"Đến hết năm 2031: có ít nhất 65% số thôn có nhà văn hóa.", "2031", "horizon.by"},
      {"Hoàn thiện hệ thống, phủ sóng 99% số xã vào năm 2029.", "2029", "horizon.by"},
      {"Kế hoạch năm 2026 bảo đảm 100% trường học có internet.", "2026", "horizon.year"},
      {"Bảo đảm 100% trường học có internet.", "", ""},
  };
  for (const auto& c : cases) {
    Document doc;
    doc.text = c.text;
    Targets().Extract(&doc);
    ASSERT_EQ(doc.targets.size(), 1u) << c.text;
    EXPECT_EQ(doc.targets[0].horizon, c.horizon) << c.text;
    EXPECT_EQ(doc.targets[0].horizon_rule, c.rule) << c.text;
  }
}

}  // namespace
}  // namespace vanban
