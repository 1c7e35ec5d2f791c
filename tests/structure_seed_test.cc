// Structure of seed 001 (a Kế hoạch): its numbered items become tasks, with
// periods once the value extractors find them, and leads from the text.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "pipeline/pipeline.h"
#include "tests/test_util.h"

namespace vanban {
namespace {

// True if labels appear in path in this order (other labels may come between).
bool PathHas(const std::vector<std::string>& path, const std::vector<std::string>& labels) {
  size_t i = 0;
  for (const auto& p : path) {
    if (i < labels.size() && p == labels[i]) ++i;
  }
  return i == labels.size();
}

TEST(StructureSeed, KeHoach001) {
  auto pipeline = Pipeline::Create(PipelineOptions());
  ASSERT_TRUE(pipeline.ok()) << pipeline.status().ToString();
  Document doc;
  Status s =
      pipeline.value()->ProcessFile(testing::SourcePath("samples/001_09c8a2f669d50eb4.txt"), &doc);
  ASSERT_TRUE(s.ok()) << s.ToString();

  // (1)–(12) under "II. … 2. Hình thức, thời gian tổ chức tuyên truyền".
  int items = 0, with_period = 0;
  for (int n = 1; n <= 12; ++n) {
    const Task* found = nullptr;
    for (const Task& t : doc.tasks) {
      if (!t.section_path.empty() && t.section_path.back() == std::to_string(n) &&
          PathHas(t.section_path, {"II", "2", std::to_string(n)})) {
        found = &t;
      }
    }
    EXPECT_NE(found, nullptr) << "item (" << n << ") is not a task";
    if (found == nullptr) continue;
    ++items;
    EXPECT_EQ(doc.Slice(found->span).substr(0, 1) != "(", true);
    if (!found->period_ids.empty()) ++with_period;
  }
  EXPECT_EQ(items, 12);
  if (!doc.periods.empty()) {
    // Every item but (8) ("trong dịp tổ chức Tọa đàm") has a time note.
    EXPECT_EQ(with_period, 11);
  }

  // "1.1. Ban Tuyên giáo Đảng ủy Khối chủ trì, phối hợp với …" under III.
  const Task* t11 = nullptr;
  for (const Task& t : doc.tasks) {
    if (!t.section_path.empty() && t.section_path.back() == "1.1" &&
        PathHas(t.section_path, {"III", "1", "1.1"})) {
      t11 = &t;
    }
  }
  ASSERT_NE(t11, nullptr);
  EXPECT_EQ(t11->lead, "Ban Tuyên giáo Đảng ủy Khối");
  EXPECT_NE(std::find(t11->partners.begin(), t11->partners.end(), "các đảng ủy trực thuộc"),
            t11->partners.end());

  // The slogans and the purposes are not tasks.
  for (const Task& t : doc.tasks) {
    EXPECT_FALSE(PathHas(t.section_path, {"I"}) && t.section_path.size() >= 2 &&
                 t.section_path[t.section_path.size() - 2] == "I")
        << t.text;
    EXPECT_EQ(t.text.find("Nhiệt liệt chào mừng"), std::string::npos);
  }

  // The lead is an organisation with that role.
  bool lead_role = false;
  for (const auto& o : doc.organisations) {
    if (o.name == "Ban Tuyên giáo Đảng ủy Khối") {
      lead_role = std::find(o.roles.begin(), o.roles.end(), "lead") != o.roles.end();
      EXPECT_EQ(o.abbreviation, "BTGĐUK");
    }
  }
  EXPECT_TRUE(lead_role);
}

}  // namespace
}  // namespace vanban
